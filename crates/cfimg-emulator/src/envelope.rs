//! The Cloudflare response envelope and the API's error answers.
//!
//! Success: `{"success":true,"errors":[],"messages":[],"result":...}`.
//! Failure: `{"success":false,"errors":[{"code":N,"message":"..."}],"messages":[],"result":null}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

/// The message of every malformed upload form, as the API words it.
pub const FORM_ERROR: &str = "Bad request: Error parsing form fields";

/// A successful answer wrapping `result`.
pub fn ok<T: Serialize>(result: T) -> Response {
    Json(json!({
        "success": true,
        "errors": [],
        "messages": [],
        "result": result,
    }))
    .into_response()
}

/// An error answer: HTTP status plus one Cloudflare error code and message.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: u32,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 / 5400: the API's generic "bad request" code.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 5400, message)
    }

    /// 400 / 5400 "Bad request: Error parsing form fields".
    pub fn form() -> Self {
        Self::bad_request(FORM_ERROR)
    }

    /// 404 / 5404. The status paired with 5404 is unconfirmed; 404 is the natural one.
    pub fn image_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 5404, "Image not found")
    }

    /// 404 / 5401. The status paired with 5401 is unconfirmed; 404 is the natural one.
    pub fn variant_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 5401, "Variant not found")
    }

    /// 413 / 5413. Neither code nor message is documented; 5413 follows the 54xx family
    /// (5400, 5404, 5409, 5415) of the image service.
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            5413,
            "Image exceeds the maximum size of 10 MB",
        )
    }

    /// 404 / 7003, the API's answer for a path it does not serve.
    pub fn no_route() -> Self {
        Self::new(StatusCode::NOT_FOUND, 7003, "No route for the URI")
    }

    /// 401 / 10000 when no credentials were sent, 403 / 10000 when they are wrong.
    pub fn auth(status: StatusCode) -> Self {
        Self::new(status, 10000, "Authentication error")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, 5500, message)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "success": false,
            "errors": [{"code": self.code, "message": self.message}],
            "messages": [],
            "result": null,
        });
        (self.status, Json(body)).into_response()
    }
}

/// What every handler returns.
pub type ApiResult = Result<Response, ApiError>;
