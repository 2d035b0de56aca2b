//! Uploading an image as it was in the account it came from: the one action of `images import`
//! (from an export folder's files) and `images copy` (streamed from another account). The id is
//! kept when it was chosen (a custom id); an id the API picked (a UUID) cannot be chosen, so
//! the image gets a new one, written to the id map. The file name, metadata, creator and
//! privacy go with it. A taken id is resolved as an upload resolves it (`upload::taken`: our
//! own after a lost answer, proven; `--skip-existing`; else a failure), and results take the
//! upload's shape and words.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::api::images::{Image, UploadRequest, UploadSource};
use crate::api::{ApiError, Client};
use crate::bulk::action::{Action, Attempt, Labeled, Retry, Tally};
use crate::bulk::journal::{Keyed, Record, Writer};
use crate::bulk::upload::action::counts;
use crate::bulk::upload::manifest::hash_file;
use crate::bulk::upload::report::{self, ItemResult, Reason, Status};
use crate::bulk::upload::taken::{self, Outcome, Policy};
use crate::image_file::ImageFormat;
use crate::image_id::is_uuid;
use crate::output::{ErrorReport, Layout};

use super::idmap::Mapped;
use super::stream;

/// One image to upload.
pub struct Item {
    /// Its id where it came from.
    pub id: String,
    /// What results call it: the file's path (import), or the id (copy).
    pub label: String,
    /// What it held: file name, metadata, creator, privacy (read from the source account
    /// first when a copy names it by id, unlisted).
    pub image: Option<Image>,
    pub from: From,
}

/// Where an image's bytes come from.
pub enum From {
    /// A file of an export, as its index line describes it.
    File {
        path: PathBuf,
        format: ImageFormat,
        size: u64,
        /// Checked before the file is sent, when the index gives it.
        sha256: Option<String>,
    },
    /// Another account's original, streamed.
    Account(Client),
}

impl Item {
    /// Whether the id was chosen, and so can be chosen again.
    pub fn keeps_id(&self) -> bool {
        !is_uuid(&self.id)
    }

    fn bytes(&self) -> u64 {
        match &self.from {
            From::File { size, .. } => *size,
            From::Account(_) => 0,
        }
    }

    /// The file name the upload carries: the one the image had, else its id's last part.
    fn file_name(&self, image: &Image) -> String {
        image
            .filename
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| self.id.rsplit('/').next().unwrap_or("image").to_string())
    }

    /// What the image held, read from the source account when the item does not say.
    fn held(&self) -> Result<Image, ErrorReport> {
        match (&self.image, &self.from) {
            (Some(image), _) => Ok(image.clone()),
            (None, From::Account(source)) => source.get_image(&self.id).map_err(|e| {
                let mut report = ErrorReport::from(&e);
                report.message = format!("cannot read it from the source account: {e}");
                report
            }),
            (None, From::File { .. }) => Err(ErrorReport::message(
                "the index does not say what the image held",
            )),
        }
    }
}

impl Labeled for Item {
    fn label(&self) -> &str {
        &self.label
    }
}

/// One line of an import's or a copy's `--manifest`, by the image's id where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Its id where it went (the same for a custom id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_id: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Keyed for Entry {
    fn key(&self) -> &str {
        &self.id
    }
}

pub struct Send<'a> {
    /// A custom id taken by another image counts as skipped, not failed.
    pub skip_existing: bool,
    /// Where new ids for UUIDs are written (`None` when the run has no UUID ids to send).
    pub id_map: Option<&'a Writer>,
    /// The first failure to write the id map: the run fails with it at the end.
    pub id_map_error: Mutex<Option<std::io::Error>>,
}

impl Send<'_> {
    fn request(
        &self,
        item: &Item,
        image: &Image,
        attempt: &Attempt<'_, Entry>,
    ) -> Result<UploadRequest, String> {
        let source = match &item.from {
            From::File {
                path,
                format,
                size,
                sha256,
            } => {
                if let Some(expected) = sha256 {
                    let actual = hash_file(path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    if !actual.eq_ignore_ascii_case(expected) {
                        return Err(format!(
                            "{} is not the file the index describes (its SHA-256 differs); nothing was sent",
                            path.display()
                        ));
                    }
                }
                UploadSource::File {
                    path: path.clone(),
                    file_name: item.file_name(image),
                    content_type: format.content_type().to_string(),
                    len: *size,
                }
            }
            From::Account(source) => UploadSource::Stream {
                open: stream::blob(source.clone(), item.id.clone(), Arc::default()),
                file_name: item.file_name(image),
            },
        };
        let mut request = UploadRequest::new(source);
        request.id = item.keeps_id().then(|| item.id.clone());
        request.metadata = match &image.meta {
            Some(serde_json::Value::Object(meta)) if !meta.is_empty() => Some(meta.clone()),
            _ => None,
        };
        request.creator = image.creator.clone().filter(|c| !c.is_empty());
        request.require_signed_urls = image.require_signed_urls;
        request.progress = attempt.progress.clone();
        Ok(request)
    }

    fn map(&self, old: &str, new: &str) {
        let Some(writer) = self.id_map else { return };
        let line = Mapped {
            old: old.to_string(),
            new: new.to_string(),
        };
        if let Err(e) = writer.append(&line) {
            self.id_map_error
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(e);
        }
    }
}

impl Action for Send<'_> {
    type Item = Item;
    type Result = ItemResult;
    type Entry = Entry;

    fn bytes(&self, item: &Item) -> u64 {
        item.bytes()
    }

    /// Under its own id a repeat meets its own image (409, proven ours); under an id the API
    /// picks, a repeat could store it twice.
    fn retry(&self, item: &Item) -> Retry {
        if item.keeps_id() {
            Retry::Safe
        } else {
            Retry::Unsafe
        }
    }

    fn perform(&self, _index: usize, item: &Item, attempt: &Attempt<'_, Entry>) -> ItemResult {
        let image = match item.held() {
            Ok(image) => image,
            Err(report) => return result(item, Outcome::Failed(report)),
        };
        let request = match self.request(item, &image, attempt) {
            Ok(request) => request,
            Err(why) => return result(item, Outcome::Failed(ErrorReport::message(why))),
        };
        let client = attempt.client;
        let started = jiff::Timestamp::now();
        let outcome = match client.upload_image(&request) {
            Ok(image) => Outcome::Uploaded(image, None),
            Err(e) if e.is_conflict() && request.id.is_some() => {
                let policy = Policy {
                    skip_existing: self.skip_existing,
                    changed: false,
                    replace: false,
                };
                taken::resolve(policy, client, &request, e, started)
            }
            Err(e) => Outcome::from_error(&e),
        };
        let result = result(item, outcome);
        if result.status == Status::Uploaded
            && !item.keeps_id()
            && let Some(new) = &result.id
        {
            self.map(&item.id, new);
        }
        result
    }

    fn unsent(&self, _index: usize, item: &Item, error: &ApiError) -> ItemResult {
        result(item, Outcome::from_error(error))
    }

    fn entry(&self, _index: usize, item: &Item, result: &ItemResult) -> Option<Entry> {
        Some(Entry {
            id: item.id.clone(),
            new_id: result.id.clone(),
            status: result.status,
            error: result.error.as_ref().map(|e| e.message.clone()),
        })
    }

    fn summary(&self, tally: &Tally) -> String {
        counts(tally)
    }
}

/// What became of `item`, in the upload's shape: `id` is its id where it went.
fn result(item: &Item, outcome: Outcome) -> ItemResult {
    let mut result = ItemResult::of_source(item.label.clone(), Status::Failed);
    result.bytes = Some(item.bytes()).filter(|b| *b > 0);
    result.id = item.keeps_id().then(|| item.id.clone());
    match outcome {
        Outcome::Uploaded(image, reason) => {
            result.status = Status::Uploaded;
            result.id = Some(image.id.clone());
            result.reason = reason;
            result.image = Some(image);
        }
        Outcome::Skipped(reason) => {
            result.status = Status::Skipped;
            result.reason = Some(reason);
        }
        Outcome::Changed(report) | Outcome::Failed(report) => {
            result.status = Status::Failed;
            result.error = Some(report);
        }
        Outcome::Unknown(report) => {
            result.status = Status::Unknown;
            result.error = Some(report);
        }
    }
    result
}

/// What earlier runs settled: the items the id map maps (sent, under a new id) and those the
/// manifest records sent or skipped are `skipped`; one the manifest left `unknown` under an
/// id the API picks stays `unknown` (sending it again could store it twice). The rest, by
/// index, are to send.
pub fn resume(
    items: &[Item],
    manifest: Option<&Record<Entry>>,
    map: &Record<Mapped>,
) -> (Vec<usize>, Vec<(usize, ItemResult)>) {
    let mut todo = Vec::new();
    let mut settled = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let settle = |status: Status, id: Option<String>| {
            let mut r = ItemResult::of_source(item.label.clone(), status).because(Reason::Manifest);
            r.id = id;
            r.bytes = Some(item.bytes()).filter(|b| *b > 0);
            r
        };
        if let Some(mapped) = map.get(&item.id) {
            settled.push((index, settle(Status::Skipped, Some(mapped.new.clone()))));
            continue;
        }
        match manifest.and_then(|m| m.get(&item.id)) {
            Some(entry) if matches!(entry.status, Status::Uploaded | Status::Skipped) => {
                settled.push((index, settle(Status::Skipped, entry.new_id.clone())));
            }
            Some(entry) if entry.status == Status::Unknown && !item.keeps_id() => {
                let mut r = settle(Status::Unknown, None);
                r.error = Some(ErrorReport::message(
                    "an earlier run could not tell whether this image was stored, and its id is one the API picks, so sending it again could store it twice; check the account, then remove its line from the manifest",
                ));
                settled.push((index, r));
            }
            _ => todo.push(index),
        }
    }
    (todo, settled)
}

/// The results as a table shows them: `uploaded  NEW-ID  SOURCE`.
pub fn results_layout<'a>(items: &'a [Item]) -> Layout<'a, ItemResult> {
    /// What stands for an id the API picks: a UUID, always this wide.
    const PICKED: &str = "00000000-0000-0000-0000-000000000000";
    Layout::results(&report::COLUMNS, |result: &ItemResult| {
        use crate::bulk::action::Outcome as _;
        Some(vec![
            result.status().to_string(),
            result.id.clone().unwrap_or_else(|| "-".into()),
            result.subject().to_string(),
        ])
    })
    .expect(0, ["uploaded", "skipped", "failed", "unknown"])
    .expect(
        1,
        items
            .iter()
            .map(|i| if i.keeps_id() { i.id.as_str() } else { PICKED }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUID: &str = "2cdc28f0-017a-49c4-9ed7-87056c83901d";

    fn item(id: &str) -> Item {
        Item {
            id: id.to_string(),
            label: id.to_string(),
            image: Some(serde_json::from_value(serde_json::json!({"id": id})).unwrap()),
            from: From::File {
                path: PathBuf::from("x.png"),
                format: ImageFormat::Png,
                size: 1,
                sha256: None,
            },
        }
    }

    fn record<E: serde::Serialize + serde::de::DeserializeOwned + Keyed>(lines: &[E]) -> Record<E> {
        let text: String = lines
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        Record::from_reader(text.as_bytes()).unwrap()
    }

    fn entry(id: &str, status: Status) -> Entry {
        Entry {
            id: id.into(),
            new_id: Some(format!("new-{id}")),
            status,
            error: None,
        }
    }

    #[test]
    fn a_re_run_sends_only_what_no_earlier_run_settled() {
        let other_uuid = "3cdc28f0-017a-49c4-9ed7-87056c83901d";
        let items = [
            item("done"),
            item("failed"),
            item(UUID),
            item(other_uuid),
            item("new"),
        ];
        let manifest = record(&[
            entry("done", Status::Uploaded),
            entry("failed", Status::Failed),
            entry(other_uuid, Status::Unknown),
        ]);
        let map = record(&[Mapped {
            old: UUID.into(),
            new: "fresh".into(),
        }]);
        let (todo, settled) = resume(&items, Some(&manifest), &map);
        assert_eq!(todo, [1, 4]);
        let settled: Vec<(usize, Status, Option<&str>)> = settled
            .iter()
            .map(|(i, r)| (*i, r.status, r.id.as_deref()))
            .collect();
        assert_eq!(
            settled,
            [
                (0, Status::Skipped, Some("new-done")),
                (2, Status::Skipped, Some("fresh")),
                (3, Status::Unknown, None),
            ]
        );
        // Without a manifest only the map settles anything.
        let (todo, _) = resume(&items, None, &map);
        assert_eq!(todo, [0, 1, 3, 4]);
    }

    #[test]
    fn only_chosen_ids_are_kept() {
        assert!(item("cats/1").keeps_id());
        assert!(!item(UUID).keeps_id());
        let it = item("cats/1");
        assert_eq!(it.file_name(it.image.as_ref().unwrap()), "1");
    }
}
