//! Where the results of a run go as they come in: stdout in the chosen shape (a table line or
//! an NDJSON line per result as it finishes; `--json`, one array in input order at the end),
//! warnings and progress on stderr, one manifest line per file, and the totals for the summary.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use indicatif::ProgressBar;

use crate::api::images::{Image, ProgressFn};
use crate::output::{Mode, Output};
use crate::ui::{BulkProgress, Ui};

use super::engine::Listener;
use super::manifest::{self, Entry, Writer};
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
    pub print_urls: bool,
    pub progress: Progress,
    pub manifest: Option<Writer>,
    /// Content hashes by item index, for the manifest.
    pub hashes: Vec<String>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    totals: Totals,
    /// A bulk run's `--json` results by item index, printed as one array in input order at
    /// the end (results come in completion order, which differs from run to run).
    json: Vec<(usize, ItemResult)>,
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

impl<'a> Sink<'a> {
    pub fn new(out: &'a Output, ui: &'a Ui, single: bool, print_urls: bool) -> Self {
        Sink {
            out,
            ui,
            single,
            print_urls,
            progress: Progress::None,
            manifest: None,
            hashes: Vec::new(),
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Write to the terminal without tearing a progress display.
    pub fn quietly<R>(&self, f: impl FnOnce() -> R) -> R {
        self.progress.suspend(f)
    }

    /// Close the `--json` array, flush the manifest to disk, clear the display.
    pub fn finish(self) -> io::Result<Outcome> {
        match &self.progress {
            Progress::Bulk(p) => p.clear(),
            Progress::Single(bar) => bar.finish_and_clear(),
            Progress::None => {}
        }
        let mut state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = state.write_error {
            return Err(e);
        }
        if self.out.mode == Mode::Json && !self.single {
            state.json.sort_by_key(|(index, _)| *index);
            self.out.line(&json_array(&state.json)?)?;
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
            if !self.single && result.status != Status::Uploaded {
                if let Some(error) = &result.error {
                    self.ui
                        .warn(&format!("{}: {}", result.source, error.message));
                }
            }
            self.write(&state, &result)
        });
        if let Err(e) = write {
            state.write_error.get_or_insert(e);
        }
        if self.single {
            state.kept.push(result);
        } else if self.out.mode == Mode::Json {
            state.json.push((index, result));
        }
    }

    fn write(&self, state: &State, result: &ItemResult) -> io::Result<()> {
        if state.write_error.is_some() {
            return Ok(());
        }
        match self.out.mode {
            Mode::Ndjson => self.out.json(result),
            // A single image's URL (or the image) is printed once, by `single::finish`.
            Mode::Table if self.single => Ok(()),
            Mode::Table if self.print_urls => match result.image.as_ref().and_then(delivery_url) {
                Some(url) => self.out.line(url),
                None => Ok(()),
            },
            Mode::Table => self.out.line(&result_line(result)),
            Mode::Json => Ok(()),
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

/// One JSON array, one result a line.
fn json_array(results: &[(usize, ItemResult)]) -> io::Result<String> {
    if results.is_empty() {
        return Ok("[]".to_string());
    }
    let lines = results
        .iter()
        .map(|(_, r)| serde_json::to_string(r))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io::Error::other)?;
    Ok(format!("[\n{}\n]", lines.join(",\n")))
}

/// The URL to show for an uploaded image: its `public` variant, else its first.
pub fn delivery_url(image: &Image) -> Option<&str> {
    image
        .variants
        .iter()
        .find(|v| v.ends_with("/public"))
        .or_else(|| image.variants.first())
        .map(String::as_str)
}

fn result_line(result: &ItemResult) -> String {
    format!(
        "{:<8}  {}  {}",
        result.status_name(),
        result.id.as_deref().unwrap_or("-"),
        result.source
    )
}
