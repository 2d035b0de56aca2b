//! The one-line note a terminal shows while a request waits for its retry or a 429 pause
//! ("retrying in 2 s after HTTP 502…"): inside the progress display when one is on screen, else
//! on a line of its own that is erased once the wait is over, or before anything else is
//! written to stderr. Off a terminal there is no note at all (see `Ui::observer`).

use std::io::Write;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, WeakProgressBar};

use super::BulkProgress;

/// Erase the terminal's current line and return to its start.
const ERASE_LINE: &str = "\r\x1b[2K";

#[derive(Default)]
pub(super) struct Waits {
    state: Mutex<State>,
}

impl std::fmt::Debug for Waits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waits")
    }
}

#[derive(Default)]
struct State {
    /// The progress display on screen, if any: a note goes into it.
    display: Option<Display>,
    /// A note stands on its own line, without a newline.
    bare: bool,
    /// A note is shown (in the display or bare) until this moment has passed.
    until: Option<Instant>,
}

enum Display {
    Bulk(Weak<BulkProgress>),
    Bar { bar: WeakProgressBar, label: String },
}

/// Where a note goes right now.
enum Target {
    Bulk(Arc<BulkProgress>),
    Bar(ProgressBar, String),
    Bare,
}

impl State {
    fn target(&self) -> Target {
        match &self.display {
            Some(Display::Bulk(weak)) => match weak.upgrade() {
                Some(bulk) if !bulk.is_cleared() => Target::Bulk(bulk),
                _ => Target::Bare,
            },
            Some(Display::Bar { bar, label }) => match bar.upgrade() {
                Some(bar) if !bar.is_finished() => Target::Bar(bar, label.clone()),
                _ => Target::Bare,
            },
            None => Target::Bare,
        }
    }
}

impl Waits {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Notes go into this bulk display while it is on screen.
    pub(super) fn show_in_bulk(&self, bulk: &Arc<BulkProgress>) {
        self.lock().display = Some(Display::Bulk(Arc::downgrade(bulk)));
    }

    /// Notes go into this bar's message (after `label`) while it is on screen.
    pub(super) fn show_in_bar(&self, bar: &ProgressBar, label: &str) {
        self.lock().display = Some(Display::Bar {
            bar: bar.downgrade(),
            label: label.to_string(),
        });
    }

    /// Show `text` for a wait of `wait`, replacing any note shown.
    pub(super) fn note(&self, text: &str, wait: Duration) {
        let mut state = self.lock();
        let until = Instant::now() + wait;
        state.until = Some(state.until.map_or(until, |u| u.max(until)));
        match state.target() {
            Target::Bulk(bulk) => bulk.note(Some(text.to_string())),
            Target::Bar(bar, label) => bar.set_message(format!("{label} · {text}")),
            Target::Bare => {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "{ERASE_LINE}{text}");
                let _ = err.flush();
                state.bare = true;
            }
        }
    }

    /// Something else happened (an answer came): clear the note if its wait is over.
    pub(super) fn expire(&self) {
        let mut state = self.lock();
        if state.until.is_none_or(|until| Instant::now() < until) {
            return;
        }
        state.until = None;
        match state.target() {
            Target::Bulk(bulk) => bulk.note(None),
            Target::Bar(bar, label) => bar.set_message(label),
            Target::Bare => {}
        }
        if state.bare {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{ERASE_LINE}");
            let _ = err.flush();
            state.bare = false;
        }
    }

    /// Write a line of stderr, first erasing a note that stands on its own line (the note's
    /// lock is taken before stderr's, here as in `note`, so the two never wait on each other).
    pub(super) fn write_line(&self, text: &str) {
        let mut state = self.lock();
        let mut err = std::io::stderr().lock();
        if state.bare {
            let _ = write!(err, "{ERASE_LINE}");
            state.bare = false;
            state.until = None;
        }
        // stderr closed too: nothing sensible left to do with the message.
        let _ = writeln!(err, "{text}");
    }
}

/// The note for a wait: a retry after a status or a lost answer, or the 429 pause that holds
/// back every request of the run.
pub(super) fn wait_text(wait: Duration, status: Option<u16>) -> String {
    let secs = seconds(wait);
    match status {
        Some(429) => format!("rate limited (HTTP 429): every request waits {secs}…"),
        Some(status) => format!("retrying in {secs} after HTTP {status}…"),
        None => format!("retrying in {secs} after a network error…"),
    }
}

/// The note while requests wait for the server's rate-limit window to reset.
pub(super) fn hold_text(wait: Duration) -> String {
    format!(
        "the API's rate limit is used up (by another client of the token?): every request waits {}…",
        seconds(wait)
    )
}

/// `2 s`, `0.5 s`, `1.3 s`: whole seconds without a fraction.
fn seconds(wait: Duration) -> String {
    if wait.subsec_millis() == 0 {
        format!("{} s", wait.as_secs())
    } else {
        format!("{:.1} s", wait.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_say_what_is_waited_for_and_how_long() {
        assert_eq!(
            wait_text(Duration::from_secs(2), Some(502)),
            "retrying in 2 s after HTTP 502…"
        );
        assert_eq!(
            wait_text(Duration::from_millis(500), None),
            "retrying in 0.5 s after a network error…"
        );
        assert_eq!(
            wait_text(Duration::from_secs(1), Some(429)),
            "rate limited (HTTP 429): every request waits 1 s…"
        );
        assert_eq!(seconds(Duration::from_millis(1375)), "1.4 s");
        assert_eq!(
            hold_text(Duration::from_secs(40)),
            "the API's rate limit is used up (by another client of the token?): every request waits 40 s…"
        );
    }
}
