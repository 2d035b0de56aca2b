//! Where the results of a run go as they come in: stdout through output's stream of results (a
//! table line or an NDJSON line per result as it finishes; `--json`, one array in input order
//! at the end), warnings and progress on stderr, one manifest line per file, and the totals for
//! the summary.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use indicatif::ProgressBar;

use crate::api::images::ProgressFn;
use crate::output::{Column, Layout, Output, Stream, delivery_url};
use crate::ui::{BulkProgress, Ui};

use super::engine::Listener;
use super::manifest::{self, Entry, Verdict, Writer};
use super::plan::Item;
use super::report::{ItemResult, Status, Totals};

/// How the run shows progress.
#[derive(Clone)]
pub enum Progress {
    None,
    /// One file: a byte bar.
    Single(ProgressBar),
    /// Many files: overall bar and in-flight names.
    Bulk(Arc<BulkProgress>),
}

impl Progress {
    /// Write something on the terminal without tearing the display.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match self {
            Progress::Bulk(p) => p.suspend(f),
            Progress::Single(bar) => bar.suspend(f),
            Progress::None => f(),
        }
    }
}

pub struct Sink<'a> {
    pub out: &'a Output,
    pub ui: &'a Ui,
    /// A single image's run: its result is kept for the caller to print the image.
    pub single: bool,
    pub progress: Progress,
    pub manifest: Option<Writer>,
    /// Content hashes by item index, for the manifest.
    pub hashes: Vec<String>,
    state: Mutex<State<'a>>,
}

struct State<'a> {
    totals: Totals,
    /// A bulk run's results as they are printed; none for a single image, whose result is
    /// kept and printed as the image when the run ends.
    results: Option<Stream<'a, ItemResult>>,
    kept: Vec<ItemResult>,
    write_error: Option<io::Error>,
    manifest_error: Option<io::Error>,
    sent: HashMap<usize, Arc<AtomicU64>>,
}

/// What a run came to.
pub struct Outcome {
    pub totals: Totals,
    pub kept: Vec<ItemResult>,
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
            result.status_name().to_string(),
            result.id.clone().unwrap_or_else(|| "-".into()),
            result.source.clone(),
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

impl<'a> Sink<'a> {
    /// A sink for a single image (`results` unused) or a bulk run shown as `results` says.
    pub fn new(out: &'a Output, ui: &'a Ui, single: bool, results: Layout<'a, ItemResult>) -> Self {
        Sink {
            out,
            ui,
            single,
            progress: Progress::None,
            manifest: None,
            hashes: Vec::new(),
            state: Mutex::new(State {
                totals: Totals::default(),
                results: (!single).then(|| out.stream(results)),
                kept: Vec::new(),
                write_error: None,
                manifest_error: None,
                sent: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<'a>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Write to the terminal without tearing a progress display.
    pub fn quietly<R>(&self, f: impl FnOnce() -> R) -> R {
        self.progress.suspend(f)
    }

    /// End the results (the `--json` array), flush the manifest to disk, clear the display.
    pub fn finish(self) -> io::Result<Outcome> {
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
        if let Some(writer) = &self.manifest {
            let synced = writer.sync();
            if let Some(e) = state.manifest_error.or(synced.err()) {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot write the manifest {}: {e}", writer.path().display()),
                ));
            }
        }
        Ok(Outcome {
            totals: state.totals,
            kept: state.kept,
        })
    }

    /// Report the result of item `index` decided without a request (a manifest skip); it is
    /// not written to the manifest again.
    pub fn report(&self, index: usize, result: ItemResult) {
        self.publish(index, None, result);
    }

    fn publish(&self, index: usize, sent: Option<&Item>, result: ItemResult) {
        let mut state = self.lock();
        let state = &mut *state;
        state.totals.add(&result);
        if let (Some(writer), Some(item)) = (&self.manifest, sent) {
            let entry = Entry {
                path: result.source.clone(),
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
                time: manifest::now(),
            };
            if let Err(e) = writer.append(&entry) {
                state.manifest_error.get_or_insert(e);
            }
        }
        let write = self.quietly(|| {
            if !self.single
                && result.status != Status::Uploaded
                && let Some(error) = &result.error
            {
                self.ui
                    .warn(&format!("{}: {}", result.source, error.message));
            }
            if state.write_error.is_some() {
                return Ok(());
            }
            match &mut state.results {
                Some(results) => results.item_at(index, &result),
                // A single image's result is its own line only under --ndjson; the image (or
                // its URL) is printed once, by `single::finish`.
                None => self.out.ndjson_only(&result),
            }
        });
        if let Err(e) = write {
            state.write_error.get_or_insert(e);
        }
        if self.single {
            state.kept.push(result);
        }
    }
}

impl Listener for Sink<'_> {
    fn started(&self, index: usize, item: &Item) {
        if let Progress::Bulk(p) = &self.progress {
            p.start(index, &item.label);
        }
    }

    fn progress(&self, index: usize, _item: &Item) -> Option<ProgressFn> {
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

    fn finished(&self, index: usize, item: &Item, result: ItemResult) {
        if let Progress::Bulk(p) = &self.progress {
            let sent = self
                .lock()
                .sent
                .remove(&index)
                .map(|s| s.load(Ordering::SeqCst))
                .unwrap_or(0);
            p.finish(index, item.bytes().saturating_sub(sent));
        }
        self.publish(index, Some(item), result);
    }
}
