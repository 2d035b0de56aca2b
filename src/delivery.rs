//! Delivery URLs: `<base>/<account hash>/<image id>/<variant>`, where the account hash comes
//! from the profile or, failing that, from one of the image's own variant URLs
//! (docs/api-notes.md#delivery-urls). A base is in one of two forms: a host alone, as
//! `https://imagedelivery.net`, or a zone's host with `/cdn-cgi/imagedelivery`.

/// Cloudflare's delivery host.
pub const DEFAULT_DELIVERY_URL: &str = "https://imagedelivery.net";

/// The path that puts delivery on a zone (a custom domain) of the account.
const ZONE_PATH: &str = "/cdn-cgi/imagedelivery";

/// The two forms of a delivery URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum UrlForm {
    // `<host>/<hash>/<id>/<variant>`, as on imagedelivery.net. (Plain comments: doc
    // comments here would turn `--help` into the long form.)
    Imagedelivery,
    // `<host>/cdn-cgi/imagedelivery/<hash>/<id>/<variant>`, as on a zone.
    Zone,
}

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

    /// The same host in the given form: `/cdn-cgi/imagedelivery` added or taken away.
    /// `imagedelivery.net` has no zone form: the zone form needs the zone's own host.
    pub fn in_form(&self, form: UrlForm) -> Result<DeliveryBase, String> {
        let host = self.base.strip_suffix(ZONE_PATH).unwrap_or(&self.base);
        let base = match form {
            UrlForm::Imagedelivery => host.to_string(),
            UrlForm::Zone if host.eq_ignore_ascii_case(DEFAULT_DELIVERY_URL) => {
                return Err(format!(
                    "{DEFAULT_DELIVERY_URL} has no zone form: the zone form is served on your own domain"
                ));
            }
            UrlForm::Zone => format!("{host}{ZONE_PATH}"),
        };
        Ok(DeliveryBase::new(&base, &self.account_hash))
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
    fn a_base_changes_form() {
        let zone = DeliveryBase::new("http://127.0.0.1:9/cdn-cgi/imagedelivery", "h");
        let root = zone.in_form(UrlForm::Imagedelivery).unwrap();
        assert_eq!(root, DeliveryBase::new("http://127.0.0.1:9", "h"));
        assert_eq!(root.in_form(UrlForm::Zone).unwrap(), zone);
        assert_eq!(zone.in_form(UrlForm::Zone).unwrap(), zone);
        assert_eq!(root.url("a/b", "public"), "http://127.0.0.1:9/h/a/b/public");
        let cloudflare = DeliveryBase::new(DEFAULT_DELIVERY_URL, "h");
        assert!(cloudflare.in_form(UrlForm::Zone).is_err());
        assert_eq!(
            cloudflare.in_form(UrlForm::Imagedelivery).unwrap(),
            cloudflare
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
