//! The account's image settings, `/images/v1/config`: flexible variants and the browser TTL.
//!
//! Only `PATCH` is documented, with one setting a body in the docs' examples
//! (docs/api-notes.md#variants-and-transformations), and what it answers is not confirmed: any
//! successful envelope, with or without a `result`, is a success. Whether a `GET` exists is not
//! confirmed either: [`Client::get_account_config`] asks, and [`is_unreadable`] tells a
//! refusal of the route itself from any other failure, so a caller can go on without the
//! current values.

use reqwest::Method;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{ApiError, Call, Client};

const PATH: &str = "/images/v1/config";

/// The settings cfimg knows, as the API names them; `None` where an answer left one out (or
/// gave it in a shape not understood), so the caller treats it as unknown, not as a default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AccountConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flexible_variants: Option<bool>,
    /// Seconds a browser may cache a delivered image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser_ttl: Option<u32>,
}

impl AccountConfig {
    /// Read the settings out of an answer's `result`, leniently: unknown keys (the API has
    /// more settings than cfimg manages) are ignored, and so is a value of an unexpected type.
    pub fn from_result(result: &Value) -> Self {
        AccountConfig {
            flexible_variants: result.get("flexible_variants").and_then(Value::as_bool),
            browser_ttl: result
                .get("browser_ttl")
                .and_then(Value::as_u64)
                .and_then(|t| u32::try_from(t).ok()),
        }
    }
}

/// One setting to change, sent as the documented one-key body (`{"browser_ttl": 3600}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigChange {
    FlexibleVariants(bool),
    BrowserTtl(u32),
}

impl ConfigChange {
    fn body(self) -> Value {
        let mut body = Map::new();
        match self {
            ConfigChange::FlexibleVariants(on) => {
                body.insert("flexible_variants".into(), on.into())
            }
            ConfigChange::BrowserTtl(ttl) => body.insert("browser_ttl".into(), ttl.into()),
        };
        Value::Object(body)
    }
}

/// Whether an error says the API has no such route (`GET …/config` where only `PATCH` exists):
/// 404, 405 or 501, or the routing codes 7000 and 7003, unless the credentials were refused.
/// Anything else (a 5xx after every retry, a network failure) is a real failure.
pub fn is_unreadable(error: &ApiError) -> bool {
    if error.is_auth() {
        return false;
    }
    matches!(error.status(), Some(404 | 405 | 501))
        || error.codes().iter().any(|c| matches!(c, 7000 | 7003))
}

impl Client {
    /// `GET …/images/v1/config` (not documented: see [`is_unreadable`] for its refusal). An
    /// answer without a `result` leaves every setting unknown.
    pub fn get_account_config(&self) -> Result<AccountConfig, ApiError> {
        let result: Option<Value> = self.request_optional(Call::new(Method::GET, PATH))?;
        Ok(result.map_or_else(AccountConfig::default, |r| AccountConfig::from_result(&r)))
    }

    /// `PATCH …/images/v1/config` with one setting. Returns the settings as the answer gives
    /// them, or `None` when it gives none. Sending the same value twice changes nothing, so a
    /// lost answer may be retried.
    pub fn patch_account_config(
        &self,
        change: ConfigChange,
    ) -> Result<Option<AccountConfig>, ApiError> {
        let result: Option<Value> =
            self.request_optional(Call::new(Method::PATCH, PATH).json(change.body()))?;
        Ok(result.map(|r| AccountConfig::from_result(&r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(status: u16, code: i64) -> ApiError {
        ApiError::with_code(status, code)
    }

    #[test]
    fn a_refused_route_is_unreadable_and_other_failures_are_not() {
        assert!(is_unreadable(&refusal(404, 7000)));
        assert!(is_unreadable(&refusal(405, 10405)));
        assert!(is_unreadable(&refusal(400, 7003)));
        assert!(!is_unreadable(&refusal(403, 10000)));
        assert!(!is_unreadable(&refusal(500, 1000)));
        assert!(!is_unreadable(&refusal(400, 5400)));
    }

    #[test]
    fn answers_are_read_leniently() {
        let full = serde_json::json!({"flexible_variants": true, "browser_ttl": 3600, "other": 1});
        assert_eq!(
            AccountConfig::from_result(&full),
            AccountConfig {
                flexible_variants: Some(true),
                browser_ttl: Some(3600)
            }
        );
        let odd = serde_json::json!({"flexible_variants": "yes", "browser_ttl": 1.5});
        assert_eq!(AccountConfig::from_result(&odd), AccountConfig::default());
        assert_eq!(
            AccountConfig::from_result(&serde_json::json!({})),
            AccountConfig::default()
        );
    }

    #[test]
    fn each_change_is_the_documented_one_key_body() {
        assert_eq!(
            ConfigChange::FlexibleVariants(true).body(),
            serde_json::json!({"flexible_variants": true})
        );
        assert_eq!(
            ConfigChange::BrowserTtl(31_536_000).body(),
            serde_json::json!({"browser_ttl": 31536000})
        );
    }
}
