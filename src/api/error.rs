//! The API layer's error type: what went wrong talking to Cloudflare, classified once.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One item of the envelope's `errors` or `messages` array.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiMessage {
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    /// The causes behind this error, where the API gives them: a malformed `Authorization`
    /// header is 6003 with 6111 here (docs/api-notes.md#errors-and-codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_chain: Vec<ApiMessage>,
}

impl fmt::Display for ApiMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.code, self.message)?;
        if !self.error_chain.is_empty() {
            let causes: Vec<String> = self.error_chain.iter().map(ToString::to_string).collect();
            write!(f, " ({})", causes.join("; "))?;
        }
        Ok(())
    }
}

/// How the API refused the credentials, so the hint can say what to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthRefusal {
    /// 400 / 9106: no credentials reached it.
    Missing,
    /// 400 / 6003 (6111 in its chain): the `Authorization` header is not `Bearer <token>`.
    Malformed,
    /// 401: no credentials it accepts.
    NotAccepted,
    /// 403, or code 10000 with another status: the credentials are wrong, revoked, for another
    /// account, or lack the permission.
    Refused,
}

#[derive(Clone, Debug, thiserror::Error)]
pub enum ApiError {
    /// The API answered and refused: `success: false`, or an error status with an envelope.
    #[error("{}", api_summary(*status, errors))]
    Api {
        status: u16,
        errors: Vec<ApiMessage>,
        /// Seconds the server asked us to wait (429), when it said so.
        retry_after: Option<u64>,
        /// An earlier attempt of this same request failed in a way that leaves open whether the
        /// server acted on it; a 409 for a custom id may then be our own earlier upload.
        after_uncertain_attempt: bool,
    },
    /// No usable HTTP answer: connection refused, DNS, TLS, timeout, a dropped connection.
    #[error("{}", transport_summary(url, reason, failure))]
    Transport {
        url: String,
        reason: String,
        /// True when the request may have reached the server and been acted on.
        outcome_unknown: bool,
        /// How far the request got, so the message says truthfully whether the server was
        /// reached.
        failure: Failure,
    },
    /// An answer that is not the API's JSON envelope (an HTML page from a proxy, say).
    #[error("unexpected answer from the API (HTTP {status}, {content_type}): {excerpt}")]
    UnexpectedResponse {
        status: u16,
        content_type: String,
        excerpt: String,
    },
    /// The envelope was JSON but `result` did not have the shape we expect.
    #[error("could not read the API's answer (HTTP {status}): {reason}")]
    Decode { status: u16, reason: String },
    /// Reading a local file for a request body failed.
    #[error("{0}")]
    Body(String),
}

#[cfg(test)]
impl ApiError {
    /// A refusal with one error code, as tests need it.
    pub(crate) fn with_code(status: u16, code: i64) -> ApiError {
        ApiError::Api {
            status,
            errors: vec![ApiMessage {
                code,
                message: "x".into(),
                documentation_url: None,
                error_chain: Vec::new(),
            }],
            retry_after: None,
            after_uncertain_attempt: false,
        }
    }
}

/// How far a request got before it failed without an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No connection: refused, no such host, unreachable, or none within the connect timeout.
    Connect,
    /// A connection, but the server's certificate is not one we trust.
    Certificate,
    /// Connected (as far as we know), but no answer within the request timeout, in
    /// milliseconds (kept small: every error carries this).
    Timeout(u32),
    /// Anything else: a connection closed or reset, an answer cut off.
    Other,
}

fn transport_summary(url: &str, reason: &str, failure: &Failure) -> String {
    match failure {
        Failure::Certificate => {
            format!("could not make a secure connection to {url}: {reason}")
        }
        // The reason ("operation timed out") would only say it again.
        Failure::Timeout(millis) => format!(
            "no answer from {url}: timed out after {} s",
            f64::from(*millis) / 1000.0
        ),
        Failure::Connect => format!("could not reach {url}: {reason}"),
        // The server may well have been reached (a connection dropped mid-answer): say only
        // that the request failed.
        Failure::Other => format!("request to {url} failed: {reason}"),
    }
}

fn api_summary(status: u16, errors: &[ApiMessage]) -> String {
    let detail = if errors.is_empty() {
        "no error details given".to_string()
    } else {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!("{detail} (HTTP {status})")
}

impl ApiError {
    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Api { status, .. }
            | ApiError::UnexpectedResponse { status, .. }
            | ApiError::Decode { status, .. } => Some(*status),
            ApiError::Transport { .. } | ApiError::Body(_) => None,
        }
    }

    /// Cloudflare error codes carried by the answer.
    pub fn codes(&self) -> Vec<i64> {
        match self {
            ApiError::Api { errors, .. } => errors.iter().map(|e| e.code).collect(),
            _ => Vec::new(),
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
            || self.codes().iter().any(|c| matches!(c, 5401 | 5404 | 7003))
                && self.status().is_none_or(|s| s == 404)
    }

    pub fn is_conflict(&self) -> bool {
        self.status() == Some(409) || self.codes().contains(&5409)
    }

    /// The API refused the credentials: 401/403, code 10000 ("Authentication error"), or the
    /// 400s its auth layer answers for no credentials (9106) and a malformed `Authorization`
    /// header (6003, with 6111 inside); docs/api-notes.md#errors-and-codes.
    pub fn is_auth(&self) -> bool {
        self.auth_refusal().is_some()
    }

    /// Which way the API refused the credentials, if that is what it did.
    pub fn auth_refusal(&self) -> Option<AuthRefusal> {
        let codes = self.codes();
        let status = self.status();
        if status == Some(400) && codes.contains(&9106) {
            Some(AuthRefusal::Missing)
        } else if status == Some(400) && codes.iter().any(|c| matches!(c, 6003 | 6111)) {
            Some(AuthRefusal::Malformed)
        } else if status == Some(401) {
            Some(AuthRefusal::NotAccepted)
        } else if status == Some(403) || codes.contains(&10000) {
            Some(AuthRefusal::Refused)
        } else {
            None
        }
    }

    /// True when the request may have been acted on even though we saw no answer.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            ApiError::Transport {
                outcome_unknown: true,
                ..
            }
        )
    }
}
