//! Where the results of every bulk run go as they come in: stdout through output's stream of
//! results (a table line or an NDJSON line per result as it finishes; `--json`, one array in
//! input order at the end), a warning on stderr per item that did not make it, the progress
//! display, one manifest line per item, and the tally for the summary.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use indicatif::ProgressBar;

use crate::api::Rate;
use crate::api::images::ProgressFn;
use crate::output::{Layout, Output, Stream};
use crate::ui::{BulkProgress, Ui, Work};

use super::action::{Action, Class, Labeled, Outcome, Tally};
use super::engine::Listener;
use super::journal::Writer;

/// How the run shows progress.
#[derive(Clone)]
pub enum Progress {
    None,
    /// One item: a byte bar.
    Single(ProgressBar),
    /// Many items: overall bar and the items in flight.
    Bulk(Arc<BulkProgress>),
}

impl Progress {
    /// The bar of a bulk job on a terminal (none elsewhere), its ETA kept no earlier than what
    /// `rate` allows: for jobs whose every request counts toward the API's global limit.
    pub fn paced(ui: &Ui, work: Work, rate: Rate) -> Progress {
        match ui.bulk_progress(work) {
            Some(progress) => {
                progress.pace(rate);
                Progress::Bulk(progress)
            }
            None => Progress::None,
        }
    }

    /// Write something on the terminal without tearing the display.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match self {
            Progress::Bulk(p) => p.suspend(f),
            Progress::Single(bar) => bar.suspend(f),
            Progress::None => f(),
        }
    }
}

pub struct Sink<'a, A: Action> {
    out: &'a Output,
    ui: &'a Ui,
    action: &'a A,
    /// A single item's run: its result is kept for the caller to show.
    single: bool,
    pub progress: Progress,
    pub journal: Option<Writer>,
    /// A warning on stderr for each item that did not make it (on by default; a command
    /// that ends with the one item's error turns it off, so the problem is said once).
    pub warn_failures: bool,
    /// Keep every result for the caller too, as a single item's run does.
    pub keep: bool,
    state: Mutex<State<'a, A::Result>>,
}

struct State<'a, R> {
    tally: Tally,
    /// A bulk run's results as they are printed; none for a single item, whose result is
    /// kept and shown when the run ends.
    results: Option<Stream<'a, R>>,
    kept: Vec<R>,
    write_error: Option<io::Error>,
    journal_error: Option<io::Error>,
    sent: HashMap<usize, Arc<AtomicU64>>,
}

/// What a run came to.
pub struct Finished<R> {
    pub tally: Tally,
    /// A single item's result (every result, with `keep`).
    pub kept: Vec<R>,
}

impl<'a, A: Action> Sink<'a, A> {
    /// A sink for a single item (`results` unused: its result is kept, and printed by the
    /// caller) or a bulk run shown as `results` says.
    pub fn new(
        out: &'a Output,
        ui: &'a Ui,
        action: &'a A,
        single: bool,
        results: Layout<'a, A::Result>,
    ) -> Self {
        Sink {
            out,
            ui,
            action,
            single,
            progress: Progress::None,
            journal: None,
            warn_failures: true,
            keep: false,
            state: Mutex::new(State {
                tally: Tally::default(),
                results: (!single).then(|| out.stream(results)),
                kept: Vec::new(),
                write_error: None,
                journal_error: None,
                sent: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<'a, A::Result>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Write to the terminal without tearing a progress display.
    pub fn quietly<R>(&self, f: impl FnOnce() -> R) -> R {
        self.progress.suspend(f)
    }

    /// End the results (the `--json` array), flush the manifest to disk, clear the display.
    pub fn finish(self) -> io::Result<Finished<A::Result>> {
        match &self.progress {
            Progress::Bulk(p) => p.clear(),
            Progress::Single(bar) => bar.finish_and_clear(),
            Progress::None => {}
        }
        let state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = state.write_error {
            return Err(e);
        }
        if let Some(results) = state.results {
            results.finish()?;
        }
        if let Some(writer) = &self.journal {
            let synced = writer.sync();
            if let Some(e) = state.journal_error.or(synced.err()) {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot write the manifest {}: {e}", writer.path().display()),
                ));
            }
        }
        Ok(Finished {
            tally: state.tally,
            kept: state.kept,
        })
    }

    /// Report the result of item `index` decided without a request (settled by the manifest,
    /// or refused before the run); it is not written to the manifest again.
    pub fn report(&self, index: usize, result: A::Result) {
        self.publish(index, None, result);
    }

    fn record(&self, state: &mut State<'a, A::Result>, entry: Option<A::Entry>) {
        if let (Some(writer), Some(entry)) = (&self.journal, entry)
            && let Err(e) = writer.append(&entry)
        {
            state.journal_error.get_or_insert(e);
        }
    }

    fn publish(&self, index: usize, done: Option<&A::Item>, result: A::Result) {
        let mut state = self.lock();
        let state = &mut *state;
        state.tally.add(&result);
        if let Some(item) = done {
            let entry = self.action.entry(index, item, &result);
            self.record(state, entry);
        }
        let write = self.quietly(|| {
            if !self.single
                && self.warn_failures
                && result.class() != Class::Done
                && let Some(error) = result.error()
            {
                self.ui
                    .warn(&format!("{}: {}", result.subject(), error.message));
            }
            if state.write_error.is_some() {
                return Ok(());
            }
            match &mut state.results {
                Some(results) => results.item_at(index, &result),
                // A single item's result is its own line only under --ndjson; the caller
                // shows it (an image, an error) once the run ends.
                None => self.out.ndjson_only(&result),
            }
        });
        if let Err(e) = write {
            state.write_error.get_or_insert(e);
        }
        if self.single || self.keep {
            state.kept.push(result);
        }
    }
}

impl<A: Action> Listener<A> for Sink<'_, A> {
    fn started(&self, index: usize, item: &A::Item) {
        if let Progress::Bulk(p) = &self.progress {
            p.start(index, item.label());
        }
    }

    fn progress(&self, index: usize, _item: &A::Item) -> Option<ProgressFn> {
        match &self.progress {
            Progress::None => None,
            Progress::Single(bar) => {
                let bar = bar.clone();
                Some(Arc::new(move |n: u64| bar.set_position(n)))
            }
            Progress::Bulk(p) => {
                let p = Arc::clone(p);
                let sent = Arc::new(AtomicU64::new(0));
                self.lock().sent.insert(index, Arc::clone(&sent));
                // The reader reports a running total per attempt; the bar wants increments,
                // and a retry that starts over must not count its bytes twice.
                Some(Arc::new(move |n: u64| {
                    let before = sent.fetch_max(n, Ordering::SeqCst);
                    if n > before {
                        p.sent(n - before);
                    }
                }))
            }
        }
    }

    fn note(&self, entry: A::Entry) {
        let mut state = self.lock();
        self.record(&mut state, Some(entry));
    }

    fn finished(&self, index: usize, item: &A::Item, result: A::Result) {
        if let Progress::Bulk(p) = &self.progress {
            let sent = self
                .lock()
                .sent
                .remove(&index)
                .map(|s| s.load(Ordering::SeqCst))
                .unwrap_or(0);
            p.finish(index, self.action.bytes(item).saturating_sub(sent));
        }
        self.publish(index, Some(item), result);
    }
}
