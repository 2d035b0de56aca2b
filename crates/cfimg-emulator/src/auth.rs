//! Authentication of the REST API: `Authorization: Bearer <token>` or the legacy
//! `X-Auth-Email` + `X-Auth-Key` pair, and the account id taken from the path.

use axum::extract::{OriginalUri, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::envelope::Refusal;
use crate::state::SharedState;

/// The account a request acts on, set by the auth layers for the handlers.
#[derive(Clone, Debug)]
pub struct AccountCtx(pub String);

/// The credentials a request carries, as one string identifying them (used to count requests
/// per user for the rate limit). `None` when it carries none.
pub fn credentials(headers: &HeaderMap) -> Option<Credentials> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    if let Some(auth) = header("authorization")
        && let Some(token) = auth
            .strip_prefix("Bearer ")
            .or_else(|| auth.strip_prefix("bearer "))
        && !token.trim().is_empty()
    {
        return Some(Credentials::Token(token.trim().to_string()));
    }
    match (header("x-auth-email"), header("x-auth-key")) {
        (Some(email), Some(key)) => Some(Credentials::Key {
            email: email.to_string(),
            key: key.to_string(),
        }),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Credentials {
    Token(String),
    Key { email: String, key: String },
}

impl Credentials {
    /// The secret to compare with the configured token.
    fn secret(&self) -> &str {
        match self {
            Credentials::Token(t) => t,
            Credentials::Key { key, .. } => key,
        }
    }
}

/// A Cloudflare account id: 32 hexadecimal characters.
pub fn valid_account_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Guards every `/client/v4/accounts/{account_id}/images/...` route.
pub async fn api_auth(State(state): State<SharedState>, mut req: Request, next: Next) -> Response {
    let Some(creds) = credentials(req.headers()) else {
        return Refusal::unauthorized().into_response();
    };
    if let Some(expected) = &state.config.token
        && creds.secret() != expected
    {
        return Refusal::forbidden().into_response();
    }
    // Inside the nested router the URI is cut to the part after the prefix; the account id
    // is in the prefix.
    let path = req
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| req.uri().path().to_string(), |o| o.path().to_string());
    let account = path
        .strip_prefix("/client/v4/accounts/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_string();
    if !valid_account_id(&account) {
        return Refusal::bad_identifier(&path).into_response();
    }
    req.extensions_mut()
        .insert(AccountCtx(account.to_ascii_lowercase()));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_credential_kinds() {
        let mut h = HeaderMap::new();
        assert_eq!(credentials(&h), None);
        h.insert("authorization", "Bearer abc".parse().unwrap());
        assert_eq!(credentials(&h), Some(Credentials::Token("abc".into())));
        let mut h = HeaderMap::new();
        h.insert("x-auth-email", "a@b.c".parse().unwrap());
        assert_eq!(credentials(&h), None);
        h.insert("x-auth-key", "k".parse().unwrap());
        assert!(matches!(credentials(&h), Some(Credentials::Key { .. })));
    }

    #[test]
    fn account_ids_are_32_hex() {
        assert!(valid_account_id("023e105f4ecef8ad9ca31a8372d0c353"));
        assert!(!valid_account_id("023e105f4ecef8ad9ca31a8372d0c35"));
        assert!(!valid_account_id("023e105f4ecef8ad9ca31a8372d0c35z"));
    }
}
