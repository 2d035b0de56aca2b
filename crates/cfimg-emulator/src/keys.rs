//! Signing keys (list, create or rotate, delete) and the usage statistics.

use axum::Extension;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::json;

use super::auth::AccountCtx;
use super::envelope::{ApiError, ApiResult, ok};
use super::state::SharedState;
use super::store::ALLOWED_IMAGES;

#[derive(Deserialize)]
pub struct KeyParam {
    pub signing_key_name: String,
}

/// Key names: alphanumeric, at most 20 characters (the spec's pattern misses a `+`).
fn check_name(name: &str) -> Result<(), ApiError> {
    if name.is_empty() || name.len() > 20 || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request(format!(
            "Bad request: signing key name not allowed: '{name}' (use up to 20 letters and digits)"
        )));
    }
    Ok(())
}

/// `GET images/v1/keys`
pub async fn list(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> ApiResult {
    Ok(ok(json!({ "keys": st.store.keys(&account) })))
}

/// `PUT images/v1/keys/{name}`: creates the key or rotates its value; returns all keys.
pub async fn put(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<KeyParam>,
) -> ApiResult {
    check_name(&p.signing_key_name)?;
    let keys = st.store.put_key(&account, &p.signing_key_name)?;
    Ok(ok(json!({ "keys": keys })))
}

/// `DELETE images/v1/keys/{name}`: returns the keys left (a new `default` if none are).
pub async fn delete(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<KeyParam>,
) -> ApiResult {
    let keys = st.store.delete_key(&account, &p.signing_key_name)?;
    Ok(ok(json!({ "keys": keys })))
}

/// `GET images/v1/stats`: stored images (drafts excluded) against the allowance.
pub async fn stats(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> ApiResult {
    Ok(ok(json!({
        "count": {
            "allowed": ALLOWED_IMAGES,
            "current": st.store.image_count(&account),
        }
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_are_alphanumeric_up_to_20() {
        assert!(check_name("default").is_ok());
        assert!(check_name(&"k".repeat(20)).is_ok());
        assert!(check_name(&"k".repeat(21)).is_err());
        assert!(check_name("my_key").is_err());
    }
}
