//! Signing keys (list, create or rotate, delete) and the usage statistics.

use axum::Extension;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::json;

use crate::auth::AccountCtx;
use crate::envelope::{Refusal, Reply, ok};
use crate::form;
use crate::state::SharedState;

/// The allowance shown by the stats endpoint (the API's example value).
const ALLOWED_IMAGES: u64 = 100_000;

#[derive(Deserialize)]
pub struct KeyParam {
    pub signing_key_name: String,
}

/// `GET images/v1/keys`
pub async fn list(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> Reply {
    Ok(ok(json!({ "keys": st.store.keys(&account) })))
}

/// `PUT images/v1/keys/{name}`: creates the key or rotates its value; returns all keys.
pub async fn put(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<KeyParam>,
) -> Reply {
    form::check_name(&p.signing_key_name, 20, Refusal::key_name_not_allowed)?;
    let keys = st.store.put_key(&account, &p.signing_key_name)?;
    Ok(ok(json!({ "keys": keys })))
}

/// `DELETE images/v1/keys/{name}`: returns the keys left (a new `default` if none are).
pub async fn delete(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<KeyParam>,
) -> Reply {
    let keys = st.store.delete_key(&account, &p.signing_key_name)?;
    Ok(ok(json!({ "keys": keys })))
}

/// `GET images/v1/stats`: stored images (drafts excluded) against the allowance.
pub async fn stats(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> Reply {
    Ok(ok(json!({
        "count": {
            "allowed": ALLOWED_IMAGES,
            "current": st.store.image_count(&account),
        }
    })))
}
