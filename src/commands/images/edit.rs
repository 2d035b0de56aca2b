//! `cfimg images edit ID`: PATCH metadata, privacy and creator.

use anyhow::Result;
use clap::Args;

use crate::api::images::ImageUpdate;
use crate::context::Context;
use crate::error::CliError;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images edit cats/1 --set-meta alt='A cat' --unset-meta draft\n  \
    cfimg images edit cats/1 --meta alt='A cat' --meta width:=640\n  \
    cfimg images edit 083eb7b2-5392-4565-b69e-aff66acddd00 --require-signed-urls\n\n\
--set-meta and --unset-meta read the image's metadata, change those keys and write it back\n\
(one GET, one PATCH); --metadata and --meta replace all of it.")]
pub struct EditArgs {
    /// Image id
    #[arg(value_parser = crate::image_id::parse_image_id)]
    pub id: String,

    /// Replace the metadata with this JSON object (at most 1024 bytes)
    #[arg(long, value_name = "JSON", conflicts_with_all = ["meta", "set_meta", "unset_meta"])]
    pub metadata: Option<String>,

    /// Replace the metadata with these entries, key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE", conflicts_with_all = ["set_meta", "unset_meta"])]
    pub meta: Vec<String>,

    /// Add or change one metadata entry, keeping the others: key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub set_meta: Vec<String>,

    /// Remove one metadata entry, keeping the others; repeatable
    #[arg(long, value_name = "KEY")]
    pub unset_meta: Vec<String>,

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
    let merging = !args.set_meta.is_empty() || !args.unset_meta.is_empty();
    // Parsed before any request, so a malformed pair costs nothing.
    let set = crate::metadata::parse_pairs(&args.set_meta)
        .map_err(|e| CliError::usage(format!("--set-meta: {e}")))?;
    let mut update = ImageUpdate {
        metadata: super::metadata_from_args(args.metadata.as_deref(), &args.meta)?,
        require_signed_urls: crate::commands::args::switch_pair(
            args.require_signed_urls,
            args.no_require_signed_urls,
        ),
        creator: args.creator.clone(),
    };
    if update.is_empty() && !merging {
        return Err(CliError::usage("nothing to change")
            .with_hint(
                "pass --set-meta, --unset-meta, --metadata, --meta, --require-signed-urls, --no-require-signed-urls or --creator",
            )
            .into());
    }
    let client = ctx.client()?;
    if merging {
        // The API replaces metadata whole, so a merge is a read, then a write of the result;
        // a change someone else makes in between is overwritten.
        let current = client
            .get_image(&args.id)
            .map_err(|e| super::get::not_found_names(e, &args.id))?;
        let merged =
            crate::metadata::merge(current.meta.as_ref(), set, &args.unset_meta).map_err(|e| {
                CliError::usage(format!(
                    "cannot merge into the metadata of '{}': {e}",
                    args.id
                ))
            })?;
        update.metadata = Some(merged);
    }
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
