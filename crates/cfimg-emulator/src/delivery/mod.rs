//! Image delivery, in both of the edge's URL forms (docs/api-notes.md#delivery-urls):
//! `GET /<hash>/<id>/<variant>` at the emulator's root, as on `imagedelivery.net`, and
//! `GET /cdn-cgi/imagedelivery/<hash>/<id>/<variant>`, as on a zone. In place of the variant
//! name, flexible-variant options (`w=200,h=100,fit=cover`) once the account enables them.
//!
//! A request is answered in steps: find what the URL names (account, image, variant or
//! options), check access (signed URLs for private images, in `signature`), then deliver the
//! variant: rendered by `transform` (in the render cache after its first request), or the
//! stored bytes where nothing is transformed (SVG, AVIF, animations kept as they are).
//! Refusals are the edge's plain-text answers with a `Cf-Resized: err=<code>` header, not the
//! API's JSON envelope.

mod flexible;
mod signature;
mod target;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::model::{AccountSettings, ImageRecord, Variant};
use crate::render_cache::{RenderKey, Rendition};
use crate::state::SharedState;
use crate::store::Blob;
use crate::transform::{self, Format, FormatRequest, Options, Outcome, TransformError};

pub use signature::sign;
pub use target::ZONE_PREFIX as DELIVERY_PREFIX;

/// The header that names flexible-variant options accepted but not applied.
pub const NOT_APPLIED_HEADER: &str = "cfimg-not-applied";

/// Why delivery refuses, each answered as the edge does: plain text, `ERROR <code>: …`, with
/// `Cf-Resized: err=<code>` (<https://developers.cloudflare.com/images/reference/troubleshooting/>).
#[derive(Debug, PartialEq, Eq)]
enum EdgeRefusal {
    /// No such account, variant or image.
    NotFound,
    /// A private image without a valid signature, or asked for through flexible options. The
    /// edge's answer to a missing, bad or expired signature is unconfirmed; the documented
    /// delivery error for it is 9425 "Image access denied" with status 403.
    AccessDenied,
    /// Flexible options while the account has flexible variants off: 403 with
    /// `Cf-Resized: err=9429` (docs/api-notes.md#errors-and-codes).
    FlexibleDisabled,
    /// Flexible options that are unknown or bad: 9401. The status (400) is the emulator's choice.
    BadOptions(String),
    /// Over 100 megapixels or 12,000 px a side: 9413. The status (413) is the emulator's choice.
    TooLarge,
    /// Bytes that do not decode: 9523. The status (415) is the emulator's choice.
    Undecodable,
    /// The emulator could not read the stored bytes.
    Storage,
}

impl IntoResponse for EdgeRefusal {
    fn into_response(self) -> Response {
        let (status, code, body) = match self {
            EdgeRefusal::NotFound => (
                StatusCode::NOT_FOUND,
                None,
                "ERROR 9404: Image not found".to_string(),
            ),
            EdgeRefusal::AccessDenied => (
                StatusCode::FORBIDDEN,
                Some("err=9425"),
                "ERROR 9425: Image access denied".to_string(),
            ),
            EdgeRefusal::FlexibleDisabled => (
                StatusCode::FORBIDDEN,
                Some("err=9429"),
                "ERROR 9429: Flexible variants are not enabled for this account".to_string(),
            ),
            EdgeRefusal::BadOptions(why) => (
                StatusCode::BAD_REQUEST,
                Some("err=9401"),
                format!("ERROR 9401: Invalid or missing options: {why}"),
            ),
            EdgeRefusal::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                Some("err=9413"),
                "ERROR 9413: Image exceeds the maximum area of 100 megapixels".to_string(),
            ),
            EdgeRefusal::Undecodable => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Some("err=9523"),
                "ERROR 9523: The image could not be decoded".to_string(),
            ),
            EdgeRefusal::Storage => (
                StatusCode::INTERNAL_SERVER_ERROR,
                None,
                "ERROR: storage failure".to_string(),
            ),
        };
        let mut r = (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response();
        if let Some(value) = code {
            r.headers_mut()
                .insert("cf-resized", HeaderValue::from_static(value));
        }
        r
    }
}

impl From<TransformError> for EdgeRefusal {
    fn from(e: TransformError) -> Self {
        match e {
            TransformError::TooLarge => EdgeRefusal::TooLarge,
            TransformError::Undecodable(_) => EdgeRefusal::Undecodable,
        }
    }
}

/// What delivery reads of a request: taken out of it, so nothing borrows the request (whose
/// body cannot be shared between threads) while the answer is prepared.
struct Asked {
    path: String,
    query: Option<String>,
    accept: Option<String>,
}

impl Asked {
    fn of(req: &Request) -> Self {
        Asked {
            path: req.uri().path().to_string(),
            query: req.uri().query().map(str::to_string),
            accept: req
                .headers()
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
        }
    }
}

/// The zone form's route.
pub async fn deliver(State(st): State<SharedState>, req: Request) -> Response {
    let asked = Asked::of(&req);
    answer(&st, target::zone(&asked.path), &asked).await
}

/// The `imagedelivery.net` form, at the root: a GET whose first segment is the hash of an
/// account the emulator holds is delivery; anything else goes on to the API's routes (whose
/// paths never start with a 22-character hash).
pub async fn root_form(State(st): State<SharedState>, req: Request, next: Next) -> Response {
    let is_get = req.method() == Method::GET || req.method() == Method::HEAD;
    let known = is_get
        && target::root_hash(req.uri().path())
            .is_some_and(|h| st.store.account_for_hash(h).is_some());
    if !known {
        return next.run(req).await;
    }
    let asked = Asked::of(&req);
    drop(req);
    // The delivery routes' faults: latency only (truncation happens in the body).
    if !st.faults.latency().is_zero() {
        tokio::time::sleep(st.faults.latency()).await;
    }
    answer(&st, target::root(&asked.path), &asked).await
}

async fn answer(st: &SharedState, target: Option<target::Target<'_>>, asked: &Asked) -> Response {
    match serve(st, target, asked).await {
        Ok(r) => r,
        Err(refusal) => refusal.into_response(),
    }
}

/// The box of the gallery's thumbnails, in pixels.
pub const THUMBNAIL_SIDE: u32 = 240;

/// A stored image as a gallery thumbnail: `scale-down` into a [`THUMBNAIL_SIDE`] box, rendered
/// and cached as variants are, whatever the image's access rules (the gallery shows every
/// image the emulator holds).
pub async fn thumbnail(
    st: &SharedState,
    account: &str,
    id: &str,
    accept: Option<&str>,
) -> Response {
    let Some((rec, blob)) = st.store.get_blob(account, id) else {
        return EdgeRefusal::NotFound.into_response();
    };
    let d = Delivery {
        account: account.to_string(),
        rec,
        blob,
        options: Options {
            fit: transform::Fit::ScaleDown,
            width: Some(THUMBNAIL_SIDE),
            height: Some(THUMBNAIL_SIDE),
            metadata: transform::Metadata::None,
            quality: None,
            format: FormatRequest::Negotiate,
        },
        not_applied: Vec::new(),
        // The same id may hold other bytes after a delete and an upload: always ask again.
        cache_control: "no-cache".to_string(),
    };
    match render(st, &d, accept).await {
        Ok(mut r) => {
            set(r.headers_mut(), header::CACHE_CONTROL, &d.cache_control);
            r
        }
        Err(refusal) => refusal.into_response(),
    }
}

/// What a request asks for, once found and allowed.
struct Delivery {
    account: String,
    rec: ImageRecord,
    blob: Blob,
    options: Options,
    not_applied: Vec<String>,
    cache_control: String,
}

async fn serve(
    st: &SharedState,
    target: Option<target::Target<'_>>,
    asked: &Asked,
) -> Result<Response, EdgeRefusal> {
    let target = target.ok_or(EdgeRefusal::NotFound)?;
    let delivery = find(st, &target, asked)?;
    let mut response = render(st, &delivery, asked.accept.as_deref()).await?;
    let headers = response.headers_mut();
    set(headers, header::CACHE_CONTROL, &delivery.cache_control);
    if !delivery.not_applied.is_empty() {
        set(headers, NOT_APPLIED_HEADER, &delivery.not_applied.join(","));
    }
    Ok(response)
}

fn set(headers: &mut HeaderMap, name: impl header::IntoHeaderName, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        headers.insert(name, v);
    }
}

/// Finds the account, image and options, and checks access.
fn find(
    st: &SharedState,
    target: &target::Target<'_>,
    asked: &Asked,
) -> Result<Delivery, EdgeRefusal> {
    let account = st
        .store
        .account_for_hash(target.hash)
        .ok_or(EdgeRefusal::NotFound)?;
    let settings = st.store.settings(&account);
    let (options, not_applied, variant) = if flexible::is_flexible(target.variant) {
        if !settings.flexible_variants {
            return Err(EdgeRefusal::FlexibleDisabled);
        }
        let parsed = flexible::parse(target.variant).map_err(EdgeRefusal::BadOptions)?;
        (parsed.options, parsed.not_applied, None)
    } else {
        let variant = st
            .store
            .variant(&account, target.variant)
            .map_err(|_| EdgeRefusal::NotFound)?;
        (named_options(&variant), Vec::new(), Some(variant))
    };
    let (rec, blob) = st
        .store
        .get_blob(&account, &target.id)
        .ok_or(EdgeRefusal::NotFound)?;
    let cache_control = if !rec.require_signed_urls {
        public_cache_control(&settings)
    } else {
        match variant {
            // Flexible variants are never for images that require signed URLs.
            None => return Err(EdgeRefusal::AccessDenied),
            Some(v) if v.never_require_signed_urls => public_cache_control(&settings),
            Some(_) => {
                let keys: Vec<String> = st
                    .store
                    .keys(&account)
                    .into_iter()
                    .map(|k| k.value)
                    .collect();
                let now = jiff::Timestamp::now().as_second();
                let exp = signature::signed_until(&asked.path, asked.query.as_deref(), &keys, now)
                    .ok_or(EdgeRefusal::AccessDenied)?;
                // Private images ignore the browser TTL: they may be kept until the URL expires.
                format!("private, max-age={}", exp - now)
            }
        }
    };
    Ok(Delivery {
        account,
        rec,
        blob,
        options,
        not_applied,
        cache_control,
    })
}

fn public_cache_control(settings: &AccountSettings) -> String {
    format!("public, max-age={}", settings.browser_ttl)
}

/// A named variant's options. Width and height are numbers of at least 1 (checked when the
/// variant was made), taken to whole pixels and at most the API's longest side.
fn named_options(v: &Variant) -> Options {
    let side = |n: &serde_json::Number| {
        let x = n.as_f64().unwrap_or(1.0).round();
        (x.clamp(1.0, f64::from(transform::MAX_SIDE))) as u32
    };
    Options {
        fit: v.options.fit.parse().unwrap_or(transform::Fit::ScaleDown),
        width: Some(side(&v.options.width)),
        height: Some(side(&v.options.height)),
        metadata: v
            .options
            .metadata
            .parse()
            .unwrap_or(transform::Metadata::None),
        quality: None,
        format: FormatRequest::Negotiate,
    }
}

/// The variant's bytes: from the cache, rendered now, or as stored.
async fn render(
    st: &SharedState,
    d: &Delivery,
    accept: Option<&str>,
) -> Result<Response, EdgeRefusal> {
    let Some(input) = Format::readable(&d.rec.content_type) else {
        // SVG is never resized; AVIF has no codec here. Both are served as stored.
        return as_stored(st, d).await;
    };
    let output = transform::output_format(input, d.options.format, accept);
    let key = RenderKey {
        account: d.account.clone(),
        image: d.rec.key.clone(),
        options: d.options.clone(),
        output,
    };
    let rendition = match st.renders.get(&key) {
        Some(hit) => hit,
        None => {
            let rendition = render_now(st, d, input, output).await?;
            st.renders.put(key, rendition.clone());
            rendition
        }
    };
    let mut response = match rendition {
        Rendition::Rendered {
            bytes,
            content_type,
        } => st.faults.image_body(bytes, content_type),
        Rendition::AsStored => as_stored(st, d).await?,
    };
    // The format follows the Accept header unless the options fix it.
    if d.options.format == FormatRequest::Negotiate {
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Accept"));
    }
    Ok(response)
}

async fn render_now(
    st: &SharedState,
    d: &Delivery,
    input: Format,
    output: Format,
) -> Result<Rendition, EdgeRefusal> {
    // A few renderings at a time: each may hold a large decoded image.
    let _permit = st
        .renders
        .renders
        .acquire()
        .await
        .map_err(|_| EdgeRefusal::Storage)?;
    let source = d.blob.read().await.map_err(|_| EdgeRefusal::Storage)?;
    let options = d.options.clone();
    let outcome =
        tokio::task::spawn_blocking(move || transform::render(&source, input, &options, output))
            .await
            .map_err(|_| EdgeRefusal::Storage)??;
    Ok(match outcome {
        Outcome::Rendered {
            bytes,
            content_type,
        } => Rendition::Rendered {
            bytes: Bytes::from(bytes),
            content_type,
        },
        Outcome::AsStored => Rendition::AsStored,
    })
}

async fn as_stored(st: &SharedState, d: &Delivery) -> Result<Response, EdgeRefusal> {
    let bytes = d.blob.read().await.map_err(|_| EdgeRefusal::Storage)?;
    Ok(st.faults.image_body(bytes, &d.rec.content_type))
}
