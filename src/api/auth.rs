//! Credentials for the API, kept out of logs and `Debug` output.

use std::fmt;

/// A secret string. Its `Debug` and `Display` never show the value; call `expose` to use it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A hint of the value for people who need to tell two tokens apart: the last four
    /// characters at most, and only when the secret is long enough that they give little away.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() >= 16 {
            let tail: String = chars[chars.len() - 4..].iter().collect();
            format!("****{tail}")
        } else {
            "****".to_string()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

/// How requests prove who they are: the two schemes every Images operation accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <token>`.
    Token(Secret),
    /// The legacy global API key: `X-Auth-Email` + `X-Auth-Key`.
    GlobalKey { email: String, key: Secret },
}

impl Auth {
    pub(crate) fn apply(
        &self,
        request: reqwest::blocking::RequestBuilder,
    ) -> reqwest::blocking::RequestBuilder {
        match self {
            Auth::Token(token) => request.bearer_auth(token.expose()),
            Auth::GlobalKey { email, key } => request
                .header("X-Auth-Email", email)
                .header("X-Auth-Key", key.expose()),
        }
    }

    /// The secret values, for callers that must make sure they never print them.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            Auth::Token(token) => vec![token.expose()],
            Auth::GlobalKey { key, .. } => vec![key.expose()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let auth = Auth::Token(Secret::new("s3cr3t-token-value-123"));
        assert!(!format!("{auth:?}").contains("s3cr3t"));
        assert_eq!(Secret::new("abc").to_string(), "****");
        assert_eq!(Secret::new("0123456789abcdefWXYZ").masked(), "****WXYZ");
        assert_eq!(Secret::new("short").masked(), "****");
    }
}
