//! The batch API: `GET images/v1/batch_token`, and the guard of the batch host's routes
//! (`/images/v1…`, `/images/v2…` at the root of the origin), which take that token as their
//! bearer credential and allow each token a number of requests per second.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::Extension;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::auth::{AccountCtx, Credentials, credentials};
use super::envelope::{ApiError, ApiResult, ok};
use super::faults::{Quota, rate_limited};
use super::model::format_time;
use super::state::SharedState;

/// `GET images/v1/batch_token` → `{token, expiresAt}`.
pub async fn token(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> ApiResult {
    let (token, expires) =
        st.store
            .new_batch_token(&account, st.config.batch_token_ttl, jiff::Timestamp::now());
    Ok(ok(
        json!({ "token": token, "expiresAt": format_time(expires) }),
    ))
}

/// Requests per token in the current one-second window.
#[derive(Default)]
pub struct BatchLimiter {
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl BatchLimiter {
    /// `Some(quota)` when this request is over the token's rate.
    fn over(&self, token: &str, per_second: u32) -> Option<Quota> {
        let mut w = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let second = Duration::from_secs(1);
        let entry = w.entry(token.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= second {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        (entry.1 > per_second).then(|| Quota {
            limit: per_second,
            remaining: 0,
            reset_in: second.saturating_sub(now.duration_since(entry.0)),
        })
    }
}

/// Guards the batch host routes. No token: 401. An expired token: 401 as well (the client
/// should fetch a new one). A token never issued: 403. The real host's statuses are not
/// documented; these follow the API's own 401/403 split.
pub async fn batch_auth(State(st): State<SharedState>, mut req: Request, next: Next) -> Response {
    let token = match credentials(req.headers()) {
        Some(Credentials::Token(t)) => t,
        _ => return ApiError::auth(StatusCode::UNAUTHORIZED).into_response(),
    };
    let account = match st.store.batch_account(&token, jiff::Timestamp::now()) {
        Ok(Some(a)) => a,
        Ok(None) => return ApiError::auth(StatusCode::FORBIDDEN).into_response(),
        Err(()) => return ApiError::auth(StatusCode::UNAUTHORIZED).into_response(),
    };
    if let Some(q) = st
        .batch_limiter
        .over(&token, st.config.batch_rate_per_second.max(1))
    {
        return rate_limited(&q);
    }
    req.extensions_mut().insert(AccountCtx(account));
    next.run(req).await
}
