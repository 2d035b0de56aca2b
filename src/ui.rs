//! The terminal: whether there is one, status lines and warnings on stderr, progress bars,
//! prompts, the `-v` request log, and the note shown while a request waits for a retry.

mod waits;

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use console::Style;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::api::{Event, Observer};
use crate::config::Env;
use crate::error::CliError;
use crate::text::{Keep, truncate};

use waits::Waits;

/// How stderr and stdin look, and what the user asked for; decided once in `main`.
#[derive(Clone, Debug)]
pub struct Ui {
    pub stderr_is_terminal: bool,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    /// The retry note, shared by every clone (the client's observer holds one).
    waits: Arc<Waits>,
}

/// Whether to colour, by the conventions most tools share: `NO_COLOR` (any value) turns colour
/// off whatever else is set (<https://no-color.org>); `CLICOLOR_FORCE` (other than `0`) turns it
/// on even off a terminal; `CLICOLOR=0` turns it off; otherwise only a terminal gets colour
/// (<https://bixense.com/clicolors/>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColourChoice {
    Never,
    Always,
    /// Colour for a terminal, none for a pipe or a file.
    Auto,
}

impl ColourChoice {
    pub fn from_env(env: &Env) -> Self {
        let set_to = |name: &str, value: &str| env.get(name).is_some_and(|v| v.trim() == value);
        if env.get("NO_COLOR").is_some() {
            ColourChoice::Never
        } else if env.get("CLICOLOR_FORCE").is_some() && !set_to("CLICOLOR_FORCE", "0") {
            ColourChoice::Always
        } else if set_to("CLICOLOR", "0") {
            ColourChoice::Never
        } else {
            ColourChoice::Auto
        }
    }

    /// Colour on a stream that is, or is not, a terminal.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            ColourChoice::Never => false,
            ColourChoice::Always => true,
            ColourChoice::Auto => terminal,
        }
    }

    /// The same choice for clap's help and usage errors, which it colours itself.
    pub fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColourChoice::Never => clap::ColorChoice::Never,
            ColourChoice::Always => clap::ColorChoice::Always,
            ColourChoice::Auto => clap::ColorChoice::Auto,
        }
    }
}

impl Ui {
    /// Detect terminals, and decide colour from the environment snapshot. The decision is
    /// handed to `console` too, which draws indicatif's progress bars and dialoguer's prompts,
    /// so one policy colours everything on the terminal. (Its switch is process-wide, and set
    /// here only; stdout carries data and is never styled, so both streams get the one answer.)
    pub fn detect(quiet: bool, verbose: u8, env: &Env) -> Self {
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let color = ColourChoice::from_env(env).enabled(stderr_is_terminal);
        console::set_colors_enabled_stderr(color);
        console::set_colors_enabled(color);
        Ui {
            stderr_is_terminal,
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            quiet,
            verbose,
            color,
            waits: Arc::default(),
        }
    }

    /// Whether we may ask the user something: both the question and the answer need a terminal.
    pub fn can_prompt(&self) -> bool {
        self.stdin_is_terminal && self.stderr_is_terminal
    }

    fn paint(&self, text: &str, style: &Style) -> String {
        style
            .clone()
            .force_styling(self.color)
            .apply_to(text)
            .to_string()
    }

    fn line(&self, text: &str) {
        self.waits.write_line(text);
    }

    /// One message line, optionally after a coloured label (`error:`). The text is escaped
    /// here, where every message passes, so a path or id holding a newline or an escape
    /// sequence cannot split the line or drive the terminal.
    fn message(&self, label: Option<(&str, Style)>, text: &str) {
        let text = escape_controls(text);
        match label {
            Some((label, style)) => self.line(&format!("{} {text}", self.paint(label, &style))),
            None => self.line(&text),
        }
    }

    /// A status line ("Uploaded 3 images"), silenced by `--quiet`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            self.message(None, text);
        }
    }

    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.message(Some(("warning:", Style::new().yellow().bold())), text);
        }
    }

    pub fn hint(&self, text: &str) {
        if !self.quiet {
            self.message(Some(("hint:", Style::new().cyan().bold())), text);
        }
    }

    /// An error, always shown.
    pub fn error(&self, text: &str, hint: Option<&str>) {
        self.message(Some(("error:", Style::new().red().bold())), text);
        if let Some(hint) = hint {
            self.message(Some(("hint:", Style::new().cyan().bold())), hint);
        }
    }

    /// Raw text on stderr (JSON errors for scripts).
    pub fn raw(&self, text: &str) {
        self.line(text);
    }

    /// Refuse to ask when nobody can answer, rather than wait on a pipe forever.
    fn require_prompt(&self, what: &str, hint: &str) -> Result<(), CliError> {
        if self.can_prompt() {
            Ok(())
        } else {
            Err(
                CliError::usage(format!("cannot ask for {what} without a terminal"))
                    .with_hint(hint.to_string()),
            )
        }
    }

    /// Ask a yes/no question; the default is no.
    pub fn confirm(&self, question: &str) -> Result<bool, CliError> {
        self.confirm_or(question, false)
    }

    /// Ask a yes/no question with the answer Enter gives.
    pub fn confirm_or(&self, question: &str, default: bool) -> Result<bool, CliError> {
        self.require_prompt("confirmation", "pass --yes to go ahead")?;
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(default)
            .interact()
            .map_err(prompt_failed)
    }

    /// Ask for a line of text, asking again until `check` accepts it; Enter takes `default`.
    pub fn input(
        &self,
        question: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Result<String, CliError> {
        self.require_prompt("input", "pass the value as a flag")?;
        let mut input = dialoguer::Input::<String>::new().with_prompt(question);
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input
            .validate_with(|text: &String| check(text.trim()))
            .interact_text()
            .map(|text| text.trim().to_string())
            .map_err(prompt_failed)
    }

    /// Ask for a secret without echoing it.
    pub fn password(&self, question: &str) -> Result<String, CliError> {
        self.require_prompt("a secret", "pipe it in on stdin")?;
        dialoguer::Password::new()
            .with_prompt(question)
            .interact()
            .map_err(prompt_failed)
    }

    /// A byte progress bar on a terminal; `None` elsewhere, so pipes and logs stay clean.
    pub fn bytes_progress(&self, total: u64, label: &str) -> Option<ProgressBar> {
        if !self.stderr_is_terminal || self.quiet {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(label.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        self.waits.show_in_bar(&bar, label);
        Some(bar)
    }

    /// The display of a bulk run on a terminal: one overall bar (items, and bytes when the job
    /// sends files; rate; ETA) and a line naming the items in flight. `None` off a terminal or
    /// with `--quiet`.
    pub fn bulk_progress(&self, work: Work) -> Option<Arc<BulkProgress>> {
        if !self.stderr_is_terminal || self.quiet {
            return None;
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let by_bytes = work.bytes > 0;
        let (length, template) = if by_bytes {
            (
                work.bytes,
                "{wide_bar} {msg} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
            )
        } else {
            (work.items, "{wide_bar} {msg} {per_sec} ETA {eta}")
        };
        let overall = multi.add(ProgressBar::new(length));
        overall.set_style(
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let flight = multi.add(ProgressBar::new_spinner());
        flight.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        overall.enable_steady_tick(Duration::from_millis(200));
        flight.enable_steady_tick(Duration::from_millis(200));
        let progress = BulkProgress {
            multi,
            overall,
            flight,
            by_bytes,
            noun: work.noun,
            verb: work.verb,
            state: Mutex::new(Flight {
                items: work.items,
                done: 0,
                in_flight: Vec::new(),
                note: None,
                pace: None,
            }),
        };
        progress.redraw(&progress.state.lock().unwrap_or_else(|e| e.into_inner()));
        let progress = Arc::new(progress);
        self.waits.show_in_bulk(&progress);
        Some(progress)
    }

    /// A spinner with a message, for a wait of unknown length (a listing being paged); `None`
    /// off a terminal or with `--quiet`.
    pub fn spinner(&self, message: &str) -> Option<ProgressBar> {
        if !self.stderr_is_terminal || self.quiet {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        Some(bar)
    }

    /// What watches the client: the `-v` request log when asked for; else, on a terminal, the
    /// note while a request waits for a retry (off a terminal, nothing: logs stay clean).
    pub fn observer(&self) -> Option<Arc<dyn Observer>> {
        if self.verbose > 0 {
            Some(Arc::new(RequestLog { ui: self.clone() }))
        } else if self.stderr_is_terminal && !self.quiet {
            Some(Arc::new(RetryNotes { ui: self.clone() }))
        } else {
            None
        }
    }
}

/// What a bulk run's display counts: `items` (`noun`: files, images), and the `bytes` they
/// send (0 for a job that sends no files: the bar counts items then); `verb` heads the line of
/// items in flight (`sending`, `deleting`).
#[derive(Clone, Copy, Debug)]
pub struct Work {
    pub noun: &'static str,
    pub verb: &'static str,
    pub items: u64,
    pub bytes: u64,
}

/// The progress of a bulk run; shared by the workers.
pub struct BulkProgress {
    multi: MultiProgress,
    overall: ProgressBar,
    flight: ProgressBar,
    /// The bar measures bytes (else items).
    by_bytes: bool,
    noun: &'static str,
    verb: &'static str,
    state: Mutex<Flight>,
}

struct Flight {
    items: u64,
    done: u64,
    in_flight: Vec<(usize, String)>,
    /// A wait under way (a retry, a 429 pause), shown after the names.
    note: Option<String>,
    /// The request rate the run is held to, when it bounds the time left (see
    /// [`BulkProgress::pace`]).
    pace: Option<crate::api::Rate>,
}

/// How many in-flight names the second line shows; the rest are counted.
const FLIGHT_NAMES: usize = 3;

impl BulkProgress {
    /// Item `key` (`label`) is being worked on.
    pub fn start(&self, key: usize, label: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.in_flight.push((
            key,
            truncate(&escape_controls(label), 40, Keep::End).into_owned(),
        ));
        self.redraw(&state);
    }

    /// `bytes` more have been sent.
    pub fn sent(&self, bytes: u64) {
        if !self.by_bytes {
            return;
        }
        self.overall.inc(bytes);
    }

    /// Item `key` is done; `rest` are its bytes not yet counted (a skip, a failure).
    pub fn finish(&self, key: usize, rest: u64) {
        self.overall.inc(if self.by_bytes { rest } else { 1 });
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.in_flight.retain(|(k, _)| *k != key);
        state.done += 1;
        self.redraw(&state);
    }

    /// Each item takes one request held to `rate`: the bar then also shows the least time
    /// that rate allows for the items left, which an ETA from the pace so far cannot know
    /// (the first window's requests go at once, then every item waits its turn).
    pub fn pace(&self, rate: crate::api::Rate) {
        // The ETA is the message's from now on: the later of the pace so far and the limit's.
        if !self.by_bytes {
            self.overall.set_style(
                ProgressStyle::with_template("{wide_bar} {msg} {per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.pace = Some(rate);
        self.redraw(&state);
    }

    fn redraw(&self, state: &Flight) {
        let mut counts = format!("{}/{} {}", state.done, state.items, self.noun);
        if let Some(rate) = state.pace
            && !self.by_bytes
        {
            let left = state.items.saturating_sub(state.done);
            // Fewer than a window's worth can still go at once: the limit bounds nothing.
            let least = if left > u64::from(rate.limit) {
                rate.window.mul_f64(left as f64 / f64::from(rate.limit))
            } else {
                Duration::ZERO
            };
            let so_far = if state.done > 0 {
                self.overall.eta()
            } else {
                Duration::ZERO
            };
            if least > so_far {
                counts.push_str(&format!(
                    " · ETA {} (rate limit)",
                    crate::bulk::budget::span(least)
                ));
            } else if state.done > 0 && left > 0 {
                counts.push_str(&format!(" · ETA {}", crate::bulk::budget::span(so_far)));
            }
        }
        self.overall.set_message(counts);
        let names: Vec<&str> = state
            .in_flight
            .iter()
            .take(FLIGHT_NAMES)
            .map(|(_, n)| n.as_str())
            .collect();
        let more = state.in_flight.len().saturating_sub(FLIGHT_NAMES);
        let mut text = if names.is_empty() {
            String::new()
        } else {
            format!("{} {}", self.verb, names.join(", "))
        };
        if more > 0 {
            text.push_str(&format!(" and {more} more"));
        }
        if let Some(note) = &state.note {
            if !text.is_empty() {
                text.push_str(" · ");
            }
            text.push_str(note);
        }
        self.flight.set_message(text);
    }

    /// Show a note about a wait next to the files in flight, or take it away.
    fn note(&self, note: Option<String>) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.note = note;
        self.redraw(&state);
    }

    /// The display has been taken off the screen.
    fn is_cleared(&self) -> bool {
        self.flight.is_finished()
    }

    /// Write something (a warning, a result line) without tearing the bars.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.multi.suspend(f)
    }

    pub fn clear(&self) {
        self.flight.finish_and_clear();
        self.overall.finish_and_clear();
        let _ = self.multi.clear();
    }
}

/// Control characters written visibly (`\n`, `\t`, `\u{1b}`), so a message stays one line
/// whatever a file name or id holds. Everything else, backslashes and non-ASCII text included,
/// is left as it is.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes one line per request to stderr. URLs carry no secrets (credentials travel in
/// headers), and headers are never logged.
struct RequestLog {
    ui: Ui,
}

impl Observer for RequestLog {
    fn event(&self, event: &Event<'_>) {
        let text = match event {
            Event::Response {
                method,
                url,
                attempt,
                status,
                elapsed,
            } => format!(
                "{method} {url} → {status} in {} ms{}",
                elapsed.as_millis(),
                attempt_note(*attempt)
            ),
            Event::Failed {
                method,
                url,
                attempt,
                reason,
                elapsed,
            } => format!(
                "{method} {url} → failed after {} ms: {reason}{}",
                elapsed.as_millis(),
                attempt_note(*attempt)
            ),
            Event::Retrying {
                method,
                url,
                wait,
                why,
                ..
            } => format!(
                "{method} {url}: {why}; retrying in {:.1} s",
                wait.as_secs_f64()
            ),
            Event::Holding { wait } => format!(
                "the API's Ratelimit header says its budget is spent; holding back {:.1} s",
                wait.as_secs_f64()
            ),
        };
        self.ui.message(Some(("*", Style::new().dim())), &text);
    }
}

/// On a terminal without `-v`: a note while a request waits for its retry or a 429 pause, so
/// seconds of silent retrying do not look like a hang.
struct RetryNotes {
    ui: Ui,
}

impl Observer for RetryNotes {
    fn event(&self, event: &Event<'_>) {
        match event {
            Event::Retrying { wait, status, .. } => {
                self.ui.waits.note(&waits::wait_text(*wait, *status), *wait);
            }
            Event::Holding { wait } => self.ui.waits.note(&waits::hold_text(*wait), *wait),
            Event::Response { .. } | Event::Failed { .. } => self.ui.waits.expire(),
        }
    }
}

fn attempt_note(attempt: u32) -> String {
    if attempt == 0 {
        String::new()
    } else {
        format!(" (attempt {})", attempt + 1)
    }
}

/// A prompt that could not be shown or read (the terminal went away mid-question).
fn prompt_failed(e: dialoguer::Error) -> CliError {
    CliError::failed(format!("the prompt failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_then_clicolor_force_then_clicolor() {
        let choice = |pairs: &[(&str, &str)]| {
            ColourChoice::from_env(&Env::from_pairs(pairs.iter().copied()))
        };
        assert_eq!(choice(&[]), ColourChoice::Auto);
        assert_eq!(choice(&[("NO_COLOR", "1")]), ColourChoice::Never);
        assert_eq!(
            choice(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
            ColourChoice::Never
        );
        assert_eq!(choice(&[("CLICOLOR_FORCE", "1")]), ColourChoice::Always);
        assert_eq!(
            choice(&[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]),
            ColourChoice::Always
        );
        assert_eq!(choice(&[("CLICOLOR_FORCE", "0")]), ColourChoice::Auto);
        assert_eq!(choice(&[("CLICOLOR", "0")]), ColourChoice::Never);
        assert_eq!(choice(&[("CLICOLOR", "1")]), ColourChoice::Auto);
        // Set but empty is unset, as for every variable.
        assert_eq!(choice(&[("NO_COLOR", "")]), ColourChoice::Auto);
        assert!(ColourChoice::Auto.enabled(true));
        assert!(!ColourChoice::Auto.enabled(false));
        assert!(ColourChoice::Always.enabled(false));
    }

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape_controls("a.png: no such file"),
            "a.png: no such file"
        );
        assert_eq!(
            escape_controls("dir/a\nb.png is empty"),
            "dir/a\\nb.png is empty"
        );
        assert_eq!(
            escape_controls("\r\t\u{1b}[31m\u{7f}"),
            "\\r\\t\\u{1b}[31m\\u{7f}"
        );
        assert_eq!(escape_controls("C:\\img\\é 名.png"), "C:\\img\\é 名.png");
    }
}
