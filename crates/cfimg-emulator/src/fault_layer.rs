//! The middleware that applies the fault decisions of `faults` to requests: latency, dropped
//! connections, the rate limit and random 429s, 5xx answers, and HTML error pages.

use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::credentials;
use crate::conn::ConnHandle;
use crate::direct_upload::UPLOAD_PREFIX;
use crate::faults::{DroppedConnection, rate_limit_headers, rate_limited};
use crate::state::SharedState;
use crate::window::Count;

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
    let drop_after = match f.drop_connection(upload) {
        Some(DroppedConnection::Before) => return drop_connection(conn.as_ref()),
        Some(DroppedConnection::After) => true,
        None => false,
    };
    // The upload URL carries no credentials and is not under the API's per-user limit.
    let who = if req.uri().path().starts_with(UPLOAD_PREFIX) {
        None
    } else {
        Some(match credentials(req.headers()) {
            Some(c) => format!("{c:?}"),
            None => "anonymous".to_string(),
        })
    };
    let limited = who.is_some();
    let quota = match who.and_then(|w| f.count(&w)) {
        Some(Count::Over(q)) => return html_if_asked(&st, rate_limited(&q)),
        Some(Count::Within(q)) => Some(q),
        None => None,
    };
    if limited && let Some(q) = f.throttle(quota.as_ref()) {
        return html_if_asked(&st, rate_limited(&q));
    }
    if let Some(refusal) = f.server_error() {
        let mut r = refusal.into_response();
        if let Some(q) = &quota {
            rate_limit_headers(q, r.headers_mut(), false);
        }
        return html_if_asked(&st, r);
    }
    let mut r = next.run(req).await;
    if drop_after {
        return drop_connection(conn.as_ref());
    }
    if let Some(q) = &quota {
        rate_limit_headers(q, r.headers_mut(), false);
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
