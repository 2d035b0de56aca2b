//! An error as a per-item result carries it, in the shape scripts read.

use serde::Serialize;

use crate::api::ApiError;

/// An error as scripts see it: the message, the HTTP status and Cloudflare's own errors.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorReport {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<crate::api::ApiMessage>,
    /// The API error itself, so a single upload's error keeps its status and codes all the
    /// way to the exit code and the `--json` error.
    #[serde(skip)]
    pub cause: Option<ApiError>,
}

impl From<&ApiError> for ErrorReport {
    fn from(e: &ApiError) -> Self {
        ErrorReport {
            message: e.to_string(),
            status: e.status(),
            errors: match e {
                ApiError::Api { errors, .. } => errors.clone(),
                _ => Vec::new(),
            },
            cause: Some(e.clone()),
        }
    }
}

impl ErrorReport {
    /// An error of our own making, with no HTTP answer behind it.
    pub fn message(message: impl Into<String>) -> Self {
        ErrorReport {
            message: message.into(),
            status: None,
            errors: Vec::new(),
            cause: None,
        }
    }
}
