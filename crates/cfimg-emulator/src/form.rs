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

/// Custom id rules (docs/api-notes.md#image-ids): at most 1024 characters, not starting or
/// ending with `/`, not a UUID, not ending in a file extension that names something other than
/// an image (see [`NON_IMAGE_EXTENSIONS`]), and not for an image that requires signed URLs. Two
/// more are the emulator's own: no control characters, and no `.` or `..` segment, which URLs
/// resolve away so that no delivery URL could reach the image. A broken rule is 5411, the
/// API's code for an invalid custom id; private with a custom id is a plain bad request.
pub fn check_custom_id(id: &str, require_signed_urls: bool) -> Result<String, Refusal> {
    let rule = if id.chars().count() > MAX_ID_CHARS {
        Some("Must be 1024 characters or less".to_string())
    } else if id.starts_with('/') || id.ends_with('/') {
        Some("Must not start or end with a /".to_string())
    } else if uuid::Uuid::parse_str(id).is_ok() {
        // The API's own wording for this rule.
        Some("Must not be UUID".to_string())
    } else if id.chars().any(char::is_control) {
        Some("Must not contain control characters".to_string())
    } else if id.split('/').any(|s| s == "." || s == "..") {
        Some("Must not have . or .. as a path segment".to_string())
    } else {
        non_image_extension(id)
            .map(|ext| format!("Must not end in the non-image file extension .{ext}"))
    };
    if let Some(rule) = rule {
        return Err(Refusal::invalid_custom_id(&rule));
    }
    if require_signed_urls {
        return Err(Refusal::bad_request(
            "Bad request: Images with a custom ID cannot require signed URLs",
        ));
    }
    Ok(id.to_string())
}

/// File extensions that say a file is not an image. The API refuses custom ids that end in
/// one, `.txt` for instance (third-party error maps; which extensions it counts is not
/// published). This list is the emulator's choice: documents, text, code, archives, audio,
/// video, fonts and executables. An extension not on it (an image's, or `.v2`) is taken.
pub const NON_IMAGE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "csv", "tsv", "log", "json", "xml", "yaml", "yml", "toml", "ini", "html",
    "htm", "xhtml", "css", "js", "mjs", "cjs", "ts", "php", "asp", "aspx", "jsp", "py", "rb", "pl",
    "sh", "bat", "cmd", "ps1", "exe", "dll", "so", "bin", "msi", "apk", "dmg", "iso", "zip", "gz",
    "tgz", "bz2", "xz", "7z", "rar", "tar", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "odt", "ods", "rtf", "mp3", "wav", "ogg", "flac", "aac", "m4a", "mp4", "m4v", "mov", "avi",
    "mkv", "webm", "wmv", "flv", "woff", "woff2", "ttf", "otf", "eot", "wasm", "sql",
];

/// The extension of the id's last segment, when it is one of [`NON_IMAGE_EXTENSIONS`].
fn non_image_extension(id: &str) -> Option<&str> {
    let last = id.rsplit('/').next()?;
    let (stem, ext) = last.rsplit_once('.')?;
    (!stem.is_empty() && NON_IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
        .then_some(ext)
}

/// Whether an id in an API path could name an image at all: generated ids and custom ids both
/// keep these rules (not empty, at most 1024 characters, no `/` at either end, no control
/// character, no `.` or `..` segment). An id that breaks one is not looked up.
pub fn addressable_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && !id.starts_with('/')
        && !id.ends_with('/')
        && !id.chars().any(char::is_control)
        && !id.split('/').any(|s| s == "." || s == "..")
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
        let code = |id: &str| check_custom_id(id, false).err().map(|r| r.code());
        assert_eq!(code("a/b/c.png"), None);
        assert_eq!(code(&"x".repeat(1024)), None);
        for bad in [
            "/a",
            "a/",
            "083eb7b2-5392-4565-b69e-aff66acddd00",
            &"x".repeat(1025),
            "a\nb",
            "a/../b",
            ".",
            "notes.txt",
            "docs/Report.PDF",
        ] {
            assert_eq!(code(bad), Some(5411), "{bad:?}");
        }
        assert_eq!(check_custom_id("abc", true).unwrap_err().code(), 5400);
    }

    #[test]
    fn only_non_image_extensions_are_refused() {
        for fine in [
            "a.png",
            "a.JPG",
            "a.svg",
            "a.heic",
            "release.v2",
            "v1.2",
            "a",
            ".txt",
            "a.txt/b",
        ] {
            assert_eq!(non_image_extension(fine), None, "{fine}");
        }
        assert_eq!(non_image_extension("x/readme.txt"), Some("txt"));
        assert_eq!(non_image_extension("site.HTML"), Some("HTML"));
    }

    #[test]
    fn ids_no_image_can_have_are_not_addressable() {
        assert!(addressable_id("a/b.png"));
        assert!(addressable_id("083eb7b2-5392-4565-b69e-aff66acddd00"));
        for bad in ["", "/a", "a/", "a/./b", "..", "a\tb", &"x".repeat(1025)] {
            assert!(!addressable_id(bad), "{bad:?}");
        }
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
