//! The signed-URL check of delivery: `exp` and `sig` in the query, as Cloudflare's documented
//! signing code makes them
//! (<https://developers.cloudflare.com/images/manage-images/serve-images/serve-private-images/>):
//! `sig` is the lowercase hex HMAC-SHA256 of `path?query-without-sig`, keyed with the signing
//! key's raw UTF-8 bytes (not base64-decoded), and `exp` is a Unix time in seconds.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `path?exp=<exp>&sig=<hex>`: a signed URL's path and query, as Cloudflare's signing code
/// makes them (for the gallery, which shows working URLs of private images).
pub fn sign(path: &str, exp: i64, key: &str) -> String {
    let to_sign = format!("{path}?exp={exp}");
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(to_sign.as_bytes());
    let sig: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{to_sign}&sig={sig}")
}

/// Whether `sig` (lowercase hex) is the HMAC-SHA256 of `string_to_sign` under `key`.
pub fn signature_matches(key: &str, string_to_sign: &str, sig: &str) -> bool {
    let Some(sig) = decode_hex(sig) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return false;
    };
    mac.update(string_to_sign.as_bytes());
    mac.verify_slice(&sig).is_ok()
}

/// Lowercase hex only, as Cloudflare's signing code writes it: an uppercase signature is
/// refused, since the edge compares the text (docs/api-notes.md#signed-urls).
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Checks a signed-URL query and returns its expiry: `exp` (in the future) and `sig` over
/// `path?query-without-sig`, keyed by any of the account's keys. `path` is the path requested,
/// exactly: a URL signed for the zone form (`/cdn-cgi/imagedelivery/…`) is refused in the
/// `imagedelivery.net` form (`/<hash>/…`) and the other way round, since the signature covers
/// the URL actually requested (docs/api-notes.md#signed-urls).
///
/// The values of `exp` and `sig` are read decoded; the text signed is the query as sent, less
/// its `sig` pairs, since a signature covers the bytes of the URL rather than their meaning.
pub fn signed_until(
    path: &str,
    query: Option<&str>,
    keys: &[String],
    now_secs: i64,
) -> Option<i64> {
    let query = query?;
    let params: Vec<_> = form_urlencoded::parse(query.as_bytes()).collect();
    // The last `sig` counts, and the first `exp`.
    let sig = params
        .iter()
        .rev()
        .find(|(k, _)| k == "sig")
        .map(|(_, v)| v)?;
    let exp = params
        .iter()
        .find(|(k, _)| k == "exp")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .filter(|exp| *exp > now_secs)?;
    let unsigned = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("sig="))
        .collect::<Vec<_>>()
        .join("&");
    let to_sign = format!("{path}?{unsigned}");
    keys.iter()
        .any(|k| signature_matches(k, &to_sign, sig))
        .then_some(exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_SIGN: &str =
        "/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01/mobile?exp=1631289275";

    /// The string to sign is the example of Cloudflare's signing page; the keys are the API
    /// reference's example key value and the page's placeholder; the signatures were computed
    /// apart from this code (Python's `hmac`, `openssl dgst -sha256 -hmac`).
    #[test]
    fn known_signatures() {
        assert!(signature_matches(
            "Oix0bbNaT8Rge9PuyxUBrjI6zrgnsyJ5=",
            TO_SIGN,
            "72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa"
        ));
        assert!(signature_matches(
            "YOUR_KEY_FROM_IMAGES_DASHBOARD",
            TO_SIGN,
            "f5dbc282189c443accb7b86a95a66b29d42ea4ced234cdbe3c2db71fd61a88a0"
        ));
        assert!(!signature_matches(
            "YOUR_KEY_FROM_IMAGES_DASHBOARD",
            TO_SIGN,
            "72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa"
        ));
    }

    fn hex_sig(key: &[u8], text: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
        mac.update(text.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn signed_query_checks_expiry_key_and_exact_path() {
        let path = "/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01/mobile";
        let q =
            "exp=1631289275&sig=72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa";
        let keys = vec![
            "other".to_string(),
            "Oix0bbNaT8Rge9PuyxUBrjI6zrgnsyJ5=".to_string(),
        ];
        assert_eq!(
            signed_until(path, Some(q), &keys, 1631289274),
            Some(1631289275)
        );
        // Expired.
        assert_eq!(signed_until(path, Some(q), &keys, 1631289275), None);
        // No signature, wrong keys.
        assert_eq!(signed_until(path, Some("exp=1631289275"), &keys, 0), None);
        assert_eq!(signed_until(path, Some(q), &["x".to_string()], 0), None);
        // Signed for the short form: not valid on the zone form, and the other way round.
        let zone = format!("/cdn-cgi/imagedelivery{path}");
        assert_eq!(signed_until(&zone, Some(q), &keys, 0), None);
        let zone_q = format!(
            "exp=1631289275&sig={}",
            hex_sig(b"other", &format!("{zone}?exp=1631289275"))
        );
        assert_eq!(
            signed_until(&zone, Some(&zone_q), &keys, 0),
            Some(1631289275)
        );
        assert_eq!(signed_until(path, Some(&zone_q), &keys, 0), None);
        // Uppercase hex is refused.
        assert_eq!(
            signed_until(
                path,
                Some(
                    &q.to_uppercase()
                        .replace("EXP=", "exp=")
                        .replace("SIG=", "sig=")
                ),
                &keys,
                0
            ),
            None
        );
    }
}
