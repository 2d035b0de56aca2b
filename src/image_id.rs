//! Custom image ids: the API's rules for them, and how an id is written into API and delivery URLs.

use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, utf8_percent_encode};

/// The API accepts custom ids of up to 1024 characters (docs/api-notes.md#image-ids). We count
/// Unicode characters, as Cloudflare's documentation does, not bytes.
pub const MAX_CUSTOM_ID_CHARS: usize = 1024;

/// Why a custom id cannot be used. Each message names the rule that was broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CustomIdError {
    #[error("custom id is empty; give at least one character or leave the id out")]
    Empty,
    #[error("custom id is {chars} characters long; the API allows at most {MAX_CUSTOM_ID_CHARS}")]
    TooLong { chars: usize },
    #[error("custom id {id:?} starts with '/'; remove the leading slash")]
    LeadingSlash { id: String },
    #[error("custom id {id:?} ends with '/'; remove the trailing slash")]
    TrailingSlash { id: String },
    #[error(
        "custom id {id:?} is a UUID; the API reserves UUIDs for the ids it generates, so choose another id"
    )]
    Uuid { id: String },
    #[error(
        "custom id {id:?} contains the control character U+{code:04X} at character {position}; remove it"
    )]
    ControlCharacter {
        id: String,
        code: u32,
        position: usize,
    },
    #[error(
        "custom id {id:?} has a '{segment}' segment; URLs drop '.' and '..' path segments, so its delivery URL would name another image: remove the segment"
    )]
    DotSegment { id: String, segment: &'static str },
}

/// Checks a custom id against the API's rules (docs/api-notes.md#image-ids) before anything is
/// sent, so the user hears about a bad id at once instead of after an upload fails.
pub fn validate_custom_id(id: &str) -> Result<(), CustomIdError> {
    if id.is_empty() {
        return Err(CustomIdError::Empty);
    }
    let chars = id.chars().count();
    if chars > MAX_CUSTOM_ID_CHARS {
        return Err(CustomIdError::TooLong { chars });
    }
    // Control characters come first among the content rules: the other messages quote the id,
    // and an id with a stray newline is most likely a copy-and-paste accident.
    if let Some((position, c)) = id.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(CustomIdError::ControlCharacter {
            id: shorten(id),
            code: u32::from(c),
            position: position + 1,
        });
    }
    if id.starts_with('/') {
        return Err(CustomIdError::LeadingSlash { id: shorten(id) });
    }
    if id.ends_with('/') {
        return Err(CustomIdError::TrailingSlash { id: shorten(id) });
    }
    check_dot_segments(id)?;
    if is_uuid(id) {
        return Err(CustomIdError::Uuid { id: id.to_owned() });
    }
    Ok(())
}

/// Refuses an id with a `.` or `..` segment (`a/./b`, `../x`, `a/..`). The API may store it,
/// but every HTTP client resolves such segments away before sending (RFC 3986 §5.2.4, and
/// `%2e` counts as a dot in URL parsers too), so the image's delivery URL would reach another
/// image or none. This holds for any id, API-made or custom, wherever it goes into a URL.
pub fn check_dot_segments(id: &str) -> Result<(), CustomIdError> {
    match dot_segment(id.split('/')) {
        Some(segment) => Err(CustomIdError::DotSegment {
            id: shorten(id),
            segment,
        }),
        None => Ok(()),
    }
}

fn dot_segment<'a>(mut segments: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    segments.find_map(|s| match s {
        "." => Some("."),
        ".." => Some(".."),
        _ => None,
    })
}

/// Checks `--prefix`, which is put in front of ids as is, so that no id it starts can break a
/// rule: the prefix's own complete segments (those a `/` ends) must not be `.` or `..`, and
/// it may not start with `/` or hold a control character. Its last part joins the file's path
/// (`v1.` + `a.png` is `v1.a.png`), so it is not a segment of its own.
pub fn validate_id_prefix(prefix: &str) -> Result<(), String> {
    if let Some((position, c)) = prefix.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(format!(
            "contains the control character U+{:04X} at character {}; remove it",
            u32::from(c),
            position + 1
        ));
    }
    if prefix.starts_with('/') {
        return Err("starts with '/', and ids may not; remove the leading slash".into());
    }
    let complete = prefix.rsplit_once('/').map_or("", |(head, _)| head);
    if let Some(segment) = dot_segment(complete.split('/')) {
        return Err(format!(
            "has a '{segment}' segment; URLs drop '.' and '..' path segments, so delivery URLs would name other images: remove the segment"
        ));
    }
    let chars = prefix.chars().count();
    if chars >= MAX_CUSTOM_ID_CHARS {
        return Err(format!(
            "is {chars} characters long, leaving no room for the file's path in an id of at most {MAX_CUSTOM_ID_CHARS}"
        ));
    }
    Ok(())
}

/// Whether `s` is a UUID in the hyphenated 8-4-4-4-12 form, in any letter case.
///
/// This is the form the API generates ids in, which is why custom ids may not take it. Other
/// spellings (braces, `urn:uuid:`, no hyphens) are not ids the API could have generated, so they
/// do not count.
pub fn is_uuid(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// An id given to address an image that exists (`images get ID`, `edit`, `delete`, `blob`):
/// anything the API could have stored, except what no HTTP client can put in a path. An id
/// that is all `.` or `..` goes in as one segment that URL parsers resolve away (`%2E` too),
/// so the request would reach another route; nothing else needs refusing here.
pub fn parse_image_id(id: &str) -> Result<String, String> {
    match id {
        "" => Err("an image id cannot be empty".into()),
        "." | ".." => Err(format!(
            "'{id}' cannot be an image id: HTTP clients resolve it away as a relative path"
        )),
        _ => Ok(id.to_string()),
    }
}

/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The id as ONE fully percent-encoded path segment for API paths (docs/api-notes.md#image-ids):
/// `a/b` becomes `a%2Fb`, so a custom id with sub-paths still names one image.
pub fn api_path_segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// Characters that may not stand literally in a delivery URL path. We keep RFC 3986 `pchar`s
/// (unreserved, sub-delims, `:` and `@`) and `/`, which separates the sub-paths of a custom id,
/// and encode the rest. `%` is encoded because the delivery edge decodes the path, so a literal
/// `%` in an id must travel as `%25` (docs/api-notes.md#image-ids). Non-ASCII characters are
/// always encoded as their UTF-8 bytes.
const DELIVERY: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The id as it goes into a delivery URL (`https://imagedelivery.net/<hash>/<id>/<variant>`):
/// `/` is kept so sub-paths stay readable, while `%`, space, `?`, `#`, controls, non-ASCII and
/// other characters that cannot stand in a URL path are percent-encoded.
pub fn delivery_path(id: &str) -> String {
    utf8_percent_encode(id, DELIVERY).to_string()
}

/// Keeps error messages on one readable line even for a 1024-character id: its first 60
/// columns, and `…`.
fn shorten(id: &str) -> String {
    const KEEP: usize = 60;
    crate::text::truncate(id, KEEP + 1, crate::text::Keep::Start).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;
    use proptest::prelude::*;

    #[test]
    fn accepts_ordinary_ids() {
        for id in [
            "logo",
            "a/b",
            "products/2024/shoe-1.png",
            "ünïcødé/名前",
            "100%",
            "with space",
            &"x".repeat(MAX_CUSTOM_ID_CHARS),
            // One character short of a UUID, or with a non-hex letter, is not a UUID.
            "083eb7b2-5392-4565-b69e-aff66acddd0",
            "083eb7b2-5392-4565-b69e-aff66acddd0g",
            "083eb7b2539245654b69eaff66acddd00000",
        ] {
            assert_eq!(validate_custom_id(id), Ok(()), "{id:?}");
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // 1024 two-byte characters are 2048 bytes but still within the limit.
        let id = "é".repeat(MAX_CUSTOM_ID_CHARS);
        assert_eq!(validate_custom_id(&id), Ok(()));
        let id = "é".repeat(MAX_CUSTOM_ID_CHARS + 1);
        assert_eq!(
            validate_custom_id(&id),
            Err(CustomIdError::TooLong { chars: 1025 })
        );
    }

    #[test]
    fn rejects_each_rule_with_a_message_naming_it() {
        assert_eq!(validate_custom_id(""), Err(CustomIdError::Empty));
        let err = validate_custom_id("/a").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"custom id "/a" starts with '/'; remove the leading slash"#
        );
        let err = validate_custom_id("a/").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"custom id "a/" ends with '/'; remove the trailing slash"#
        );
        assert!(matches!(
            validate_custom_id("/"),
            Err(CustomIdError::LeadingSlash { .. })
        ));
        let err = validate_custom_id("083EB7B2-5392-4565-b69e-aff66acddd00").unwrap_err();
        assert!(matches!(err, CustomIdError::Uuid { .. }));
        assert!(err.to_string().contains("is a UUID"));
        let err = validate_custom_id("a\nb").unwrap_err();
        assert_eq!(
            err,
            CustomIdError::ControlCharacter {
                id: "a\nb".into(),
                code: 0x0a,
                position: 2
            }
        );
        assert_eq!(
            err.to_string(),
            r#"custom id "a\nb" contains the control character U+000A at character 2; remove it"#
        );
        assert!(matches!(
            validate_custom_id("a\u{7f}"),
            Err(CustomIdError::ControlCharacter { code: 0x7f, .. })
        ));
        assert!(matches!(
            validate_custom_id("a\u{85}"),
            Err(CustomIdError::ControlCharacter { code: 0x85, .. })
        ));
        let err = validate_custom_id(&"y".repeat(2000)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "custom id is 2000 characters long; the API allows at most 1024"
        );
    }

    #[test]
    fn dot_segments_are_refused_wherever_they_stand() {
        for (id, segment) in [
            ("a/./b", "."),
            ("../x", ".."),
            ("./a", "."),
            ("a/..", ".."),
            ("a/../b", ".."),
            ("..", ".."),
            (".", "."),
        ] {
            assert_eq!(
                validate_custom_id(id),
                Err(CustomIdError::DotSegment {
                    id: id.into(),
                    segment
                }),
                "{id:?}"
            );
            assert!(check_dot_segments(id).is_err(), "{id:?}");
        }
        let err = validate_custom_id("a/./b").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"custom id "a/./b" has a '.' segment; URLs drop '.' and '..' path segments, so its delivery URL would name another image: remove the segment"#
        );
        // Dots inside a segment are ordinary characters.
        for id in ["a.png", ".hidden", "a/.../b", "a/..b", "v1./x", "a/.b./c"] {
            assert_eq!(validate_custom_id(id), Ok(()), "{id:?}");
        }
        // An id the API made is checked for URLs too, without the custom-id rules.
        assert!(check_dot_segments("083eb7b2-5392-4565-b69e-aff66acddd00").is_ok());
    }

    #[test]
    fn prefixes_are_checked_by_their_complete_segments() {
        for prefix in ["", "v1/", "site/abc/", "v1.", "a/.", "a/..", "x-"] {
            assert_eq!(validate_id_prefix(prefix), Ok(()), "{prefix:?}");
        }
        for (prefix, why) in [
            ("../", "'..' segment"),
            ("a/./", "'.' segment"),
            ("./a/", "'.' segment"),
            ("a/../b", "'..' segment"),
            ("/site/", "starts with '/'"),
            ("v1\n/", "control character U+000A at character 3"),
        ] {
            let err = validate_id_prefix(prefix).unwrap_err();
            assert!(err.contains(why), "{prefix:?}: {err}");
        }
        assert!(
            validate_id_prefix(&"p".repeat(MAX_CUSTOM_ID_CHARS))
                .unwrap_err()
                .contains("no room")
        );
    }

    #[test]
    fn long_ids_are_shortened_in_messages() {
        let id = format!("/{}", "z".repeat(500));
        let msg = validate_custom_id(&id).unwrap_err().to_string();
        assert!(msg.len() < 150, "{msg}");
        assert!(msg.contains('…'));
    }

    #[test]
    fn recognises_uuids_in_any_case() {
        assert!(is_uuid("083eb7b2-5392-4565-b69e-aff66acddd00"));
        assert!(is_uuid("083EB7B2-5392-4565-B69E-AFF66ACDDD00"));
        assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
        assert!(is_uuid(&uuid::Uuid::new_v4().to_string()));
        assert!(!is_uuid("083eb7b2-5392-4565-b69e-aff66acddd00x"));
        assert!(!is_uuid("083eb7b2_5392_4565_b69e_aff66acddd00"));
        assert!(!is_uuid("{083eb7b2-5392-4565-b69e-aff66acddd00}"));
        assert!(!is_uuid("083eb7b25392-4565-b69e-aff66acddd00-"));
        assert!(!is_uuid(""));
    }

    #[test]
    fn api_segment_encodes_everything_but_unreserved() {
        assert_eq!(api_path_segment("a/b"), "a%2Fb");
        assert_eq!(api_path_segment("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(api_path_segment("100%"), "100%25");
        assert_eq!(
            api_path_segment("a b?c#d&e=f+g"),
            "a%20b%3Fc%23d%26e%3Df%2Bg"
        );
        assert_eq!(api_path_segment("é"), "%C3%A9");
        assert_eq!(api_path_segment("a:b@c"), "a%3Ab%40c");
        assert_eq!(
            api_path_segment("083eb7b2-5392-4565-b69e-aff66acddd00"),
            "083eb7b2-5392-4565-b69e-aff66acddd00"
        );
    }

    #[test]
    fn delivery_path_keeps_slashes_and_encodes_the_rest() {
        assert_eq!(delivery_path("a/b/c.png"), "a/b/c.png");
        assert_eq!(delivery_path("100%/x"), "100%25/x");
        assert_eq!(delivery_path("a b"), "a%20b");
        assert_eq!(delivery_path("a?b#c"), "a%3Fb%23c");
        assert_eq!(delivery_path("tab\there"), "tab%09here");
        assert_eq!(delivery_path("café/名"), "caf%C3%A9/%E5%90%8D");
        assert_eq!(delivery_path("a\\b"), "a%5Cb");
        // Characters that are legal in a path stay readable.
        assert_eq!(delivery_path("a:b@c!$&'()*+,;=~"), "a:b@c!$&'()*+,;=~");
        assert_eq!(delivery_path("already%20encoded"), "already%2520encoded");
    }

    fn decode(s: &str) -> String {
        percent_decode_str(s).decode_utf8().unwrap().into_owned()
    }

    proptest! {
        #[test]
        fn validate_never_panics(id in any::<String>()) {
            let _ = validate_custom_id(&id);
        }

        #[test]
        fn valid_ids_satisfy_every_rule(id in "\\PC{0,40}") {
            if validate_custom_id(&id).is_ok() {
                prop_assert!(!id.is_empty());
                prop_assert!(!id.starts_with('/') && !id.ends_with('/'));
                prop_assert!(!is_uuid(&id));
                prop_assert!(!id.chars().any(char::is_control));
                prop_assert!(id.split('/').all(|s| s != "." && s != ".."));
            }
        }

        #[test]
        fn api_segment_round_trips_and_has_no_slash(id in any::<String>()) {
            let enc = api_path_segment(&id);
            prop_assert!(!enc.contains('/'));
            prop_assert!(enc.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(decode(&enc), id);
        }

        #[test]
        fn delivery_path_round_trips_and_is_plain_ascii(id in any::<String>()) {
            let enc = delivery_path(&id);
            prop_assert!(enc.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert!(!enc.contains(['?', '#', ' ']));
            prop_assert_eq!(enc.matches('/').count(), id.matches('/').count());
            prop_assert_eq!(decode(&enc), id);
        }
    }

    #[test]
    fn ids_that_urls_resolve_away_cannot_address_an_image() {
        assert!(parse_image_id(".").is_err());
        assert!(parse_image_id("..").is_err());
        assert!(parse_image_id("").is_err());
        assert_eq!(parse_image_id("a/../b").unwrap(), "a/../b");
        assert_eq!(parse_image_id("...").unwrap(), "...");
    }
}

/// Property tests: whatever the id, validation never panics, what it accepts keeps the rules,
/// and every id makes one clean path segment.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
    #[test]
    fn id_validation_never_panics_and_accepted_ids_keep_the_rules(id in prop_oneof![
        ".{0,40}",
        "[a-z0-9/]{0,12}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        ".{1020,1030}",
    ]) {
        if validate_custom_id(&id).is_ok() {
            prop_assert!(!id.is_empty());
            prop_assert!(id.chars().count() <= MAX_CUSTOM_ID_CHARS);
            prop_assert!(!id.starts_with('/') && !id.ends_with('/'));
            prop_assert!(!is_uuid(&id));
            prop_assert!(!id.chars().any(char::is_control));
        }
        // Whatever the id, it is one path segment in API paths and a clean delivery path.
        let segment = api_path_segment(&id);
        prop_assert!(!segment.contains('/') && !segment.contains('?') && !segment.contains('#'));
        let path = delivery_path(&id);
        prop_assert!(!path.contains('?') && !path.contains('#') && !path.contains(' '));
    }
    }
}
