//! Doing a sync's plan, one item at a time on the bulk engine: upload a new file, replace a
//! changed one (DELETE and upload back to back in the same worker, so its id is missing for one
//! request's time; never all deletes first), PATCH an image whose metadata alone differs,
//! delete an extra (`--delete`), and adopt an image without the hash (`--adopt`: read its
//! bytes; the same content is tagged, other content replaced).
//!
//! Every item has a custom id, so doing one again is safe: a repeated upload meets its own
//! image (409, proven ours by `upload::taken`), a repeated DELETE meets the image gone. A run
//! killed between a replace's DELETE and its upload leaves the id empty, which the next run
//! sees as a new file and uploads.

use std::io::Read;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::api::images::{Image, ImageUpdate, UploadRequest, UploadSource};
use crate::api::{ApiError, Client};
use crate::bulk::action::{Action, Attempt, Class, Count, Labeled, Retry, Tally};
use crate::bulk::report::{self, ItemResult};
use crate::bulk::upload::taken::{self, Outcome, Policy};
use crate::metadata::Metadata;
use crate::output::ErrorReport;

use super::key;
use super::local::Local;
use super::plan::{Entry, Kind, Plan, Wanted};

/// What to do to one id.
#[derive(Clone, Debug)]
pub enum Work {
    /// No image under the id: upload the file.
    Upload,
    /// The image holds other content: delete it, then upload the file.
    Replace { old: Image },
    /// Same content, other metadata or creator: PATCH.
    Update { update: ImageUpdate },
    /// No file for the image (`--delete`).
    Delete { old: Image },
    /// No content hash (`--adopt`): read the image's bytes, then tag it or replace it.
    Adopt { old: Image },
}

/// One item of the job.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    pub file: Option<Local>,
    pub work: Work,
    /// What the upload sends, or the PATCH sets, as metadata (hash key included).
    pub metadata: Metadata,
    pub creator: Option<String>,
}

impl Labeled for Item {
    fn label(&self) -> &str {
        self.file.as_ref().map_or(&self.id, |f| &f.label)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Uploaded,
    Replaced,
    Updated,
    Adopted,
    Deleted,
    Unchanged,
    /// An image with no file, kept (no `--delete`, or the question was declined).
    Extra,
    /// `--no-replace`: the file changed and its image was left as it was.
    Changed,
    /// An image without the hash key, left alone (no `--adopt`); or an upload whose answer
    /// was lost.
    Unknown,
    Failed,
}

impl report::Status for Status {
    fn word(self) -> &'static str {
        match self {
            Status::Uploaded => "uploaded",
            Status::Replaced => "replaced",
            Status::Updated => "updated",
            Status::Adopted => "adopted",
            Status::Deleted => "deleted",
            Status::Unchanged => "unchanged",
            Status::Extra => "extra",
            Status::Changed => "changed",
            Status::Unknown => "unknown",
            Status::Failed => "failed",
        }
    }

    fn class(self) -> Class {
        match self {
            Status::Uploaded
            | Status::Replaced
            | Status::Updated
            | Status::Adopted
            | Status::Deleted => Class::Done,
            Status::Unchanged | Status::Extra => Class::Skipped,
            // The id does not serve the file: a run that leaves one must not pass.
            Status::Changed | Status::Failed => Class::Failed,
            Status::Unknown => Class::Unknown,
        }
    }
}

/// Every status word, for the width of the table's first column.
pub const STATUS_WORDS: [&str; 10] = [
    "uploaded",
    "replaced",
    "updated",
    "adopted",
    "deleted",
    "unchanged",
    "extra",
    "changed",
    "unknown",
    "failed",
];

/// How an item was done, when the status does not say all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A retry met the run's own upload, proven its own.
    Confirmed,
    /// The image to delete or replace was already gone.
    Gone,
    /// `--adopt`: the image held the file's content; only its metadata was set.
    SameContent,
    /// `--adopt`: the image held other content and was replaced.
    OtherContent,
}

/// One result: a line of `--ndjson`, an element of `--json`.
pub type Synced = ItemResult<Status, Reason>;

/// The result for `entry`'s id, with its file as the source.
pub fn result_of(id: &str, file: Option<&Local>, status: Status) -> Synced {
    let mut result = ItemResult::of_image(id, status);
    if let Some(file) = file {
        result.source = Some(file.label.clone());
        result.bytes = Some(file.info.bytes);
    }
    result
}

/// How the run treats what the plan found.
#[derive(Clone, Copy, Debug, Default)]
pub struct Choices {
    /// `--delete`, and consent given.
    pub delete: bool,
    /// `--no-replace`.
    pub no_replace: bool,
    /// `--adopt`.
    pub adopt: bool,
}

/// The plan as work: the items to do (extras last, so nothing is deleted before the files are
/// in), and the results settled without a request.
pub fn work(plan: Plan, wanted: &Wanted, choices: Choices) -> (Vec<Item>, Vec<Synced>) {
    let mut items = Vec::new();
    let mut deletes = Vec::new();
    let mut settled = Vec::new();
    for entry in plan.entries {
        let Entry {
            kind,
            id,
            file,
            image,
            why,
        } = entry;
        let sha = file.as_ref().map(|f| f.sha256.clone()).unwrap_or_default();
        let metadata = wanted.metadata_for(image.as_ref().and_then(|i| i.meta.as_ref()), &sha);
        let creator = wanted.creator_for(image.as_ref());
        let item = |work| Item {
            id: id.clone(),
            file: file.clone(),
            work,
            metadata: metadata.clone(),
            creator: creator.clone(),
        };
        let note = |status: Status, image: Option<Image>| {
            let mut r = result_of(&id, file.as_ref(), status);
            r.image = image.map(|i| without_urls(&i));
            if let Some(why) = &why {
                r.error = Some(ErrorReport::message(why.clone()));
            }
            r
        };
        // The size limit, hash key included, is checked before anything is sent: a replace
        // must not delete the old image and then find the upload refused.
        let sends = match kind {
            Kind::New | Kind::Metadata => true,
            Kind::Changed => !choices.no_replace,
            Kind::Unknown => choices.adopt,
            Kind::Unchanged | Kind::Extra => false,
        };
        if sends && let Err(why) = key::check_size(&metadata) {
            settled.push(
                result_of(&id, file.as_ref(), Status::Failed).failing(ErrorReport::message(why)),
            );
            continue;
        }
        match (kind, image) {
            (Kind::New, _) => items.push(item(Work::Upload)),
            (Kind::Changed, old @ Some(_)) if choices.no_replace => {
                settled.push(note(Status::Changed, old));
            }
            (Kind::Changed, Some(old)) => items.push(item(Work::Replace { old })),
            (Kind::Metadata, Some(old)) => {
                let update = ImageUpdate {
                    metadata: Some(metadata.clone()),
                    require_signed_urls: None,
                    creator: wanted
                        .creator
                        .clone()
                        .filter(|c| old.creator.as_deref().unwrap_or("") != c),
                };
                items.push(item(Work::Update { update }));
            }
            (Kind::Unchanged, image) => settled.push(note(Status::Unchanged, image)),
            (Kind::Unknown, Some(old)) if choices.adopt => items.push(item(Work::Adopt { old })),
            (Kind::Unknown, image) => settled.push(note(Status::Unknown, image)),
            (Kind::Extra, Some(old)) if choices.delete => deletes.push(item(Work::Delete { old })),
            (Kind::Extra, image) => settled.push(note(Status::Extra, image)),
            (Kind::Changed | Kind::Metadata, None) => unreachable!("compared with an image"),
        }
    }
    items.extend(deletes);
    (items, settled)
}

/// The sync job.
pub struct SyncJob<'a> {
    /// The API's own client, for what the batch host does not serve (an image's bytes).
    pub api: &'a Client,
    /// Images whose id does not start with it are never touched, whatever the plan says.
    pub prefix: &'a str,
    /// `--no-replace`, for what `--adopt` finds holding other content.
    pub no_replace: bool,
}

impl Action for SyncJob<'_> {
    type Item = Item;
    type Result = Synced;
    /// The job keeps no journal: the account's metadata is its record.
    type Entry = ();

    fn bytes(&self, item: &Item) -> u64 {
        match item.work {
            Work::Upload | Work::Replace { .. } | Work::Adopt { .. } => {
                item.file.as_ref().map_or(0, |f| f.info.bytes)
            }
            Work::Update { .. } | Work::Delete { .. } => 0,
        }
    }

    /// Every id is a custom id: see the module's comment.
    fn retry(&self, _item: &Item) -> Retry {
        Retry::Safe
    }

    fn perform(&self, _index: usize, item: &Item, attempt: &Attempt<'_, ()>) -> Synced {
        if !item.id.starts_with(self.prefix) {
            // The plan only holds ids under the prefix; this guards the promise anyway.
            return self.failed(
                item,
                ErrorReport::message("the id is outside the prefix; not touched"),
            );
        }
        let client = attempt.client;
        match &item.work {
            Work::Upload => self.upload(client, item, attempt, Status::Uploaded),
            Work::Replace { old } => self.replace(client, item, attempt, old, None),
            Work::Update { update } => match client.update_image(&item.id, update) {
                Ok(image) => {
                    let mut r = result_of(&item.id, item.file.as_ref(), Status::Updated);
                    r.image = Some(image);
                    r
                }
                Err(e) => self.failed(item, ErrorReport::from(&e)),
            },
            Work::Delete { old } => {
                let mut r = result_of(&item.id, None, Status::Deleted);
                r.image = Some(without_urls(old));
                match client.delete_image(&item.id) {
                    Ok(()) => r,
                    Err(e) if e.is_not_found() => r.because(Reason::Gone),
                    Err(e) => {
                        r.status = Status::Failed;
                        r.failing(ErrorReport::from(&e))
                    }
                }
            }
            Work::Adopt { old } => self.adopt(client, item, attempt, old),
        }
    }

    fn unsent(&self, _index: usize, item: &Item, error: &ApiError) -> Synced {
        self.failed(item, ErrorReport::from(error))
    }

    fn entry(&self, _index: usize, _item: &Item, _result: &Synced) -> Option<()> {
        None
    }

    fn summary(&self, tally: &Tally) -> String {
        counts(tally)
    }
}

/// The summary's counts.
pub fn counts(tally: &Tally) -> String {
    tally.line(&[
        Count::Always("uploaded"),
        Count::Always("replaced"),
        Count::IfAny("updated", "metadata only"),
        Count::IfAny("adopted", "content hash added"),
        Count::IfAny("deleted", "no file"),
        Count::Always("unchanged"),
        Count::IfAny("extra", "no file; --delete removes them"),
        Count::IfAny("changed", "not replaced: --no-replace"),
        Count::IfAny("unknown", "no content hash; --adopt checks them"),
        Count::Always("failed"),
    ])
}

fn without_urls(image: &Image) -> Image {
    Image {
        variants: Vec::new(),
        ..image.clone()
    }
}

impl SyncJob<'_> {
    fn failed(&self, item: &Item, error: ErrorReport) -> Synced {
        result_of(&item.id, item.file.as_ref(), Status::Failed).failing(error)
    }

    fn request(&self, item: &Item, file: &Local, attempt: &Attempt<'_, ()>) -> UploadRequest {
        let mut request = UploadRequest::new(UploadSource::File {
            path: file.path.clone(),
            file_name: file.file_name().to_string(),
            content_type: file.info.format.content_type().to_string(),
            len: file.info.bytes,
        });
        request.id = Some(item.id.clone());
        request.metadata = Some(item.metadata.clone());
        request.creator = item.creator.clone();
        request.progress = attempt.progress.clone();
        request
    }

    /// Upload the item's file under its id; `done` is the status it ends with.
    fn upload(
        &self,
        client: &Client,
        item: &Item,
        attempt: &Attempt<'_, ()>,
        done: Status,
    ) -> Synced {
        let Some(file) = &item.file else {
            return self.failed(item, ErrorReport::message("no file to upload"));
        };
        let request = self.request(item, file, attempt);
        let started = jiff::Timestamp::now();
        let outcome = match client.upload_image(&request) {
            Ok(image) => Outcome::Uploaded(image, None),
            // Taken: the run's own upload whose answer was lost (proven, or `unknown`), or an
            // image put there since the listing by someone else (a failure: a re-run compares
            // it).
            Err(e) if e.is_conflict() => taken::resolve(
                Policy {
                    skip_existing: false,
                    changed: false,
                    replace: false,
                },
                client,
                &request,
                e,
                started,
            ),
            Err(e) => Outcome::from_error(&e),
        };
        let mut r = result_of(&item.id, Some(file), done);
        match outcome {
            Outcome::Uploaded(image, reason) => {
                r.image = Some(image);
                if reason.is_some() {
                    r.reason = Some(Reason::Confirmed);
                }
            }
            Outcome::Unknown(report) => {
                r.status = Status::Unknown;
                r.error = Some(report);
            }
            Outcome::Skipped(_) | Outcome::Changed(_) => {
                r.status = Status::Failed;
                r.error = Some(ErrorReport::message("the id is taken by another image"));
            }
            Outcome::Failed(report) => {
                r.status = Status::Failed;
                r.error = Some(report);
            }
        }
        r
    }

    /// Delete `old` and upload the file at once, in this worker: the id serves 404 only
    /// between the two requests.
    fn replace(
        &self,
        client: &Client,
        item: &Item,
        attempt: &Attempt<'_, ()>,
        old: &Image,
        reason: Option<Reason>,
    ) -> Synced {
        let gone = match client.delete_image(&old.id) {
            Ok(()) => false,
            Err(e) if e.is_not_found() => true,
            Err(e) => return self.failed(item, ErrorReport::from(&e)),
        };
        let mut r = self.upload(client, item, attempt, Status::Replaced);
        if r.status == Status::Failed
            && let Some(error) = &mut r.error
        {
            error.message = format!(
                "the older image was deleted, and the upload failed: {}; a re-run uploads the file",
                error.message
            );
        }
        if r.status == Status::Replaced {
            r.reason = reason.or(gone.then_some(Reason::Gone)).or(r.reason);
        }
        r
    }

    /// Read the image's bytes; the file's content: tag it; other content: replace it.
    fn adopt(
        &self,
        client: &Client,
        item: &Item,
        attempt: &Attempt<'_, ()>,
        old: &Image,
    ) -> Synced {
        let Some(file) = &item.file else {
            return self.failed(item, ErrorReport::message("no file to compare"));
        };
        // The batch host does not serve an image's bytes: the API's client does.
        let hash = self.api.image_blob(&item.id, |response| {
            let mut hasher = Sha256::new();
            let mut reader = response;
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = reader
                    .read(&mut buf)
                    .map_err(|e| ApiError::Body(format!("cannot read the image's bytes: {e}")))?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
            }
            Ok(hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>())
        });
        match hash {
            Ok(hash) if hash == file.sha256 => {
                let update = ImageUpdate {
                    metadata: Some(item.metadata.clone()),
                    require_signed_urls: None,
                    creator: item.creator.clone().filter(|c| old.creator.as_deref() != Some(c)),
                };
                match client.update_image(&item.id, &update) {
                    Ok(image) => {
                        let mut r = result_of(&item.id, Some(file), Status::Adopted)
                            .because(Reason::SameContent);
                        r.image = Some(image);
                        r
                    }
                    Err(e) => self.failed(item, ErrorReport::from(&e)),
                }
            }
            Ok(_) if self.no_replace => {
                result_of(&item.id, Some(file), Status::Changed).failing(ErrorReport::message(
                    "the image holds other content than the file (read with --adopt); --no-replace left it",
                ))
            }
            Ok(_) => {
                let mut r = self.replace(client, item, attempt, old, Some(Reason::OtherContent));
                if r.status == Status::Replaced {
                    r.status = Status::Adopted;
                }
                r
            }
            // Gone since the listing: the file is new.
            Err(e) if e.is_not_found() => self.upload(client, item, attempt, Status::Uploaded),
            Err(e) => self.failed(item, ErrorReport::from(&e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image_file::{ImageFormat, ImageInfo};
    use serde_json::json;

    fn local(name: &str) -> Local {
        Local {
            path: name.into(),
            label: format!("dist/{name}"),
            relative: name.into(),
            id: format!("p/{name}"),
            info: ImageInfo {
                format: ImageFormat::Png,
                bytes: 10,
                width: None,
                height: None,
            },
            sha256: "a".repeat(64),
        }
    }

    fn entry(kind: Kind, name: &str, file: bool, meta: serde_json::Value) -> Entry {
        let image = (kind != Kind::New).then(|| {
            serde_json::from_value(json!({"id": format!("p/{name}"), "meta": meta})).unwrap()
        });
        Entry {
            kind,
            id: format!("p/{name}"),
            file: file.then(|| local(name)),
            image,
            why: None,
        }
    }

    fn plan() -> Plan {
        Plan {
            entries: vec![
                entry(Kind::Extra, "gone.png", false, json!({})),
                entry(Kind::New, "new.png", true, json!(null)),
                entry(Kind::Changed, "edited.png", true, json!({"team": "web"})),
                entry(Kind::Metadata, "meta.png", true, json!({})),
                entry(Kind::Unchanged, "same.png", true, json!({})),
                entry(Kind::Unknown, "foreign.png", true, json!({})),
                entry(
                    Kind::Changed,
                    "huge.png",
                    true,
                    json!({"k": "x".repeat(1000)}),
                ),
            ],
        }
    }

    fn words(items: &[Item], settled: &[Synced]) -> (Vec<String>, Vec<String>) {
        use crate::bulk::report::Status as _;
        (
            items
                .iter()
                .map(|i| {
                    let work = match i.work {
                        Work::Upload => "upload",
                        Work::Replace { .. } => "replace",
                        Work::Update { .. } => "update",
                        Work::Delete { .. } => "delete",
                        Work::Adopt { .. } => "adopt",
                    };
                    format!("{work} {}", i.id)
                })
                .collect(),
            settled
                .iter()
                .map(|r| format!("{} {}", r.status.word(), r.id.as_deref().unwrap()))
                .collect(),
        )
    }

    #[test]
    fn the_plan_becomes_work_with_deletes_last_and_the_rest_settled() {
        let (items, settled) = work(plan(), &Wanted::default(), Choices::default());
        assert_eq!(
            words(&items, &settled),
            (
                vec![
                    "upload p/new.png".into(),
                    "replace p/edited.png".into(),
                    "update p/meta.png".into(),
                ],
                vec![
                    "extra p/gone.png".into(),
                    "unchanged p/same.png".into(),
                    "unknown p/foreign.png".into(),
                    // Its own keys and the hash would not fit: failed before its DELETE.
                    "failed p/huge.png".into(),
                ]
            )
        );
        // A replacement keeps the image's own keys, beside the new hash.
        assert_eq!(items[1].metadata["team"], "web");
        assert_eq!(items[1].metadata[key::HASH_KEY], "a".repeat(64));

        let all = Choices {
            delete: true,
            no_replace: true,
            adopt: true,
        };
        let (items, settled) = work(plan(), &Wanted::default(), all);
        assert_eq!(
            words(&items, &settled),
            (
                vec![
                    "upload p/new.png".into(),
                    "update p/meta.png".into(),
                    "adopt p/foreign.png".into(),
                    "delete p/gone.png".into(),
                ],
                vec![
                    "changed p/edited.png".into(),
                    "unchanged p/same.png".into(),
                    "changed p/huge.png".into(),
                ]
            )
        );
    }
}
