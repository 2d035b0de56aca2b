//! The batch API: `GET images/v1/batch_token`, and the guard of the batch host's routes
//! (`/images/v1…`, `/images/v2…` at the root of the origin), which take that token as their
//! bearer credential and allow each token a number of requests per second
//! (<https://developers.cloudflare.com/images/upload-images/images-batch/>).

use std::time::{Duration, Instant};

use axum::Extension;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::auth::{AccountCtx, Credentials, credentials};
use crate::envelope::{Refusal, Reply, ok};
use crate::faults::too_many_requests;
use crate::model::format_time;
use crate::state::SharedState;
use crate::window::Count;

/// `GET images/v1/batch_token` → `{token, expiresAt}`.
pub async fn token(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> Reply {
    let (token, expires) =
        st.store
            .new_batch_token(&account, st.config.batch_token_ttl, jiff::Timestamp::now());
    Ok(ok(
        json!({ "token": token, "expiresAt": format_time(expires) }),
    ))
}

/// Guards the batch host routes. No token, or an expired one: 401 (the client should fetch a
/// new one). A token never issued: 403. Then each token's requests are counted per second,
/// each token in a window of its own (more tokens, more throughput, as the docs say); over it,
/// 429 with `Retry-After`. The batch host's rate-limit headers are not documented, and it
/// sends none.
pub async fn batch_auth(State(st): State<SharedState>, mut req: Request, next: Next) -> Response {
    let token = match credentials(req.headers()) {
        Some(Credentials::Token(t)) => t,
        _ => return Refusal::unauthorized().into_response(),
    };
    let account = match st.store.batch_account(&token, jiff::Timestamp::now()) {
        Ok(account) => account,
        Err(e) => return Refusal::from(e).into_response(),
    };
    let per_second = st.config.batch_rate_per_second.max(1);
    let second = Duration::from_secs(1);
    if let Count::Over(q) = st
        .batch_windows
        .count(&token, per_second, second, Instant::now())
    {
        return too_many_requests(q.reset_in);
    }
    *st.batch_use
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(token)
        .or_insert(0) += 1;
    req.extensions_mut().insert(AccountCtx(account));
    next.run(req).await
}
