//! What became of each item of an upload run, in the shape scripts read.

use serde::{Deserialize, Serialize};

use crate::api::images::Image;
use crate::output::ErrorReport;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Uploaded,
    Skipped,
    Failed,
    /// The request may or may not have created the image: we did not get an answer, and a
    /// repeat could have made a duplicate. Check before trying again.
    Unknown,
    /// The file's content changed since the manifest recorded it, and its id holds an older
    /// image: nothing was stored (`--replace` deletes the old image and uploads the file).
    Changed,
}

/// Why an item was skipped, or how its upload was made: the `reason` of a result, written as
/// the word scripts read (`"manifest"`, `"exists"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Settled in an earlier run, as the manifest says: done (`skipped`), or left `unknown`.
    Manifest,
    /// The id is taken and `--skip-existing` was given.
    Exists,
    /// A retry met our own earlier upload, proven ours.
    Confirmed,
    /// `--replace` deleted the older image under the id first.
    Replaced,
    /// `--dry-run`: the manifest says the file changed since; it would be sent again.
    Changed,
}

/// One line of `--ndjson`, one element of `--json` for a bulk run.
#[derive(Clone, Debug, Serialize)]
pub struct ItemResult {
    /// The path, URL or `-` the image came from.
    pub source: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Why a file was skipped, or how an upload was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
}

impl ItemResult {
    pub fn new(source: impl Into<String>, status: Status) -> Self {
        ItemResult {
            source: source.into(),
            status,
            id: None,
            bytes: None,
            reason: None,
            image: None,
            error: None,
        }
    }

    pub fn status_name(&self) -> &'static str {
        match self.status {
            Status::Uploaded => "uploaded",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
            Status::Unknown => "unknown",
            Status::Changed => "changed",
        }
    }
}

/// Totals for the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub uploaded: usize,
    pub skipped: usize,
    pub failed: usize,
    pub unknown: usize,
    pub changed: usize,
    pub bytes: u64,
}

impl Totals {
    pub fn add(&mut self, result: &ItemResult) {
        match result.status {
            Status::Uploaded => {
                self.uploaded += 1;
                self.bytes += result.bytes.unwrap_or(0);
            }
            Status::Skipped => self.skipped += 1,
            Status::Failed => self.failed += 1,
            Status::Unknown => self.unknown += 1,
            Status::Changed => self.changed += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.uploaded + self.skipped + self.failed + self.unknown + self.changed
    }

    /// Files that did not end as the user's file stored: a changed file whose id still holds
    /// the old image counts here, since a run that leaves stale images must not pass.
    pub fn not_ok(&self) -> usize {
        self.failed + self.unknown + self.changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_written_as_the_words_scripts_read() {
        let words: Vec<serde_json::Value> = [
            Reason::Manifest,
            Reason::Exists,
            Reason::Confirmed,
            Reason::Replaced,
            Reason::Changed,
        ]
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
        assert_eq!(
            words,
            ["manifest", "exists", "confirmed", "replaced", "changed"]
        );
        let mut result = ItemResult::new("a.png", Status::Skipped);
        result.reason = Some(Reason::Exists);
        assert_eq!(
            serde_json::to_value(&result).unwrap(),
            serde_json::json!({"source": "a.png", "status": "skipped", "reason": "exists"})
        );
    }
}
