//! When a failed request may be sent again, and how long to wait first.

use std::time::Duration;

/// How safely a request can be sent a second time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replay {
    /// Reads, edits and deletes: sending twice has the effect of sending once.
    Safe,
    /// A create with a caller-chosen id: a repeat cannot make a second image, at worst it
    /// answers 409 for the one the first attempt made.
    CreateWithId,
    /// A create where the server picks the id: a repeat after the server took the first one
    /// would make a duplicate, so it is repeated only when the first surely did not land.
    CreateUnsafe,
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status.
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// The connection was never made: nothing was sent.
    NotSent,
    /// The request went out (or may have) and no complete answer came back.
    NoAnswer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Retry(Duration),
    GiveUp,
}

/// Backoff settings; the defaults follow what Cloudflare's own SDKs do
/// (docs/api-notes.md#rate-limits-and-retries).
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    pub initial: Duration,
    pub max: Duration,
    /// The longest `Retry-After` we are willing to sit through. The API blocks an account
    /// for five minutes once it passes its limit, so waiting that long beats failing a CI job.
    pub max_retry_after: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            initial: Duration::from_millis(500),
            max: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(300),
        }
    }
}

/// Decide whether attempt number `attempt` (0 = the first) is followed by another.
/// `jitter` is a number in `[0, 1)`; passing it in keeps this function pure.
pub fn decide(
    outcome: Outcome,
    replay: Replay,
    attempt: u32,
    max_retries: u32,
    backoff: &Backoff,
    jitter: f64,
) -> Decision {
    if attempt >= max_retries {
        return Decision::GiveUp;
    }
    let retryable = match outcome {
        // The server refused before doing anything: always safe to ask again.
        Outcome::Status { status: 429, .. } => true,
        // A server error says nothing about whether the server acted first, so only a request
        // that is harmless to repeat is repeated.
        Outcome::Status { status, .. } if is_transient_server_error(status) => {
            replay != Replay::CreateUnsafe
        }
        Outcome::Status { .. } => false,
        Outcome::NotSent => true,
        Outcome::NoAnswer => replay != Replay::CreateUnsafe,
    };
    if !retryable {
        return Decision::GiveUp;
    }
    if let Outcome::Status {
        retry_after: Some(wait),
        ..
    } = outcome
    {
        if wait > backoff.max_retry_after {
            return Decision::GiveUp;
        }
        return Decision::Retry(wait);
    }
    Decision::Retry(exponential(attempt, backoff, jitter))
}

/// Server errors that usually pass: 500 and the gateway errors, Cloudflare's own edge errors
/// (520-524) among them. 501 and 505 will not change on a second try.
pub fn is_transient_server_error(status: u16) -> bool {
    matches!(status, 500 | 502..=504 | 520..=524)
}

/// `initial · 2^attempt`, capped, minus up to a quarter at random so that many workers that
/// failed together do not come back together.
pub fn exponential(attempt: u32, backoff: &Backoff, jitter: f64) -> Duration {
    let base = backoff.initial.as_secs_f64() * 2f64.powi(attempt.min(30) as i32);
    let capped = base.min(backoff.max.as_secs_f64());
    Duration::from_secs_f64(capped * (1.0 - 0.25 * jitter.clamp(0.0, 1.0)))
}

/// Read a `Retry-After` value: delay-seconds, or an HTTP date relative to `now_unix`.
pub fn parse_retry_after(value: &str, now_unix: i64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let when = jiff::fmt::rfc2822::parse(value)
        .ok()?
        .timestamp()
        .as_second();
    Some(Duration::from_secs(
        when.saturating_sub(now_unix).max(0) as u64
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Outcome {
        Outcome::Status {
            status,
            retry_after: None,
        }
    }

    #[test]
    fn rate_limits_are_retried_for_every_kind_of_request() {
        let b = Backoff::default();
        for replay in [Replay::Safe, Replay::CreateWithId, Replay::CreateUnsafe] {
            assert!(matches!(
                decide(status(429), replay, 0, 3, &b, 0.0),
                Decision::Retry(_)
            ));
        }
    }

    #[test]
    fn retry_after_is_honoured_exactly() {
        let outcome = Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(7)),
        };
        let d = decide(outcome, Replay::Safe, 0, 3, &Backoff::default(), 0.9);
        assert_eq!(d, Decision::Retry(Duration::from_secs(7)));
    }

    #[test]
    fn a_retry_after_beyond_the_limit_gives_up() {
        let outcome = Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(3600)),
        };
        assert_eq!(
            decide(outcome, Replay::Safe, 0, 3, &Backoff::default(), 0.0),
            Decision::GiveUp
        );
    }

    #[test]
    fn server_errors_are_not_retried_for_uploads_without_an_id() {
        let b = Backoff::default();
        for s in [500, 502, 503, 504, 520, 524] {
            assert!(matches!(
                decide(status(s), Replay::Safe, 0, 3, &b, 0.0),
                Decision::Retry(_)
            ));
            assert!(matches!(
                decide(status(s), Replay::CreateWithId, 0, 3, &b, 0.0),
                Decision::Retry(_)
            ));
            assert_eq!(
                decide(status(s), Replay::CreateUnsafe, 0, 3, &b, 0.0),
                Decision::GiveUp
            );
        }
    }

    #[test]
    fn a_lost_answer_is_retried_only_when_a_repeat_is_harmless() {
        let b = Backoff::default();
        assert!(matches!(
            decide(Outcome::NoAnswer, Replay::Safe, 0, 3, &b, 0.0),
            Decision::Retry(_)
        ));
        assert_eq!(
            decide(Outcome::NoAnswer, Replay::CreateUnsafe, 0, 3, &b, 0.0),
            Decision::GiveUp
        );
        assert!(matches!(
            decide(Outcome::NotSent, Replay::CreateUnsafe, 0, 3, &b, 0.0),
            Decision::Retry(_)
        ));
    }

    #[test]
    fn client_errors_and_exhausted_attempts_give_up() {
        let b = Backoff::default();
        for s in [400, 401, 403, 404, 409, 413, 415, 501, 505] {
            assert_eq!(
                decide(status(s), Replay::Safe, 0, 3, &b, 0.0),
                Decision::GiveUp
            );
        }
        assert_eq!(
            decide(status(503), Replay::Safe, 3, 3, &b, 0.0),
            Decision::GiveUp
        );
        assert_eq!(
            decide(status(503), Replay::Safe, 0, 0, &b, 0.0),
            Decision::GiveUp
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_a_cap() {
        let b = Backoff::default();
        assert_eq!(exponential(0, &b, 0.0), Duration::from_millis(500));
        assert_eq!(exponential(2, &b, 0.0), Duration::from_secs(2));
        assert_eq!(exponential(10, &b, 0.0), Duration::from_secs(8));
        assert_eq!(exponential(0, &b, 1.0), Duration::from_millis(375));
    }

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        assert_eq!(parse_retry_after("3", 0), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 ", 0), Some(Duration::ZERO));
        let now = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now - 10),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 10),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", 0), None);
    }
}
