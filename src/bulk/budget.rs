//! What a bulk run will cost before it starts, for `--dry-run`: how many API requests it will
//! make, and how long the rate limits alone make it take (the global 1,200 per 5 minutes, or
//! the batch host's 200 a second per token), so a person can choose `--batch` before starting
//! a run of hours.
//!
//! The times model the run's own limiter, a sliding window that starts empty: `limit` requests
//! go at once, and each later one waits until the request `limit` before it is a window old.
//! So `n` requests wait `floor((n - 1) / limit)` windows. That is the least the limit allows;
//! latency, `-j` and other clients of the same account only add to it.

use std::time::Duration;

use crate::api::Rate;
use crate::text::grouped;

use super::target::with_headroom;

/// The requests of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Requests that go to the API whatever the target: listing pages, and the like.
    pub api: u64,
    /// What those are, for the line (`listing`).
    pub api_what: &'static str,
    /// The items' own requests, which `--batch` sends to the batch host instead.
    pub work: u64,
    /// What those are (`deletes`, `uploads`, `edits`).
    pub work_what: String,
}

/// `n` and what they are, singular for one (`1 delete`, `2 deletes`).
fn counted(n: u64, what: &str) -> String {
    let what = match what.strip_suffix('s') {
        Some(one) if n == 1 => one,
        _ => what,
    };
    format!("{} {what}", grouped(n))
}

/// How long `requests` wait under `rate` (see the module's documentation).
pub fn wait(requests: u64, rate: Rate) -> Duration {
    if requests == 0 {
        return Duration::ZERO;
    }
    rate.window * u32::try_from((requests - 1) / u64::from(rate.limit)).unwrap_or(u32::MAX)
}

impl Budget {
    /// A job on images a selection picked: `listing` requests made to list them, then per
    /// image one `writes` request (`deletes`, `edits`), after a read for the `reads` images
    /// the job needs but the listing did not show.
    pub fn on_images(listing: u64, reads: u64, writes: u64, what: &str) -> Budget {
        Budget {
            api: listing,
            api_what: "listing",
            work: reads + writes,
            work_what: if reads > 0 {
                format!("reads and {what}")
            } else {
                what.to_string()
            },
        }
    }

    /// The closing line of a dry run: the requests, and the time the limits make them take on
    /// the API and through the batch host. `api_rate` is the global limit the run keeps to
    /// (`--rate`); `tokens` is `Some(N)` when the run would use `--batch` with N tokens.
    pub fn line(&self, api_rate: Rate, tokens: Option<u16>) -> String {
        let on_api = wait(self.api + self.work, api_rate);
        let parts = |api: u64| {
            let mut parts = Vec::new();
            if api > 0 {
                parts.push(format!("{} {}", grouped(api), self.api_what));
            }
            parts.push(counted(self.work, &self.work_what));
            parts.join(", ")
        };
        let global = format!(
            "{} per {}",
            grouped(api_rate.limit.into()),
            window(api_rate)
        );
        match tokens {
            None => format!(
                "budget: {} API requests ({}): {} at {global}; with --batch {}",
                grouped(self.api + self.work),
                parts(self.api),
                about(on_api),
                about(self.batch_wait(1, api_rate)),
            ),
            Some(tokens) => format!(
                "budget: {} requests ({}, {} batch token{}): {} through the batch host at 200 a second per token; without --batch {} at {global}",
                grouped(self.api + u64::from(tokens) + self.work),
                parts(self.api),
                tokens,
                if tokens == 1 { "" } else { "s" },
                about(self.batch_wait(tokens, api_rate)),
                about(on_api),
            ),
        }
    }

    /// The wait with `tokens` batch tokens: the items' requests spread over the tokens, each
    /// paced as the run paces it; the API's share (listing, the tokens) under `api_rate`.
    fn batch_wait(&self, tokens: u16, api_rate: Rate) -> Duration {
        let tokens = u64::from(tokens.max(1));
        let per_token = self.work.div_ceil(tokens);
        let batch = wait(per_token, with_headroom(Rate::BATCH));
        batch.max(wait(self.api + tokens, api_rate))
    }
}

/// `≈ 5 min`, or `no wait`.
pub fn about(wait: Duration) -> String {
    if wait.is_zero() {
        "no wait".to_string()
    } else {
        format!("≈ {}", span(wait))
    }
}

/// A length of time as people say it: `11 s`, `5 min`, `2 h 10 min`.
pub fn span(d: Duration) -> String {
    let secs = d.as_secs_f64().round() as u64;
    if secs < 90 {
        format!("{} s", secs.max(1))
    } else if secs < 90 * 60 {
        format!("{} min", (secs + 30) / 60)
    } else {
        let minutes = (secs + 30) / 60;
        match minutes % 60 {
            0 => format!("{} h", minutes / 60),
            m => format!("{} h {m} min", minutes / 60),
        }
    }
}

/// A rate's window as the line says it: `5 min`, `second`.
fn window(rate: Rate) -> String {
    match rate.window.as_secs_f64() {
        1.0 => "second".to_string(),
        60.0 => "minute".to_string(),
        w if w >= 60.0 && w % 60.0 == 0.0 => format!("{} min", w / 60.0),
        w => format!("{w} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deletes(api: u64, work: u64) -> Budget {
        Budget::on_images(api, 0, work, "deletes")
    }

    #[test]
    fn the_first_window_s_worth_goes_at_once() {
        let api = Rate::CLOUDFLARE_API;
        assert_eq!(wait(0, api), Duration::ZERO);
        assert_eq!(wait(1200, api), Duration::ZERO);
        assert_eq!(wait(1201, api), Duration::from_secs(300));
        assert_eq!(wait(2400, api), Duration::from_secs(300));
        assert_eq!(wait(2401, api), Duration::from_secs(600));
    }

    #[test]
    fn a_dry_run_says_the_cost_on_the_api_and_through_the_batch_host() {
        let line = deletes(3, 2400).line(Rate::CLOUDFLARE_API, None);
        assert_eq!(
            line,
            "budget: 2,403 API requests (3 listing, 2,400 deletes): ≈ 10 min at 1,200 per 5 min; with --batch ≈ 11 s"
        );
        let line = deletes(1, 2400).line(Rate::CLOUDFLARE_API, Some(4));
        assert_eq!(
            line,
            "budget: 2,405 requests (1 listing, 2,400 deletes, 4 batch tokens): ≈ 2 s through the batch host at 200 a second per token; without --batch ≈ 10 min at 1,200 per 5 min"
        );
        let small = deletes(1, 50).line(Rate::CLOUDFLARE_API, None);
        assert_eq!(
            small,
            "budget: 51 API requests (1 listing, 50 deletes): no wait at 1,200 per 5 min; with --batch no wait"
        );
        let one = deletes(1, 1).line(Rate::CLOUDFLARE_API, None);
        assert_eq!(
            one,
            "budget: 2 API requests (1 listing, 1 delete): no wait at 1,200 per 5 min; with --batch no wait"
        );
        let custom = deletes(0, 100).line("10/60".parse().unwrap(), None);
        assert_eq!(
            custom,
            "budget: 100 API requests (100 deletes): ≈ 9 min at 10 per minute; with --batch no wait"
        );
    }

    #[test]
    fn reads_a_job_makes_first_are_counted_with_its_writes() {
        let budget = Budget::on_images(2, 3, 10, "edits");
        assert_eq!((budget.api, budget.work), (2, 13));
        assert_eq!(budget.work_what, "reads and edits");
    }

    #[test]
    fn spans_read_as_people_say_them() {
        assert_eq!(span(Duration::from_millis(300)), "1 s");
        assert_eq!(span(Duration::from_secs(11)), "11 s");
        assert_eq!(span(Duration::from_secs(300)), "5 min");
        assert_eq!(span(Duration::from_secs(7800)), "2 h 10 min");
        assert_eq!(span(Duration::from_secs(7200)), "2 h");
    }
}
