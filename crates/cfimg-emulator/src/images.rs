//! The image endpoints: upload (file or URL), details, update, delete, original bytes, and the
//! two listings (v1 by page, v2 by continuation token with metadata filters).

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, OriginalUri, Path, Request, State};
use axum::http::Uri;
use axum::http::request::Parts;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{AccountCtx, api_path};
use crate::envelope::{Refusal, Reply, ok};
use crate::filters::parse_filters;
use crate::form::{self, FormKind, MAX_IMAGE_BYTES};
use crate::query;
use crate::sniff::sniff;
use crate::state::SharedState;
use crate::store::{ImagePatch, ListFilter, NewRecord, Original};

/// The image id path parameter (axum has already percent-decoded it: `a%2Fb` is `a/b`).
#[derive(Deserialize)]
struct ImageIdParam {
    image_id: String,
}

/// The image a path names, percent-decoded. An id that no image can have cannot be routed, and
/// is refused as the API refuses a bad identifier (400, 7003 and 7000): one that does not
/// decode to UTF-8, or breaks the rules every id keeps (see [`form::addressable_id`]).
pub struct ImageId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ImageId {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Refusal> {
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map_or_else(|| parts.uri.path().to_string(), |o| o.path().to_string());
        let unroutable = || Refusal::bad_identifier(api_path(&path));
        let Path(p) = Path::<ImageIdParam>::from_request_parts(parts, state)
            .await
            .map_err(|_| unroutable())?;
        if !form::addressable_id(&p.image_id) {
            return Err(unroutable());
        }
        Ok(ImageId(p.image_id))
    }
}

/// Filenames are at most 255 characters in the Image object.
const MAX_FILENAME_CHARS: usize = 255;

pub fn clip_filename(name: &str) -> String {
    name.chars().take(MAX_FILENAME_CHARS).collect()
}

/// The largest image area the API takes: 100 megapixels
/// (<https://developers.cloudflare.com/images/get-started/limits/>).
const MAX_PIXELS: u64 = 100_000_000;

/// Checks uploaded bytes: at most 10 MB, of a format the API accepts (told by the bytes, not
/// by the content type the client declared), of at most 100 megapixels where the header tells
/// the size (an SVG has none; an animation's frames are not added up).
pub fn check_image_bytes(bytes: Bytes) -> Result<Original, Refusal> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Refusal::too_large());
    }
    let content_type = sniff(&bytes).ok_or_else(Refusal::unaccepted_type)?;
    if let Ok(size) = imagesize::blob_size(&bytes) {
        let (width, height) = (size.width as u64, size.height as u64);
        if width.saturating_mul(height) > MAX_PIXELS {
            return Err(Refusal::too_many_pixels(width, height));
        }
    }
    Ok(Original {
        bytes,
        content_type,
    })
}

/// `POST images/v1`
pub async fn upload(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    req: Request,
) -> Reply {
    let form = form::read_form(req, FormKind::Upload, &st.recorder).await?;
    let mut new = form::image_fields(&form)?;
    let (filename, bytes) = match (&form.file, form.text("url")) {
        (Some((name, bytes)), None) => (name.clone().unwrap_or_default(), bytes.clone()),
        (None, Some(url)) => fetch_url(&st, url).await?,
        // What the API answers here is unconfirmed; the docs call the two mutually exclusive
        // (https://developers.cloudflare.com/images/upload-images/upload-url/).
        (Some(_), Some(_)) => {
            return Err(Refusal::bad_request(
                "Bad request: send either a file or a url, not both",
            ));
        }
        (None, None) => {
            return Err(Refusal::bad_request(
                "Bad request: a file or a url to upload is required",
            ));
        }
    };
    let original = check_image_bytes(bytes)?;
    new.filename = clip_filename(&filename);
    let image = NewRecord::Image {
        image: new,
        original,
    };
    let rec = st.store.insert(&account, image, jiff::Timestamp::now())?;
    Ok(ok(st.store.render(&account, &rec, &st.origin)))
}

/// Fetches an image for an upload by URL. Whatever keeps the image from being fetched (a URL
/// that is not http or https, an origin that cannot be reached or answers an error) is 5454.
async fn fetch_url(st: &SharedState, url: &str) -> Result<(String, Bytes), Refusal> {
    let parsed = reqwest::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| Refusal::fetch_failed("the url must be an http or https URL"))?;
    let fetch_failed = |why: String| Refusal::fetch_failed(&why);
    let mut resp = st
        .http
        .get(parsed.clone())
        .send()
        .await
        .map_err(|e| fetch_failed(e.to_string()))?;
    if !resp.status().is_success() {
        return Err(fetch_failed(format!(
            "the origin answered {}",
            resp.status()
        )));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp
        .chunk()
        .await
        .map_err(|e| fetch_failed(e.to_string()))?
    {
        if body.len() + chunk.len() > MAX_IMAGE_BYTES {
            return Err(Refusal::too_large());
        }
        body.extend_from_slice(&chunk);
    }
    let filename = parsed
        .path_segments()
        .and_then(|mut s| s.next_back())
        .map(|s| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default();
    Ok((filename, Bytes::from(body)))
}

/// `GET images/v1/{image_id}`
pub async fn get(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    ImageId(id): ImageId,
) -> Reply {
    let rec = st
        .store
        .get(&account, &id, jiff::Timestamp::now())
        .ok_or_else(Refusal::image_not_found)?;
    Ok(ok(st.store.render(&account, &rec, &st.origin)))
}

/// `PATCH images/v1/{image_id}` with a JSON body of optional `metadata`, `requireSignedURLs`,
/// `creator`.
pub async fn patch(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    ImageId(id): ImageId,
    body: Bytes,
) -> Reply {
    let value: Value = serde_json::from_slice(&body)
        .map_err(|_| Refusal::bad_request("Bad request: the body must be a JSON object"))?;
    let Value::Object(obj) = value else {
        return Err(Refusal::bad_request(
            "Bad request: the body must be a JSON object",
        ));
    };
    let mut patch = ImagePatch::default();
    match obj.get("metadata") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => patch.meta = Some(form::check_metadata(m.clone())?),
        Some(_) => {
            return Err(Refusal::bad_request(
                "Bad request: metadata must be a JSON object",
            ));
        }
    }
    match obj.get("requireSignedURLs") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => patch.require_signed_urls = Some(*b),
        Some(_) => {
            return Err(Refusal::bad_request(
                "Bad request: requireSignedURLs must be a boolean",
            ));
        }
    }
    match obj.get("creator") {
        None | Some(Value::Null) => {}
        Some(Value::String(c)) => patch.creator = Some(form::check_creator(c)?),
        Some(_) => {
            return Err(Refusal::bad_request(
                "Bad request: creator must be a string",
            ));
        }
    }
    let rec = st
        .store
        .patch(&account, &id, patch, jiff::Timestamp::now())?;
    Ok(ok(st.store.render(&account, &rec, &st.origin)))
}

/// `DELETE images/v1/{image_id}`: the body (the spec asks for an empty JSON one) is ignored.
pub async fn delete(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    ImageId(id): ImageId,
) -> Reply {
    st.store.delete(&account, &id, jiff::Timestamp::now())?;
    Ok(ok(json!({})))
}

/// `GET images/v1/{image_id}/blob`: the original bytes with the image's own content type.
pub async fn blob(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    ImageId(id): ImageId,
) -> Reply {
    let (rec, blob) = st
        .store
        .get_blob(&account, &id)
        .ok_or_else(Refusal::image_not_found)?;
    let bytes = blob.read().await?;
    Ok(st.faults.image_body(bytes, &rec.content_type))
}

/// The parameters of a listing's query, and its `per_page`, which both listings take: a
/// number from 10 to 10000, default 1000.
fn listing_query(uri: &Uri) -> Result<(Vec<(String, String)>, usize), Refusal> {
    let pairs = query::pairs(uri.query());
    let per_page = match query::get(&pairs, "per_page") {
        None => 1000,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (10..=10_000).contains(n))
            .ok_or_else(|| {
                Refusal::bad_request(format!(
                    "Bad request: per_page must be a number between 10 and 10000, got '{v}'"
                ))
            })?,
    };
    Ok((pairs, per_page))
}

/// `GET images/v1` (deprecated): `page`, `per_page`, `creator`; result `{images}` only.
pub async fn list_v1(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    uri: Uri,
) -> Reply {
    let (pairs, per_page) = listing_query(&uri)?;
    let page = match query::get(&pairs, "page") {
        None => 1,
        Some(v) => v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| {
            Refusal::bad_request(format!(
                "Bad request: page must be a number of at least 1, got '{v}'"
            ))
        })?,
    };
    let all = |_: Option<&crate::model::Meta>| true;
    let filter = ListFilter {
        creator: query::get(&pairs, "creator"),
        meta: &all,
    };
    let offset = (page - 1).saturating_mul(per_page);
    let images = st
        .store
        .list_page(&account, offset, per_page, &filter, &st.origin);
    Ok(ok(json!({ "images": images })))
}

/// `GET images/v2`: cursor pages, newest first by default, with metadata filters.
pub async fn list_v2(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    uri: Uri,
) -> Reply {
    let (pairs, per_page) = listing_query(&uri)?;
    let descending = match query::get(&pairs, "sort_order") {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(other) => {
            return Err(Refusal::bad_request(format!(
                "Bad request: sort_order must be asc or desc, got '{other}'"
            )));
        }
    };
    let after = match query::get(&pairs, "continuation_token") {
        None | Some("") => None,
        Some(t) => Some(decode_token(t)?),
    };
    let filters = parse_filters(&pairs)?;
    let meta = |m: Option<&crate::model::Meta>| filters.iter().all(|f| f.matches(m));
    let filter = ListFilter {
        creator: query::get(&pairs, "creator"),
        meta: &meta,
    };
    let (images, next) = st
        .store
        .list_after(&account, descending, after, per_page, &filter, &st.origin);
    Ok(ok(json!({
        "images": images,
        "continuation_token": next.map(encode_token),
    })))
}

/// The continuation token: an opaque 12-character string holding the position (the sequence
/// number of the last image returned) and a check byte against made-up tokens.
fn encode_token(seq: u64) -> String {
    let mut bytes = [0u8; 9];
    bytes[..8].copy_from_slice(&seq.to_be_bytes());
    bytes[8] = check_byte(&bytes[..8]);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn decode_token(t: &str) -> Result<u64, Refusal> {
    let invalid = || Refusal::bad_request("Bad request: invalid continuation_token");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(t)
        .map_err(|_| invalid())?;
    if bytes.len() != 9 || bytes[8] != check_byte(&bytes[..8]) {
        return Err(invalid());
    }
    let mut seq = [0u8; 8];
    seq.copy_from_slice(&bytes[..8]);
    Ok(u64::from_be_bytes(seq))
}

fn check_byte(b: &[u8]) -> u8 {
    b.iter()
        .fold(0xA5u8, |acc, x| acc.rotate_left(3) ^ x.wrapping_mul(31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_stay_short() {
        for seq in [0, 1, 42, u64::MAX] {
            let t = encode_token(seq);
            assert!(t.len() <= 32);
            assert_eq!(decode_token(&t).unwrap(), seq);
        }
        assert!(decode_token("garbage!").is_err());
        assert!(decode_token("AAAAAAAAAAAA").is_err());
    }
}
