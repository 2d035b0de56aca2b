//! `cfimg images get ID`.

use anyhow::Result;
use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cfimg images get 083eb7b2-5392-4565-b69e-aff66acddd00 --json | jq .meta"
)]
pub struct GetArgs {
    /// Image id (a custom id may contain slashes)
    #[arg(value_parser = crate::image_id::parse_image_id)]
    pub id: String,
}

pub fn run(args: GetArgs, ctx: &mut Context) -> Result<()> {
    let client = ctx.client()?;
    let image = client
        .get_image(&args.id)
        .map_err(|e| not_found_names(e, &args.id))?;
    ctx.out.image(&image)?;
    Ok(())
}

/// A 404 that says which image was not found.
pub(crate) fn not_found_names(error: crate::api::ApiError, id: &str) -> anyhow::Error {
    crate::error::name_not_found(
        error,
        &format!("image '{id}'"),
        "list the account's images with `cfimg images list`",
    )
}
