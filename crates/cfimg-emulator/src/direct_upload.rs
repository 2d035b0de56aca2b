//! Direct creator uploads: the authenticated calls that create a draft and its one-time upload
//! URL (v2 multipart, v1 JSON), and the unauthenticated upload URL itself
//! (<https://developers.cloudflare.com/images/upload-images/direct-creator-upload/>).

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};

use crate::auth::AccountCtx;
use crate::envelope::{Refusal, Reply, ok};
use crate::form::{self, FormKind};
use crate::images::{check_image_bytes, clip_filename};
use crate::model::account_hash;
use crate::state::SharedState;
use crate::store::{NewImage, NewRecord, StoreError};

/// Path prefix of the upload URLs (the real ones live on `upload.imagedelivery.net`).
pub const UPLOAD_PREFIX: &str = "/direct-upload/";

/// The image id is one path segment of the upload URL: everything but unreserved characters
/// is encoded (a custom id's `/` too).
const ID_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

const DEFAULT_EXPIRY: SignedDuration = SignedDuration::from_mins(30);
const MIN_EXPIRY: SignedDuration = SignedDuration::from_mins(2);
const MAX_EXPIRY: SignedDuration = SignedDuration::from_hours(6);
/// Clients compute "now + 2 minutes" a moment before we read it; do not refuse them for that.
const CLOCK_SLACK: SignedDuration = SignedDuration::from_secs(5);

/// `expiry`: RFC 3339, from 2 minutes to 6 hours ahead, default 30 minutes.
fn parse_expiry(v: Option<&str>, now: Timestamp) -> Result<Timestamp, Refusal> {
    let Some(v) = v else {
        return Ok(now + DEFAULT_EXPIRY);
    };
    let ts: Timestamp = v.parse().map_err(|_| {
        Refusal::bad_request(format!(
            "Bad request: expiry must be an RFC 3339 date-time, got '{v}'"
        ))
    })?;
    let ahead = ts.duration_since(now);
    if ahead < MIN_EXPIRY - CLOCK_SLACK || ahead > MAX_EXPIRY {
        return Err(Refusal::bad_request(
            "Bad request: expiry must be at least 2 minutes and at most 6 hours from now",
        ));
    }
    Ok(ts)
}

fn created(st: &SharedState, account: &str, image: NewImage, expiry: Timestamp) -> Reply {
    let draft = NewRecord::Draft { image, expiry };
    let rec = st.store.insert(account, draft, Timestamp::now())?;
    let hash = account_hash(account);
    let id = utf8_percent_encode(&rec.id, ID_SEGMENT);
    Ok(ok(json!({
        "id": rec.id,
        "uploadURL": format!("{}{UPLOAD_PREFIX}{hash}/{id}", st.origin),
    })))
}

/// `POST images/v2/direct_upload` (multipart: expiry, id, metadata, requireSignedURLs, creator).
pub async fn create_v2(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    req: Request,
) -> Reply {
    let form = form::read_form(req, FormKind::DirectUpload, &st.recorder).await?;
    let new = form::image_fields(&form)?;
    let expiry = parse_expiry(form.text("expiry"), Timestamp::now())?;
    created(&st, &account, new, expiry)
}

/// `POST images/v1/direct_upload` (deprecated; optional JSON body). Its response shape is
/// unconfirmed; we answer as v2 does, `{id, uploadURL}`.
pub async fn create_v1(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    body: Bytes,
) -> Reply {
    let bad = |what: &str| Refusal::bad_request(format!("Bad request: {what}"));
    let obj = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Map::new()
    } else {
        match serde_json::from_slice(&body) {
            Ok(Value::Object(m)) => m,
            _ => return Err(bad("the body must be a JSON object")),
        }
    };
    let text = |name: &str| -> Result<Option<String>, Refusal> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad(&format!("{name} must be a string"))),
        }
    };
    let require_signed_urls = match obj.get("requireSignedURLs") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("requireSignedURLs must be a boolean")),
    };
    let meta = match obj.get("metadata") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => Some(form::check_metadata(m.clone())?),
        Some(_) => return Err(bad("metadata must be a JSON object")),
    };
    let custom_id = match text("id")? {
        None => None,
        Some(id) if id.is_empty() => None,
        Some(id) => Some(form::check_custom_id(&id, require_signed_urls)?),
    };
    let creator = text("creator")?
        .map(|c| form::check_creator(&c))
        .transpose()?;
    let expiry = parse_expiry(text("expiry")?.as_deref(), Timestamp::now())?;
    let new = NewImage {
        custom_id,
        filename: String::new(),
        meta,
        require_signed_urls,
        creator,
    };
    created(&st, &account, new, expiry)
}

/// `POST /direct-upload/{account_hash}/{image_id}`: one unauthenticated multipart upload with a
/// `file` part, answered with the image in the envelope; later (or late) attempts get 404. Its
/// refusals are plain text (`ERROR 5455: …`), as the real upload host sends them: 5455 for a
/// file of a type it does not take, 5443 for one over 100 megapixels, and the API's codes for
/// the rest (5404 for a URL that takes no more uploads, 7011, 5400).
pub async fn upload_target(State(st): State<SharedState>, req: Request) -> Response {
    match receive_upload(&st, req).await {
        Ok(answer) => answer,
        Err(refusal) => refusal.plain_text(),
    }
}

async fn receive_upload(st: &SharedState, req: Request) -> Reply {
    let path = req.uri().path().to_string();
    let rest = path.strip_prefix(UPLOAD_PREFIX).unwrap_or_default();
    let (hash, raw_id) = rest.split_once('/').unwrap_or((rest, ""));
    let id = percent_decode_str(raw_id).decode_utf8_lossy().into_owned();
    let open_draft = st
        .store
        .account_for_hash(hash)
        .filter(|_| !id.is_empty())
        .filter(|account| {
            st.store
                .get(account, &id, Timestamp::now())
                .is_some_and(|r| r.draft_expiry.is_some())
        });
    let Some(account) = open_draft else {
        // Read the body before refusing: answering while the client is still sending makes
        // it see a reset connection instead of our 404.
        let _ = axum::body::to_bytes(req.into_body(), 16 * 1024 * 1024).await;
        return Err(StoreError::UploadUrlGone.into());
    };
    let form = form::read_form(req, FormKind::UploadUrl, &st.recorder).await?;
    let Some((filename, bytes)) = form.file else {
        return Err(Refusal::bad_request(
            "Bad request: a file part named 'file' is required",
        ));
    };
    let original = check_image_bytes(bytes)?;
    let filename = clip_filename(&filename.unwrap_or_default());
    let rec = st
        .store
        .fulfill_draft(&account, &id, filename, original, Timestamp::now())?;
    Ok(ok(st.store.render(&account, &rec, &st.origin)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_window() {
        let now: Timestamp = "2024-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(parse_expiry(None, now).unwrap(), now + DEFAULT_EXPIRY);
        assert!(parse_expiry(Some("2024-01-01T00:01:00Z"), now).is_err());
        assert!(parse_expiry(Some("2024-01-01T00:02:00Z"), now).is_ok());
        assert!(parse_expiry(Some("2024-01-01T06:00:00Z"), now).is_ok());
        assert!(parse_expiry(Some("2024-01-01T06:00:01Z"), now).is_err());
        assert!(parse_expiry(Some("tomorrow"), now).is_err());
    }
}
