//! `cfimg images edit ID`: PATCH metadata, privacy and creator.

use anyhow::Result;
use clap::Args;

use crate::api::images::ImageUpdate;
use crate::commands::Context;
use crate::error::CliError;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images edit cats/1 --meta alt='A cat' --meta width:=640\n  \
    cfimg images edit 083eb7b2-5392-4565-b69e-aff66acddd00 --require-signed-urls")]
pub struct EditArgs {
    /// Image id
    pub id: String,

    /// Replace the metadata with this JSON object (at most 1024 bytes)
    #[arg(long, value_name = "JSON", conflicts_with = "meta")]
    pub metadata: Option<String>,

    /// Replace the metadata with these entries, key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Make the image private: reachable only through signed URLs
    #[arg(long, overrides_with = "no_require_signed_urls")]
    pub require_signed_urls: bool,

    /// Make the image public
    #[arg(long, overrides_with = "require_signed_urls")]
    pub no_require_signed_urls: bool,

    /// Set the creator
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,
}

pub fn run(args: EditArgs, ctx: &mut Context) -> Result<()> {
    let update = ImageUpdate {
        metadata: super::metadata_from_args(args.metadata.as_deref(), &args.meta)?,
        require_signed_urls: crate::commands::switch_pair(
            args.require_signed_urls,
            args.no_require_signed_urls,
        ),
        creator: args.creator.clone(),
    };
    if update.is_empty() {
        return Err(CliError::usage("nothing to change")
            .with_hint(
                "pass --metadata, --meta, --require-signed-urls, --no-require-signed-urls or --creator",
            )
            .into());
    }
    let client = ctx.client()?;
    let image = client
        .update_image(&args.id, &update)
        .map_err(|e| super::get::not_found_names(e, &args.id))?;
    if image.id != args.id {
        // The API documents that a privacy change can give the image a new id.
        ctx.ui.warn(&format!(
            "the API gave the image a new id: {} (was {})",
            image.id, args.id
        ));
    }
    ctx.out.image(&image)?;
    Ok(())
}
