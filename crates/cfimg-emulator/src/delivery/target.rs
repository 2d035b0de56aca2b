//! What a delivery path names, in either of its two forms
//! (docs/api-notes.md#delivery-urls): `/<hash>/<id>/<variant>` as on `imagedelivery.net`, and
//! `/cdn-cgi/imagedelivery/<hash>/<id>/<variant>` as on a zone.

use percent_encoding::percent_decode_str;

/// The zone form's prefix.
pub const ZONE_PREFIX: &str = "/cdn-cgi/imagedelivery/";

/// What a delivery path names. The image id may hold slashes, so the variant is the last
/// segment and the id everything between the account hash and it.
#[derive(Debug, PartialEq, Eq)]
pub struct Target<'a> {
    pub hash: &'a str,
    /// Percent-decoded (`%25` is `%`).
    pub id: String,
    /// A variant name, or flexible-variant options (`w=200,h=100`).
    pub variant: &'a str,
}

/// The zone form.
pub fn zone(path: &str) -> Option<Target<'_>> {
    root(&path[ZONE_PREFIX.len() - 1..]).filter(|_| path.starts_with(ZONE_PREFIX))
}

/// The `imagedelivery.net` form.
pub fn root(path: &str) -> Option<Target<'_>> {
    let rest = path.strip_prefix('/')?;
    let (hash, id_and_variant) = rest.split_once('/')?;
    let (raw_id, variant) = id_and_variant.rsplit_once('/')?;
    if hash.is_empty() || raw_id.is_empty() || variant.is_empty() {
        return None;
    }
    let id = percent_decode_str(raw_id).decode_utf8_lossy().into_owned();
    Some(Target { hash, id, variant })
}

/// The account hash a root-form path starts with, if it could be one: the first of at least
/// three segments.
pub fn root_hash(path: &str) -> Option<&str> {
    root(path).map(|t| t.hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_may_hold_slashes_and_the_variant_is_last() {
        let t = zone("/cdn-cgi/imagedelivery/HASH/a/b%25c/thumb").unwrap();
        assert_eq!(
            (t.hash, t.id.as_str(), t.variant),
            ("HASH", "a/b%c", "thumb")
        );
        assert_eq!(root("/HASH/a/b%25c/thumb"), Some(t));
        assert!(zone("/cdn-cgi/imagedelivery/HASH/only-one").is_none());
        assert!(zone("/cdn-cgi/imagedelivery/HASH").is_none());
        assert!(zone("/cdn-cgi/imagedeliveryX/HASH/a/b").is_none());
        assert!(root("/HASH/only-one").is_none());
        assert!(root("/HASH//public").is_none());
        assert_eq!(root_hash("/HASH/id/w=10,h=5"), Some("HASH"));
        assert_eq!(root_hash("/"), None);
    }
}
