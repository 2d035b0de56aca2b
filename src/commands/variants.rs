//! `cfimg variants list | get | create | edit | delete`.

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::api::variants::{Variant, VariantOptions, VariantUpdate};
use crate::commands::delete::Kind;
use crate::context::Context;
use crate::error::CliError;
use crate::settings::file::{Fit, MetadataPolicy};

/// The API's limit on variant names; its pattern says alphanumeric (docs/api-notes.md#limits).
const MAX_NAME_CHARS: usize = 99;

#[derive(Debug, Subcommand)]
pub enum VariantsCommand {
    /// List every variant, sorted by name
    #[command(
        after_help = "Examples:\n  cfimg variants list\n  cfimg variants list --ndjson | jq -r .id"
    )]
    List,
    /// Show one variant
    #[command(after_help = "Example:\n  cfimg variants get public --json")]
    Get {
        /// Variant name
        id: String,
    },
    /// Create a variant
    #[command(
        after_help = "Example:\n  cfimg variants create thumb --fit cover --width 200 --height 200"
    )]
    Create(CreateArgs),
    /// Change a variant's options (the ones not given stay as they are)
    #[command(after_help = "Example:\n  cfimg variants edit thumb --width 300")]
    Edit(EditArgs),
    /// Delete variants (asks first on a terminal; --yes elsewhere)
    #[command(
        after_help = "Examples:\n  cfimg variants delete thumb\n  cfimg variants delete thumb avatar --yes"
    )]
    Delete {
        /// Variant names
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// Delete without asking
        #[arg(short, long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Variant name: letters and digits, at most 99
    pub id: String,
    /// How the image fits the box
    #[arg(long, value_enum)]
    pub fit: Fit,
    /// Maximum width in pixels (at least 1)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub width: u32,
    /// Maximum height in pixels (at least 1)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub height: u32,
    /// Which EXIF data to keep
    #[arg(long, value_enum, default_value = "none")]
    pub metadata: MetadataPolicy,
    /// Serve this variant even for images that require signed URLs
    #[arg(long, overrides_with = "no_never_require_signed_urls")]
    pub never_require_signed_urls: bool,
    /// Serve this variant only signed for images that require signed URLs (the default)
    #[arg(long, overrides_with = "never_require_signed_urls")]
    pub no_never_require_signed_urls: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Variant name
    pub id: String,
    #[arg(long, value_enum)]
    /// How the image fits the box
    pub fit: Option<Fit>,
    /// Maximum width in pixels (at least 1)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub width: Option<u32>,
    /// Maximum height in pixels (at least 1)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub height: Option<u32>,
    /// Which EXIF data to keep
    #[arg(long, value_enum)]
    pub metadata: Option<MetadataPolicy>,
    /// Serve this variant even for images that require signed URLs
    #[arg(long, overrides_with = "no_never_require_signed_urls")]
    pub never_require_signed_urls: bool,
    /// Serve this variant only signed for images that require signed URLs
    #[arg(long, overrides_with = "never_require_signed_urls")]
    pub no_never_require_signed_urls: bool,
}

pub fn run(command: VariantsCommand, ctx: &mut Context) -> Result<()> {
    match command {
        VariantsCommand::List => {
            let variants = ctx.client()?.list_variants()?;
            ctx.out.variants(&variants)?;
        }
        VariantsCommand::Get { id } => {
            let variant = ctx
                .client()?
                .get_variant(&id)
                .map_err(|e| not_found(e, &id))?;
            ctx.out.variant(&variant)?;
        }
        VariantsCommand::Create(args) => {
            super::args::check_name("variant", &args.id, MAX_NAME_CHARS)?;
            let variant = Variant {
                id: args.id.clone(),
                options: VariantOptions {
                    fit: args.fit.wire().to_string(),
                    width: args.width.into(),
                    height: args.height.into(),
                    metadata: args.metadata.wire().to_string(),
                    extra: Default::default(),
                },
                never_require_signed_urls: args.never_require_signed_urls,
                extra: Default::default(),
            };
            let created = ctx.client()?.create_variant(&variant)?;
            ctx.out.variant(&created)?;
        }
        VariantsCommand::Edit(args) => edit(args, ctx)?,
        VariantsCommand::Delete { ids, yes } => {
            super::delete::run(ctx, &VARIANT, &ids, yes, |client, id| {
                client.delete_variant(id)
            })?;
        }
    }
    Ok(())
}

/// The API wants every option on a PATCH, so unchanged ones are taken from the variant.
fn edit(args: EditArgs, ctx: &mut Context) -> Result<()> {
    let never_require_signed_urls = super::args::switch_pair(
        args.never_require_signed_urls,
        args.no_never_require_signed_urls,
    );
    if args.fit.is_none()
        && args.width.is_none()
        && args.height.is_none()
        && args.metadata.is_none()
        && never_require_signed_urls.is_none()
    {
        return Err(CliError::usage("nothing to change")
            .with_hint("pass --fit, --width, --height, --metadata, --never-require-signed-urls or --no-never-require-signed-urls")
            .into());
    }
    let client = ctx.client()?;
    let current = client
        .get_variant(&args.id)
        .map_err(|e| not_found(e, &args.id))?;
    let mut options = current.options;
    if let Some(fit) = args.fit {
        options.fit = fit.wire().to_string();
    }
    if let Some(width) = args.width {
        options.width = width.into();
    }
    if let Some(height) = args.height {
        options.height = height.into();
    }
    if let Some(metadata) = args.metadata {
        options.metadata = metadata.wire().to_string();
    }
    let update = VariantUpdate {
        options,
        never_require_signed_urls,
    };
    let updated = client.update_variant(&args.id, &update)?;
    ctx.out.variant(&updated)?;
    Ok(())
}

const VARIANT: Kind = Kind {
    one: "variant",
    many: "variants",
    field: "id",
    not_found_hint: "see the variants there are with `cfimg variants list`",
};

fn not_found(error: crate::api::ApiError, id: &str) -> anyhow::Error {
    crate::error::name_not_found(error, &format!("variant '{id}'"), VARIANT.not_found_hint)
}
