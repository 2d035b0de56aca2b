//! Running a job once its items are planned, the same steps for every job: Ctrl-C watched,
//! the engine's workers over the items still to do, the results finished (the `--json`
//! array, the manifest synced), and the summary with its exit code.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::api::ApiError;
use crate::ui::Ui;

use super::action::{Action, Tally};
use super::engine::Engine;
use super::interrupt;
use super::sink::Sink;
use super::summary;
use super::target::Target;

/// A job ready to run.
pub struct Job<'a, A: Action> {
    pub action: &'a A,
    pub items: &'a [A::Item],
    /// The items to do, as indices into `items` (the others were settled before the run).
    pub todo: &'a [usize],
    pub target: &'a Target,
    /// How many items at once (`-j`).
    pub concurrency: usize,
    /// What is in flight, for the note Ctrl-C shows (`uploads`, `deletes`).
    pub work: &'static str,
}

/// How a job ended.
pub struct Ended<R> {
    pub tally: Tally,
    /// The results the sink kept (a single item's).
    pub kept: Vec<R>,
    /// Items left by Ctrl-C or a refusal of the credentials.
    pub not_started: usize,
    pub refused: Option<ApiError>,
    elapsed: Duration,
}

impl<A: Action> Job<'_, A> {
    /// Run with results going to `sink`; `started` is when the run's clock started (the
    /// summary's time counts from it).
    pub fn run(&self, sink: Sink<'_, A>, ui: &Ui, started: Instant) -> Result<Ended<A::Result>> {
        let note = ui.clone();
        let display = sink.progress.clone();
        let work = self.work;
        let stop = interrupt::watch(move || {
            display.suspend(|| {
                note.warn(&format!(
                    "interrupted: finishing the {work} in flight, starting no more (Ctrl-C again to stop at once)"
                ));
            });
        });
        let engine = Engine {
            target: self.target,
            concurrency: self.concurrency,
            stop: &stop,
        };
        let ran = engine.run(self.action, self.items, self.todo, &sink);
        let finished = sink.finish()?;
        Ok(Ended {
            tally: finished.tally,
            kept: finished.kept,
            not_started: self.todo.len() - ran.begun,
            refused: ran.refused,
            elapsed: started.elapsed(),
        })
    }
}

impl<R> Ended<R> {
    /// The summary line and the exit (see `summary::conclude`): `counts` is the action's
    /// (`Action::summary`), `noun` names the items (`files`, `images`).
    pub fn conclude(self, ui: &Ui, counts: &str, noun: &str) -> Result<()> {
        summary::conclude(
            ui,
            counts,
            &self.tally,
            noun,
            self.not_started,
            self.refused,
            self.elapsed,
        )
    }
}
