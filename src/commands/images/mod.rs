//! `cfimg images …`: one module per verb, each with its own arguments.

pub mod blob;
pub mod copy;
pub mod delete;
pub mod edit;
pub mod export;
pub mod get;
pub mod import;
pub mod list;
pub mod sync;
pub mod upload;
pub mod url;

use anyhow::Result;
use clap::Subcommand;

use super::Context;

#[derive(Debug, Subcommand)]
pub enum ImagesCommand {
    /// List images, newest first, or those a selection picks; --all follows every page
    List(list::ListArgs),
    /// Show one image
    Get(get::GetArgs),
    /// Upload images from files, directories, lists, URLs or stdin
    Upload(upload::UploadArgs),
    /// Make the images under a prefix match a directory's files: upload new, replace changed, delete extra (--delete)
    Sync(sync::SyncArgs),
    /// Change the metadata, privacy or creator of an image, or of every image a selection picks
    Edit(edit::EditArgs),
    /// Delete images by id or selection (asks first on a terminal; --yes elsewhere)
    Delete(delete::DeleteArgs),
    /// Download an image's original bytes
    Blob(blob::BlobArgs),
    /// Print delivery URLs, signed ones included
    Url(url::UrlArgs),
    /// Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new
    Export(export::ExportArgs),
    /// Upload an export folder's images as they were: ids, metadata, creator and privacy
    Import(import::ImportArgs),
    /// Copy images into another profile's account, streamed, with their ids, metadata, creator and privacy
    Copy(copy::CopyArgs),
}

pub fn run(command: ImagesCommand, ctx: &mut Context) -> Result<()> {
    match command {
        ImagesCommand::List(args) => list::run(args, ctx),
        ImagesCommand::Get(args) => get::run(args, ctx),
        ImagesCommand::Upload(args) => upload::run(args, ctx),
        ImagesCommand::Sync(args) => sync::run(args, ctx),
        ImagesCommand::Edit(args) => edit::run(args, ctx),
        ImagesCommand::Delete(args) => delete::run(args, ctx),
        ImagesCommand::Blob(args) => blob::run(args, ctx),
        ImagesCommand::Url(args) => url::run(args, ctx),
        ImagesCommand::Export(args) => export::run(args, ctx),
        ImagesCommand::Import(args) => import::run(args, ctx),
        ImagesCommand::Copy(args) => copy::run(args, ctx),
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

/// The images a bulk command acts on, as the selection picks them: the ids named, or what the
/// query finds (listed now, with a spinner on a terminal). A query that narrows nothing must
/// come with `--all`, so a forgotten filter never means "every image".
pub(crate) struct Picks {
    pub picked: Vec<crate::select::Picked>,
    /// How many images the listing went through (a query only).
    pub listed: Option<u64>,
    /// The listing requests made.
    pub requests: u64,
}

/// Refuse a query that narrows nothing without `--all`, before any request. `verb` says what
/// the command does (`delete`, `edit`).
pub(crate) fn check_narrowed(
    selection: &crate::select::Selection,
    all: bool,
    verb: &str,
    filter_flag: &str,
) -> Result<()> {
    use crate::error::CliError;
    if let crate::select::Selection::Query(query) = selection
        && query.is_everything()
        && !all
    {
        return Err(CliError::usage(format!(
                "name the images to {verb}: ids, --ids-from FILE, or a selection ({filter_flag}, --creator, --uploaded-before, --filename, --id-prefix, --private, …)"
            ))
            .with_hint(format!("to {verb} every image in the account, pass --all"))
            .into());
    }
    Ok(())
}

/// List (for a query) and pick the images.
pub(crate) fn pick(
    selection: crate::select::Selection,
    client: &crate::api::Client,
    ui: &crate::ui::Ui,
) -> Result<Picks> {
    use crate::select::{Picked, Selection};
    use crate::text::grouped;
    match selection {
        Selection::Ids(ids) => Ok(Picks {
            picked: ids.into_iter().map(Picked::id).collect(),
            listed: None,
            requests: 0,
        }),
        Selection::Query(query) => {
            let spinner = ui.spinner("listing images");
            let found = query.collect(client, |listed, matched| {
                if let Some(s) = &spinner {
                    s.set_message(format!(
                        "listing images: {} listed, {} match",
                        grouped(listed),
                        grouped(matched as u64)
                    ));
                }
            });
            if let Some(s) = spinner {
                s.finish_and_clear();
            }
            let found = found?;
            Ok(Picks {
                picked: found.images.into_iter().map(Picked::from).collect(),
                listed: Some(found.listed),
                requests: found.requests,
            })
        }
    }
}
