//! The account's delivery settings: `PATCH …/images/v1/config` (documented) and
//! `GET …/images/v1/config` (the emulator's own).
//!
//! The PATCH bodies are Cloudflare's (`{"flexible_variants": true}`, `{"browser_ttl": 31536000}`,
//! docs/api-notes.md#variants-and-transformations). What the real API answers is not
//! confirmed: the emulator answers with the envelope whose `result` is every setting as it now
//! is. Whether the real API has a GET is not confirmed either: the emulator offers one, so a
//! client can read the settings back; a client that exports settings should not count on it
//! against the real API (and should accept an answer without it).

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Map, Value};

use crate::auth::AccountCtx;
use crate::envelope::{Refusal, Reply, ok};
use crate::model::AccountSettings;
use crate::state::SharedState;

/// `GET images/v1/config`
pub async fn get(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> Reply {
    Ok(ok(st.store.settings(&account)))
}

/// `PATCH images/v1/config`: the settings given change, the others stay.
pub async fn patch(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    body: Bytes,
) -> Reply {
    let changes = parse(&body)?;
    let settings = st.store.change_settings(&account, |s| {
        if let Some(on) = changes.flexible_variants {
            s.flexible_variants = on;
        }
        if let Some(ttl) = changes.browser_ttl {
            s.browser_ttl = ttl;
        }
    })?;
    Ok(ok(settings))
}

#[derive(Debug, Default, PartialEq)]
struct Changes {
    flexible_variants: Option<bool>,
    browser_ttl: Option<u32>,
}

fn parse(body: &[u8]) -> Result<Changes, Refusal> {
    let bad = |what: String| Refusal::bad_request(format!("Bad request: {what}"));
    let obj: Map<String, Value> = match serde_json::from_slice(body) {
        Ok(Value::Object(m)) => m,
        _ => return Err(bad("the body must be a JSON object".into())),
    };
    let mut changes = Changes::default();
    for (key, value) in obj {
        match key.as_str() {
            "flexible_variants" => {
                changes.flexible_variants = Some(
                    value
                        .as_bool()
                        .ok_or_else(|| bad("flexible_variants must be true or false".into()))?,
                )
            }
            "browser_ttl" => {
                let range = AccountSettings::BROWSER_TTL_RANGE;
                let ttl = value
                    .as_u64()
                    .and_then(|t| u32::try_from(t).ok())
                    .filter(|t| range.contains(t))
                    .ok_or_else(|| {
                        bad(format!(
                            "browser_ttl must be whole seconds from {} (one hour) to {} (one year)",
                            range.start(),
                            range.end()
                        ))
                    })?;
                changes.browser_ttl = Some(ttl);
            }
            other => {
                return Err(bad(format!(
                    "unknown setting {other:?} (the emulator knows flexible_variants and browser_ttl)"
                )));
            }
        }
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            parse(br#"{"flexible_variants": true, "browser_ttl": 3600}"#).unwrap(),
            Changes {
                flexible_variants: Some(true),
                browser_ttl: Some(3600)
            }
        );
        for bad in [
            &br#"{"flexible_variants": "yes"}"#[..],
            br#"{"browser_ttl": 3599}"#,
            br#"{"browser_ttl": 31536001}"#,
            br#"{"browser_ttl": 1.5}"#,
            br#"{"colour": "red"}"#,
            b"[]",
            b"not json",
        ] {
            assert!(parse(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }
}
