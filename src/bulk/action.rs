//! What a bulk job does to one item: the one part each job (upload, delete, edit, and those to
//! come) writes itself. An action says how to do one item (`perform`), what an item comes to
//! when it cannot even be tried (`unsent`), whether doing an item again is harmless (`retry`),
//! what the manifest records of it, and how the summary counts; the engine does the rest.
//!
//! A resumed run asks [`resume`] what to do with an item whose manifest line says it was
//! started and never finished (the process was killed in between).

use serde::Serialize;

use crate::api::images::ProgressFn;
use crate::api::{ApiError, Client};
use crate::output::ErrorReport;

/// How the engine counts a result: the exit code and the summary are made of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Done as asked (uploaded, deleted, edited).
    Done,
    /// Nothing needed doing (done by an earlier run, or already as asked).
    Skipped,
    /// Not done.
    Failed,
    /// Maybe done, maybe not: the answer was lost, and only a person can tell.
    Unknown,
}

/// What became of one item: a line of `--ndjson`, an element of `--json`.
pub trait Outcome: Serialize + Send {
    /// The word scripts read in `status` (`uploaded`, `deleted`, `failed`, …).
    fn status(&self) -> &'static str;
    fn class(&self) -> Class;
    /// What a warning about the item calls it (a path, an id).
    fn subject(&self) -> &str;
    fn error(&self) -> Option<&ErrorReport>;
    /// Bytes sent, for the summary's throughput.
    fn bytes_sent(&self) -> u64 {
        0
    }
    /// The API's refusal of the credentials, when that is why the item failed: the engine
    /// renews a refused batch token once, and otherwise stops the run.
    fn refusal(&self) -> Option<&ApiError> {
        self.error()
            .and_then(|e| e.cause.as_ref())
            .filter(|e| e.is_auth())
    }
}

/// Whether an item may be done again when a run did not learn how its first try ended (the
/// answer was lost, or the process was killed between writing the item's manifest line of
/// intent and its result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Twice has the effect of once: a DELETE (an image already gone counts as deleted), a
    /// PATCH, an upload under a custom id (a repeat meets its own image: 409).
    Safe,
    /// A repeat could do it twice (an upload whose id the API picks): such an item is
    /// `unknown`, left for a person to check, and never sent again by itself.
    Unsafe,
}

/// What an action has while it does one item: the client to send with, the progress callback,
/// and the manifest, for a line of intent written before a request that must not go
/// unrecorded (see [`Attempt::note`]).
pub struct Attempt<'a, E> {
    /// The API's client, or a batch token's on the batch host.
    pub client: &'a Client,
    /// Told the bytes of the item sent so far (from 0 again on a retry).
    pub progress: Option<ProgressFn>,
    pub(super) journal: &'a (dyn Fn(E) + Sync),
}

impl<E> Attempt<'_, E> {
    /// Append `entry` to the manifest now, before the request that follows: what a job must
    /// not lose if the process is killed while the request is out (what a deleted image held).
    /// Nothing is written without `--manifest`. A re-run that finds such a line last asks
    /// [`resume`].
    pub fn note(&self, entry: E) {
        (self.journal)(entry);
    }
}

/// What a re-run does with an item whose last manifest line is a line of intent: the run that
/// wrote it was killed before the item finished, so whether it was done is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Doing it again is safe: do it.
    Again,
    /// Doing it again could do it twice: report it `unknown`, for a person to check.
    Unknown,
}

/// [`Resume`] for `item`, by what the action says of repeating it.
pub fn resume<A: Action>(action: &A, item: &A::Item) -> Resume {
    match action.retry(item) {
        Retry::Safe => Resume::Again,
        Retry::Unsafe => Resume::Unknown,
    }
}

/// What the progress display calls an item (a path, an id).
pub trait Labeled {
    fn label(&self) -> &str;
}

impl Labeled for crate::select::Picked {
    fn label(&self) -> &str {
        &self.id
    }
}

/// One bulk job's work on one item. The engine calls it from several worker threads at once.
pub trait Action: Sync {
    /// One unit of work: a file to upload, an image to delete.
    type Item: Sync + Labeled;
    type Result: Outcome;
    /// One line of the job's manifest (see `journal`).
    type Entry: Serialize;

    /// The bytes the item sends, for the progress display (0 for a job that sends no files).
    fn bytes(&self, _item: &Self::Item) -> u64 {
        0
    }

    /// How safe it is to do the item again (see [`Retry`]).
    fn retry(&self, item: &Self::Item) -> Retry;

    /// Do item `index` with what `attempt` holds.
    fn perform(
        &self,
        index: usize,
        item: &Self::Item,
        attempt: &Attempt<'_, Self::Entry>,
    ) -> Self::Result;

    /// What item `index` comes to when no client could be had for it (a new batch token was
    /// refused): `error` is why.
    fn unsent(&self, index: usize, item: &Self::Item, error: &ApiError) -> Self::Result;

    /// The manifest line for a finished item; `None` records nothing.
    fn entry(&self, index: usize, item: &Self::Item, result: &Self::Result) -> Option<Self::Entry>;

    /// The counts the closing summary starts with (`3 uploaded, 1 skipped, 0 failed`).
    fn summary(&self, tally: &Tally) -> String;
}

/// How many results had each status, by class, and the bytes sent: what a summary is made of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Each status word seen, in the order first seen, with its count.
    statuses: Vec<(&'static str, usize)>,
    done: usize,
    skipped: usize,
    failed: usize,
    unknown: usize,
    pub bytes: u64,
}

/// One part of a summary's counts.
#[derive(Clone, Copy, Debug)]
pub enum Count {
    /// `3 deleted`, even when 0.
    Always(&'static str),
    /// `2 unknown (check before re-running)`, only when there are some.
    IfAny(&'static str, &'static str),
}

impl Tally {
    /// The counts of a summary line, `parts` in order: `3 uploaded, 1 skipped, 0 failed`.
    pub fn line(&self, parts: &[Count]) -> String {
        let mut shown = Vec::new();
        for part in parts {
            match *part {
                Count::Always(status) => shown.push(format!("{} {status}", self.of(status))),
                Count::IfAny(status, note) => {
                    let n = self.of(status);
                    if n > 0 {
                        shown.push(format!("{n} {status} ({note})"));
                    }
                }
            }
        }
        shown.join(", ")
    }

    pub fn add(&mut self, result: &impl Outcome) {
        self.count(result.status(), result.class());
        self.bytes += result.bytes_sent();
    }

    /// One more result with `status`, of `class`.
    pub fn count(&mut self, status: &'static str, class: Class) {
        match self.statuses.iter_mut().find(|(s, _)| *s == status) {
            Some((_, n)) => *n += 1,
            None => self.statuses.push((status, 1)),
        }
        match class {
            Class::Done => self.done += 1,
            Class::Skipped => self.skipped += 1,
            Class::Failed => self.failed += 1,
            Class::Unknown => self.unknown += 1,
        }
    }

    /// How many results said `status`.
    pub fn of(&self, status: &str) -> usize {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }

    pub fn total(&self) -> usize {
        self.done + self.skipped + self.failed + self.unknown
    }

    /// Items that did not end as asked: a run with any must not pass.
    pub fn not_ok(&self) -> usize {
        self.failed + self.unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_statuses_and_classes() {
        let mut tally = Tally::default();
        tally.count("deleted", Class::Done);
        tally.count("failed", Class::Failed);
        tally.count("deleted", Class::Done);
        tally.count("changed", Class::Failed);
        tally.count("unknown", Class::Unknown);
        tally.count("skipped", Class::Skipped);
        assert_eq!(
            (tally.of("deleted"), tally.of("failed"), tally.of("edited")),
            (2, 1, 0)
        );
        assert_eq!((tally.total(), tally.not_ok()), (6, 3));
        assert_eq!(
            tally.line(&[
                Count::Always("deleted"),
                Count::IfAny("skipped", "by an earlier run"),
                Count::IfAny("edited", "never shown"),
                Count::Always("failed"),
            ]),
            "2 deleted, 1 skipped (by an earlier run), 1 failed"
        );
    }
}
