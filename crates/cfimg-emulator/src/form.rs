//! Reading and checking the multipart forms of the upload, direct-upload and upload-URL
//! endpoints, and the field rules they share with the JSON endpoints (custom ids, metadata,
//! creator).

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use serde_json::Value;

use crate::envelope::Refusal;
use crate::model::Meta;
use crate::record::{RecordSlot, Recorder};
use crate::store::NewImage;

/// The largest image accepted: "10 MB"
/// (<https://developers.cloudflare.com/images/get-started/limits/>). Whether that means 10,000,000 or 10,485,760 bytes is unconfirmed; we take the binary
/// reading, the more lenient one.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;
/// Metadata must not exceed 1024 bytes (same page; measured as compact JSON).
pub const MAX_METADATA_BYTES: usize = 1024;
/// `creator` and custom ids: at most 1024 characters.
pub const MAX_CREATOR_CHARS: usize = 1024;
pub const MAX_ID_CHARS: usize = 1024;
/// Text parts larger than this are not plausible form values.
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// How much of a refused body is still read, so the client sees our answer instead of a reset
/// connection while it is still sending.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;

/// Which form is being read: each accepts its own set of parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// `POST images/v1`: file, url, metadata, requireSignedURLs, id, creator.
    Upload,
    /// `POST images/v2/direct_upload`: expiry, id, metadata, requireSignedURLs, creator.
    DirectUpload,
    /// The one-shot upload URL: file only.
    UploadUrl,
}

impl FormKind {
    fn allows(self, name: &str) -> bool {
        let allowed: &[&str] = match self {
            FormKind::Upload => &[
                "file",
                "url",
                "metadata",
                "requireSignedURLs",
                "id",
                "creator",
            ],
            FormKind::DirectUpload => &["expiry", "id", "metadata", "requireSignedURLs", "creator"],
            FormKind::UploadUrl => &["file"],
        };
        allowed.contains(&name)
    }
}

/// The parts of a form, read but not yet checked against the field rules.
#[derive(Debug, Default)]
pub struct RawForm {
    pub file: Option<(Option<String>, Bytes)>,
    pub texts: Vec<(String, String)>,
}

impl RawForm {
    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a multipart body. Anything that is not a well-formed form with known, unrepeated
/// part names is "Bad request: Error parsing form fields" — in particular the dotted
/// `metadata.<key>` / bracketed `metadata[<key>]` parts some SDKs send. The part names are
/// added to the request's entry in the `recorder` log as they come.
pub async fn read_form(
    req: Request,
    kind: FormKind,
    recorder: &Recorder,
) -> Result<RawForm, Refusal> {
    let slot = req.extensions().get::<RecordSlot>().copied();
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|_| Refusal::form())?;
    let mut form = RawForm::default();
    let mut error: Option<Refusal> = None;
    let mut drained = 0usize;
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                error.get_or_insert_with(Refusal::form);
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        if let Some(slot) = slot {
            recorder.add_part(slot, &name);
        }
        let seen =
            form.texts.iter().any(|(n, _)| *n == name) || (name == "file" && form.file.is_some());
        if error.is_none() && (!kind.allows(&name) || seen) {
            error = Some(Refusal::form());
        }
        if error.is_some() {
            // Keep reading (and discarding) so the answer reaches a client still sending.
            loop {
                match field.chunk().await {
                    Ok(Some(c)) => drained += c.len(),
                    Ok(None) => break,
                    Err(_) => return Err(error.unwrap_or_else(Refusal::form)),
                }
                if drained > DRAIN_LIMIT {
                    return Err(error.unwrap_or_else(Refusal::form));
                }
            }
            continue;
        }
        let is_file = name == "file";
        let limit = if is_file {
            MAX_IMAGE_BYTES
        } else {
            MAX_TEXT_BYTES
        };
        let filename = field.file_name().map(str::to_string);
        let mut buf = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(c)) => {
                    if buf.len() + c.len() > limit {
                        error = Some(if is_file {
                            Refusal::too_large()
                        } else {
                            Refusal::form()
                        });
                        drained += c.len();
                        // Drain the rest of this part.
                        while let Ok(Some(c)) = field.chunk().await {
                            drained += c.len();
                            if drained > DRAIN_LIMIT {
                                break;
                            }
                        }
                        break;
                    }
                    buf.extend_from_slice(&c);
                }
                Ok(None) => break,
                Err(_) => return Err(error.unwrap_or_else(Refusal::form)),
            }
        }
        if error.is_some() {
            continue;
        }
        if is_file {
            form.file = Some((filename, Bytes::from(buf)));
        } else {
            match String::from_utf8(buf) {
                Ok(text) => form.texts.push((name, text)),
                Err(_) => error = Some(Refusal::form()),
            }
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(form),
    }
}

/// The checked fields shared by upload and direct upload: custom id, metadata,
/// requireSignedURLs and creator.
pub fn image_fields(form: &RawForm) -> Result<NewImage, Refusal> {
    let require_signed_urls = match form.text("requireSignedURLs") {
        None => false,
        Some(v) => parse_form_bool(v)?,
    };
    let meta = form.text("metadata").map(parse_metadata).transpose()?;
    let creator = form.text("creator").map(check_creator).transpose()?;
    let custom_id = match form.text("id") {
        // An empty id part means no custom id.
        None | Some("") => None,
        Some(id) => Some(check_custom_id(id, require_signed_urls)?),
    };
    Ok(NewImage {
        custom_id,
        filename: String::new(),
        meta,
        require_signed_urls,
        creator,
    })
}

/// Booleans in forms are the text `true` or `false`, nothing else.
pub fn parse_form_bool(v: &str) -> Result<bool, Refusal> {
    match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Refusal::form()),
    }
}

/// The `metadata` part: one JSON object, at most 1024 bytes.
pub fn parse_metadata(text: &str) -> Result<Meta, Refusal> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => check_metadata(map),
        _ => Err(Refusal::bad_request(
            "Bad request: metadata must be a JSON object",
        )),
    }
}

pub fn check_metadata(map: Meta) -> Result<Meta, Refusal> {
    let size = serde_json::to_vec(&map).map(|v| v.len()).unwrap_or(0);
    if size > MAX_METADATA_BYTES {
        return Err(Refusal::bad_request(format!(
            "Bad request: metadata must not exceed {MAX_METADATA_BYTES} bytes ({size} given)"
        )));
    }
    Ok(map)
}

pub fn check_creator(c: &str) -> Result<String, Refusal> {
    if c.chars().count() > MAX_CREATOR_CHARS {
        return Err(Refusal::bad_request(format!(
            "Bad request: creator must not exceed {MAX_CREATOR_CHARS} characters"
        )));
    }
    Ok(c.to_string())
}

/// Custom id rules: at most 1024 characters, not starting or ending with `/`, not a UUID, and
/// not for an image that requires signed URLs.
pub fn check_custom_id(id: &str, require_signed_urls: bool) -> Result<String, Refusal> {
    let problem = if id.chars().count() > MAX_ID_CHARS {
        Some(format!(
            "Custom ID must not exceed {MAX_ID_CHARS} characters"
        ))
    } else if id.starts_with('/') || id.ends_with('/') {
        Some("Custom ID cannot start nor end with a /".to_string())
    } else if uuid::Uuid::parse_str(id).is_ok() {
        Some("Custom ID cannot be a UUID".to_string())
    } else if id.chars().any(char::is_control) {
        Some("Custom ID must not contain control characters".to_string())
    } else if require_signed_urls {
        Some("Images with a custom ID cannot require signed URLs".to_string())
    } else {
        None
    };
    match problem {
        Some(p) => Err(Refusal::bad_request(format!("Bad request: {p}"))),
        None => Ok(id.to_string()),
    }
}

/// Names of variants (at most 99) and signing keys (at most 20): letters and digits only. (The
/// spec's pattern for both, `^[a-zA-Z0-9]$`, evidently misses a `+`.) `refusal` words the
/// answer to a name that breaks the rule.
pub fn check_name(name: &str, max: usize, refusal: fn(&str) -> Refusal) -> Result<(), Refusal> {
    let plain =
        !name.is_empty() && name.len() <= max && name.bytes().all(|b| b.is_ascii_alphanumeric());
    if plain { Ok(()) } else { Err(refusal(name)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_id_rules() {
        assert!(check_custom_id("a/b/c.png", false).is_ok());
        assert!(check_custom_id("/a", false).is_err());
        assert!(check_custom_id("a/", false).is_err());
        assert!(check_custom_id("083eb7b2-5392-4565-b69e-aff66acddd00", false).is_err());
        assert!(check_custom_id("abc", true).is_err());
        assert!(check_custom_id(&"x".repeat(1024), false).is_ok());
        assert!(check_custom_id(&"x".repeat(1025), false).is_err());
    }

    #[test]
    fn metadata_is_one_small_object() {
        assert!(parse_metadata(r#"{"a":1}"#).is_ok());
        assert!(parse_metadata("[1]").is_err());
        assert!(parse_metadata("nope").is_err());
        let big = format!(r#"{{"a":"{}"}}"#, "x".repeat(1100));
        assert!(parse_metadata(&big).is_err());
    }

    #[test]
    fn names_are_letters_and_digits_up_to_a_length() {
        let check =
            |name: &str, max| check_name(name, max, Refusal::variant_name_not_allowed).is_ok();
        assert!(check("thumb1", 99));
        assert!(check(&"a".repeat(99), 99));
        assert!(!check(&"a".repeat(100), 99));
        assert!(check(&"k".repeat(20), 20));
        assert!(!check(&"k".repeat(21), 20));
        assert!(!check("with-dash", 99));
        assert!(!check("my_key", 20));
        assert!(!check("", 99));
    }

    #[test]
    fn form_booleans_are_text() {
        assert!(parse_form_bool("true").unwrap());
        assert!(!parse_form_bool("false").unwrap());
        assert!(parse_form_bool("1").is_err());
        assert!(parse_form_bool("True").is_err());
    }
}
