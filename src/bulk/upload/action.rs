//! Uploading one file, URL or stdin image: the upload job's action on the bulk engine. A taken
//! custom id (409) is resolved by `taken`; everything else about the run is the engine's.

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::api::ApiError;
use crate::api::images::{ProgressFn, UploadRequest, UploadSource};
use crate::bulk::action::{Action, Attempt, Count, Labeled, Retry, Tally};

use super::manifest::{Entry, Verdict};
use super::plan::{Item, ItemSource};
use super::report::{ItemResult, Status};
use super::taken::{self, Outcome, Policy};

/// Settings that apply to every image of a run.
#[derive(Clone, Debug, Default)]
pub struct Common {
    pub metadata: Option<Map<String, Value>>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
}

pub struct Upload<'a> {
    pub common: &'a Common,
    /// A 409 for a custom id means "already there": skipped, not failed.
    pub skip_existing: bool,
    /// What the manifest said of each item, by index (all `Upload` without a manifest): a
    /// `Changed` item's id may hold its older version.
    pub earlier: &'a [Verdict],
    /// `--replace`: a changed item's older image is deleted and the file uploaded again.
    pub replace: bool,
    /// Content hashes by item index, for the manifest (empty without one).
    pub hashes: &'a [String],
}

impl Action for Upload<'_> {
    type Item = Item;
    type Result = ItemResult;
    type Entry = Entry;

    fn bytes(&self, item: &Item) -> u64 {
        item.bytes()
    }

    /// With a custom id a repeat meets the image it stored (409, then proven ours or not); the
    /// API picks a new id for every upload without one, so a repeat could store it twice.
    fn retry(&self, item: &Item) -> Retry {
        if item.id.is_some() {
            Retry::Safe
        } else {
            Retry::Unsafe
        }
    }

    fn perform(&self, index: usize, item: &Item, attempt: &Attempt<'_, Entry>) -> ItemResult {
        let client = attempt.client;
        let request = self.request(item, attempt.progress.clone());
        let policy = Policy {
            skip_existing: self.skip_existing,
            changed: matches!(self.earlier.get(index), Some(Verdict::Changed(_))),
            replace: self.replace,
        };
        let started = jiff::Timestamp::now();
        let outcome = match client.upload_image(&request) {
            Ok(image) => Outcome::Uploaded(image, None),
            Err(e) if e.is_conflict() && request.id.is_some() => {
                taken::resolve(policy, client, &request, e, started)
            }
            Err(e) => Outcome::from_error(&e),
        };
        result(item, outcome)
    }

    fn unsent(&self, _index: usize, item: &Item, error: &ApiError) -> ItemResult {
        result(item, Outcome::from_error(error))
    }

    fn entry(&self, index: usize, item: &Item, result: &ItemResult) -> Option<Entry> {
        Some(Entry {
            path: item.label.clone(),
            size: item.bytes(),
            sha256: self.hashes.get(index).cloned().unwrap_or_default(),
            id: result.id.clone(),
            status: result.status,
            variants: result
                .image
                .as_ref()
                .map(|i| i.variants.clone())
                .unwrap_or_default(),
            error: result.error.as_ref().map(|e| e.message.clone()),
        })
    }

    fn summary(&self, tally: &Tally) -> String {
        counts(tally)
    }
}

/// The summary's counts: uploaded, skipped and failed always, unknown and changed when any.
pub fn counts(tally: &Tally) -> String {
    tally.line(&[
        Count::Always("uploaded"),
        Count::Always("skipped"),
        Count::Always("failed"),
        Count::IfAny("unknown", "check before re-running"),
        Count::IfAny(
            "changed",
            "their ids hold older images; --replace updates them",
        ),
    ])
}

impl Labeled for Item {
    fn label(&self) -> &str {
        &self.label
    }
}

impl Upload<'_> {
    fn request(&self, item: &Item, progress: Option<ProgressFn>) -> UploadRequest {
        let source = match &item.source {
            ItemSource::File { path, info } => UploadSource::File {
                path: path.clone(),
                file_name: file_name(path, info.format.extension()),
                content_type: info.format.content_type().to_string(),
                len: info.bytes,
            },
            ItemSource::Stdin { data, info } => UploadSource::Bytes {
                data: Arc::clone(data),
                file_name: format!("stdin.{}", info.format.extension()),
                content_type: info.format.content_type().to_string(),
            },
            ItemSource::Url(url) => UploadSource::Url(url.clone()),
        };
        let mut request = UploadRequest::new(source);
        request.id = item.id.clone();
        request.metadata = self.common.metadata.clone();
        request.require_signed_urls = self.common.require_signed_urls;
        request.creator = self.common.creator.clone();
        request.progress = progress;
        request
    }
}

/// What became of `item`, in the shape scripts read.
fn result(item: &Item, outcome: Outcome) -> ItemResult {
    let mut result = ItemResult::of_source(item.label.clone(), Status::Failed);
    result.bytes = Some(item.bytes()).filter(|b| *b > 0);
    result.id = item.id.clone();
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
        Outcome::Changed(report) => {
            result.status = Status::Changed;
            result.error = Some(report);
        }
        Outcome::Unknown(report) => {
            result.status = Status::Unknown;
            result.error = Some(report);
        }
        Outcome::Failed(report) => {
            result.status = Status::Failed;
            result.error = Some(report);
        }
    }
    result
}

/// The file name sent with the file part: the file's own name, or a neutral one with the
/// right extension when the path has none usable.
fn file_name(path: &std::path::Path, extension: &str) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("image.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::action::Class;

    fn tally(counts: &[(&'static str, Class, usize)]) -> Tally {
        let mut tally = Tally::default();
        for (status, class, n) in counts {
            for _ in 0..*n {
                tally.count(status, *class);
            }
        }
        tally
    }

    #[test]
    fn counts_name_unknown_and_changed_files_only_when_there_are_some() {
        let plain = tally(&[("uploaded", Class::Done, 3), ("skipped", Class::Skipped, 1)]);
        assert_eq!(counts(&plain), "3 uploaded, 1 skipped, 0 failed");
        let all = tally(&[
            ("uploaded", Class::Done, 1),
            ("unknown", Class::Unknown, 2),
            ("changed", Class::Failed, 2),
        ]);
        assert_eq!(
            counts(&all),
            "1 uploaded, 0 skipped, 0 failed, 2 unknown (check before re-running), 2 changed (their ids hold older images; --replace updates them)"
        );
    }
}
