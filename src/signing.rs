//! Signed delivery URLs: the `exp` and `sig` query parameters that unlock images requiring
//! signed URLs (docs/api-notes.md#signed-urls).
//!
//! Cloudflare's algorithm is a browser-side script using the WHATWG URL API: the signature
//! covers `url.pathname` and `url.searchParams` as that API writes them. The `url` crate
//! implements the same standard (and `form_urlencoded` the query's encoding), so both come from
//! it; getting either wrong gives a URL that looks right but is refused at the edge.

use std::fmt::Write as _;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use url::{Url, form_urlencoded};

/// Why a URL cannot be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error(
        "{url:?} is not an absolute http(s) URL; give one like https://imagedelivery.net/<account hash>/<image id>/<variant>"
    )]
    NotAUrl { url: String },
    #[error(
        "{url:?} has no host; give one like https://imagedelivery.net/<account hash>/<image id>/<variant>"
    )]
    NoHost { url: String },
    #[error(
        "the path of {url:?} contains '\\', which browsers turn into '/'; write '/' or %5C instead"
    )]
    Backslash { url: String },
    #[error(
        "the path of {url:?} has a '.' or '..' segment, which browsers remove before sending; remove it"
    )]
    DotSegment { url: String },
    #[error("the signing key is empty; use the value of a key listed by the signing-keys API")]
    EmptyKey,
    #[error("expiry {exp} is before 1970; give a time in the future")]
    NegativeExpiry { exp: i64 },
}

/// HMAC-SHA256 of `path_and_query`, keyed with the key's raw UTF-8 bytes (the key is NOT
/// base64-decoded, although it looks like base64), as lowercase hex.
pub fn signature(key: &str, path_and_query: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC accepts any key");
    mac.update(path_and_query.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Signs a delivery URL so it is valid until `expires_at_unix` (seconds since 1970).
///
/// Sets `exp` (replacing an `exp` already there, otherwise appending it after the existing
/// parameters, which keep their order), signs `path?query` without the host, and appends
/// `sig`. A `sig` already present is dropped first, so an already signed URL can be re-signed
/// with a new expiry. The URL comes back as the URL parser writes it, the query in the
/// normalised form the signature covers (`a=b c` becomes `a=b+c`).
pub fn sign_url(url: &str, key: &str, expires_at_unix: i64) -> Result<String, SigningError> {
    if key.is_empty() {
        return Err(SigningError::EmptyKey);
    }
    if expires_at_unix < 0 {
        return Err(SigningError::NegativeExpiry {
            exp: expires_at_unix,
        });
    }
    refuse_what_parsing_would_rewrite(url)?;
    let not_a_url = || SigningError::NotAUrl {
        url: url.to_owned(),
    };
    let mut parsed = Url::parse(url).map_err(|e| match e {
        url::ParseError::EmptyHost => SigningError::NoHost {
            url: url.to_owned(),
        },
        _ => not_a_url(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(not_a_url());
    }

    // `url.searchParams` as the algorithm uses it: decoded pairs, `sig` gone, `exp` set.
    let mut params: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(name, _)| name != "sig")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    set_param(&mut params, "exp", &expires_at_unix.to_string());
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish();

    let sig = signature(key, &format!("{}?{query}", parsed.path()));
    parsed.set_query(Some(&format!("{query}&sig={sig}")));
    Ok(parsed.into())
}

/// The URL parser silently rewrites some inputs the way browsers do: a backslash becomes `/`,
/// `.` and `..` segments are resolved away, and `https:/host` or `https:///host` gain the
/// slashes they lack. Each changes which image is meant, or hides a typo, so these are refused
/// here, on the text as given, before the parser sees it.
fn refuse_what_parsing_would_rewrite(url: &str) -> Result<(), SigningError> {
    let (_, rest) = url
        .trim()
        .split_once("://")
        .ok_or_else(|| SigningError::NotAUrl {
            url: url.to_owned(),
        })?;
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return Err(SigningError::NoHost {
            url: url.to_owned(),
        });
    }
    // The host and path: everything before the query or fragment.
    let host_and_path = rest.split(['?', '#']).next().unwrap_or_default();
    if host_and_path.contains('\\') {
        return Err(SigningError::Backslash {
            url: url.to_owned(),
        });
    }
    let is_dot = |segment: &str| {
        let segment = segment.to_ascii_lowercase().replace("%2e", ".");
        segment == "." || segment == ".."
    };
    if host_and_path.split('/').skip(1).any(is_dot) {
        return Err(SigningError::DotSegment {
            url: url.to_owned(),
        });
    }
    Ok(())
}

/// `URLSearchParams.set`: replace the first pair with that name and drop the others, or append.
fn set_param(params: &mut Vec<(String, String)>, name: &str, value: &str) {
    match params.iter().position(|(n, _)| n == name) {
        Some(first) => {
            params[first].1 = value.to_owned();
            let mut index = 0;
            params.retain(|(n, _)| {
                let keep = index <= first || n != name;
                index += 1;
                keep
            });
        }
        None => params.push((name.to_owned(), value.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DOC_URL: &str = "https://imagedelivery.net/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01/mobile";
    const DOC_STRING_TO_SIGN: &str =
        "/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01/mobile?exp=1631289275";
    const DOC_EXP: i64 = 1631289275;
    const SPEC_KEY: &str = "Oix0bbNaT8Rge9PuyxUBrjI6zrgnsyJ5=";
    const SPEC_SIG: &str = "72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa";
    const DOCS_KEY: &str = "YOUR_KEY_FROM_IMAGES_DASHBOARD";
    const DOCS_SIG: &str = "f5dbc282189c443accb7b86a95a66b29d42ea4ced234cdbe3c2db71fd61a88a0";

    #[test]
    fn signature_matches_both_test_vectors() {
        assert_eq!(signature(SPEC_KEY, DOC_STRING_TO_SIGN), SPEC_SIG);
        assert_eq!(signature(DOCS_KEY, DOC_STRING_TO_SIGN), DOCS_SIG);
    }

    #[test]
    fn sign_url_matches_both_test_vectors() {
        assert_eq!(
            sign_url(DOC_URL, SPEC_KEY, DOC_EXP).unwrap(),
            format!("{DOC_URL}?exp={DOC_EXP}&sig={SPEC_SIG}")
        );
        assert_eq!(
            sign_url(DOC_URL, DOCS_KEY, DOC_EXP).unwrap(),
            format!("{DOC_URL}?exp={DOC_EXP}&sig={DOCS_SIG}")
        );
    }

    #[test]
    fn keeps_existing_parameters_in_order() {
        let url = "https://example.com/cdn-cgi/imagedelivery/h/id/public?b=2&a=1";
        let signed = sign_url(url, "k", 1700000000).unwrap();
        let expected_query = "b=2&a=1&exp=1700000000";
        let sig = signature(
            "k",
            &format!("/cdn-cgi/imagedelivery/h/id/public?{expected_query}"),
        );
        assert_eq!(
            signed,
            format!(
                "https://example.com/cdn-cgi/imagedelivery/h/id/public?{expected_query}&sig={sig}"
            )
        );
        // Computed independently with Python's hmac over the same string.
        assert_eq!(
            sig,
            "eca34c3197b218c11a808e0ee1b5d6b2796cfb68dbaf21bb10a912572916a348"
        );
    }

    #[test]
    fn normalises_the_query_like_url_search_params() {
        let signed = sign_url("https://h.test/p?a=b%20c&x+y=%2B&flag&&z=%7e", "k", 5).unwrap();
        let query = "a=b+c&x+y=%2B&flag=&z=%7E&exp=5";
        assert_eq!(
            signed,
            format!(
                "https://h.test/p?{query}&sig={}",
                signature("k", &format!("/p?{query}"))
            )
        );
        let signed = sign_url("https://h.test/p?q=caf%C3%A9/ü", "k", 5).unwrap();
        assert!(signed.starts_with("https://h.test/p?q=caf%C3%A9%2F%C3%BC&exp=5&sig="));
    }

    #[test]
    fn replaces_exp_and_drops_an_old_sig() {
        let first = sign_url(DOC_URL, SPEC_KEY, 1).unwrap();
        let again = sign_url(&first, SPEC_KEY, DOC_EXP).unwrap();
        assert_eq!(again, format!("{DOC_URL}?exp={DOC_EXP}&sig={SPEC_SIG}"));
        // `set` semantics: the first exp keeps its place, later ones go.
        let signed = sign_url("https://h.test/p?exp=1&a=1&exp=2", "k", 9).unwrap();
        assert!(signed.starts_with("https://h.test/p?exp=9&a=1&sig="));
    }

    #[test]
    fn keeps_fragment_and_port_and_fills_an_empty_path() {
        let signed = sign_url("http://localhost:8787/h/id/v#top", "k", 7).unwrap();
        let sig = signature("k", "/h/id/v?exp=7");
        assert_eq!(
            signed,
            format!("http://localhost:8787/h/id/v?exp=7&sig={sig}#top")
        );
        let signed = sign_url("https://h.test", "k", 7).unwrap();
        assert_eq!(
            signed,
            format!("https://h.test/?exp=7&sig={}", signature("k", "/?exp=7"))
        );
    }

    #[test]
    fn encodes_the_path_like_a_browser() {
        let signed = sign_url("https://h.test/a b/é/x%25y", "k", 1).unwrap();
        let path = "/a%20b/%C3%A9/x%25y";
        assert_eq!(
            signed,
            format!(
                "https://h.test{path}?exp=1&sig={}",
                signature("k", &format!("{path}?exp=1"))
            )
        );
    }

    /// Expected outputs produced by running Cloudflare's algorithm
    /// (docs/api-notes.md#signed-urls, with a `searchParams.delete('sig')` first) in Node's
    /// WHATWG `URL`, key `k`, exp 5.
    #[test]
    fn agrees_with_cloudflares_algorithm_run_in_node() {
        let cases = [
            (
                "https://h.test/p?a=b%20c&x+y=%2B&flag&&z=%7e",
                "https://h.test/p?a=b+c&x+y=%2B&flag=&z=%7E&exp=5&sig=8a6253c7b799429bc912e91cb64f2e11ba3d11f19c3d3e8f1ab38379d26d9e12",
            ),
            (
                "https://h.test/p?q=caf%C3%A9/ü",
                "https://h.test/p?q=caf%C3%A9%2F%C3%BC&exp=5&sig=13c2d16711c6c9b1740eab79169a90a618e81138d8227d13cd2b85832e5f00f1",
            ),
            (
                "https://h.test/a b/é/x%25y",
                "https://h.test/a%20b/%C3%A9/x%25y?exp=5&sig=d2296ef593fbf41fd45bbd8d96990e33516961a8a0b5b6a347c560a4de8a2f74",
            ),
            (
                "https://h.test",
                "https://h.test/?exp=5&sig=929264bbf9dffa56e41fbc7ad3d77006b9bcdfb0f1ddee1e6e566853675fe35b",
            ),
            (
                "http://localhost:8787/h/id/v#top",
                "http://localhost:8787/h/id/v?exp=5&sig=141aab68cd3d9eadb18fe50e57f5702c4de62a36778959db27b45e9a65faba46#top",
            ),
            (
                "https://h.test/p?exp=1&a=1&exp=2",
                "https://h.test/p?exp=5&a=1&sig=21c43cfed9becb9dcf2185877e4d1fa1e7d3d851fc65c124264904f8234395de",
            ),
            (
                "https://h.test/a^b|c[d]{e}`f\"g<h>",
                "https://h.test/a^b|c[d]%7Be%7D%60f%22g%3Ch%3E?exp=5&sig=6b2cd1d6e6a51ffb9b745c7cbe737bfb7ddd6389749740f4c4f98c3880ef20ea",
            ),
            (
                "https://h.test/p?a=é&b=%zz&c=%",
                "https://h.test/p?a=%C3%A9&b=%25zz&c=%25&exp=5&sig=3de76686e0dcaf6ac8764dbb9645b81fd22f88cb31efe85abb9a58b34447e5a8",
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(sign_url(url, "k", 5).unwrap(), expected, "{url}");
        }
    }

    #[test]
    fn writes_the_url_as_browsers_do() {
        let signed = sign_url("HTTPS://H.Test:443/p?a=1", "k", 5).unwrap();
        let query = "a=1&exp=5";
        assert_eq!(
            signed,
            format!(
                "https://h.test/p?{query}&sig={}",
                signature("k", &format!("/p?{query}"))
            )
        );
    }

    #[test]
    fn rejects_what_it_cannot_sign_faithfully() {
        assert!(matches!(
            sign_url("imagedelivery.net/a/b/c", "k", 1),
            Err(SigningError::NotAUrl { .. })
        ));
        assert!(matches!(
            sign_url("ftp://h.test/a", "k", 1),
            Err(SigningError::NotAUrl { .. })
        ));
        for url in ["https:///a", "https://", "https://?a=1", "https://:443/a"] {
            assert!(
                matches!(sign_url(url, "k", 1), Err(SigningError::NoHost { .. })),
                "{url}"
            );
        }
        // Without both slashes the parser would guess the host; refuse instead.
        assert!(matches!(
            sign_url("https:/h.test/a", "k", 1),
            Err(SigningError::NotAUrl { .. })
        ));
        // A backslash anywhere before the query; one in the query is just a character.
        assert!(matches!(
            sign_url("https://h.test\\a", "k", 1),
            Err(SigningError::Backslash { .. })
        ));
        assert!(sign_url("https://h.test/a?q=\\", "k", 1).is_ok());
        assert!(matches!(
            sign_url("https://h.test/a\\b", "k", 1),
            Err(SigningError::Backslash { .. })
        ));
        for path in ["/a/../b", "/a/./b", "/a/%2E%2e/b", "/a/.."] {
            assert!(
                matches!(
                    sign_url(&format!("https://h.test{path}"), "k", 1),
                    Err(SigningError::DotSegment { .. })
                ),
                "{path}"
            );
        }
        assert_eq!(sign_url(DOC_URL, "", 1), Err(SigningError::EmptyKey));
        assert_eq!(
            sign_url(DOC_URL, "k", -1),
            Err(SigningError::NegativeExpiry { exp: -1 })
        );
        assert_eq!(
            sign_url("nope", "k", 1).unwrap_err().to_string(),
            "\"nope\" is not an absolute http(s) URL; give one like https://imagedelivery.net/<account hash>/<image id>/<variant>"
        );
    }

    proptest! {
        #[test]
        fn sign_url_never_panics(url in any::<String>(), key in any::<String>(), exp in any::<i64>()) {
            let _ = sign_url(&url, &key, exp);
        }

        #[test]
        fn signed_urls_verify(path in "(/[a-zA-Z0-9_.~%-]{1,8}){1,4}", query in "[a-z0-9=&+%]{0,20}", exp in 0i64..4_000_000_000) {
            let url = format!("https://h.test{path}?{query}");
            if let Ok(signed) = sign_url(&url, "key", exp) {
                // What the edge would do: strip `sig`, sign the rest, compare.
                let (rest, sig) = signed.rsplit_once("&sig=").unwrap();
                let path_and_query = &rest["https://h.test".len()..];
                prop_assert_eq!(signature("key", path_and_query), sig);
                let exp_param = format!("exp={exp}");
                prop_assert!(path_and_query.split(['?', '&']).any(|p| p == exp_param));
            }
        }
    }
}
