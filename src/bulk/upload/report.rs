//! What became of each item of an upload run, in the shape scripts read, and how a table
//! shows it.

use serde::{Deserialize, Serialize};

use crate::bulk::action::{Class, Outcome};
use crate::bulk::report;
use crate::output::{Column, Layout, delivery_url};

use super::manifest::Verdict;
use super::plan::Item;

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

/// One line of `--ndjson`, one element of `--json` for a bulk run: the bulk engine's result,
/// with the file's `source`, upload's status and reason words.
pub type ItemResult = report::ItemResult<Status, Reason>;

impl report::Status for Status {
    fn word(self) -> &'static str {
        match self {
            Status::Uploaded => "uploaded",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
            Status::Unknown => "unknown",
            Status::Changed => "changed",
        }
    }

    fn class(self) -> Class {
        match self {
            Status::Uploaded => Class::Done,
            Status::Skipped => Class::Skipped,
            Status::Failed => Class::Failed,
            Status::Unknown => Class::Unknown,
            // A changed file whose id still holds the old image did not end as the user's
            // file stored: a run that leaves stale images must not pass.
            Status::Changed => Class::Failed,
        }
    }
}

/// The columns of a run's lines (`uploaded  ID  PATH`), and of the `--dry-run` plan.
pub const COLUMNS: [Column; 3] = [
    Column::whole("STATUS"),
    Column::whole("ID"),
    Column::whole("SOURCE"),
];

/// What the status column says, for its width.
const STATUS_NAMES: [&str; 5] = ["uploaded", "skipped", "failed", "unknown", "changed"];

/// An id the API picks: a UUID, always this wide.
const API_PICKED_ID: &str = "00000000-0000-0000-0000-000000000000";

/// A bulk run's results as output shows them: `STATUS  ID  SOURCE` lines (the id column as wide
/// as the ids the run can show, so the lines written as files finish still line up), or with
/// `print_urls` each uploaded image's delivery URL alone.
pub fn results_layout<'a>(
    items: &'a [Item],
    verdicts: &'a [Verdict],
    print_urls: bool,
) -> Layout<'a, ItemResult> {
    if print_urls {
        return Layout::results(&[Column::whole("URL")], |result: &ItemResult| {
            let url = result.image.as_ref().and_then(delivery_url)?;
            Some(vec![url.to_string()])
        });
    }
    Layout::results(&COLUMNS, |result: &ItemResult| {
        Some(vec![
            result.status().to_string(),
            result.id.clone().unwrap_or_else(|| "-".into()),
            result.subject().to_string(),
        ])
    })
    .expect(0, STATUS_NAMES)
    .expect(1, expected_ids(items, verdicts, API_PICKED_ID))
}

/// The ids a run's lines may show: each item's custom id, the id an earlier run recorded for
/// it, or else `unnamed` (what stands for an id the API picks).
pub fn expected_ids<'a>(
    items: &'a [Item],
    verdicts: &'a [Verdict],
    unnamed: &'a str,
) -> impl Iterator<Item = &'a str> {
    items.iter().zip(verdicts).map(move |(item, verdict)| {
        let recorded = match verdict {
            Verdict::Done(e) | Verdict::Unknown(e) | Verdict::Changed(e) => e.id.as_deref(),
            Verdict::Upload => None,
        };
        item.id.as_deref().or(recorded).unwrap_or(unnamed)
    })
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
        let result = ItemResult::of_source("a.png", Status::Skipped).because(Reason::Exists);
        assert_eq!(
            serde_json::to_value(&result).unwrap(),
            serde_json::json!({"source": "a.png", "status": "skipped", "reason": "exists"})
        );
    }
}
