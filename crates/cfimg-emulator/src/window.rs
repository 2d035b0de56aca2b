//! Fixed-window request counting: at most `limit` requests per window, counted per key. The
//! injected per-user rate limit (keyed by credentials) and the batch host's per-token limit both
//! count with it.
//!
//! A key's window starts at its first request and restarts at the first request after it has
//! run out; the count starts again from zero then. A key over its limit is refused until its
//! window ends, however long it waits in between: the API blocks a user "for the rest of the
//! window", not until the oldest request leaves a sliding one.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where a request stands against its window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub limit: u32,
    /// The length of a window.
    pub window: Duration,
    pub remaining: u32,
    /// Until the window restarts.
    pub reset_in: Duration,
}

/// The outcome of counting one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Within the limit: the request goes on.
    Within(Quota),
    /// Over it: the request is refused with a 429.
    Over(Quota),
}

/// Counters per key, each with its own window.
#[derive(Default)]
pub struct FixedWindows {
    windows: Mutex<HashMap<String, Window>>,
}

struct Window {
    start: Instant,
    count: u32,
}

impl FixedWindows {
    /// Counts one request of `key` at `now`, allowing `limit` per `length`.
    pub fn count(&self, key: &str, limit: u32, length: Duration, now: Instant) -> Count {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let w = windows.entry(key.to_string()).or_insert(Window {
            start: now,
            count: 0,
        });
        if now.saturating_duration_since(w.start) >= length {
            w.start = now;
            w.count = 0;
        }
        w.count = w.count.saturating_add(1);
        let quota = Quota {
            limit,
            window: length,
            remaining: limit.saturating_sub(w.count),
            reset_in: length.saturating_sub(now.saturating_duration_since(w.start)),
        };
        if w.count > limit {
            Count::Over(quota)
        } else {
            Count::Within(quota)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn allows_the_limit_per_window_then_refuses_until_it_restarts() {
        let windows = FixedWindows::default();
        let t0 = Instant::now();
        let quota = |remaining, reset_in| Quota {
            limit: 2,
            window: SECOND,
            remaining,
            reset_in,
        };
        assert_eq!(
            windows.count("a", 2, SECOND, t0),
            Count::Within(quota(1, SECOND))
        );
        let later = t0 + Duration::from_millis(400);
        let left = Duration::from_millis(600);
        assert_eq!(
            windows.count("a", 2, SECOND, later),
            Count::Within(quota(0, left))
        );
        assert_eq!(
            windows.count("a", 2, SECOND, later),
            Count::Over(quota(0, left))
        );
        // A new window: counted from zero again.
        assert_eq!(
            windows.count("a", 2, SECOND, t0 + SECOND),
            Count::Within(quota(1, SECOND))
        );
    }

    #[test]
    fn over_the_limit_every_request_is_refused_until_the_window_ends() {
        let windows = FixedWindows::default();
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        assert!(matches!(
            windows.count("a", 2, SECOND, at(0)),
            Count::Within(_)
        ));
        assert!(matches!(
            windows.count("a", 2, SECOND, at(100)),
            Count::Within(_)
        ));
        // Refused all through the rest of the window, not let in one by one as a sliding
        // window would once the first request is a second old.
        for ms in [200, 500, 999] {
            assert!(
                matches!(windows.count("a", 2, SECOND, at(ms)), Count::Over(_)),
                "{ms}"
            );
        }
        assert!(matches!(
            windows.count("a", 2, SECOND, at(1000)),
            Count::Within(_)
        ));
        assert!(matches!(
            windows.count("a", 2, SECOND, at(1050)),
            Count::Within(_)
        ));
        assert!(matches!(
            windows.count("a", 2, SECOND, at(1100)),
            Count::Over(_)
        ));
    }

    #[test]
    fn keys_count_apart() {
        let windows = FixedWindows::default();
        let now = Instant::now();
        assert!(matches!(
            windows.count("a", 1, SECOND, now),
            Count::Within(_)
        ));
        assert!(matches!(windows.count("a", 1, SECOND, now), Count::Over(_)));
        assert!(matches!(
            windows.count("b", 1, SECOND, now),
            Count::Within(_)
        ));
    }
}
