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

/// What a request presents to authenticate with, as the API's auth layer reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Presented {
    /// Well-formed credentials (which may still be refused).
    Credentials(Credentials),
    /// An `Authorization` header that is not `Bearer <token>`: 400 / 6003 (6111).
    Malformed,
    /// Neither `Authorization` nor the `X-Auth-Email` + `X-Auth-Key` pair: 400 / 9106. One of
    /// the pair alone counts as missing (the API's message names all three headers; what it
    /// answers to half a pair is not known).
    Missing,
}

/// Reads the credentials of a request. `Authorization` wins when present, as a malformed one
/// is refused whatever else is sent (the Python SDK sends every credential it has at once).
/// The scheme is matched without regard to case, as HTTP says of auth schemes
/// (RFC 9110 §11.1); the token must be one `token68` (RFC 9110 §11.2): letters, digits and
/// `-._~+/`, then `=` padding, which a pasted token in quotes or with a space inside is not.
pub fn presented(headers: &HeaderMap) -> Presented {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    if let Some(value) = headers.get("authorization") {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.trim().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim_start())
            .filter(|token| is_token68(token));
        return match token {
            Some(token) => Presented::Credentials(Credentials::Token(token.to_string())),
            None => Presented::Malformed,
        };
    }
    match (header("x-auth-email"), header("x-auth-key")) {
        (Some(email), Some(key)) => Presented::Credentials(Credentials::Key {
            email: email.to_string(),
            key: key.to_string(),
        }),
        _ => Presented::Missing,
    }
}

/// `token68`: one or more of `A-Z a-z 0-9 - . _ ~ + /`, then any number of `=`.
fn is_token68(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

/// The well-formed credentials a request carries, if any (to count requests per user for the
/// rate limit, and for the batch host's token).
pub fn credentials(headers: &HeaderMap) -> Option<Credentials> {
    match presented(headers) {
        Presented::Credentials(c) => Some(c),
        Presented::Malformed | Presented::Missing => None,
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

/// The path as the API quotes it in its routing errors: below `/client/v4`.
pub fn api_path(path: &str) -> &str {
    path.strip_prefix("/client/v4").unwrap_or(path)
}

/// A Cloudflare account id: 32 hexadecimal characters.
pub fn valid_account_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Guards every `/client/v4/accounts/{account_id}/images/...` route, answering as the API's
/// auth layer does (docs/api-notes.md#errors-and-codes): no credentials 400 / 9106, a malformed
/// `Authorization` 400 / 6003, credentials other than the configured token 403 / 10000.
pub async fn api_auth(State(state): State<SharedState>, mut req: Request, next: Next) -> Response {
    let creds = match presented(req.headers()) {
        Presented::Credentials(c) => c,
        Presented::Malformed => return Refusal::malformed_authorization().into_response(),
        Presented::Missing => return Refusal::missing_credentials().into_response(),
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
        return Refusal::bad_identifier(api_path(&path)).into_response();
    }
    req.extensions_mut()
        .insert(AccountCtx(account.to_ascii_lowercase()));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    #[test]
    fn tells_missing_from_malformed_credentials() {
        assert_eq!(presented(&with(&[])), Presented::Missing);
        assert_eq!(presented(&with(&[("x-auth-key", "k")])), Presented::Missing);
        for bad in [
            "Token abc",
            "Bearer",
            "Bearer ",
            "Bearer  ",
            "abc",
            "Bearer \"abc\"",
            "Bearer a b",
            "Basic dXNlcjpwYXNz",
            "",
        ] {
            let h = with(&[
                ("authorization", bad),
                ("x-auth-email", "a@b.c"),
                ("x-auth-key", "k"),
            ]);
            assert_eq!(presented(&h), Presented::Malformed, "{bad:?}");
        }
        for good in [
            "Bearer abc",
            "bearer abc",
            "BEARER a-b.c_d~e+f/g==",
            "Bearer   abc",
        ] {
            assert!(
                matches!(
                    presented(&with(&[("authorization", good)])),
                    Presented::Credentials(_)
                ),
                "{good:?}"
            );
        }
    }

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
