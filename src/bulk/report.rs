//! What became of each item of a bulk job, in the one shape every job's results take (a line
//! of `--ndjson`, an element of `--json`): `{"source"?, "status", "id"?, "bytes"?, "reason"?,
//! "image"?, "error"?}`, each job with its own status and reason words; and how a table shows
//! the results and the `--dry-run` plan of a job on images that exist.

use serde::Serialize;

use crate::api::images::Image;
use crate::output::{Column, ErrorReport, Layout};

use super::action::{Class, Outcome};

/// A job's status word, and how the engine counts it.
pub trait Status: Copy + Serialize + Send {
    /// The word scripts read in `status`.
    fn word(self) -> &'static str;
    fn class(self) -> Class;
}

/// One item's result.
#[derive(Clone, Debug, Serialize)]
pub struct ItemResult<S, R> {
    /// Where an upload came from: the path, URL or `-`. Jobs on images that exist have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub status: S,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Why an item was skipped, or how it was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<R>,
    /// The image as the API returned it, or (for a deleted image) as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
}

impl<S, R> ItemResult<S, R> {
    /// The result of an item read from `source` (an upload's file).
    pub fn of_source(source: impl Into<String>, status: S) -> Self {
        ItemResult {
            source: Some(source.into()),
            ..Self::bare(status)
        }
    }

    /// The result of a job on the image `id`.
    pub fn of_image(id: impl Into<String>, status: S) -> Self {
        ItemResult {
            id: Some(id.into()),
            ..Self::bare(status)
        }
    }

    fn bare(status: S) -> Self {
        ItemResult {
            source: None,
            status,
            id: None,
            bytes: None,
            reason: None,
            image: None,
            error: None,
        }
    }

    pub fn because(mut self, reason: R) -> Self {
        self.reason = Some(reason);
        self
    }

    pub fn failing(mut self, error: ErrorReport) -> Self {
        self.error = Some(error);
        self
    }
}

impl<S: Status, R: Serialize + Send> Outcome for ItemResult<S, R> {
    fn status(&self) -> &'static str {
        self.status.word()
    }

    fn class(&self) -> Class {
        self.status.class()
    }

    fn subject(&self) -> &str {
        self.source.as_deref().or(self.id.as_deref()).unwrap_or("-")
    }

    fn error(&self) -> Option<&ErrorReport> {
        self.error.as_ref()
    }

    /// What an item done sent; a skipped or failed one counts for nothing.
    fn bytes_sent(&self) -> u64 {
        match self.class() {
            Class::Done => self.bytes.unwrap_or(0),
            _ => 0,
        }
    }
}

/// The columns of a job on images that exist: `deleted  ID  (already gone)`.
const COLUMNS: [Column; 3] = [
    Column::whole("STATUS"),
    Column::whole("ID"),
    Column::whole("NOTE"),
];

/// Such a job's results as a table shows them: `STATUS  ID  NOTE` lines, the status column as
/// wide as the longest of `statuses` and the id column as the longest of `ids` from the first
/// line, so lines written as items finish line up. `note` says what the status does not.
pub fn image_results<'a, S: Status, R: Serialize + Send>(
    statuses: &'a [&'a str],
    ids: impl IntoIterator<Item = &'a str>,
    note: impl Fn(&ItemResult<S, R>) -> String + Send + Sync + 'a,
) -> Layout<'a, ItemResult<S, R>> {
    Layout::results(&COLUMNS, move |result: &ItemResult<S, R>| {
        Some(vec![
            result.status().to_string(),
            result.id.clone().unwrap_or_default(),
            note(result),
        ])
    })
    .expect(0, statuses.iter().copied())
    .expect(1, ids)
}

/// One line of the `--dry-run` plan of a job on images that exist.
#[derive(Debug, Serialize)]
pub struct Planned<'a, R> {
    pub id: &'a str,
    /// What the run would do (`delete`, `edit`, `skip`): words no real result has, since the
    /// outcome is not known yet.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<R>,
    /// The image as the listing showed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<&'a Image>,
}

/// The plan as a table shows it: `delete  ID` lines.
pub fn plan_layout<'a, R: Serialize>(
    ids: impl IntoIterator<Item = &'a str>,
) -> Layout<'a, Planned<'a, R>> {
    Layout::results(&COLUMNS[..2], |p: &Planned<'_, R>| {
        Some(vec![p.status.to_string(), p.id.to_string()])
    })
    .expect(1, ids)
}
