//! The Cloudflare response envelope, and every refusal the API answers with: the one place where
//! an HTTP status, a Cloudflare error code and a message are put together.
//!
//! Success: `{"success":true,"errors":[],"messages":[],"result":...}`.
//! Failure: `{"success":false,"errors":[{"code":N,"message":"..."}],"messages":[],"result":null}`.
//! (The envelope: <https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/>.)
//!
//! Where a code or a status below is not documented by Cloudflare, its constructor says so, and
//! which choice was made. Delivery answers in plain text instead (see `delivery`), and so does
//! the direct-upload URL ([`Refusal::plain_text`]).

use axum::Json;
use axum::http::{StatusCode, header};
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

/// One item of the failure envelope's `errors`: a code and a message, and for some refusals of
/// the auth layer an `error_chain` of the causes behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorItem {
    pub code: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub error_chain: Vec<ErrorItem>,
}

impl ErrorItem {
    fn new(code: u32, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            error_chain: Vec::new(),
        }
    }
}

/// The API refusing a request: an HTTP status with one or more Cloudflare errors, sent in the
/// failure envelope (or, from the direct-upload URL, as plain text: [`Refusal::plain_text`]).
/// A response, not an error of the emulator itself.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub status: StatusCode,
    /// At least one; the first is the one that says what went wrong.
    pub errors: Vec<ErrorItem>,
}

/// What every handler returns.
pub type Reply = Result<Response, Refusal>;

/// The message of a refused custom id, as the API words it (seen in third-party client code;
/// docs/api-notes.md#errors-and-codes). The API appends the rule that was broken, "Must not be
/// UUID" for one; the other rules' wording is ours.
const INVALID_CUSTOM_ID: &str = "The Custom ID is invalid. Custom IDs can include 1024 characters or less, any number of subpaths, and support the UTF-8 encoding standard for characters. Enter a new Custom ID and try again";

/// The API's message for bytes of a type it does not take.
pub const UNACCEPTED_TYPE: &str = "Uploaded image must have image/jpeg, image/png, image/webp, image/gif or image/svg+xml content-type";

impl Refusal {
    fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        Self {
            status,
            errors: vec![ErrorItem::new(code, message)],
        }
    }

    /// The code of the first error.
    pub fn code(&self) -> u32 {
        self.errors.first().map_or(0, |e| e.code)
    }

    /// The message of the first error.
    pub fn message(&self) -> &str {
        self.errors.first().map_or("", |e| e.message.as_str())
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

    /// 409 / 5409 for a custom id already taken, in the API's words (a public build log;
    /// <https://github.com/kodadot/workers/pull/135> for the status).
    fn image_exists() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            5409,
            "Resource already exists. Verify the resource information and try again.",
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

    /// 413 / 7011 "Request entity is too large", the API's answer to an image over 10 MB.
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            7011,
            "Request entity is too large",
        )
    }

    /// 5455 for bytes that are no accepted image format, with the API's message. Its HTTP
    /// status is not confirmed anywhere (neither is 415); 400, the API's status for the other
    /// refusals of a bad upload, is our choice.
    pub fn unaccepted_type() -> Self {
        Self::new(StatusCode::BAD_REQUEST, 5455, UNACCEPTED_TYPE)
    }

    /// 5443 for an image of more than 100 megapixels (the limit of
    /// <https://developers.cloudflare.com/images/get-started/limits/>): third-party client code
    /// reads `ERROR 5443` from the upload URL as "frames cannot exceed 100 million pixels".
    /// Status (400) and message are ours.
    pub fn too_many_pixels(width: u64, height: u64) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            5443,
            format!(
                "Image too large: {width}x{height} is more than 100 million pixels (100 megapixels)"
            ),
        )
    }

    /// 400 / 5411 for a custom id the API does not take; `rule` says which rule it broke. The
    /// status is unconfirmed; 400 like every other bad field.
    pub fn invalid_custom_id(rule: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            5411,
            format!("{INVALID_CUSTOM_ID}: {rule}"),
        )
    }

    /// 5454 for an upload by URL whose image could not be fetched. The docs promise a 4xx
    /// (<https://developers.cloudflare.com/images/upload-images/upload-url/>); 400 is our pick,
    /// and the message is ours.
    pub fn fetch_failed(why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            5454,
            format!("Failed to fetch the image from the URL: {why}"),
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

    /// 404 / 7000 "No route for that URI": a path the API does not serve, in the words of
    /// captured answers (docs/api-notes.md#errors-and-codes). The 404 is unconfirmed.
    pub fn no_route() -> Self {
        Self::new(StatusCode::NOT_FOUND, 7000, "No route for that URI")
    }

    /// 400 with two errors, 7003 and 7000, for a path whose identifier cannot name anything: an
    /// account id that is not 32 hex digits, an image id no image can have. `path` is the path
    /// below `/client/v4`, as the API quotes it.
    pub fn bad_identifier(path: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            errors: vec![
                ErrorItem::new(
                    7003,
                    format!(
                        "Could not route to {path}, perhaps your object identifier is invalid?"
                    ),
                ),
                ErrorItem::new(7000, "No route for that URI"),
            ],
        }
    }

    /// A known path with the wrong method. The API's code for this is not documented; 7001 sits
    /// next to the routing errors 7000 and 7003.
    pub fn wrong_method() -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, 7001, "Method not allowed")
    }

    /// 400 / 9106: a request with no credentials at all, as the API's auth layer answers it.
    pub fn missing_credentials() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            9106,
            "Missing X-Auth-Key, X-Auth-Email or Authorization headers",
        )
    }

    /// 400 / 6003 with 6111 in its `error_chain`: an `Authorization` header that is not
    /// `Bearer <token>`.
    pub fn malformed_authorization() -> Self {
        let mut item = ErrorItem::new(6003, "Invalid request headers");
        item.error_chain = vec![ErrorItem::new(
            6111,
            "Invalid format for Authorization header",
        )];
        Self {
            status: StatusCode::BAD_REQUEST,
            errors: vec![item],
        }
    }

    /// 401 / 10000: a batch token that is missing or has expired, which the client should
    /// replace (the batch host's statuses are not documented; see `From<StoreError>`).
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 10000, "Authentication error")
    }

    /// 403 / 10000: credentials that are well-formed but not accepted.
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

    /// The refusal as the direct-upload URL (`upload.imagedelivery.net`) gives it: plain text,
    /// `ERROR <code>: <message>`, with the same status (third-party client code matches
    /// `text.includes("ERROR 5455:")`; docs/api-notes.md#errors-and-codes).
    pub fn plain_text(self) -> Response {
        let body = format!("ERROR {}: {}", self.code(), self.message());
        (
            self.status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
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
        write!(f, "{} {}: {}", self.status, self.code(), self.message())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = json!({
            "success": false,
            "errors": self.errors,
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
            (r.status.as_u16(), r.code())
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

    fn body(r: Refusal) -> (u16, serde_json::Value) {
        (r.status.as_u16(), json!({ "errors": r.errors }))
    }

    #[test]
    fn an_error_chain_is_sent_only_where_there_is_one() {
        let (status, v) = body(Refusal::malformed_authorization());
        assert_eq!(status, 400);
        assert_eq!(
            v["errors"],
            json!([{"code": 6003, "message": "Invalid request headers", "error_chain": [
                {"code": 6111, "message": "Invalid format for Authorization header"}
            ]}])
        );
        let (_, v) = body(Refusal::missing_credentials());
        assert!(v["errors"][0].get("error_chain").is_none());
    }

    #[test]
    fn a_bad_identifier_is_two_errors() {
        let (status, v) = body(Refusal::bad_identifier("/accounts/x/images/v1"));
        assert_eq!(status, 400);
        let codes: Vec<u64> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_u64().unwrap())
            .collect();
        assert_eq!(codes, [7003, 7000]);
        assert_eq!(
            v["errors"][0]["message"],
            "Could not route to /accounts/x/images/v1, perhaps your object identifier is invalid?"
        );
    }
}
