//! Delivery URLs: `<base>/<account hash>/<image id>/<variant>`, where the account hash comes
//! from the profile or, failing that, from one of the image's own variant URLs
//! (docs/api-notes.md#delivery-urls).

/// Cloudflare's delivery host.
pub const DEFAULT_DELIVERY_URL: &str = "https://imagedelivery.net";

/// The host of Cloudflare's API, whose images are delivered from [`DEFAULT_DELIVERY_URL`].
const CLOUDFLARE_API_HOST: &str = "api.cloudflare.com";

/// The delivery base to use when none is configured, decided by the API URL alone (no request):
/// Cloudflare's API delivers from `imagedelivery.net`; any other API URL is taken to be an
/// emulator, which serves delivery at its own origin under `/cdn-cgi/imagedelivery`, as
/// `cfimg emulator` does. A proxy in front of Cloudflare's API is the case this gets wrong:
/// such a profile sets `delivery_url` (the `images url` hint says so when it sees it).
pub fn default_base_for(api_url: &str) -> String {
    let Some((scheme, rest)) = api_url.split_once("://") else {
        return DEFAULT_DELIVERY_URL.to_string();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.eq_ignore_ascii_case(CLOUDFLARE_API_HOST) || authority.is_empty() {
        DEFAULT_DELIVERY_URL.to_string()
    } else {
        format!("{scheme}://{authority}/cdn-cgi/imagedelivery")
    }
}

/// Where delivery URLs start: the base (host, or custom domain + `/cdn-cgi/imagedelivery`)
/// and the account hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryBase {
    pub base: String,
    pub account_hash: String,
}

impl DeliveryBase {
    pub fn new(base: &str, account_hash: &str) -> Self {
        DeliveryBase {
            base: base.trim_end_matches('/').to_string(),
            account_hash: account_hash.to_string(),
        }
    }

    /// The URL of one image in one variant. Custom ids keep their slashes; `%` becomes `%25`
    /// as Cloudflare's docs ask.
    pub fn url(&self, id: &str, variant: &str) -> String {
        format!(
            "{}/{}/{}/{}",
            self.base,
            self.account_hash,
            crate::image_id::delivery_path(id),
            variant
        )
    }
}

/// A flexible variant is a list of transformations (`w=400,sharpen=3`), not a name.
pub fn is_flexible_variant(variant: &str) -> bool {
    variant.contains('=')
}

/// Whether `variant` could be a named variant or a flexible one, as far as a URL goes.
pub fn check_variant(variant: &str) -> Result<(), String> {
    if variant.is_empty() {
        return Err("the variant name is empty".into());
    }
    if variant
        .chars()
        .any(|c| c == '/' || c == '?' || c == '#' || c.is_whitespace() || c.is_control())
    {
        return Err(format!(
            "'{variant}' is not a variant: use a variant name (see `cfimg variants list`) or transformations like w=400,sharpen=3"
        ));
    }
    Ok(())
}

/// Find the base and the account hash in a variant URL of the image `id`: the URL is
/// `<base>/<hash>/<id>/<variant>`, and the id may itself contain slashes.
pub fn base_from_variant_url(url: &str, id: &str) -> Option<DeliveryBase> {
    let without_query = url.split(['?', '#']).next()?;
    let (rest, _variant) = without_query.rsplit_once('/')?;
    let rest = [crate::image_id::delivery_path(id), id.to_string()]
        .iter()
        .find_map(|encoded| rest.strip_suffix(&format!("/{encoded}")))?;
    let (base, hash) = rest.rsplit_once('/')?;
    if hash.is_empty() || !base.contains("://") {
        return None;
    }
    Some(DeliveryBase::new(base, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_slashes_and_escape_percent() {
        let base = DeliveryBase::new("https://imagedelivery.net/", "ZWd9g1K7eljCn_KDTu_MWA");
        assert_eq!(
            base.url("083eb7b2-5392-4565-b69e-aff66acddd00", "public"),
            "https://imagedelivery.net/ZWd9g1K7eljCn_KDTu_MWA/083eb7b2-5392-4565-b69e-aff66acddd00/public"
        );
        assert_eq!(
            base.url("brand/100%/logo", "thumb"),
            "https://imagedelivery.net/ZWd9g1K7eljCn_KDTu_MWA/brand/100%25/logo/thumb"
        );
    }

    #[test]
    fn the_base_is_found_in_a_variant_url() {
        let found = base_from_variant_url(
            "https://imagedelivery.net/MTt4OTd0b0w5aj/107b9558-dd06-4bbd-5fef-9c2c16bb7900/thumbnail",
            "107b9558-dd06-4bbd-5fef-9c2c16bb7900",
        )
        .unwrap();
        assert_eq!(
            found,
            DeliveryBase::new("https://imagedelivery.net", "MTt4OTd0b0w5aj")
        );
        let found = base_from_variant_url(
            "http://127.0.0.1:9/cdn-cgi/imagedelivery/abc/brand/logo/public",
            "brand/logo",
        )
        .unwrap();
        assert_eq!(
            found,
            DeliveryBase::new("http://127.0.0.1:9/cdn-cgi/imagedelivery", "abc")
        );
        assert_eq!(
            base_from_variant_url("https://x/abc/other/public", "id"),
            None
        );
        assert_eq!(base_from_variant_url("not a url", "id"), None);
    }

    #[test]
    fn the_default_base_follows_the_api_url() {
        assert_eq!(
            default_base_for("https://api.cloudflare.com/client/v4"),
            DEFAULT_DELIVERY_URL
        );
        assert_eq!(
            default_base_for("https://API.cloudflare.com:443/client/v4/"),
            DEFAULT_DELIVERY_URL
        );
        assert_eq!(
            default_base_for("http://127.0.0.1:8787/client/v4"),
            "http://127.0.0.1:8787/cdn-cgi/imagedelivery"
        );
        assert_eq!(
            default_base_for("https://emulator.ci.internal/client/v4"),
            "https://emulator.ci.internal/cdn-cgi/imagedelivery"
        );
    }

    #[test]
    fn flexible_variants_are_told_apart() {
        assert!(is_flexible_variant("w=400,sharpen=3"));
        assert!(!is_flexible_variant("public"));
        assert!(check_variant("w=400,sharpen=3").is_ok());
        assert!(check_variant("a/b").is_err());
        assert!(check_variant("").is_err());
    }
}
