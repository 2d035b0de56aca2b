//! The content hash an image carries in its metadata: one namespaced key beside the user's own
//! keys, whose value is the lowercase hex SHA-256 of the file uploaded. It is what makes the
//! account its own record: a listing shows every image's metadata, so comparing hashes needs no
//! request per image.

use serde_json::Value;

use crate::api::images::Image;
use crate::metadata::{MAX_METADATA_BYTES, Metadata, compact_json};

/// The metadata key. The `cfimg:` namespace keeps it apart from the user's keys, and the colon
/// (not a dot) keeps it one key in the listing's metadata filters, whose field paths are
/// dotted.
pub const HASH_KEY: &str = "cfimg:sha256";

/// The content hash `image` carries, when it carries one that looks like a SHA-256.
pub fn stored_hash(image: &Image) -> Option<&str> {
    match image.meta.as_ref()?.get(HASH_KEY)? {
        Value::String(hash) if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Some(hash)
        }
        _ => None,
    }
}

/// The user's part of an image's metadata: everything but the hash key (nothing when the
/// metadata is not an object).
pub fn user_part(meta: Option<&Value>) -> Metadata {
    match meta {
        Some(Value::Object(map)) => {
            let mut map = map.clone();
            map.remove(HASH_KEY);
            map
        }
        _ => Metadata::new(),
    }
}

/// The metadata an image of content `sha256` must hold: `user` and the hash key.
pub fn with_hash(mut user: Metadata, sha256: &str) -> Metadata {
    user.insert(HASH_KEY.to_string(), Value::String(sha256.to_string()));
    user
}

/// `Err` with the size when `metadata` (hash key included) is over the API's limit.
pub fn check_size(metadata: &Metadata) -> Result<(), String> {
    let bytes = compact_json(metadata).len();
    if bytes > MAX_METADATA_BYTES {
        return Err(format!(
            "the metadata with the content hash ({HASH_KEY}) is {bytes} bytes as compact JSON; the API allows at most {MAX_METADATA_BYTES}"
        ));
    }
    Ok(())
}

/// The metadata an image's current metadata (`meta`) reads as, for comparing with the wanted:
/// none and `null` are an empty object.
pub fn current(meta: Option<&Value>) -> Option<Metadata> {
    match meta {
        None | Some(Value::Null) => Some(Metadata::new()),
        Some(Value::Object(map)) => Some(map.clone()),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(meta: Value) -> Image {
        serde_json::from_value(serde_json::json!({"id": "a", "meta": meta})).unwrap()
    }

    #[test]
    fn the_hash_sits_beside_the_users_keys_and_counts_toward_the_limit() {
        let hash = "ab".repeat(32);
        let mut user = Metadata::new();
        user.insert("team".into(), "web".into());
        let wanted = with_hash(user.clone(), &hash);
        assert_eq!(
            compact_json(&wanted),
            format!(r#"{{"cfimg:sha256":"{hash}","team":"web"}}"#)
        );
        assert_eq!(
            stored_hash(&image(Value::Object(wanted.clone()))),
            Some(hash.as_str())
        );
        assert_eq!(user_part(Some(&Value::Object(wanted.clone()))), user);
        assert!(check_size(&wanted).is_ok());
        // 1,024 bytes of the user's own fit on their own, not with the hash beside them.
        let mut big = Metadata::new();
        big.insert("k".into(), Value::String("x".repeat(1024 - 8)));
        assert_eq!(compact_json(&big).len(), 1024);
        let err = check_size(&with_hash(big, &hash)).unwrap_err();
        assert!(err.contains("1106 bytes"), "{err}");
    }

    #[test]
    fn only_a_well_formed_hash_counts() {
        assert_eq!(
            stored_hash(&image(serde_json::json!({"cfimg:sha256": "nope"}))),
            None
        );
        assert_eq!(
            stored_hash(&image(serde_json::json!({"cfimg:sha256": 5}))),
            None
        );
        assert_eq!(stored_hash(&image(Value::Null)), None);
        assert_eq!(current(Some(&Value::Null)), Some(Metadata::new()));
        assert_eq!(current(Some(&Value::String("x".into()))), None);
    }
}
