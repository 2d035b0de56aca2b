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
use serde_json::Value;

use crate::api::images::Image;
use crate::api::{ApiError, Client};
use crate::output::{Column, ErrorReport, Layout};
use crate::select::Picked;

use super::action::{self, Action, Attempt, Class, Outcome, Resume, Retry, Tally};
use super::journal::{self, Keyed, Record};

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

/// One image's result: a line of `--ndjson`, an element of `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct Deleted {
    pub id: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The image as it was, when the run knew it (from the listing, or read for the manifest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
}

/// One line of a delete's manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    #[serde(
        rename = "requireSignedURLs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub require_signed_urls: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When the line was written (RFC 3339).
    #[serde(default)]
    pub time: String,
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
            filename: image.and_then(|i| i.filename.clone()),
            meta: image.and_then(|i| i.meta.clone()),
            creator: image.and_then(|i| i.creator.clone()),
            require_signed_urls: image.map(|i| i.require_signed_urls),
            uploaded: image.and_then(|i| i.uploaded.clone()),
            error: None,
            time: journal::now(),
        }
    }

    /// The image as the line recorded it, when it recorded anything of it.
    fn image(&self) -> Option<Image> {
        let require_signed_urls = self.require_signed_urls?;
        Some(Image {
            id: self.id.clone(),
            filename: self.filename.clone(),
            meta: self.meta.clone(),
            require_signed_urls,
            uploaded: self.uploaded.clone(),
            variants: Vec::new(),
            creator: self.creator.clone(),
            draft: None,
            extra: Default::default(),
        })
    }
}

impl Outcome for Deleted {
    fn status(&self) -> &'static str {
        match self.status {
            Status::Deleted => "deleted",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
            Status::Deleting => "deleting",
        }
    }

    fn class(&self) -> Class {
        match self.status {
            Status::Deleted => Class::Done,
            Status::Skipped => Class::Skipped,
            Status::Failed | Status::Deleting => Class::Failed,
        }
    }

    fn subject(&self) -> &str {
        &self.id
    }

    fn error(&self) -> Option<&ErrorReport> {
        self.error.as_ref()
    }
}

impl Deleted {
    fn new(id: &str, status: Status, image: Option<Image>) -> Self {
        Deleted {
            id: id.to_string(),
            status,
            reason: None,
            image: image.map(|mut i| {
                // The delivery URLs of a deleted image lead nowhere.
                i.variants = Vec::new();
                i
            }),
            error: None,
        }
    }

    fn failed(id: &str, image: Option<Image>, error: &ApiError) -> Self {
        let mut result = Deleted::new(id, Status::Failed, image);
        result.error = Some(ErrorReport::from(error));
        result
    }
}

impl Action for Delete {
    type Item = Picked;
    type Result = Deleted;
    type Entry = Entry;

    fn label<'a>(&self, item: &'a Picked) -> &'a str {
        &item.id
    }

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
                Err(e) => return Deleted::failed(&item.id, None, &e),
            }
        }
        if self.audit {
            attempt.note(Entry::new(&item.id, Status::Deleting, held.as_ref()));
        }
        match client.delete_image(&item.id) {
            Ok(()) => Deleted::new(&item.id, Status::Deleted, held),
            Err(e) if e.is_not_found() => self.gone(item, held, &e),
            Err(e) => Deleted::failed(&item.id, held, &e),
        }
    }

    fn unsent(&self, _index: usize, item: &Picked, error: &ApiError) -> Deleted {
        Deleted::failed(&item.id, item.image.clone(), error)
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
        let mut text = format!("{} deleted", tally.of("deleted"));
        let skipped = tally.of("skipped");
        if skipped > 0 {
            text.push_str(&format!(", {skipped} skipped (deleted by an earlier run)"));
        }
        text.push_str(&format!(", {} failed", tally.of("failed")));
        text
    }
}

impl Delete {
    /// The API says the image is not there: deleted already, unless it was named on its own.
    fn gone(&self, item: &Picked, held: Option<Image>, error: &ApiError) -> Deleted {
        if self.single {
            return Deleted::failed(&item.id, held, error);
        }
        let mut result = Deleted::new(&item.id, Status::Deleted, held);
        result.reason = Some(Reason::Gone);
        result
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
                let mut result = Deleted::new(&item.id, Status::Skipped, entry.image());
                result.reason = Some(Reason::Manifest);
                settled.push(result);
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
    interrupted.sort_by(|a, b| a.time.cmp(&b.time).then(a.id.cmp(&b.id)));
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

/// The columns of a delete's lines: `deleted  ID  (already gone)`.
const COLUMNS: [Column; 3] = [
    Column::whole("STATUS"),
    Column::whole("ID"),
    Column::whole("NOTE"),
];

/// What the status column says, for its width.
const STATUS_NAMES: [&str; 3] = ["deleted", "skipped", "failed"];

/// A delete's results as output shows them: `STATUS  ID  NOTE` lines, the id column as wide as
/// the widest id of the run (so lines written as images finish line up).
pub fn results_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Deleted> {
    Layout::results(&COLUMNS, |result: &Deleted| {
        let note = match result.reason {
            Some(Reason::Gone) => "(already gone)",
            Some(Reason::Manifest) => "(by an earlier run)",
            None => "",
        };
        Some(vec![
            result.status().to_string(),
            result.id.clone(),
            note.to_string(),
        ])
    })
    .expect(0, STATUS_NAMES)
    .expect(1, ids)
}

/// One line of `--dry-run`: an image the run would delete.
#[derive(Debug, Serialize)]
pub struct Planned<'a> {
    pub id: &'a str,
    /// `delete`: a value no real result has, since the outcome is not known yet.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<&'a Image>,
}

/// The `--dry-run` plan's layout: `delete  ID` lines.
pub fn plan_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Planned<'a>> {
    Layout::results(&COLUMNS[..2], |p: &Planned<'_>| {
        Some(vec![p.status.to_string(), p.id.to_string()])
    })
    .expect(1, ids)
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
        assert_eq!(json["requireSignedURLs"], false);
        assert_eq!(json["meta"]["team"], "web");
        assert_eq!(json["filename"], "a.png");
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
            (settled[0].id.as_str(), settled[0].status, settled[0].reason),
            ("done", Status::Skipped, Some(Reason::Manifest))
        );
    }
}
