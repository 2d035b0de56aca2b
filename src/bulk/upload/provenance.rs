//! Whether the image stored under a custom id is the one an upload sent: the proof a 409 after
//! a lost answer needs before it may count as our own upload.
//!
//! The API has no overwrite and no idempotency key, so a repeat of an upload whose answer was
//! lost meets a 409 whether the first attempt stored the image or someone else's image held
//! the id all along. Only what the API tells about the stored image can tell the two apart, and
//! each of these must agree with what was sent:
//!
//! - the upload time: not before the attempt started. The API gives it to the millisecond, so
//!   our start is cut to the same precision (a same-millisecond image is not "earlier"). No
//!   allowance is made for a client clock running ahead of Cloudflare's: the time a request
//!   takes to arrive already covers small differences, and any allowance would widen the window
//!   in which an image stored just before the run passes as ours. A clock far ahead makes our
//!   own image look older, which is reported `unknown`: a check, never a wrong `uploaded`.
//! - the file name the file part carried (for a URL, the last segment of its path: the API does
//!   not document what it names such an image; if it is something else, the result is
//!   `unknown`, never a wrong `uploaded`);
//! - the metadata, creator and `requireSignedURLs` sent (none sent: none or empty stored);
//! - and it is an image, not a direct-upload draft.

use jiff::Timestamp;
use serde_json::Value;

use crate::api::images::{Image, UploadRequest, UploadSource};

/// The Image object's `filename` holds at most this many characters.
const MAX_FILENAME_CHARS: usize = 255;

/// `Ok` when `image` is provably what `sent` stored in an attempt that began at `started`;
/// otherwise why not, as a phrase ("its file name is …").
pub fn check(image: &Image, sent: &UploadRequest, started: Timestamp) -> Result<(), String> {
    if image.draft == Some(true) {
        return Err("it is a direct-upload draft, not an uploaded image".into());
    }
    let uploaded = image
        .uploaded
        .as_deref()
        .ok_or("the API gave no upload time to compare")?;
    let at: Timestamp = uploaded
        .parse()
        .map_err(|_| format!("its upload time {uploaded:?} cannot be read"))?;
    let started = floor(started, fraction_digits(uploaded));
    if at < started {
        return Err(format!(
            "it was uploaded at {uploaded}, before this upload started ({started})"
        ));
    }
    let expected = sent_file_name(&sent.source)
        .ok_or("the file name the API gives an image fetched from this URL is not known")?;
    let expected: String = expected.chars().take(MAX_FILENAME_CHARS).collect();
    match image.filename.as_deref() {
        Some(name) if name == expected => {}
        Some(name) => return Err(format!("its file name is {name:?}, not {expected:?}")),
        None => return Err("it has no file name".into()),
    }
    let meta_matches = match (&sent.metadata, &image.meta) {
        (None, None | Some(Value::Null)) => true,
        (None, Some(Value::Object(stored))) => stored.is_empty(),
        (Some(sent), Some(Value::Object(stored))) => sent == stored,
        (Some(sent), None | Some(Value::Null)) => sent.is_empty(),
        _ => false,
    };
    if !meta_matches {
        return Err("its metadata differs from the metadata sent".into());
    }
    let stored_creator = image.creator.as_deref().filter(|c| !c.is_empty());
    let sent_creator = sent.creator.as_deref().filter(|c| !c.is_empty());
    if stored_creator != sent_creator {
        return Err(format!(
            "its creator is {}, not {}",
            describe(stored_creator),
            describe(sent_creator)
        ));
    }
    if image.require_signed_urls != sent.require_signed_urls {
        return Err(if image.require_signed_urls {
            "it requires signed URLs, and this upload did not ask for that".into()
        } else {
            "it does not require signed URLs, and this upload asked for that".into()
        });
    }
    Ok(())
}

fn describe(creator: Option<&str>) -> String {
    creator.map_or_else(|| "unset".to_string(), |c| format!("{c:?}"))
}

/// The file name the upload carried: the file part's own, or for a URL its last path segment.
fn sent_file_name(source: &UploadSource) -> Option<String> {
    match source {
        UploadSource::File { file_name, .. }
        | UploadSource::Bytes { file_name, .. }
        | UploadSource::Stream { file_name, .. } => Some(file_name.clone()),
        UploadSource::Url(url) => {
            let url = reqwest::Url::parse(url).ok()?;
            let last = url.path_segments()?.next_back()?;
            let name = percent_encoding::percent_decode_str(last)
                .decode_utf8_lossy()
                .into_owned();
            (!name.is_empty()).then_some(name)
        }
    }
}

/// How many digits of a second an RFC 3339 time gives (`…:09.559Z` → 3, `…:09Z` → 0).
fn fraction_digits(time: &str) -> u32 {
    let Some((_, after_seconds)) = time.split_once('.') else {
        return 0;
    };
    after_seconds
        .chars()
        .take_while(char::is_ascii_digit)
        .count()
        .min(9) as u32
}

/// `time` cut down to `digits` digits of a second.
fn floor(time: Timestamp, digits: u32) -> Timestamp {
    let unit = 10i128.pow(9 - digits.min(9));
    let ns = time.as_nanosecond();
    Timestamp::from_nanosecond(ns - ns.rem_euclid(unit)).unwrap_or(time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, json};

    fn sent(file_name: &str) -> UploadRequest {
        UploadRequest::new(UploadSource::Bytes {
            data: Vec::new().into(),
            file_name: file_name.to_string(),
            content_type: "image/png".into(),
        })
    }

    fn image(filename: &str, uploaded: &str) -> Image {
        serde_json::from_value(json!({
            "id": "shared/logo",
            "filename": filename,
            "uploaded": uploaded,
            "requireSignedURLs": false,
            "variants": [],
        }))
        .unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn our_own_image_passes() {
        let started = at("2026-01-01T12:00:00.1234Z");
        // Stored in the same millisecond the attempt began: the API's precision cannot say
        // it is earlier.
        let ours = image("logo.png", "2026-01-01T12:00:00.123Z");
        assert_eq!(check(&ours, &sent("logo.png"), started), Ok(()));
        // A time given in whole seconds is compared in whole seconds.
        let coarse = image("logo.png", "2026-01-01T12:00:00Z");
        assert_eq!(check(&coarse, &sent("logo.png"), started), Ok(()));
    }

    #[test]
    fn an_image_stored_before_the_attempt_is_not_ours() {
        let started = at("2026-01-01T12:00:00.500Z");
        let older = image("logo.png", "2026-01-01T12:00:00.499Z");
        let why = check(&older, &sent("logo.png"), started).unwrap_err();
        assert!(why.contains("before this upload started"), "{why}");
        let unreadable = image("logo.png", "yesterday");
        assert!(check(&unreadable, &sent("logo.png"), started).is_err());
        let mut no_time = image("logo.png", "2026-01-01T12:00:01Z");
        no_time.uploaded = None;
        assert!(check(&no_time, &sent("logo.png"), started).is_err());
    }

    #[test]
    fn another_file_name_is_not_ours() {
        let started = at("2026-01-01T12:00:00Z");
        let other = image("photo.jpg", "2026-01-01T12:00:01.000Z");
        let why = check(&other, &sent("logo.png"), started).unwrap_err();
        assert_eq!(why, r#"its file name is "photo.jpg", not "logo.png""#);
    }

    #[test]
    fn metadata_creator_and_privacy_must_match_what_was_sent() {
        let started = at("2026-01-01T12:00:00Z");
        let later = "2026-01-01T12:00:01.000Z";
        let mut request = sent("logo.png");
        let mut meta = Map::new();
        meta.insert("team".into(), json!("web"));
        request.metadata = Some(meta.clone());
        request.creator = Some("ci".into());

        let mut stored = image("logo.png", later);
        stored.meta = Some(Value::Object(meta.clone()));
        stored.creator = Some("ci".into());
        assert_eq!(check(&stored, &request, started), Ok(()));

        let mut other_meta = stored.clone();
        other_meta.meta = Some(json!({"team": "infra"}));
        assert!(check(&other_meta, &request, started).is_err());
        let mut no_meta = stored.clone();
        no_meta.meta = None;
        assert!(check(&no_meta, &request, started).is_err());

        let mut other_creator = stored.clone();
        other_creator.creator = Some("someone".into());
        let why = check(&other_creator, &request, started).unwrap_err();
        assert!(why.contains("creator"), "{why}");

        let mut private = stored.clone();
        private.require_signed_urls = true;
        assert!(check(&private, &request, started).is_err());

        // Nothing sent: nothing (or an empty object) stored.
        let plain = sent("logo.png");
        let mut empty = image("logo.png", later);
        empty.meta = Some(json!({}));
        assert_eq!(check(&empty, &plain, started), Ok(()));
        assert!(check(&stored, &plain, started).is_err());
    }

    #[test]
    fn a_draft_is_never_ours() {
        let mut draft = image("logo.png", "2026-01-01T12:00:01.000Z");
        draft.draft = Some(true);
        assert!(check(&draft, &sent("logo.png"), at("2026-01-01T12:00:00Z")).is_err());
    }

    #[test]
    fn url_uploads_are_named_by_the_last_path_segment() {
        let started = at("2026-01-01T12:00:00Z");
        let later = "2026-01-01T12:00:01.000Z";
        let by_url = UploadRequest::new(UploadSource::Url(
            "https://example.com/img/a%20cat.png?size=2".into(),
        ));
        assert_eq!(check(&image("a cat.png", later), &by_url, started), Ok(()));
        assert!(check(&image("other.png", later), &by_url, started).is_err());
        // A URL without a file name cannot be matched at all.
        let bare = UploadRequest::new(UploadSource::Url("https://example.com/".into()));
        assert!(check(&image("", later), &bare, started).is_err());
    }

    #[test]
    fn precision_follows_the_time_given() {
        assert_eq!(fraction_digits("2026-01-01T12:00:00.559Z"), 3);
        assert_eq!(fraction_digits("2026-01-01T12:00:00Z"), 0);
        assert_eq!(fraction_digits("2026-01-01T12:00:00.5+01:00"), 1);
        let t = at("2026-01-01T12:00:00.123456789Z");
        assert_eq!(floor(t, 3), at("2026-01-01T12:00:00.123Z"));
        assert_eq!(floor(t, 0), at("2026-01-01T12:00:00Z"));
        assert_eq!(floor(t, 9), t);
    }
}
