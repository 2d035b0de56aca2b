//! A limiter shared by every request of one client: a sliding window of request starts, and a
//! pause that one 429 imposes on all workers at once.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// At most `limit` requests in any `window`; `None` limit means no limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub limit: u32,
    pub window: Duration,
}

impl Rate {
    /// Cloudflare's global API limit: 1200 requests per five minutes
    /// (docs/api-notes.md#rate-limits-and-retries).
    pub const CLOUDFLARE_API: Rate = Rate {
        limit: 1200,
        window: Duration::from_secs(300),
    };
    /// What one batch token may send: 200 requests per second (docs/api-notes.md#batch-api).
    pub const BATCH: Rate = Rate {
        limit: 200,
        window: Duration::from_secs(1),
    };
}

impl std::str::FromStr for Rate {
    type Err = String;

    /// `N/SECONDS`, e.g. `1200/300`, or `N/s`, `N/m` for per second and per minute.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("'{s}' is not a rate: use REQUESTS/SECONDS, e.g. 1200/300");
        let (n, per) = s.split_once('/').ok_or_else(err)?;
        let limit: u32 = n.trim().parse().map_err(|_| err())?;
        let window = match per.trim() {
            "s" => Duration::from_secs(1),
            "m" => Duration::from_secs(60),
            "h" => Duration::from_secs(3600),
            secs => Duration::from_secs_f64(
                secs.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .ok_or_else(err)?,
            ),
        };
        if limit == 0 {
            return Err(format!("'{s}' allows no requests at all: use at least 1"));
        }
        Ok(Rate { limit, window })
    }
}

#[derive(Debug, Default)]
struct State {
    starts: VecDeque<Instant>,
    paused_until: Option<Instant>,
}

#[derive(Debug)]
pub struct Throttle {
    rate: Option<Rate>,
    state: Mutex<State>,
}

impl Throttle {
    pub fn new(rate: Option<Rate>) -> Self {
        Throttle {
            rate,
            state: Mutex::new(State::default()),
        }
    }

    /// Block until a request may start, then count it.
    pub fn acquire(&self) {
        loop {
            let wait = {
                let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                match self.wait_needed(&mut state, now) {
                    None => {
                        if self.rate.is_some() {
                            state.starts.push_back(now);
                        }
                        return;
                    }
                    Some(wait) => wait,
                }
            };
            std::thread::sleep(wait);
        }
    }

    fn wait_needed(&self, state: &mut State, now: Instant) -> Option<Duration> {
        if let Some(until) = state.paused_until {
            if until > now {
                return Some(until - now);
            }
            state.paused_until = None;
        }
        let rate = self.rate?;
        while state
            .starts
            .front()
            .is_some_and(|&t| now.duration_since(t) >= rate.window)
        {
            state.starts.pop_front();
        }
        if state.starts.len() < rate.limit as usize {
            return None;
        }
        let oldest = *state.starts.front()?;
        Some(rate.window - now.duration_since(oldest))
    }

    /// Hold every request of this client back for `wait` (a 429's `Retry-After`).
    pub fn pause_for(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.paused_until.is_none_or(|current| current < until) {
            state.paused_until = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse() {
        assert_eq!("1200/300".parse::<Rate>().unwrap(), Rate::CLOUDFLARE_API);
        assert_eq!("200/s".parse::<Rate>().unwrap(), Rate::BATCH);
        assert!("0/10".parse::<Rate>().is_err());
        assert!("ten/10".parse::<Rate>().is_err());
        assert!("10".parse::<Rate>().is_err());
        assert!("10/-1".parse::<Rate>().is_err());
    }

    #[test]
    fn the_window_holds_requests_back() {
        let throttle = Throttle::new(Some(Rate {
            limit: 3,
            window: Duration::from_millis(200),
        }));
        let start = Instant::now();
        for _ in 0..3 {
            throttle.acquire();
        }
        throttle.acquire();
        assert!(start.elapsed() >= Duration::from_millis(190));
    }

    #[test]
    fn a_pause_holds_everyone_back() {
        let throttle = Throttle::new(None);
        throttle.pause_for(Duration::from_millis(100));
        let start = Instant::now();
        throttle.acquire();
        assert!(start.elapsed() >= Duration::from_millis(90));
    }
}
