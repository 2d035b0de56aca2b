//! The end of every bulk run: the one summary line on stderr, and the exit it deserves.

use std::time::Duration;

use anyhow::Result;

use crate::api::{ApiError, AuthRefusal};
use crate::error::{CliError, Exit, Interrupted, PartialFailure, auth_hint};
use crate::ui::Ui;

use super::action::Tally;

/// Show the summary, then fail the run if the API refused the credentials (exit 3), Ctrl-C
/// cut it short (130), or any item did not make it (5), so scripts can tell from the exit
/// code alone. `counts` is the action's start of the summary line; `noun` names the items
/// (`files`, `images`).
pub fn conclude(
    ui: &Ui,
    counts: &str,
    tally: &Tally,
    noun: &str,
    not_started: usize,
    refused: Option<ApiError>,
    elapsed: Duration,
) -> Result<()> {
    ui.status(&line(counts, tally.bytes, not_started, elapsed));
    if let Some(error) = refused {
        return Err(CliError::new(
            Exit::Config,
            format!(
                "the API refused the credentials ({error}); stopped at the first refusal, {not_started} of {} {noun} not sent",
                tally.total() + not_started
            ),
        )
        .with_hint(refusal_hint(&error))
        .caused_by(error)
        .into());
    }
    if not_started > 0 {
        return Err(Interrupted.into());
    }
    if tally.not_ok() > 0 {
        return Err(PartialFailure {
            failed: tally.not_ok(),
            total: tally.total(),
        }
        .into());
    }
    Ok(())
}

/// What to check, by the way the API refused: bulk jobs need "Images Write".
pub fn refusal_hint(error: &ApiError) -> String {
    let refusal = error.auth_refusal().unwrap_or(AuthRefusal::Refused);
    auth_hint(refusal, "\"Images Write\" permission (`cfimg config show`)")
}

/// The summary line: the action's counts, time, throughput when bytes were sent, and what
/// Ctrl-C left.
pub fn line(counts: &str, bytes: u64, not_started: usize, elapsed: Duration) -> String {
    let mut text = counts.to_string();
    let secs = elapsed.as_secs_f64();
    text.push_str(&format!(" in {secs:.1} s"));
    if bytes > 0 && secs > 0.0 {
        let per_second = (bytes as f64 / secs) as u64;
        text.push_str(&format!(" ({}, {}/s)", size(bytes), size(per_second)));
    }
    if not_started > 0 {
        text.push_str(&format!("; stopped, {not_started} not started"));
    }
    text
}

/// A byte count in the unit that shows it best: KiB below a MiB, so a few small files do not
/// read as "0.0 MiB".
fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    const MIB: f64 = 1024.0 * 1024.0;
    let bytes = bytes as f64;
    if bytes < MIB {
        format!("{:.1} KiB", bytes / KIB)
    } else {
        format!("{:.1} MiB", bytes / MIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_time_and_throughput() {
        let text = line(
            "3 uploaded, 1 skipped, 0 failed",
            2 * 1_048_576,
            0,
            Duration::from_secs(2),
        );
        assert_eq!(
            text,
            "3 uploaded, 1 skipped, 0 failed in 2.0 s (2.0 MiB, 1.0 MiB/s)"
        );
    }

    #[test]
    fn small_jobs_count_kibibytes() {
        let text = line("2 uploaded", 6 * 1024, 0, Duration::from_secs(2));
        assert_eq!(text, "2 uploaded in 2.0 s (6.0 KiB, 3.0 KiB/s)");
    }

    #[test]
    fn no_throughput_without_bytes_or_time() {
        let nothing_sent = line("5 deleted, 1 failed", 0, 0, Duration::from_secs(1));
        assert_eq!(nothing_sent, "5 deleted, 1 failed in 1.0 s");
        // A zero elapsed time would divide by zero.
        let instant = line("1 uploaded", 10, 0, Duration::ZERO);
        assert_eq!(instant, "1 uploaded in 0.0 s");
    }

    #[test]
    fn names_an_interruption() {
        let text = line("1 edited, 0 failed", 0, 5, Duration::from_millis(1500));
        assert_eq!(text, "1 edited, 0 failed in 1.5 s; stopped, 5 not started");
    }
}
