//! A limiter shared by every request of one client: a sliding window of request starts, a
//! pause that one 429 imposes on all workers at once, and the server's own view of the budget.
//!
//! The server's view matters when something else spends the same budget (another tool with
//! the same token): the API counts requests per user, so our own window may think there is
//! room while the server has none. Every answer says what is left (`Ratelimit: …;r=5;t=40`,
//! read by `ratelimit`); the limiter then lets at most that many requests start until the
//! server's window resets, less those already sent since the request it answered. So a run
//! slows down before the server refuses, instead of meeting a 429 every time the budget runs
//! out. Until the first answer arrives, requests go one at a time: a run that starts while
//! another tool has spent the budget learns it from one request, not from a burst of 429s.

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::ratelimit::{Policy, ServerBudget};

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

/// The server's budget as the limiter keeps it: requests that may still start before `until`,
/// and the policy that says what the next window holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hold {
    remaining: u64,
    until: Instant,
    /// The reset first heard of for this window: answers whose reset agrees with it speak of
    /// the same window; a reset that keeps moving is heard afresh once it has moved a second.
    anchor: Instant,
    policy: Option<Policy>,
}

#[derive(Debug, Default)]
struct State {
    /// When each request in our own window started.
    starts: VecDeque<Instant>,
    /// A 429's `Retry-After`: nobody starts before then.
    paused_until: Option<Instant>,
    /// Requests started so far; the next one gets this number.
    issued: u64,
    /// Requests started and not yet done, by number.
    outstanding: BTreeSet<u64>,
    /// An answer has come back: from then on we know what the server says, if anything.
    heard: bool,
    /// What the server said last, counted down as requests start.
    server: Option<Hold>,
    /// The first request started since the server's window was last taken to have reset: an
    /// answer to an earlier one speaks of the window that ended.
    window_first: u64,
    /// The newest request whose answer `server` comes from, for answers that speak of another
    /// window (a 429's short pause, say): an older one arriving late says less.
    observed: Option<u64>,
}

/// When the next request may start, and why not yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    Now,
    /// Our own window is full, or a 429's pause runs.
    After(Duration),
    /// The server says its budget is spent until its window resets.
    ServerSpent(Duration),
    /// The first request is out and nothing has come back yet.
    WhenAnswered,
}

/// One started request. Tell it the answer's budget with [`Permit::answered`]; dropping it
/// says the request is done either way.
#[must_use]
pub struct Permit<'a> {
    throttle: &'a Throttle,
    number: u64,
}

impl Permit<'_> {
    /// The answer came, announcing `budget` if it did.
    pub fn answered(&self, budget: Option<ServerBudget>) {
        let mut state = self.throttle.lock();
        observe(&mut state, self.number, budget, Instant::now());
        drop(state);
        self.throttle.changed.notify_all();
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.throttle.lock().outstanding.remove(&self.number);
        self.throttle.changed.notify_all();
    }
}

#[derive(Debug)]
pub struct Throttle {
    rate: Option<Rate>,
    state: Mutex<State>,
    /// Woken when an answer comes or a request ends, for those waiting on either.
    changed: Condvar,
}

impl Throttle {
    pub fn new(rate: Option<Rate>) -> Self {
        Throttle {
            rate,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Block until a request may start, then count it. `holding` hears once, with the time
    /// left, when the wait is for the server's budget (so a person can be told why nothing
    /// moves).
    pub fn acquire(&self, mut holding: impl FnMut(Duration)) -> Permit<'_> {
        let mut state = self.lock();
        let mut told = false;
        loop {
            let now = Instant::now();
            let wait = match next_start(&mut state, self.rate, now) {
                Start::Now => {
                    let number = start(&mut state, self.rate, now);
                    return Permit {
                        throttle: self,
                        number,
                    };
                }
                Start::After(wait) => Some(wait),
                Start::ServerSpent(wait) => {
                    if !told {
                        told = true;
                        // Not under the lock: whoever listens may take its time.
                        drop(state);
                        holding(wait);
                        state = self.lock();
                        continue;
                    }
                    Some(wait)
                }
                Start::WhenAnswered => None,
            };
            state = match wait {
                Some(wait) => {
                    self.changed
                        .wait_timeout(state, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.changed.wait(state).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }

    /// Hold every request of this client back for `wait` (a 429's `Retry-After`).
    pub fn pause_for(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut state = self.lock();
        if state.paused_until.is_none_or(|current| current < until) {
            state.paused_until = Some(until);
        }
    }
}

/// When the next request may start, at `now`: after a 429's pause, after the first answer,
/// within our own window, within the server's budget. Forgets what has run out.
fn next_start(state: &mut State, rate: Option<Rate>, now: Instant) -> Start {
    if let Some(until) = state.paused_until {
        if until > now {
            return Start::After(until - now);
        }
        state.paused_until = None;
    }
    if !state.heard && !state.outstanding.is_empty() {
        return Start::WhenAnswered;
    }
    if let Some(rate) = rate {
        while state
            .starts
            .front()
            .is_some_and(|&t| now.duration_since(t) >= rate.window)
        {
            state.starts.pop_front();
        }
        if state.starts.len() >= rate.limit as usize
            && let Some(&oldest) = state.starts.front()
        {
            return Start::After(rate.window - now.duration_since(oldest));
        }
    }
    if let Some(hold) = state.server
        && hold.until <= now
    {
        // The server's window has reset. Its policy says what the new one holds (the window
        // starts about now, with our next request), less the requests still out, which may
        // reach it in the new window; without a policy, our own limiter decides until the
        // server says more.
        let in_flight = state.outstanding.len() as u64;
        state.server = hold.policy.map(|policy| Hold {
            remaining: u64::from(policy.limit).saturating_sub(in_flight),
            until: now + policy.window,
            anchor: now + policy.window,
            policy: Some(policy),
        });
        state.window_first = state.issued;
    }
    match state.server {
        Some(hold) if hold.remaining == 0 => Start::ServerSpent(hold.until - now),
        _ => Start::Now,
    }
}

/// Count a request starting at `now`; its number.
fn start(state: &mut State, rate: Option<Rate>, now: Instant) -> u64 {
    let number = state.issued;
    state.issued += 1;
    state.outstanding.insert(number);
    if rate.is_some() {
        state.starts.push_back(now);
    }
    if let Some(hold) = &mut state.server {
        hold.remaining = hold.remaining.saturating_sub(1);
    }
    number
}

/// How far apart two answers' resets may be and still speak of one window: the API gives the
/// reset in whole seconds, so the same moment reads up to a second apart.
const SAME_WINDOW: Duration = Duration::from_secs(1);

/// Take in the answer to request `number`, received at `now`. The budget it announces was
/// counted when the server handled that request, so every request started after it, and every
/// earlier one still unanswered, may already have spent part of it (counting them all errs on
/// the safe side). Within one window the server counts requests in the order they reach it,
/// which is not the order we sent them, so the answer with the fewest left is the latest word,
/// whichever request it answers: estimates of one window (their resets agree) are combined by
/// their minimum. An answer whose reset disagrees (a 429 that asks for a short pause in a long
/// window) replaces the estimate if it answers the newest request heard from.
fn observe(state: &mut State, number: u64, budget: Option<ServerBudget>, now: Instant) {
    state.heard = true;
    let Some(budget) = budget else { return };
    if number < state.window_first {
        return;
    }
    let started_since = state.issued - number - 1;
    let unanswered_before = state.outstanding.range(..number).count() as u64;
    let left = u64::from(budget.remaining).saturating_sub(started_since + unanswered_before);
    let until = now + budget.reset_in;
    // How far answers arriving out of order can disagree: by the requests out at the time.
    // An answer with more left than that says the server does not count our requests in this
    // window as we do (a rolling window, or an emulator that announces a full budget every
    // time): it is heard afresh.
    let reorder = state.outstanding.len() as u64 + started_since + 1;
    let hold = match state.server {
        Some(hold)
            if until.max(hold.anchor) - until.min(hold.anchor) <= SAME_WINDOW
                && left <= hold.remaining + reorder =>
        {
            Hold {
                remaining: hold.remaining.min(left),
                until: hold.until.max(until),
                anchor: hold.anchor,
                policy: budget.policy.or(hold.policy),
            }
        }
        // Another window, or another view of it: the newest request's answer decides.
        _ if state.observed.is_some_and(|newest| number < newest) => return,
        _ => Hold {
            remaining: left,
            until,
            anchor: until,
            policy: budget.policy,
        },
    };
    state.server = Some(hold);
    state.observed = Some(state.observed.map_or(number, |newest| newest.max(number)));
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

    const SECOND: Duration = Duration::from_secs(1);

    fn budget(remaining: u32, secs: u64) -> Option<ServerBudget> {
        Some(ServerBudget {
            remaining,
            reset_in: Duration::from_secs(secs),
            policy: None,
        })
    }

    /// A state whose first answer has come, with nothing said about the budget.
    fn heard() -> State {
        State {
            heard: true,
            ..State::default()
        }
    }

    /// Start as many requests as may start at `now`, at most `max`; how many did.
    fn burst(state: &mut State, rate: Option<Rate>, now: Instant, max: usize) -> usize {
        let mut n = 0;
        while n < max && next_start(state, rate, now) == Start::Now {
            start(state, rate, now);
            n += 1;
        }
        n
    }

    #[test]
    fn our_own_window_holds_requests_back() {
        let rate = Some(Rate {
            limit: 3,
            window: SECOND,
        });
        let t0 = Instant::now();
        let mut state = heard();
        assert_eq!(burst(&mut state, rate, t0, 10), 3);
        let later = t0 + Duration::from_millis(400);
        assert_eq!(
            next_start(&mut state, rate, later),
            Start::After(Duration::from_millis(600))
        );
        assert_eq!(burst(&mut state, rate, t0 + SECOND, 10), 3);
    }

    #[test]
    fn until_the_first_answer_one_request_at_a_time() {
        let t0 = Instant::now();
        let mut state = State::default();
        assert_eq!(burst(&mut state, None, t0, 10), 1);
        assert_eq!(next_start(&mut state, None, t0), Start::WhenAnswered);
        // A first request that got no answer at all lets the next one try.
        state.outstanding.clear();
        assert_eq!(burst(&mut state, None, t0, 10), 1);
        // An answer, with or without a budget, opens the gate.
        observe(&mut state, 1, None, t0);
        assert_eq!(burst(&mut state, None, t0, 10), 10);
    }

    #[test]
    fn a_budget_lower_than_ours_holds_back_until_the_server_s_window_resets() {
        // Our own window would allow 1200; the server says 4 are left for 10 s (another
        // tool spent the rest).
        let rate = Some(Rate::CLOUDFLARE_API);
        let t0 = Instant::now();
        let mut state = State::default();
        let first = start(&mut state, rate, t0);
        observe(&mut state, first, budget(4, 10), t0);
        assert_eq!(burst(&mut state, rate, t0, 100), 4);
        let t3 = t0 + Duration::from_secs(3);
        assert_eq!(
            next_start(&mut state, rate, t3),
            Start::ServerSpent(Duration::from_secs(7))
        );
        // Once the window has reset, our own limiter decides again until the server says more.
        let t10 = t0 + Duration::from_secs(10);
        assert_eq!(burst(&mut state, rate, t10, 100), 100);
    }

    #[test]
    fn with_a_policy_the_next_window_holds_its_limit_until_an_answer_says_more() {
        let t0 = Instant::now();
        let mut state = heard();
        let n = start(&mut state, None, t0);
        state.outstanding.remove(&n);
        let policy = Policy {
            limit: 3,
            window: Duration::from_secs(5),
        };
        observe(
            &mut state,
            n,
            Some(ServerBudget {
                remaining: 0,
                reset_in: Duration::from_secs(2),
                policy: Some(policy),
            }),
            t0,
        );
        assert_eq!(
            next_start(&mut state, None, t0),
            Start::ServerSpent(Duration::from_secs(2))
        );
        // The new window: three, however slow the answers to them are, then wait for it.
        let t2 = t0 + Duration::from_secs(2);
        assert_eq!(burst(&mut state, None, t2, 10), 3);
        assert_eq!(
            next_start(&mut state, None, t2),
            Start::ServerSpent(Duration::from_secs(5))
        );
    }

    #[test]
    fn requests_sent_since_the_answered_one_are_taken_off_its_budget() {
        let t0 = Instant::now();
        let mut state = heard();
        let numbers: Vec<u64> = (0..4).map(|_| start(&mut state, None, t0)).collect();
        // Request 1 is answered first, with 5 left: request 0 (sent before it, unanswered)
        // and 2 and 3 (sent after it) may all have been counted since.
        observe(&mut state, numbers[1], budget(5, 10), t0);
        assert_eq!(state.server.unwrap().remaining, 2);
        assert_eq!(burst(&mut state, None, t0, 10), 2);
    }

    #[test]
    fn the_answer_with_the_fewest_left_wins_whichever_request_it_answers() {
        let t0 = Instant::now();
        let mut state = heard();
        let a = start(&mut state, None, t0);
        let b = start(&mut state, None, t0);
        // `b` reached the server first (50 left), `a` after it (49 left): `a`'s later answer is
        // the later count, though `a` was sent first.
        state.outstanding.remove(&b);
        observe(&mut state, b, budget(50, 10), t0);
        assert_eq!(state.server.unwrap().remaining, 49, "less `a`, still out");
        state.outstanding.remove(&a);
        observe(&mut state, a, budget(0, 10), t0);
        assert_eq!(state.server.unwrap().remaining, 0);
        // An answer with a little more left, while others are out, is an earlier count: it
        // says nothing new.
        let c = start(&mut state, None, t0);
        let _d = start(&mut state, None, t0);
        state.outstanding.remove(&c);
        observe(&mut state, c, budget(2, 10), t0);
        assert_eq!(state.server.unwrap().remaining, 0);
    }

    #[test]
    fn a_server_that_does_not_count_down_is_heard_afresh() {
        let t0 = Instant::now();
        let mut state = heard();
        // Every answer says the whole budget is left, five minutes from now: 2,000 requests
        // in two seconds do not run it down, as they would in one fixed window.
        let mut now = t0;
        for _ in 0..2000 {
            now += Duration::from_millis(1);
            let n = start(&mut state, None, now);
            state.outstanding.remove(&n);
            observe(&mut state, n, budget(1200, 300), now);
        }
        assert!(state.server.unwrap().remaining >= 1190);
        assert_eq!(next_start(&mut state, None, now), Start::Now);
    }

    #[test]
    fn a_short_pause_in_a_long_window_is_kept_for_its_length_only() {
        let t0 = Instant::now();
        let mut state = heard();
        let a = start(&mut state, None, t0);
        let b = start(&mut state, None, t0);
        state.outstanding.remove(&a);
        observe(&mut state, a, budget(1200, 300), t0);
        // Another client spent the budget: b's 429 asks for one second, not the window's rest.
        state.outstanding.remove(&b);
        observe(&mut state, b, budget(0, 1), t0);
        assert_eq!(next_start(&mut state, None, t0), Start::ServerSpent(SECOND));
        assert_eq!(next_start(&mut state, None, t0 + SECOND), Start::Now);
    }

    #[test]
    fn answers_from_a_window_that_ended_are_ignored_and_requests_out_count_in_the_new_one() {
        let policy = Policy {
            limit: 10,
            window: Duration::from_secs(5),
        };
        let t0 = Instant::now();
        let mut state = heard();
        let old = start(&mut state, None, t0);
        observe(
            &mut state,
            old,
            Some(ServerBudget {
                remaining: 0,
                reset_in: SECOND,
                policy: Some(policy),
            }),
            t0,
        );
        let t1 = t0 + SECOND;
        // `old` is still out when the window resets: it may land in the new one.
        assert_eq!(next_start(&mut state, None, t1), Start::Now);
        assert_eq!(state.server.unwrap().remaining, 9);
        let new = start(&mut state, None, t1);
        // A late answer to a request of the old window changes nothing.
        observe(&mut state, old, budget(0, 1), t1);
        assert_eq!(state.server.unwrap().remaining, 8);
        state.outstanding.remove(&new);
        state.outstanding.remove(&old);
        observe(
            &mut state,
            new,
            Some(ServerBudget {
                remaining: 8,
                reset_in: Duration::from_secs(5),
                policy: Some(policy),
            }),
            t1,
        );
        assert_eq!(state.server.unwrap().remaining, 8);
    }

    #[test]
    fn a_budget_higher_than_ours_changes_nothing() {
        let rate = Some(Rate {
            limit: 3,
            window: SECOND,
        });
        let t0 = Instant::now();
        let mut state = heard();
        let n = start(&mut state, rate, t0);
        state.outstanding.remove(&n);
        observe(&mut state, n, budget(1000, 300), t0);
        // Two more in our window, as without the server's word.
        assert_eq!(burst(&mut state, rate, t0, 10), 2);
    }

    #[test]
    fn a_pause_comes_first() {
        let t0 = Instant::now();
        let mut state = heard();
        state.paused_until = Some(t0 + SECOND);
        assert_eq!(next_start(&mut state, None, t0), Start::After(SECOND));
        assert_eq!(next_start(&mut state, None, t0 + SECOND), Start::Now);
    }

    #[test]
    fn waiters_wake_when_an_answer_comes() {
        let throttle = Throttle::new(None);
        let first = throttle.acquire(|_| {});
        std::thread::scope(|s| {
            let waiter = s.spawn(|| drop(throttle.acquire(|_| {})));
            first.answered(None);
            waiter.join().unwrap();
        });
    }

    #[test]
    fn a_spent_budget_is_announced_once_per_wait() {
        let throttle = Throttle::new(None);
        let first = throttle.acquire(|_| {});
        first.answered(Some(ServerBudget {
            remaining: 0,
            reset_in: Duration::from_millis(50),
            policy: None,
        }));
        drop(first);
        let mut told = Vec::new();
        drop(throttle.acquire(|wait| told.push(wait)));
        assert_eq!(told.len(), 1);
        assert!(told[0] <= Duration::from_millis(50));
    }
}
