//! Image delivery: `GET /cdn-cgi/imagedelivery/{account_hash}/{image_id...}/{variant}`, as on a
//! custom domain
//! (<https://developers.cloudflare.com/images/optimization/hosted-images/serve-from-custom-domains/>).
//!
//! A request is answered in steps: find what the URL names (account, variant, image), check
//! access (signed URLs for private images, in `signature`), then serve the image's bytes. The
//! variant is known when the bytes are served, so that step is where its options apply; today
//! the original is served as stored. Refusals are the edge's plain-text answers, not the API's
//! JSON envelope.

mod signature;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::state::SharedState;

pub const DELIVERY_PREFIX: &str = "/cdn-cgi/imagedelivery/";

/// What a delivery path names. The image id may hold slashes, so the variant is the last
/// segment and the id everything between the account hash and it.
struct Target<'a> {
    hash: &'a str,
    /// Percent-decoded (`%25` is `%`).
    id: String,
    variant: &'a str,
}

fn target(path: &str) -> Option<Target<'_>> {
    let rest = path.strip_prefix(DELIVERY_PREFIX)?;
    let (hash, id_and_variant) = rest.split_once('/')?;
    let (raw_id, variant) = id_and_variant.rsplit_once('/')?;
    let id = percent_decode_str(raw_id).decode_utf8_lossy().into_owned();
    Some(Target { hash, id, variant })
}

/// Why delivery refuses, each answered as the edge does: plain text, `ERROR <code>: …`.
#[derive(Debug, PartialEq, Eq)]
enum EdgeRefusal {
    /// No such account, variant or image.
    NotFound,
    /// A private image without a valid signature. The edge's answer to a missing, bad or
    /// expired signature is unconfirmed; the documented delivery error for it is 9425 "Image
    /// access denied" with status 403
    /// (<https://developers.cloudflare.com/images/reference/errors/>), sent with the `Cf-Resized` header the edge uses for its errors.
    AccessDenied,
    /// The emulator could not read the stored bytes.
    Storage,
}

impl IntoResponse for EdgeRefusal {
    fn into_response(self) -> Response {
        let (status, body, cf_resized) = match self {
            EdgeRefusal::NotFound => (StatusCode::NOT_FOUND, "ERROR 9404: Image not found", None),
            EdgeRefusal::AccessDenied => (
                StatusCode::FORBIDDEN,
                "ERROR 9425: Image access denied",
                Some("err=9425"),
            ),
            EdgeRefusal::Storage => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "ERROR: storage failure",
                None,
            ),
        };
        let mut r = (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response();
        if let Some(value) = cf_resized {
            r.headers_mut()
                .insert("cf-resized", HeaderValue::from_static(value));
        }
        r
    }
}

pub async fn deliver(State(st): State<SharedState>, req: Request) -> Response {
    match serve(&st, req.uri()).await {
        Ok(r) => r,
        Err(refusal) => refusal.into_response(),
    }
}

async fn serve(st: &SharedState, uri: &Uri) -> Result<Response, EdgeRefusal> {
    let path = uri.path();
    let target = target(path).ok_or(EdgeRefusal::NotFound)?;
    let account = st
        .store
        .account_for_hash(target.hash)
        .ok_or(EdgeRefusal::NotFound)?;
    let variant = st
        .store
        .variant(&account, target.variant)
        .map_err(|_| EdgeRefusal::NotFound)?;
    let (rec, blob) = st
        .store
        .get_blob(&account, &target.id)
        .ok_or(EdgeRefusal::NotFound)?;
    if rec.require_signed_urls && !variant.never_require_signed_urls {
        let keys: Vec<String> = st
            .store
            .keys(&account)
            .into_iter()
            .map(|k| k.value)
            .collect();
        // The URL as on imagedelivery.net, without the custom-domain prefix.
        let short_path = path
            .strip_prefix(DELIVERY_PREFIX.trim_end_matches('/'))
            .unwrap_or(path);
        let now = jiff::Timestamp::now().as_second();
        if !signature::signed_ok(path, short_path, uri.query(), &keys, now) {
            return Err(EdgeRefusal::AccessDenied);
        }
    }
    let bytes = blob.read().await.map_err(|_| EdgeRefusal::Storage)?;
    Ok(st.faults.image_body(bytes, &rec.content_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_may_hold_slashes_and_the_variant_is_last() {
        let t = target("/cdn-cgi/imagedelivery/HASH/a/b%25c/thumb").unwrap();
        assert_eq!(
            (t.hash, t.id.as_str(), t.variant),
            ("HASH", "a/b%c", "thumb")
        );
        assert!(target("/cdn-cgi/imagedelivery/HASH/only-one").is_none());
        assert!(target("/cdn-cgi/imagedelivery/HASH").is_none());
    }
}
