//! The end of a bulk run: the one summary line on stderr, and the exit it deserves.

use std::time::Duration;

use anyhow::Result;

use crate::api::{ApiError, AuthRefusal};
use crate::error::{CliError, Exit, Interrupted, PartialFailure, auth_hint};
use crate::ui::Ui;

use super::report::Totals;

/// Show the summary, then fail the run if the API refused the credentials (exit 3), Ctrl-C
/// cut it short, or any file did not make it, so scripts can tell from the exit code alone.
pub fn conclude(
    ui: &Ui,
    totals: &Totals,
    not_started: usize,
    refused: Option<ApiError>,
    elapsed: Duration,
) -> Result<()> {
    ui.status(&line(totals, not_started, elapsed));
    if let Some(error) = refused {
        return Err(CliError::new(
            Exit::Config,
            format!(
                "the API refused the credentials ({error}); stopped at the first refusal, {not_started} of {} files not sent",
                totals.total() + not_started
            ),
        )
        .with_hint(refusal_hint(&error))
        .caused_by(error)
        .into());
    }
    if not_started > 0 {
        return Err(Interrupted.into());
    }
    if totals.not_ok() > 0 {
        return Err(PartialFailure {
            failed: totals.not_ok(),
            total: totals.total(),
        }
        .into());
    }
    Ok(())
}

/// What to check, by the way the API refused: uploads need "Images Write".
pub fn refusal_hint(error: &ApiError) -> String {
    let refusal = error.auth_refusal().unwrap_or(AuthRefusal::Refused);
    auth_hint(refusal, "\"Images Write\" permission (`cfimg config show`)")
}

/// The summary line: counts, time, throughput when anything was sent, and what Ctrl-C left.
pub fn line(totals: &Totals, not_started: usize, elapsed: Duration) -> String {
    let mut text = format!(
        "{} uploaded, {} skipped, {} failed",
        totals.uploaded, totals.skipped, totals.failed
    );
    if totals.unknown > 0 {
        text.push_str(&format!(
            ", {} unknown (check before re-running)",
            totals.unknown
        ));
    }
    if totals.changed > 0 {
        text.push_str(&format!(
            ", {} changed (their ids hold older images; --replace updates them)",
            totals.changed
        ));
    }
    let secs = elapsed.as_secs_f64();
    text.push_str(&format!(" in {secs:.1} s"));
    if totals.bytes > 0 && secs > 0.0 {
        text.push_str(&format!(
            " ({:.1} MiB, {:.1} MiB/s)",
            totals.bytes as f64 / 1_048_576.0,
            totals.bytes as f64 / 1_048_576.0 / secs
        ));
    }
    if not_started > 0 {
        text.push_str(&format!("; stopped, {not_started} not started"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(
        uploaded: usize,
        skipped: usize,
        failed: usize,
        unknown: usize,
        bytes: u64,
    ) -> Totals {
        Totals {
            uploaded,
            skipped,
            failed,
            unknown,
            changed: 0,
            bytes,
        }
    }

    #[test]
    fn counts_time_and_throughput() {
        let text = line(
            &totals(3, 1, 0, 0, 2 * 1_048_576),
            0,
            Duration::from_secs(2),
        );
        assert_eq!(
            text,
            "3 uploaded, 1 skipped, 0 failed in 2.0 s (2.0 MiB, 1.0 MiB/s)"
        );
    }

    #[test]
    fn no_throughput_without_bytes_or_time() {
        let nothing_sent = line(&totals(0, 2, 1, 0, 0), 0, Duration::from_secs(1));
        assert_eq!(nothing_sent, "0 uploaded, 2 skipped, 1 failed in 1.0 s");
        // A zero elapsed time would divide by zero.
        let instant = line(&totals(1, 0, 0, 0, 10), 0, Duration::ZERO);
        assert_eq!(instant, "1 uploaded, 0 skipped, 0 failed in 0.0 s");
    }

    #[test]
    fn names_changed_files() {
        let mut t = totals(1, 2, 0, 0, 0);
        t.changed = 2;
        assert_eq!(
            line(&t, 0, Duration::from_secs(1)),
            "1 uploaded, 2 skipped, 0 failed, 2 changed (their ids hold older images; --replace updates them) in 1.0 s"
        );
    }

    #[test]
    fn names_unknown_results_and_an_interruption() {
        let text = line(&totals(1, 0, 0, 2, 0), 5, Duration::from_millis(1500));
        assert_eq!(
            text,
            "1 uploaded, 0 skipped, 0 failed, 2 unknown (check before re-running) in 1.5 s; stopped, 5 not started"
        );
    }
}
