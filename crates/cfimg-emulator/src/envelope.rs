//! The Cloudflare response envelope, and every refusal the API answers with: the one place where
//! an HTTP status, a Cloudflare error code and a message are put together.
//!
//! Success: `{"success":true,"errors":[],"messages":[],"result":...}`.
//! Failure: `{"success":false,"errors":[{"code":N,"message":"..."}],"messages":[],"result":null}`.
//! (The envelope: <https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/>.)
//!
//! Where a code or a status below is not documented by Cloudflare, its constructor says so, and
//! which choice was made. Delivery answers in plain text instead (see `delivery`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

use crate::store::{MAX_VARIANTS, StoreError};

/// The message of every malformed upload form, as the API words it (seen in
/// <https://github.com/cloudflare/cloudflare-go/issues/4150>).
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

/// The API refusing a request: an HTTP status with one Cloudflare error code and message, sent
/// in the failure envelope. A response, not an error of the emulator itself.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub status: StatusCode,
    pub code: u32,
    pub message: String,
}

/// What every handler returns.
pub type Reply = Result<Response, Refusal>;

impl Refusal {
    fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 / 5400: the API's generic "bad request" code (documented for the list filters).
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
    fn variant_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 5401, "Variant not found")
    }

    /// 409 / 5409 for a custom id already taken. The status is unconfirmed; a third party
    /// reports 409 (<https://github.com/kodadot/workers/pull/135>).
    fn image_exists() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            5409,
            "Image already exists: an image with this custom ID is already stored",
        )
    }

    /// The direct-upload URL no longer takes uploads: used, expired or never issued. The real
    /// answer is undocumented; 404 / 5404 matches the draft being gone.
    fn upload_url_gone() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            5404,
            "Image not found: the upload URL was already used, has expired, or does not exist",
        )
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

    /// 415 / 5415 for bytes that are no accepted image format (status unconfirmed; 415 is
    /// natural).
    pub fn unsupported_format() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            5415,
            "Unsupported image format: the file is not a PNG, JPEG, GIF, WebP, SVG or AVIF image",
        )
    }

    /// A variant name the API does not allow (code 5400, as third-party error maps name it).
    pub fn variant_name_not_allowed(name: &str) -> Self {
        Self::bad_request(format!(
            "Variant name not allowed: '{name}' (use up to 99 letters and digits)"
        ))
    }

    /// A signing key name the API does not allow.
    pub fn key_name_not_allowed(name: &str) -> Self {
        Self::bad_request(format!(
            "Bad request: signing key name not allowed: '{name}' (use up to 20 letters and digits)"
        ))
    }

    /// 404 / 7003, the API's answer for a path it does not serve (the failure example of
    /// Cloudflare's OpenAPI description).
    pub fn no_route() -> Self {
        Self::new(StatusCode::NOT_FOUND, 7003, "No route for the URI")
    }

    /// 400 / 7003 for an account identifier the API cannot parse, in its wording.
    pub fn bad_identifier(path: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            7003,
            format!("Could not route to {path}, perhaps your object identifier is invalid?"),
        )
    }

    /// A known path with the wrong method. The API's code for this is not documented; 7001 sits
    /// next to the routing error 7003.
    pub fn wrong_method() -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, 7001, "Method not allowed")
    }

    /// 401 / 10000: no credentials (or a batch token that has expired, which the client should
    /// replace).
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 10000, "Authentication error")
    }

    /// 403 / 10000: credentials that are not accepted.
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, 10000, "Authentication error")
    }

    /// 429 / 971 with the API's message. The schema wants codes of at least 1000, but 971 is
    /// what the API is seen sending (<https://github.com/cloudflare/workers-sdk/issues/10025>).
    pub fn rate_limited() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            971,
            "Please wait and consider throttling your request speed",
        )
    }

    /// How many kinds of [`Refusal::server_error`] there are.
    pub const SERVER_ERROR_KINDS: usize = 4;

    /// One of the server errors a fault answers with: `pick` below [`Self::SERVER_ERROR_KINDS`].
    pub fn server_error(pick: usize) -> Self {
        const ERRORS: [(StatusCode, u32, &str); Refusal::SERVER_ERROR_KINDS] = [
            (StatusCode::BAD_GATEWAY, 5502, "Bad gateway"),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                5503,
                "Service temporarily unavailable",
            ),
            (StatusCode::GATEWAY_TIMEOUT, 5504, "Gateway timeout"),
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                5500,
                "Internal server error",
            ),
        ];
        let (status, code, message) = ERRORS[pick % ERRORS.len()];
        Self::new(status, code, message)
    }

    /// 500 / 5500: the emulator's own storage failed.
    fn storage(error: &std::io::Error) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            5500,
            format!("Storage error: {error}"),
        )
    }
}

/// What each refusal of the store looks like on the wire.
impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::ImageExists => Refusal::image_exists(),
            StoreError::ImageNotFound => Refusal::image_not_found(),
            StoreError::UploadUrlGone => Refusal::upload_url_gone(),
            StoreError::CustomIdCannotBePrivate => {
                Refusal::bad_request("Images with a custom ID cannot require signed URLs")
            }
            // The status is unconfirmed; the code is the image service's "already exists".
            StoreError::VariantExists(id) => Refusal::new(
                StatusCode::CONFLICT,
                5409,
                format!("Variant {id} already exists"),
            ),
            StoreError::TooManyVariants => Refusal::bad_request(format!(
                "Too many variants: at most {MAX_VARIANTS} are allowed per account"
            )),
            StoreError::VariantNotFound => Refusal::variant_not_found(),
            // Code 5404 for a missing key comes from third-party error maps.
            StoreError::KeyNotFound(name) => Refusal::new(
                StatusCode::NOT_FOUND,
                5404,
                format!("Signing key {name} not found"),
            ),
            // The batch host's statuses are not documented; these follow the API's own 401/403
            // split: a token never issued is refused, an expired one asks for a new one.
            StoreError::UnknownBatchToken => Refusal::forbidden(),
            StoreError::ExpiredBatchToken => Refusal::unauthorized(),
            StoreError::Storage(e) => Refusal::storage(&e),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

impl IntoResponse for Refusal {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_refusals_keep_their_wire_answers() {
        let wire = |e: StoreError| {
            let r = Refusal::from(e);
            (r.status.as_u16(), r.code)
        };
        assert_eq!(wire(StoreError::ImageExists), (409, 5409));
        assert_eq!(wire(StoreError::ImageNotFound), (404, 5404));
        assert_eq!(wire(StoreError::UploadUrlGone), (404, 5404));
        assert_eq!(wire(StoreError::CustomIdCannotBePrivate), (400, 5400));
        assert_eq!(wire(StoreError::VariantExists("v".into())), (409, 5409));
        assert_eq!(wire(StoreError::TooManyVariants), (400, 5400));
        assert_eq!(wire(StoreError::VariantNotFound), (404, 5401));
        assert_eq!(wire(StoreError::KeyNotFound("k".into())), (404, 5404));
        assert_eq!(wire(StoreError::UnknownBatchToken), (403, 10000));
        assert_eq!(wire(StoreError::ExpiredBatchToken), (401, 10000));
        let io = std::io::Error::other("disk full");
        assert_eq!(wire(StoreError::Storage(io)), (500, 5500));
    }
}
