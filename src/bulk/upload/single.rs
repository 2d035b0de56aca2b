//! One image or many: whether a run counts as a single upload, and what that changes. A single
//! upload shows a byte bar and ends by printing the image itself (as `images get` would) or
//! its error; a bulk run shows the overall display and ends with a summary line.

use std::path::Path;

use anyhow::Result;

use crate::api::Client;
use crate::error::{CliError, Exit};
use crate::output::Output;
use crate::ui::{Ui, Work};

use super::plan::{Item, ItemSource};
use super::report::{ItemResult, Status};
use crate::bulk::action::Outcome;
use crate::bulk::sink::Progress;

/// One image named directly: not a directory, list or manifest run, which are bulk runs
/// even when they come to one file, so scripts get the same shape every time.
pub fn is_single(items: &[Item], sources: &[String], listed: bool, manifest: bool) -> bool {
    items.len() == 1
        && sources.len() == 1
        && !listed
        && !manifest
        && !Path::new(&sources[0]).is_dir()
}

/// The progress display: bytes for one file read from disk, else files and bytes still to send.
pub fn progress(ui: &Ui, items: &[Item], to_send: &[usize], single: bool) -> Progress {
    match (items, single) {
        ([item], true) => match &item.source {
            ItemSource::File { info, .. } => ui
                .bytes_progress(info.bytes, &item.label)
                .map_or(Progress::None, Progress::Single),
            _ => Progress::None,
        },
        _ => {
            let bytes = to_send.iter().map(|&i| items[i].bytes()).sum();
            ui.bulk_progress(Work {
                noun: "files",
                verb: "sending",
                items: to_send.len() as u64,
                bytes,
            })
            .map_or(Progress::None, Progress::Bulk)
        }
    }
}

/// One image: print the image itself, as `images get` would.
pub fn finish(
    out: &Output,
    ui: &Ui,
    api: &Client,
    result: ItemResult,
    print_urls: bool,
) -> Result<()> {
    let source = result.subject().to_string();
    let image = match (result.image, result.status, result.error) {
        (Some(image), _, _) => image,
        (None, Status::Skipped, _) => {
            let id = result.id.unwrap_or_default();
            ui.status(&format!("{id} exists already; skipped (--skip-existing)"));
            api.get_image(&id)?
        }
        (None, status, Some(error)) => {
            let refused = error.cause.as_ref().filter(|cause| cause.is_auth());
            let exit = if refused.is_some() {
                Exit::Config
            } else {
                Exit::Error
            };
            let mut err = CliError::new(exit, format!("{source}: {}", error.message));
            if let Some(cause) = refused {
                err = err.with_hint(crate::bulk::summary::refusal_hint(cause));
            } else if status == Status::Unknown && error.status == Some(409) {
                let id = result.id.as_deref().unwrap_or_default();
                err = err.with_hint(format!(
                    "see what holds the id with `cfimg images get {id}`; to store this file there, delete that image first (`cfimg images delete {id}`)"
                ));
            } else if status == Status::Unknown {
                err = err.with_hint("the image may have been stored anyway: check `cfimg images list` before uploading it again");
            } else if error.status == Some(409) {
                err = err.with_hint(
                    "an image with this id exists; pick another --id, delete it first, or pass --skip-existing",
                );
            }
            if let Some(cause) = error.cause {
                err = err.caused_by(cause);
            }
            return Err(err.into());
        }
        (None, _, None) => unreachable!("a result is an image, a skip or an error"),
    };
    out.uploaded(&image, print_urls)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(label: &str) -> Item {
        Item {
            source: ItemSource::Url(label.to_string()),
            label: label.to_string(),
            id: None,
        }
    }

    #[test]
    fn one_named_image_is_single() {
        let source = "https://example.com/a.png".to_string();
        let items = [url(&source)];
        assert!(is_single(
            &items,
            std::slice::from_ref(&source),
            false,
            false
        ));
    }

    #[test]
    fn lists_manifests_and_several_items_are_bulk() {
        let source = "https://example.com/a.png".to_string();
        let one = [url(&source)];
        let sources = std::slice::from_ref(&source);
        assert!(!is_single(&one, sources, true, false));
        assert!(!is_single(&one, sources, false, true));
        assert!(!is_single(&[url("a"), url("b")], sources, false, false));
        assert!(!is_single(
            &one,
            &[source.clone(), source.clone()],
            false,
            false
        ));
    }

    #[test]
    fn a_directory_is_bulk_even_with_one_image() {
        let dir = std::env::temp_dir().to_string_lossy().into_owned();
        assert!(!is_single(&[url("a")], &[dir], false, false));
    }
}
