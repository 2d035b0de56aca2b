//! The fault decisions: latency, 5xx answers, the per-user rate limit (429 with `Retry-After`,
//! and the rate-limit headers on every answer) and random 429s, dropped connections, truncated image bodies, and HTML error pages. The
//! middleware that applies them to requests is `fault_layer`.
//!
//! Every random decision comes from one generator, seeded when asked, so a run with a seed makes
//! the same decisions for the same sequence of requests.

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::config::{Faults, RateLimit};
use crate::envelope::Refusal;
use crate::window::{Count, FixedWindows, Quota};

/// The API's documented budget, 1200 requests per user per five minutes
/// (<https://developers.cloudflare.com/fundamentals/api/reference/limits/>): what the rate-limit
/// headers announce when no `rate_limit` is configured.
pub const DOCUMENTED_LIMIT: RateLimit = RateLimit {
    requests: 1200,
    window: Duration::from_secs(300),
};

/// How long a random 429 says the budget is spent: its `Retry-After`.
pub const THROTTLE_PAUSE: Duration = Duration::from_secs(1);

/// When a connection chosen to be dropped is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DroppedConnection {
    /// Before the request is handled: nothing happened.
    Before,
    /// After it was handled: an upload is stored, but its answer never arrives.
    After,
}

pub struct FaultState {
    faults: Faults,
    rng: Mutex<fastrand::Rng>,
    windows: FixedWindows,
}

/// Whole seconds, rounded up: a client that waits this long finds the window over.
fn whole_seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// The rate-limit headers of the API's answers, for a request counted in `quota`:
/// `Ratelimit: "default";r=<remaining>;t=<seconds to reset>` and
/// `Ratelimit-Policy: "default";q=<limit>;w=<window seconds>`
/// (<https://developers.cloudflare.com/fundamentals/api/reference/limits/>).
pub fn rate_limit_headers(quota: &Quota, headers: &mut HeaderMap) {
    let state = format!(
        "\"default\";r={};t={}",
        quota.remaining,
        whole_seconds(quota.reset_in)
    );
    let policy = format!(
        "\"default\";q={};w={}",
        quota.limit,
        whole_seconds(quota.window)
    );
    for (name, value) in [("ratelimit", state), ("ratelimit-policy", policy)] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
}

/// A 429 with the API's body and `Retry-After`: whole seconds until there is room again
/// (`reset_in`), at least one. The batch host's answer: no rate-limit headers.
pub fn too_many_requests(reset_in: Duration) -> Response {
    let mut r = Refusal::rate_limited().into_response();
    let secs = whole_seconds(reset_in).max(1);
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    r
}

/// The API's 429: [`too_many_requests`] until `quota`'s window ends, with the rate-limit
/// headers.
pub fn rate_limited(quota: &Quota) -> Response {
    let mut r = too_many_requests(quota.reset_in);
    rate_limit_headers(quota, r.headers_mut());
    r
}

impl FaultState {
    pub fn new(faults: Faults) -> Self {
        let rng = match faults.seed {
            Some(seed) => fastrand::Rng::with_seed(seed),
            None => fastrand::Rng::new(),
        };
        FaultState {
            faults,
            rng: Mutex::new(rng),
            windows: FixedWindows::default(),
        }
    }

    fn rng(&self) -> std::sync::MutexGuard<'_, fastrand::Rng> {
        self.rng.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// True with probability `p`; draws nothing when `p` is 0, so an unused fault kind does
    /// not shift the decisions of the others.
    fn chance(&self, p: f64) -> bool {
        p > 0.0 && self.rng().f64() < p
    }

    pub fn latency(&self) -> Duration {
        self.faults.latency
    }

    pub fn html_errors(&self) -> bool {
        self.faults.html_errors
    }

    /// Whether to drop this request's connection, and when. Only a request that stores an
    /// image (`upload`) is dropped after it was handled, half the time.
    pub fn drop_connection(&self, upload: bool) -> Option<DroppedConnection> {
        if !self.chance(self.faults.drop_rate) {
            return None;
        }
        Some(if upload && self.rng().bool() {
            DroppedConnection::After
        } else {
            DroppedConnection::Before
        })
    }

    /// Counts a request against the window of its credentials (`who`), under the configured
    /// limit. Without one nothing is limited: the request stands within the documented budget,
    /// all of it left, so clients that read the headers find them, and none holds back for a
    /// budget the emulator does not enforce (`rate_limit` 1200/300 enforces the real one).
    pub fn count(&self, who: &str) -> Count {
        match self.faults.rate_limit {
            Some(limit) => self
                .windows
                .count(who, limit.requests, limit.window, Instant::now()),
            None => Count::Within(Quota {
                limit: DOCUMENTED_LIMIT.requests,
                window: DOCUMENTED_LIMIT.window,
                remaining: DOCUMENTED_LIMIT.requests,
                reset_in: DOCUMENTED_LIMIT.window,
            }),
        }
    }

    /// Whether to answer with a random 429, as when other clients of the same user spend the
    /// shared budget: the real limit is per user across every client, so one can come at any
    /// time, whatever this client's own pace. Such a 429 says the budget is spent for
    /// [`THROTTLE_PAUSE`].
    pub fn throttled(&self) -> bool {
        self.chance(self.faults.throttle_rate)
    }

    /// A server error to answer with, now and then.
    pub fn server_error(&self) -> Option<Refusal> {
        if !self.chance(self.faults.fail_rate) {
            return None;
        }
        let pick = self.rng().usize(..Refusal::SERVER_ERROR_KINDS);
        Some(Refusal::server_error(pick))
    }

    /// An image body (blob or delivery). Sometimes cut short: the full Content-Length is
    /// announced, part of the bytes sent, then the connection is closed.
    pub fn image_body(&self, bytes: Bytes, content_type: &str) -> Response {
        let full = bytes.len();
        let ct = HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream"));
        if full > 0 && self.chance(self.faults.truncate_rate) {
            // A streamed body has no known length, so the server takes our Content-Length and,
            // when the stream ends early, gives up on the connection instead of padding it.
            let body = Body::from_stream(CutShort::new(bytes.slice(..full / 2)));
            let mut r = Response::new(body);
            r.headers_mut().insert(header::CONTENT_TYPE, ct);
            r.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(full));
            return r;
        }
        ([(header::CONTENT_TYPE, ct)], bytes).into_response()
    }
}

/// A body stream that yields its part, waits (so the server flushes the head and that part),
/// then fails, which makes the server close the connection short of the announced length.
struct CutShort {
    part: Option<Bytes>,
    pause: Pin<Box<tokio::time::Sleep>>,
}

impl CutShort {
    fn new(part: Bytes) -> Self {
        CutShort {
            part: Some(part),
            pause: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
        }
    }
}

impl futures_core::Stream for CutShort {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if let Some(part) = self.part.take() {
            return Poll::Ready(Some(Ok(part)));
        }
        match self.pause.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "body truncated on purpose",
            )))),
        }
    }
}
