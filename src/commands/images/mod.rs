//! `cfimg images …`: one module per verb, each with its own arguments.

pub mod blob;
pub mod delete;
pub mod edit;
pub mod get;
pub mod list;
pub mod upload;
pub mod url;

use anyhow::Result;
use clap::Subcommand;

use super::Context;

#[derive(Debug, Subcommand)]
pub enum ImagesCommand {
    /// List images, newest first; --all follows every page
    List(list::ListArgs),
    /// Show one image
    Get(get::GetArgs),
    /// Upload images from files, directories, lists, URLs or stdin
    Upload(upload::UploadArgs),
    /// Change an image's metadata, privacy or creator
    Edit(edit::EditArgs),
    /// Delete images (asks first on a terminal; --yes elsewhere)
    Delete(delete::DeleteArgs),
    /// Download an image's original bytes
    Blob(blob::BlobArgs),
    /// Print delivery URLs, signed ones included
    Url(url::UrlArgs),
}

pub fn run(command: ImagesCommand, ctx: &mut Context) -> Result<()> {
    match command {
        ImagesCommand::List(args) => list::run(args, ctx),
        ImagesCommand::Get(args) => get::run(args, ctx),
        ImagesCommand::Upload(args) => upload::run(args, ctx),
        ImagesCommand::Edit(args) => edit::run(args, ctx),
        ImagesCommand::Delete(args) => delete::run(args, ctx),
        ImagesCommand::Blob(args) => blob::run(args, ctx),
        ImagesCommand::Url(args) => url::run(args, ctx),
    }
}

/// Metadata from `--metadata JSON` or repeated `--meta key=value` (clap keeps them exclusive).
pub(crate) fn metadata_from_args(
    json: Option<&str>,
    pairs: &[String],
) -> Result<Option<crate::metadata::Metadata>> {
    use crate::error::CliError;
    if let Some(text) = json {
        return crate::metadata::parse_json(text)
            .map(Some)
            .map_err(|e| CliError::usage(format!("--metadata: {e}")).into());
    }
    if pairs.is_empty() {
        return Ok(None);
    }
    crate::metadata::parse_pairs(pairs)
        .map(Some)
        .map_err(|e| CliError::usage(format!("--meta: {e}")).into())
}
