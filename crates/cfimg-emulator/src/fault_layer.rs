//! The middleware that applies the fault decisions of `faults` to requests: latency, dropped
//! connections, the rate limit and random 429s, 5xx answers, and HTML error pages; and the
//! rate-limit headers on every answer of the API.

use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::credentials;
use crate::conn::ConnHandle;
use crate::direct_upload::UPLOAD_PREFIX;
use crate::faults::{
    DroppedConnection, THROTTLE_PAUSE, rate_limit_headers, rate_limited, too_many_requests,
};
use crate::record::Unanswered;
use crate::state::SharedState;
use crate::window::{Count, Quota};

/// Path prefix of the batch host's routes (`batch.imagedelivery.net/images/...`).
const BATCH_PREFIX: &str = "/images/";

/// Requests that store an image: a dropped connection may come before or after the write.
fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && (path.ends_with("/images/v1")
            || path.ends_with("/direct_upload")
            || path.starts_with(UPLOAD_PREFIX))
}

/// Closes the request's connection without an answer. The response returned alongside is
/// never written.
fn drop_connection(req_conn: Option<&ConnHandle>) -> Response {
    if let Some(c) = req_conn {
        c.kill();
    }
    let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    r.extensions_mut().insert(Unanswered);
    r
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
    let drop_after = match f.drop_connection(upload) {
        Some(DroppedConnection::Before) => return drop_connection(conn.as_ref()),
        Some(DroppedConnection::After) => true,
        None => false,
    };
    // Only the API itself counts requests against the user's budget and says so in its
    // headers: the upload URL (no credentials) and the batch host (its own per-token limit,
    // in `batch`) are other hosts in reality.
    let path = req.uri().path();
    let upload_url = path.starts_with(UPLOAD_PREFIX);
    let api = !upload_url && !path.starts_with(BATCH_PREFIX);
    let quota = if api {
        let who = match credentials(req.headers()) {
            Some(c) => format!("{c:?}"),
            None => "anonymous".to_string(),
        };
        match f.count(&who) {
            Count::Over(q) => return html_if_asked(&st, rate_limited(&q)),
            Count::Within(q) => Some(q),
        }
    } else {
        None
    };
    // The batch host meets random 429s too, with only `Retry-After`.
    if !upload_url && f.throttled() {
        let r = match &quota {
            Some(q) => rate_limited(&Quota {
                remaining: 0,
                reset_in: THROTTLE_PAUSE,
                ..*q
            }),
            None => too_many_requests(THROTTLE_PAUSE),
        };
        return html_if_asked(&st, r);
    }
    let mut r = match f.server_error() {
        Some(refusal) => refusal.into_response(),
        None => {
            let r = next.run(req).await;
            if drop_after {
                return drop_connection(conn.as_ref());
            }
            r
        }
    };
    if let Some(q) = &quota {
        rate_limit_headers(q, r.headers_mut());
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
    if !st.faults.html_errors() || r.status().as_u16() < 400 {
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
