//! The terminal: whether there is one, status lines and warnings on stderr, progress bars,
//! prompts, and the `-v` request log.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::api::{Event, Observer};
use crate::error::CliError;

/// How stderr and stdin look, and what the user asked for; decided once in `main`.
#[derive(Clone, Debug)]
pub struct Ui {
    pub stderr_is_terminal: bool,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
}

impl Ui {
    /// Detect terminals and colour: `NO_COLOR` turns colour off, `CLICOLOR_FORCE` on.
    pub fn detect(quiet: bool, verbose: u8) -> Self {
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let force = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
        Ui {
            stderr_is_terminal,
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            quiet,
            verbose,
            color: !no_color && (force || stderr_is_terminal),
        }
    }

    /// Whether we may ask the user something: both the question and the answer need a terminal.
    pub fn can_prompt(&self) -> bool {
        self.stdin_is_terminal && self.stderr_is_terminal
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn line(&self, text: &str) {
        // stderr closed too: nothing sensible left to do with the message.
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    /// A status line ("Uploaded 3 images"), silenced by `--quiet`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            self.line(text);
        }
    }

    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.line(&format!("{} {text}", self.paint("warning:", "1;33")));
        }
    }

    pub fn hint(&self, text: &str) {
        if !self.quiet {
            self.line(&format!("{} {text}", self.paint("hint:", "1;36")));
        }
    }

    /// An error, always shown.
    pub fn error(&self, text: &str, hint: Option<&str>) {
        self.line(&format!("{} {text}", self.paint("error:", "1;31")));
        if let Some(hint) = hint {
            self.line(&format!("{} {hint}", self.paint("hint:", "1;36")));
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
        Some(bar)
    }

    /// The `-v` request log, when asked for.
    pub fn observer(&self) -> Option<Arc<dyn Observer>> {
        (self.verbose > 0).then(|| Arc::new(RequestLog { ui: self.clone() }) as Arc<dyn Observer>)
    }
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
            } => format!(
                "{method} {url}: {why}; retrying in {:.1} s",
                wait.as_secs_f64()
            ),
        };
        self.ui.line(&format!("{} {text}", self.ui.paint("*", "2")));
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
