//! The settings file (`cfimg-settings.toml`): its types, which are also its JSON Schema
//! (`docs/cfimg-settings.schema.json`, generated from them), and reading it with errors that
//! name the line.
//!
//! The checks here are the file's own, made before anything is sent: names as the API allows
//! them, fits and metadata policies it knows, sizes of at least one pixel, a browser TTL within
//! its documented range (docs/api-notes.md#limits, docs/api-notes.md#variants-and-transformations).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;
use std::path::Path;

use clap::ValueEnum;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// The file `plan` and `apply` read when none is named, and `export` mentions.
pub const DEFAULT_FILE: &str = "cfimg-settings.toml";

/// The schema's file name, as the `#:schema` line of an exported file refers to it (beside
/// the settings file).
pub const SCHEMA_FILE: &str = "cfimg-settings.schema.json";

/// Cloudflare Images settings as code, for `cfimg settings plan` and `cfimg settings apply`:
/// the variants, the signing key names and the account options an account should have.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cfimg settings")]
pub struct SettingsFile {
    /// Signing keys, by name only: their values never leave the API. A name the account lacks
    /// is created; an existing key is never created again, since that would rotate it (use
    /// `--rotate NAME` for that). With `--prune`, keys not named here are deleted, unless this
    /// list is empty: the account always keeps a key.
    #[serde(default, deserialize_with = "unique_keys")]
    #[schemars(with = "Vec<KeyName>", extend("uniqueItems" = true))]
    pub keys: Vec<KeyName>,

    /// With `--prune`, delete the `public` variant too when `[variants]` does not list it.
    /// Without this, `--prune` never deletes `public`, which every image is delivered with by
    /// default.
    #[serde(default, skip_serializing_if = "is_false")]
    pub prune_public: bool,

    /// Account-wide options (`PATCH …/images/v1/config`). An option left out is left as it is.
    #[serde(default, skip_serializing_if = "AccountOptions::is_empty")]
    pub account: AccountOptions,

    /// Variants by name: the sizes images are delivered in (`…/<image id>/<variant name>`).
    #[serde(default)]
    pub variants: BTreeMap<VariantName, VariantSpec>,
}

/// The key names, each once: a name listed twice is a slip worth pointing at.
fn unique_keys<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<KeyName>, D::Error> {
    let keys = Vec::<KeyName>::deserialize(d)?;
    let mut seen = std::collections::BTreeSet::new();
    match keys.iter().find(|k| !seen.insert(*k)) {
        Some(twice) => Err(serde::de::Error::custom(format!(
            "signing key {:?} is listed twice",
            twice.as_str()
        ))),
        None => Ok(keys),
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Account-wide delivery options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountOptions {
    /// Allow transformations in delivery URLs (`w=400,fit=cover`) where a variant name goes.
    /// They cannot be used with images that require signed URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "bool")]
    pub flexible_variants: Option<bool>,

    /// Seconds a browser may cache a delivered image: 3600 (one hour) to 31536000 (one year).
    /// Cloudflare's default is 172800 (two days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "BrowserTtl")]
    pub browser_ttl: Option<BrowserTtl>,
}

impl AccountOptions {
    pub fn is_empty(&self) -> bool {
        self.flexible_variants.is_none() && self.browser_ttl.is_none()
    }
}

/// One variant: all four options the API requires, and whether it is public.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantSpec {
    /// How the image is fitted to `width` × `height`.
    pub fit: Fit,
    /// Maximum width in pixels.
    pub width: NonZeroU32,
    /// Maximum height in pixels.
    pub height: NonZeroU32,
    /// Which EXIF data the delivered image keeps.
    #[serde(default)]
    pub metadata: MetadataPolicy,
    /// Serve this variant without a signature even for images that require signed URLs.
    #[serde(default)]
    pub never_require_signed_urls: bool,
}

/// How an image is fitted to a variant's box.
// Also the values of `variants create --fit`: one spelling of each, in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Shrunk to fit inside the box, keeping its proportions; never enlarged.
    ScaleDown,
    /// Resized, up or down, to fit inside the box, keeping its proportions.
    Contain,
    /// Resized to fill the box exactly, cropping what sticks out.
    Cover,
    /// Shrunk and cropped to fill the box; never enlarged.
    Crop,
    /// Resized to fit inside the box, and the rest of the box filled with background.
    Pad,
}

impl Fit {
    /// The API's spelling.
    pub fn wire(self) -> &'static str {
        match self {
            Fit::ScaleDown => "scale-down",
            Fit::Contain => "contain",
            Fit::Cover => "cover",
            Fit::Crop => "crop",
            Fit::Pad => "pad",
        }
    }
}

/// Which EXIF data a delivered image keeps.
// Also the values of `variants create --metadata`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema, ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum MetadataPolicy {
    /// All of it.
    Keep,
    /// Only the copyright.
    Copyright,
    /// None: every EXIF field is stripped.
    #[default]
    None,
}

impl MetadataPolicy {
    /// The API's spelling.
    pub fn wire(self) -> &'static str {
        match self {
            MetadataPolicy::Keep => "keep",
            MetadataPolicy::Copyright => "copyright",
            MetadataPolicy::None => "none",
        }
    }
}

/// A name the API's pattern allows: letters and digits, 1 to `MAX` of them
/// (docs/api-notes.md#limits).
fn check_name(kind: &str, name: &str, max: usize) -> Result<(), String> {
    if !name.is_empty() && name.len() <= max && name.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not a {kind} name: use 1 to {max} letters and digits (a-z, A-Z, 0-9)"
        ))
    }
}

/// A variant name: letters and digits, at most 99.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct VariantName(String);

/// A signing key name: letters and digits, at most 20.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct KeyName(String);

macro_rules! name_type {
    ($name:ident, $kind:literal, $max:literal, $pattern:literal) => {
        impl $name {
            pub const MAX_CHARS: usize = $max;

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(name: String) -> Result<Self, String> {
                check_name($kind, &name, $max).map(|()| $name(name))
            }
        }

        impl From<$name> for String {
            fn from(name: $name) -> String {
                name.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": concat!("Letters and digits, 1 to ", $max, " of them."),
                })
            }
        }
    };
}

name_type!(VariantName, "variant", 99, "^[A-Za-z0-9]{1,99}$");
name_type!(KeyName, "signing key", 20, "^[A-Za-z0-9]{1,20}$");

/// Seconds a browser may cache a delivered image, within the documented range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct BrowserTtl(u32);

impl BrowserTtl {
    /// One hour to one year (docs/api-notes.md#variants-and-transformations).
    pub const RANGE: std::ops::RangeInclusive<u32> = 3_600..=31_536_000;

    pub fn seconds(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for BrowserTtl {
    type Error = String;
    fn try_from(seconds: u32) -> Result<Self, String> {
        if Self::RANGE.contains(&seconds) {
            Ok(BrowserTtl(seconds))
        } else {
            Err(format!(
                "browser_ttl {seconds} is out of range: use {} (one hour) to {} (one year) seconds",
                Self::RANGE.start(),
                Self::RANGE.end()
            ))
        }
    }
}

impl From<BrowserTtl> for u32 {
    fn from(ttl: BrowserTtl) -> u32 {
        ttl.0
    }
}

impl JsonSchema for BrowserTtl {
    fn schema_name() -> Cow<'static, str> {
        "BrowserTtl".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": *Self::RANGE.start(),
            "maximum": *Self::RANGE.end(),
        })
    }
}

/// Why a settings file cannot be used, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The 1-based line, when the parser knows it.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Parse and check a settings file's text: TOML syntax (duplicate keys included), then every
/// key, type and value, the first problem with its line.
pub fn parse(text: &str) -> Result<SettingsFile, FileProblem> {
    toml::from_str(text).map_err(|e: toml::de::Error| FileProblem {
        line: e.span().map(|span| line_of(text, span.start)),
        // One line: the parser's message, without its picture of the line.
        message: e
            .message()
            .trim()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// Read and check the file at `path`.
pub fn read(path: &Path) -> Result<SettingsFile, ReadError> {
    let text = std::fs::read_to_string(path).map_err(ReadError::Io)?;
    parse(&text).map_err(ReadError::Invalid)
}

/// Why [`read`] failed.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Invalid(FileProblem),
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The JSON Schema of the file (draft 7, which taplo and Even Better TOML read), as the text
/// checked in as `docs/cfimg-settings.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<SettingsFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"
keys = ["default", "backup"]
prune_public = true

[account]
flexible_variants = true
browser_ttl = 3600

[variants.thumb]
fit = "cover"
width = 200
height = 100
metadata = "keep"
never_require_signed_urls = true

[variants.hero]
fit = "scale-down"
width = 1600
height = 900
"#;

    fn name(n: &str) -> VariantName {
        VariantName::try_from(n.to_string()).unwrap()
    }

    #[test]
    fn a_whole_file_is_read_and_defaults_fill_the_rest() {
        let file = parse(FULL).unwrap();
        assert_eq!(
            file.keys.iter().map(KeyName::as_str).collect::<Vec<_>>(),
            ["default", "backup"]
        );
        assert!(file.prune_public);
        assert_eq!(file.account.flexible_variants, Some(true));
        assert_eq!(
            file.account.browser_ttl.map(BrowserTtl::seconds),
            Some(3600)
        );
        let thumb = &file.variants[&name("thumb")];
        assert_eq!(
            (thumb.fit, thumb.width.get(), thumb.metadata),
            (Fit::Cover, 200, MetadataPolicy::Keep)
        );
        assert!(thumb.never_require_signed_urls);
        let hero = &file.variants[&name("hero")];
        assert_eq!(hero.metadata, MetadataPolicy::None);
        assert!(!hero.never_require_signed_urls);
        assert_eq!(parse("").unwrap(), SettingsFile::default());
    }

    fn problem(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn every_problem_names_its_line() {
        let unknown = problem("[variants.thumb]\nfit = \"cover\"\nwidht = 200\nheight = 1\n");
        assert!(
            unknown.starts_with("line 3: unknown field `widht`"),
            "{unknown}"
        );
        assert!(unknown.contains("`width`"), "lists the fields: {unknown}");
        let fit = problem("[variants.a]\nfit = \"squash\"\nwidth = 1\nheight = 1\n");
        assert!(fit.starts_with("line 2: unknown variant `squash`"), "{fit}");
        assert!(
            fit.contains("`scale-down`") && fit.contains("`pad`"),
            "{fit}"
        );
        let kind = problem("[variants.a]\nfit = \"pad\"\nwidth = \"200\"\nheight = 1\n");
        assert!(
            kind.starts_with("line 3: invalid type: string \"200\""),
            "{kind}"
        );
        let zero = problem("[variants.a]\nfit = \"pad\"\nwidth = 0\nheight = 1\n");
        assert!(zero.starts_with("line 3:"), "{zero}");
        let top = problem("\n\nvariant = 1\n");
        assert!(top.starts_with("line 3: unknown field `variant`"), "{top}");
        let ttl = problem("[account]\nbrowser_ttl = 60\n");
        assert!(
            ttl.starts_with("line 2: browser_ttl 60 is out of range"),
            "{ttl}"
        );
        let key = problem("keys = [\"default\", \"no-dashes\"]\n");
        assert!(key.starts_with("line 1:"), "{key}");
        assert!(key.contains("not a signing key name"), "{key}");
        let syntax = problem("[variants.a]\nfit = \"pad\n");
        assert!(syntax.starts_with("line 2:"), "{syntax}");
        let listed_twice = problem("\nkeys = [\"a\", \"b\", \"a\"]\n");
        assert_eq!(listed_twice, "line 2: signing key \"a\" is listed twice");
        let twice = problem("keys = []\nkeys = []\n");
        assert!(twice.starts_with("line 2: duplicate key"), "{twice}");
        assert!(!twice.contains('\n'), "one line: {twice:?}");
    }

    #[test]
    fn a_bad_variant_name_is_named() {
        let text = problem(
            "[variants.ok]\nfit = \"pad\"\nwidth = 1\nheight = 1\n\n[variants.\"a-b\"]\nfit = \"pad\"\nwidth = 1\nheight = 1\n",
        );
        assert!(text.contains("\"a-b\" is not a variant name"), "{text}");
        assert!(text.starts_with("line "), "{text}");
    }

    #[test]
    fn the_schema_describes_the_file() {
        let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        let text = schema.to_string();
        for needle in [
            "prune_public",
            "browser_ttl",
            "scale-down",
            "^[A-Za-z0-9]{1,99}$",
            "never_require_signed_urls",
        ] {
            assert!(text.contains(needle), "{needle} missing from {text}");
        }
    }
}
