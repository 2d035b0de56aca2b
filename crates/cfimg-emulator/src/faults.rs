//! Fault injection: latency, 5xx answers, the per-user rate limit (429 with `Retry-After`) and
//! random 429s, dropped connections, truncated image bodies, and HTML error pages.
//!
//! Every random decision comes from one generator, seeded when asked, so a run with a seed makes
//! the same decisions for the same sequence of requests.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Faults;
use super::auth::credentials;
use super::conn::ConnHandle;
use super::envelope::ApiError;
use super::state::SharedState;

/// The code and message the API sends with a 429. The schema wants codes of at least 1000,
/// but 971 is what the API is seen sending.
pub const RATE_LIMITED_CODE: u32 = 971;
pub const RATE_LIMITED_MESSAGE: &str = "Please wait and consider throttling your request speed";
/// The API's documented budget (per user, per five minutes), announced in `x-ratelimit-limit`
/// when a random 429 comes without a configured window.
const DOCUMENTED_LIMIT: u32 = 1200;

pub struct FaultState {
    faults: Faults,
    rng: Mutex<fastrand::Rng>,
    windows: Mutex<HashMap<String, Window>>,
}

struct Window {
    start: Instant,
    count: u32,
}

/// Where a request stands against its rate-limit window.
pub struct Quota {
    pub limit: u32,
    pub remaining: u32,
    /// Until the window resets.
    pub reset_in: Duration,
}

impl Quota {
    /// `x-ratelimit-*` headers, plus `Retry-After` when exhausted (seconds, rounded up).
    pub fn apply(&self, headers: &mut HeaderMap, exhausted: bool) {
        let secs = self.reset_in.as_secs() + u64::from(self.reset_in.subsec_nanos() > 0);
        let secs = secs.max(1);
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        // The API documents this one as an RFC 1123 date.
        let reset = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(secs as i64);
        let printer = jiff::fmt::rfc2822::DateTimePrinter::new();
        if let Ok(date) = printer.timestamp_to_rfc9110_string(&reset)
            && let Ok(v) = HeaderValue::from_str(&date)
        {
            headers.insert("x-ratelimit-reset", v);
        }
        if exhausted {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
    }
}

/// A 429 answer with the API's body and the rate-limit headers.
pub fn rate_limited(quota: &Quota) -> Response {
    let mut r = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        RATE_LIMITED_CODE,
        RATE_LIMITED_MESSAGE,
    )
    .into_response();
    quota.apply(r.headers_mut(), true);
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
            windows: Mutex::new(HashMap::new()),
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

    /// Counts a request against the credentials' window. `None` when no limit is configured.
    fn count(&self, who: &str) -> Option<(Quota, bool)> {
        let limit = self.faults.rate_limit?;
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let w = windows.entry(who.to_string()).or_insert(Window {
            start: now,
            count: 0,
        });
        if now.duration_since(w.start) >= limit.window {
            w.start = now;
            w.count = 0;
        }
        w.count = w.count.saturating_add(1);
        let exhausted = w.count > limit.requests;
        let quota = Quota {
            limit: limit.requests,
            remaining: limit.requests.saturating_sub(w.count),
            reset_in: limit.window.saturating_sub(now.duration_since(w.start)),
        };
        Some((quota, exhausted))
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

/// Requests that store an image: a dropped connection may come before or after the write.
fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && (path.ends_with("/images/v1")
            || path.ends_with("/direct_upload")
            || path.starts_with(super::direct_upload::UPLOAD_PREFIX))
}

fn server_error(st: &SharedState) -> ApiError {
    let statuses = [
        (StatusCode::BAD_GATEWAY, 5502, "Bad gateway"),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            5503,
            "Service temporarily unavailable",
        ),
        (StatusCode::GATEWAY_TIMEOUT, 5504, "Gateway timeout"),
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            5500,
            "Internal server error",
        ),
    ];
    let (status, code, message) = statuses[st.faults.rng().usize(..statuses.len())];
    ApiError::new(status, code, message)
}

/// Closes the request's connection without an answer. The response returned alongside is
/// never written.
fn drop_connection(req_conn: Option<&ConnHandle>) -> Response {
    if let Some(c) = req_conn {
        c.kill();
    }
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The fault layer of the API, batch and upload-URL routes.
pub async fn api_faults(State(st): State<SharedState>, req: Request, next: Next) -> Response {
    let f = &st.faults;
    if !f.latency().is_zero() {
        tokio::time::sleep(f.latency()).await;
    }
    let conn = req
        .extensions()
        .get::<ConnectInfo<ConnHandle>>()
        .map(|c| c.0.clone());
    let upload = is_upload(req.method(), req.uri().path());
    let mut drop_after = false;
    if f.chance(f.faults.drop_rate) {
        if upload && f.rng().bool() {
            drop_after = true;
        } else {
            return drop_connection(conn.as_ref());
        }
    }
    // The upload URL carries no credentials and is not under the API's per-user limit.
    let who = if req
        .uri()
        .path()
        .starts_with(super::direct_upload::UPLOAD_PREFIX)
    {
        None
    } else {
        Some(match credentials(req.headers()) {
            Some(c) => format!("{c:?}"),
            None => "anonymous".to_string(),
        })
    };
    let limited = who.is_some();
    let quota = match who.and_then(|w| f.count(&w)) {
        Some((q, true)) => return html_if_asked(&st, rate_limited(&q)),
        Some((q, false)) => Some(q),
        None => None,
    };
    // The real limit is per user across every client, so a 429 can come at any time, whatever
    // this client's own pace: that is what the random share stands for.
    if limited && f.chance(f.faults.throttle_rate) {
        let q = Quota {
            limit: quota.as_ref().map_or(DOCUMENTED_LIMIT, |q| q.limit),
            remaining: 0,
            reset_in: Duration::from_secs(1),
        };
        return html_if_asked(&st, rate_limited(&q));
    }
    if f.chance(f.faults.fail_rate) {
        let mut r = server_error(&st).into_response();
        if let Some(q) = &quota {
            q.apply(r.headers_mut(), false);
        }
        return html_if_asked(&st, r);
    }
    let mut r = next.run(req).await;
    if drop_after {
        return drop_connection(conn.as_ref());
    }
    if let Some(q) = &quota {
        q.apply(r.headers_mut(), false);
    }
    html_if_asked(&st, r)
}

/// The fault layer of delivery: latency only (truncation happens in the body itself).
pub async fn delivery_faults(State(st): State<SharedState>, req: Request, next: Next) -> Response {
    if !st.faults.latency().is_zero() {
        tokio::time::sleep(st.faults.latency()).await;
    }
    next.run(req).await
}

/// With `html_errors`, error answers become an HTML page, as a proxy in front of the API would
/// send; status and headers such as `Retry-After` are kept.
fn html_if_asked(st: &SharedState, r: Response) -> Response {
    if !st.faults.faults.html_errors || r.status().as_u16() < 400 {
        return r;
    }
    let status = r.status();
    let (mut parts, _) = r.into_parts();
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = status.as_u16();
    let page = format!(
        "<!DOCTYPE html>\n<html>\n<head><title>{code} {reason}</title></head>\n<body>\n\
         <center><h1>{code} {reason}</h1></center>\n<hr><center>cloudflare</center>\n\
         </body>\n</html>\n"
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=UTF-8"),
    );
    Response::from_parts(parts, Body::from(page))
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
