//! Deleting images: the delete job's action on the bulk engine, its results, and its manifest.
//!
//! An image already gone counts as deleted: deleting is idempotent, so a re-run, a retry or
//! someone else's delete in between is not a failure. (Only a single image named on its own is
//! "not found", exit 4, as `images get` would say: a person who typed one id wants to know.)
//!
//! With `--manifest`, each image's line holds what it held (file name, metadata, creator,
//! privacy, upload time): an audit log, and what a restore of its metadata needs. The line is
//! written twice: `deleting` just before the DELETE goes out, with what the image held, then
//! `deleted` (or `failed`) after; so a process killed while a DELETE is out still leaves the
//! image's record, and a re-run finds the `deleting` line, deletes again (gone counts as
//! deleted) and writes the final line.

use serde::{Deserialize, Serialize};

use crate::api::images::Image;
use crate::api::{ApiError, Client};
use crate::output::{ErrorReport, Layout};
use crate::select::Picked;

use super::action::{self, Action, Attempt, Class, Count, Resume, Retry, Tally};
use super::journal::{Keyed, Record};
use super::report::{self, ItemResult};

pub struct Delete {
    /// `--manifest`: each image's line records what it held, read first when the listing
    /// did not show it (one GET).
    pub audit: bool,
    /// One image named on its own: gone is "not found", not deleted.
    pub single: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Deleted,
    /// Deleted by an earlier run, as the manifest says; no request.
    Skipped,
    Failed,
    /// Only in the manifest: the DELETE was about to go out.
    Deleting,
}

/// Why an image counts as deleted without this run deleting it, or was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The API said it is not there (404): deleted before, by anyone.
    Gone,
    /// An earlier run recorded it deleted.
    Manifest,
}

/// One image's result: a line of `--ndjson`, an element of `--json`. Its `image` is the image
/// as it was, when the run knew it (from the listing, or read for the manifest).
pub type Deleted = ItemResult<Status, Reason>;

/// One line of a delete's manifest: the image as it was (the API's own object, without its
/// delivery URLs), when the run knew it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Keyed for Entry {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Entry {
    fn new(id: &str, status: Status, image: Option<&Image>) -> Self {
        Entry {
            id: id.to_string(),
            status,
            reason: None,
            image: image.map(|i| Image {
                variants: Vec::new(),
                ..i.clone()
            }),
            error: None,
        }
    }

    /// The image as the line recorded it, when it recorded anything of it.
    fn image(&self) -> Option<Image> {
        self.image.clone()
    }
}

impl report::Status for Status {
    fn word(self) -> &'static str {
        match self {
            Status::Deleted => "deleted",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
            Status::Deleting => "deleting",
        }
    }

    fn class(self) -> Class {
        match self {
            Status::Deleted => Class::Done,
            Status::Skipped => Class::Skipped,
            Status::Failed | Status::Deleting => Class::Failed,
        }
    }
}

/// The result for image `id`, with what it held as the run knew it (its delivery URLs, which
/// lead nowhere once it is deleted, left out).
fn deleted(id: &str, status: Status, image: Option<Image>) -> Deleted {
    let mut result = ItemResult::of_image(id, status);
    result.image = image.map(|mut i| {
        i.variants = Vec::new();
        i
    });
    result
}

fn failed(id: &str, image: Option<Image>, error: &ApiError) -> Deleted {
    deleted(id, Status::Failed, image).failing(ErrorReport::from(error))
}

impl Action for Delete {
    type Item = Picked;
    type Result = Deleted;
    type Entry = Entry;

    /// A DELETE repeated meets the image gone, which counts as deleted.
    fn retry(&self, _item: &Picked) -> Retry {
        Retry::Safe
    }

    fn perform(&self, _index: usize, item: &Picked, attempt: &Attempt<'_, Entry>) -> Deleted {
        let client: &Client = attempt.client;
        let mut held = item.image.clone();
        if self.audit && held.is_none() {
            match client.get_image(&item.id) {
                Ok(image) => held = Some(image),
                Err(e) if e.is_not_found() => return self.gone(item, None, &e),
                Err(e) => return failed(&item.id, None, &e),
            }
        }
        if self.audit {
            attempt.note(Entry::new(&item.id, Status::Deleting, held.as_ref()));
        }
        match client.delete_image(&item.id) {
            Ok(()) => deleted(&item.id, Status::Deleted, held),
            Err(e) if e.is_not_found() => self.gone(item, held, &e),
            Err(e) => failed(&item.id, held, &e),
        }
    }

    fn unsent(&self, _index: usize, item: &Picked, error: &ApiError) -> Deleted {
        failed(&item.id, item.image.clone(), error)
    }

    fn entry(&self, _index: usize, item: &Picked, result: &Deleted) -> Option<Entry> {
        if !self.audit {
            return None;
        }
        let image = result.image.as_ref().or(item.image.as_ref());
        let mut entry = Entry::new(&item.id, result.status, image);
        entry.reason = result.reason;
        entry.error = result.error.as_ref().map(|e| e.message.clone());
        Some(entry)
    }

    fn summary(&self, tally: &Tally) -> String {
        tally.line(&[
            Count::Always("deleted"),
            Count::IfAny("skipped", "deleted by an earlier run"),
            Count::Always("failed"),
        ])
    }
}

impl Delete {
    /// The API says the image is not there: deleted already, unless it was named on its own.
    fn gone(&self, item: &Picked, held: Option<Image>, error: &ApiError) -> Deleted {
        if self.single {
            return failed(&item.id, held, error);
        }
        deleted(&item.id, Status::Deleted, held).because(Reason::Gone)
    }
}

/// What a manifest leaves to do: `picked` less the images an earlier run recorded deleted
/// (their results, settled without a request, are returned beside), plus the images a killed
/// run was deleting when it died and the selection no longer lists (gone, most likely: they
/// are deleted again, so their final line is written with what they held).
pub fn resume(
    action: &Delete,
    picked: Vec<Picked>,
    record: &Record<Entry>,
) -> (Vec<Picked>, Vec<Deleted>) {
    let mut todo = Vec::with_capacity(picked.len());
    let mut settled = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for mut item in picked {
        seen.insert(item.id.clone());
        match record.get(&item.id) {
            Some(entry) if entry.status == Status::Deleted => {
                settled.push(
                    deleted(&item.id, Status::Skipped, entry.image()).because(Reason::Manifest),
                );
            }
            Some(entry) => {
                if item.image.is_none() {
                    item.image = entry.image();
                }
                todo.push(item);
            }
            None => todo.push(item),
        }
    }
    let mut interrupted: Vec<&Entry> = record
        .entries()
        .filter(|e| e.status == Status::Deleting && !seen.contains(&e.id))
        .collect();
    interrupted.sort_by(|a, b| a.id.cmp(&b.id));
    for entry in interrupted {
        let item = Picked {
            id: entry.id.clone(),
            image: entry.image(),
        };
        if action::resume(action, &item) == Resume::Again {
            todo.push(item);
        }
    }
    (todo, settled)
}

/// A delete's results as a table shows them: `deleted  ID  (already gone)`.
pub fn results_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Deleted> {
    report::image_results(
        &["deleted", "skipped", "failed"],
        ids,
        |result: &Deleted| {
            match result.reason {
                Some(Reason::Gone) => "(already gone)",
                Some(Reason::Manifest) => "(by an earlier run)",
                None => "",
            }
            .to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(id: &str) -> Image {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "filename": format!("{id}.png"),
            "meta": {"team": "web"},
            "creator": "ci",
            "requireSignedURLs": false,
            "uploaded": "2030-01-01T00:00:00.000Z",
            "variants": ["https://example.com/x/public"],
        }))
        .unwrap()
    }

    fn record(lines: &[Entry]) -> Record<Entry> {
        let text: String = lines
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        Record::from_reader(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_line_records_what_the_image_held_and_gives_it_back() {
        let held = image("a");
        let entry = Entry::new("a", Status::Deleting, Some(&held));
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(json["image"]["requireSignedURLs"], false);
        assert_eq!(json["image"]["meta"]["team"], "web");
        assert_eq!(json["image"]["filename"], "a.png");
        assert_eq!(json["image"]["variants"], serde_json::json!([]));
        let back = entry.image().unwrap();
        assert_eq!(
            (back.meta, back.creator, back.filename),
            (held.meta, held.creator, held.filename)
        );
        // A line written without knowing the image holds nothing of it.
        assert!(Entry::new("b", Status::Deleted, None).image().is_none());
    }

    #[test]
    fn a_resumed_run_skips_what_was_deleted_and_finishes_what_was_in_flight() {
        let action = Delete {
            audit: true,
            single: false,
        };
        let record = record(&[
            Entry::new("done", Status::Deleting, Some(&image("done"))),
            Entry::new("done", Status::Deleted, Some(&image("done"))),
            Entry::new("failed", Status::Failed, None),
            Entry::new("listed", Status::Deleting, Some(&image("listed"))),
            Entry::new("vanished", Status::Deleting, Some(&image("vanished"))),
        ]);
        let picked = vec![
            Picked::id("done"),
            Picked::id("failed"),
            Picked::id("listed"),
            Picked::id("new"),
        ];
        let (todo, settled) = resume(&action, picked, &record);
        let ids: Vec<&str> = todo.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["failed", "listed", "new", "vanished"]);
        // What the killed run recorded stands in for the listing.
        assert_eq!(todo[1].image.as_ref().unwrap().meta, image("listed").meta);
        assert_eq!(
            todo[3].image.as_ref().unwrap().filename.as_deref(),
            Some("vanished.png")
        );
        assert_eq!(settled.len(), 1);
        assert_eq!(
            (
                settled[0].id.as_deref(),
                settled[0].status,
                settled[0].reason
            ),
            (Some("done"), Status::Skipped, Some(Reason::Manifest))
        );
    }
}
