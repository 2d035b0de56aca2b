//! The workers of every bulk job: a pool of threads that take the next item, do it with the
//! action over a client from the target (the API's one limiter, or a batch token's own), and
//! report each result the moment it is known. A refused batch token is renewed once and the
//! item done again (a refused request did nothing); a refusal that stays stops the run, since
//! every other request would be refused the same way; Ctrl-C stops handing out items.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::api::ApiError;
use crate::api::images::ProgressFn;

use super::action::{Action, Attempt, Outcome};
use super::target::Target;

/// Told about each item as it starts and finishes, from worker threads.
pub trait Listener<A: Action>: Sync {
    /// Item `index` is about to be done.
    fn started(&self, _index: usize, _item: &A::Item) {}
    /// A callback for the bytes of item `index` sent so far (restarting at 0 on a retry).
    fn progress(&self, _index: usize, _item: &A::Item) -> Option<ProgressFn> {
        None
    }
    /// The action wrote a line of intent for an item (see `Attempt::note`).
    fn note(&self, _entry: A::Entry) {}
    /// Item `index` is done.
    fn finished(&self, index: usize, item: &A::Item, result: A::Result);
}

pub struct Engine<'a> {
    pub target: &'a Target,
    pub concurrency: usize,
    /// Set from outside (Ctrl-C) to stop handing out new items; those in flight finish.
    pub stop: &'a std::sync::atomic::AtomicBool,
}

/// How a run ended.
pub struct Ran {
    /// How many items were started (the rest were left by Ctrl-C or a refusal).
    pub begun: usize,
    /// The API refused the credentials: the run stopped handing out items at the first
    /// refusal, since every other request would be refused the same way.
    pub refused: Option<ApiError>,
}

impl Engine<'_> {
    /// Do the items at `indices` (indices into `items`) with `action`.
    pub fn run<A: Action>(
        &self,
        action: &A,
        items: &[A::Item],
        indices: &[usize],
        listener: &dyn Listener<A>,
    ) -> Ran {
        let next = AtomicUsize::new(0);
        let refused: Mutex<Option<ApiError>> = Mutex::new(None);
        let halted = AtomicBool::new(false);
        let workers = self.concurrency.clamp(1, indices.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        if self.stop.load(Ordering::SeqCst) || halted.load(Ordering::SeqCst) {
                            break;
                        }
                        let n = next.fetch_add(1, Ordering::SeqCst);
                        let Some(&index) = indices.get(n) else { break };
                        let item = &items[index];
                        listener.started(index, item);
                        let progress = listener.progress(index, item);
                        let result = self.attempt(action, index, item, progress, listener);
                        if let Some(cause) = result.refusal() {
                            halted.store(true, Ordering::SeqCst);
                            refused
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get_or_insert_with(|| cause.clone());
                        }
                        listener.finished(index, item, result);
                    }
                });
            }
        });
        Ran {
            begun: next.load(Ordering::SeqCst).min(indices.len()),
            refused: refused.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// One item, done again once if the batch host refused its token and a new one was had.
    fn attempt<A: Action>(
        &self,
        action: &A,
        index: usize,
        item: &A::Item,
        progress: Option<ProgressFn>,
        listener: &dyn Listener<A>,
    ) -> A::Result {
        let journal = |entry| listener.note(entry);
        let mut renewed = false;
        loop {
            let route = match self.target.route() {
                Ok(route) => route,
                Err(error) => return action.unsent(index, item, &error),
            };
            let attempt = Attempt {
                client: &route.client,
                progress: progress.clone(),
                journal: &journal,
            };
            let result = action.perform(index, item, &attempt);
            // The batch host refused its token (expired early, revoked): one new token. A
            // refused request did nothing, so doing the item again is what it would have done.
            if result.refusal().is_some() && !renewed && self.target.renew(&route) {
                renewed = true;
                continue;
            }
            return result;
        }
    }
}
