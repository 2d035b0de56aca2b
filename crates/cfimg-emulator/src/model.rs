//! The stored records (images, variants, signing keys), how they look on the wire, and the
//! identifiers the emulator makes up (image ids, account hashes).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// Metadata as the API keeps it: a JSON object.
pub type Meta = Map<String, Value>;

/// An image, or a draft waiting for its direct upload. This is also the persisted form.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImageRecord {
    /// Storage key, fixed for the record's life: names its files, survives an id change.
    pub key: String,
    /// Upload order, the tie-breaker that keeps listings stable.
    pub seq: u64,
    pub id: String,
    pub custom_id: bool,
    pub filename: String,
    pub meta: Option<Meta>,
    pub require_signed_urls: bool,
    #[serde(with = "ts_serde")]
    pub uploaded: Timestamp,
    pub creator: Option<String>,
    pub content_type: String,
    pub size: u64,
    /// `Some(expiry)` while this is a direct-upload draft.
    #[serde(with = "opt_ts_serde")]
    pub draft_expiry: Option<Timestamp>,
}

/// Timestamps in persisted records: RFC 3339 strings (jiff's own serde support is not enabled).
mod ts_serde {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(ts)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

mod opt_ts_serde {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ts: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match ts {
            Some(ts) => s.collect_str(ts),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| t.parse().map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// RFC 3339 with milliseconds and `Z`, as the API shows upload times.
pub fn format_time(ts: Timestamp) -> String {
    let ms = ts.as_millisecond();
    let ts = Timestamp::from_millisecond(ms).unwrap_or(ts);
    format!("{ts:.3}")
}

impl ImageRecord {
    /// The Image object of the API. `variant_names` are the account's variants, in order.
    pub fn to_json<'a>(
        &self,
        delivery_base: &str,
        variant_names: impl Iterator<Item = &'a String>,
    ) -> Value {
        let encoded_id = delivery_id(&self.id);
        let variants: Vec<String> = variant_names
            .map(|v| format!("{delivery_base}/{encoded_id}/{v}"))
            .collect();
        let mut obj = json!({
            "id": self.id,
            "filename": self.filename,
            "requireSignedURLs": self.require_signed_urls,
            "uploaded": format_time(self.uploaded),
            "variants": variants,
            // Nullable on the wire (the newer SDKs model it as `creator,nullable`).
            "creator": self.creator,
        });
        if let Some(meta) = &self.meta {
            obj["meta"] = Value::Object(meta.clone());
        }
        if self.draft_expiry.is_some() {
            obj["draft"] = Value::Bool(true);
        }
        obj
    }
}

/// An image id as it appears in a delivery URL: `/` stays a path separator, `%` becomes `%25`
/// (as the docs require for custom ids), and characters that cannot stand in a path are encoded.
pub fn delivery_id(id: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SET: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    utf8_percent_encode(id, SET).to_string()
}

/// A named variant. Serialized exactly as the API's Variant object.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Variant {
    pub id: String,
    pub options: VariantOptions,
    #[serde(rename = "neverRequireSignedURLs")]
    pub never_require_signed_urls: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct VariantOptions {
    pub fit: String,
    pub metadata: String,
    /// Kept as the number the client sent (the schema says `number`, not integer).
    pub width: serde_json::Number,
    pub height: serde_json::Number,
}

impl Variant {
    /// The variant every account starts with. The docs name `public` as the default variant and
    /// use 1366x768 scale-down without metadata as their example; its real settings are not
    /// published, so this is our choice.
    pub fn public() -> Self {
        Variant {
            id: "public".to_string(),
            options: VariantOptions {
                fit: "scale-down".to_string(),
                metadata: "none".to_string(),
                width: 1366.into(),
                height: 768.into(),
            },
            never_require_signed_urls: false,
        }
    }
}

/// An account's delivery settings, set with `PATCH …/images/v1/config`
/// (docs/api-notes.md#variants-and-transformations). Serialized as the emulator answers that
/// call and `GET …/images/v1/config`, and as it keeps them on disk.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccountSettings {
    /// Whether delivery takes transformations (`w=200,fit=cover`) in place of a variant name.
    pub flexible_variants: bool,
    /// Seconds a browser may cache a public image (`Cache-Control: max-age`).
    pub browser_ttl: u32,
}

impl AccountSettings {
    /// One hour to one year, as the docs bound it.
    pub const BROWSER_TTL_RANGE: std::ops::RangeInclusive<u32> = 3_600..=31_536_000;
}

impl Default for AccountSettings {
    /// Flexible variants off, and the documented default browser TTL of two days.
    fn default() -> Self {
        AccountSettings {
            flexible_variants: false,
            browser_ttl: 2 * 24 * 3_600,
        }
    }
}

/// A URL-signing key. Serialized as the API's `{name, value}`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SigningKey {
    pub name: String,
    pub value: String,
}

impl SigningKey {
    /// A fresh key with a random value: 24 random bytes in base64, 32 characters like the
    /// API's example value.
    pub fn generate(name: &str) -> Self {
        use base64::Engine as _;
        let mut bytes = [0u8; 24];
        let mut rng = fastrand::Rng::new();
        rng.fill(&mut bytes);
        SigningKey {
            name: name.to_string(),
            value: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

/// The account hash used in delivery URLs for an account id: deterministic, 22 characters of
/// base64url like the real ones (which are not derived from the id in any published way).
pub fn account_hash(account_id: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(format!("cfimg-emulator/account-hash/{account_id}"));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// A random UUID v4 string, as generated image ids look.
pub fn new_uuid(rng: &mut fastrand::Rng) -> String {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_have_milliseconds_and_z() {
        let ts: Timestamp = "2022-04-20T09:51:09.559123Z".parse().unwrap();
        assert_eq!(format_time(ts), "2022-04-20T09:51:09.559Z");
        let ts: Timestamp = "2022-04-20T09:51:09Z".parse().unwrap();
        assert_eq!(format_time(ts), "2022-04-20T09:51:09.000Z");
    }

    #[test]
    fn delivery_ids_keep_slashes_and_encode_percent() {
        assert_eq!(delivery_id("a/b"), "a/b");
        assert_eq!(delivery_id("50%/x y"), "50%25/x%20y");
    }

    #[test]
    fn account_hash_is_22_chars_of_base64url_and_stable() {
        let h = account_hash("023e105f4ecef8ad9ca31a8372d0c353");
        assert_eq!(h.len(), 22);
        assert!(
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(h, account_hash("023e105f4ecef8ad9ca31a8372d0c353"));
        assert_ne!(h, account_hash("00000000000000000000000000000000"));
    }

    #[test]
    fn uuids_are_v4() {
        let id = new_uuid(&mut fastrand::Rng::with_seed(1));
        let parsed = uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
    }
}
