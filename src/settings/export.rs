//! An account's settings as a settings file: the typed file (for `--json`), and its text,
//! commented so that it reads well in a review: what the file is and how to apply it, what each
//! variant delivers, and which options could not be read. Names are sorted and nothing in the
//! text depends on the time or the account, so two exports of the same settings are the same
//! bytes and a re-export diffs cleanly.

use std::fmt::Write;
use std::path::Path;

use super::file::{
    AccountOptions, BrowserTtl, Fit, KeyName, MetadataPolicy, SCHEMA_FILE, SettingsFile,
    VariantName, VariantSpec,
};
use super::plan::Current;
use crate::api::variants::Variant;

/// The settings file that describes `current` (account options that could not be read are
/// left out). Fails on what a file cannot hold: a name or option value the file's checks would
/// refuse, so an export always reads back.
pub fn to_file(current: &Current) -> Result<SettingsFile, String> {
    let mut keys = current
        .keys
        .iter()
        .map(|name| KeyName::try_from(name.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    keys.sort();
    keys.dedup();
    let browser_ttl = current
        .options
        .browser_ttl
        .map(BrowserTtl::try_from)
        .transpose()
        .map_err(|e| format!("the account's {e}"))?;
    let variants = current
        .variants
        .iter()
        .map(|v| Ok((VariantName::try_from(v.id.clone())?, spec_of(v)?)))
        .collect::<Result<_, String>>()?;
    Ok(SettingsFile {
        keys,
        prune_public: false,
        account: AccountOptions {
            flexible_variants: current.options.flexible_variants,
            browser_ttl,
        },
        variants,
    })
}

fn spec_of(variant: &Variant) -> Result<VariantSpec, String> {
    let fit = match variant.options.fit.as_str() {
        "scale-down" => Fit::ScaleDown,
        "contain" => Fit::Contain,
        "cover" => Fit::Cover,
        "crop" => Fit::Crop,
        "pad" => Fit::Pad,
        other => {
            return Err(format!(
                "variant {:?} has fit {other:?}, which cfimg does not know",
                variant.id
            ));
        }
    };
    let metadata = match variant.options.metadata.as_str() {
        "keep" => MetadataPolicy::Keep,
        "copyright" => MetadataPolicy::Copyright,
        "none" => MetadataPolicy::None,
        other => {
            return Err(format!(
                "variant {:?} has metadata {other:?}, which cfimg does not know",
                variant.id
            ));
        }
    };
    let pixels = |what: &str, n: &serde_json::Number| {
        n.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= 1.0 && *x <= f64::from(u32::MAX))
            .and_then(|x| std::num::NonZeroU32::new(x as u32))
            .ok_or_else(|| {
                format!(
                    "variant {:?} has {what} {n}, and the file holds whole pixels only",
                    variant.id
                )
            })
    };
    Ok(VariantSpec {
        fit,
        width: pixels("width", &variant.options.width)?,
        height: pixels("height", &variant.options.height)?,
        metadata,
        never_require_signed_urls: variant.never_require_signed_urls,
    })
}

/// Why the account options are missing from an export, for its comment: the API's refusal of
/// `GET …/images/v1/config`, or `None` when they were read.
pub type OptionsNote<'a> = Option<&'a str>;

/// The file's text. `file_name` is what the header tells to plan and apply (the name written
/// to, or the default name when the text goes to stdout).
pub fn to_text(file: &SettingsFile, file_name: &str, unreadable: OptionsNote<'_>) -> String {
    let mut text = String::new();
    // `writeln!` on a String cannot fail.
    let mut line = |s: &str| {
        let _ = writeln!(text, "{s}");
    };
    line(&format!("#:schema ./{SCHEMA_FILE}"));
    line("");
    line("# Cloudflare Images settings as code: variants, signing key names and account options,");
    line("# written by `cfimg settings export`. Edit, then review the change and make it:");
    line(&format!("#   cfimg settings plan {file_name}"));
    line(&format!("#   cfimg settings apply {file_name}"));
    line("# --prune also deletes the variants and keys this file does not name. Editors that read");
    line("# the #:schema line (taplo, Even Better TOML) complete and check this file once the");
    line(&format!(
        "# schema is beside it: cfimg settings schema > {SCHEMA_FILE}"
    ));
    line("");
    line(
        "# Signing keys, by name: their values stay with Cloudflare. A name added here is created;",
    );
    line("# an existing key is never created again, which would rotate it (apply --rotate NAME).");
    let names: Vec<String> = file
        .keys
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    line(&format!("keys = [{}]", names.join(", ")));
    line("");
    line("# With --prune, delete the `public` variant too when [variants] does not list it.");
    line(if file.prune_public {
        "prune_public = true"
    } else {
        "# prune_public = true"
    });
    line("");
    account_text(&file.account, unreadable, &mut line);
    for (name, spec) in &file.variants {
        line("");
        let [what, how] = describe(spec);
        line(&format!("# {name}: {what}"));
        line(&format!("# {how}"));
        line(&format!("[variants.{name}]"));
        line(&format!("fit = {:?}", spec.fit.wire()));
        line(&format!("width = {}", spec.width));
        line(&format!("height = {}", spec.height));
        line(&format!("metadata = {:?}", spec.metadata.wire()));
        line(&format!(
            "never_require_signed_urls = {}",
            spec.never_require_signed_urls
        ));
    }
    text
}

/// Cloudflare's defaults, shown (commented) for an option that could not be read.
const DEFAULT_FLEXIBLE_VARIANTS: bool = false;
const DEFAULT_BROWSER_TTL: u32 = 172_800;

fn account_text(
    options: &AccountOptions,
    unreadable: OptionsNote<'_>,
    line: &mut impl FnMut(&str),
) {
    let flexible = options.flexible_variants;
    let ttl = options.browser_ttl.map(BrowserTtl::seconds);
    let all_unknown = flexible.is_none() && ttl.is_none();
    if all_unknown {
        let why = unreadable.map_or_else(String::new, |why| format!(" ({why})"));
        line(&format!("# The account options could not be read{why}."));
        line(
            "# Uncomment one to have apply set it; as its current value cannot be compared, every",
        );
        line("# apply sets it again. The values shown are Cloudflare's defaults.");
        line("# [account]");
    } else {
        line("[account]");
    }
    let commented = |known: bool| if known { "" } else { "# " };
    line("# Transformations in delivery URLs (w=400,fit=cover) where a variant name goes.");
    if flexible.is_none() && !all_unknown {
        line("# (could not be read; uncomment to have every apply set it)");
    }
    line(&format!(
        "{}flexible_variants = {}",
        commented(flexible.is_some()),
        flexible.unwrap_or(DEFAULT_FLEXIBLE_VARIANTS)
    ));
    let seconds = ttl.unwrap_or(DEFAULT_BROWSER_TTL);
    line(&format!(
        "# Seconds a browser may cache a delivered image ({}), from 3600 to 31536000.",
        duration_words(seconds)
    ));
    if ttl.is_none() && !all_unknown {
        line("# (could not be read; uncomment to have every apply set it)");
    }
    line(&format!(
        "{}browser_ttl = {seconds}",
        commented(ttl.is_some())
    ));
}

/// What a variant delivers, in words, as two comment lines: `fit cover 200×200: fills the box,
/// cropping what sticks out` and `EXIF stripped`.
pub fn describe(spec: &VariantSpec) -> [String; 2] {
    let fit = match spec.fit {
        Fit::ScaleDown => "shrunk to fit inside, never enlarged",
        Fit::Contain => "resized to fit inside",
        Fit::Cover => "fills the box, cropping what sticks out",
        Fit::Crop => "shrunk to fill the box and cropped, never enlarged",
        Fit::Pad => "resized to fit inside, the rest padded",
    };
    let metadata = match spec.metadata {
        MetadataPolicy::Keep => "EXIF kept",
        MetadataPolicy::Copyright => "EXIF stripped but for the copyright",
        MetadataPolicy::None => "EXIF stripped",
    };
    let signed = if spec.never_require_signed_urls {
        "; served unsigned even for private images"
    } else {
        ""
    };
    [
        format!(
            "fit {} {}×{}: {fit}",
            spec.fit.wire(),
            spec.width,
            spec.height
        ),
        format!("{metadata}{signed}"),
    ]
}

/// `2 days`, `1 hour`, `90 minutes`: the largest unit the seconds are a whole number of.
fn duration_words(seconds: u32) -> String {
    let (count, unit) = [
        (31_536_000, "year"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
    ]
    .into_iter()
    .find(|(unit, _)| seconds.is_multiple_of(*unit))
    .map_or((seconds, "second"), |(size, unit)| (seconds / size, unit));
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}

/// Write `text` to `path` atomically: a temp file beside it (beside the file a symbolic link
/// leads to), renamed into place, so a reader never sees half a file. A replaced file keeps
/// its permissions; a new one is readable by all (0644), as files in a repository are.
pub fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let target = crate::config::write_target(path)?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".cfimg-settings.")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::config::AccountConfig;
    use crate::settings::file::parse;

    fn current() -> Current {
        let variant = |id: &str, fit: &str, w: u32, h: u32, meta: &str, never: bool| {
            serde_json::from_value::<Variant>(serde_json::json!({
                "id": id,
                "options": {"fit": fit, "width": w, "height": h, "metadata": meta},
                "neverRequireSignedURLs": never,
            }))
            .unwrap()
        };
        Current {
            variants: vec![
                variant("thumb", "cover", 200, 200, "none", false),
                variant("avatar", "crop", 96, 96, "copyright", true),
                variant("public", "scale-down", 1366, 768, "keep", false),
            ],
            keys: vec!["default".into(), "backup".into()],
            options: AccountConfig {
                flexible_variants: Some(true),
                browser_ttl: Some(3_600),
            },
        }
    }

    #[test]
    fn the_text_reads_back_as_the_same_settings() {
        let file = to_file(&current()).unwrap();
        let text = to_text(&file, "cfimg-settings.toml", None);
        assert_eq!(parse(&text).unwrap(), file);
        assert!(
            text.starts_with("#:schema ./cfimg-settings.schema.json\n"),
            "{text}"
        );
        assert!(
            text.contains("keys = [\"backup\", \"default\"]\n"),
            "sorted: {text}"
        );
        let avatar = text.find("[variants.avatar]").unwrap();
        let public = text.find("[variants.public]").unwrap();
        let thumb = text.find("[variants.thumb]").unwrap();
        assert!(avatar < public && public < thumb, "sorted: {text}");
        assert!(
            text.contains(
                "# thumb: fit cover 200×200: fills the box, cropping what sticks out\n# EXIF stripped\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "# EXIF stripped but for the copyright; served unsigned even for private images\n"
            ),
            "{text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
        assert!(text.contains("(1 hour)"), "{text}");
        assert!(text.contains("\nflexible_variants = true\n"), "{text}");
    }

    #[test]
    fn options_that_could_not_be_read_are_left_commented() {
        let mut current = current();
        current.options = AccountConfig::default();
        let file = to_file(&current).unwrap();
        let text = to_text(&file, "s.toml", Some("HTTP 404"));
        assert!(
            text.contains("# The account options could not be read (HTTP 404)."),
            "{text}"
        );
        assert!(text.contains("\n# [account]\n"), "{text}");
        assert!(text.contains("\n# flexible_variants = false\n"), "{text}");
        assert!(text.contains("\n# browser_ttl = 172800\n"), "{text}");
        assert!(text.contains("cfimg settings plan s.toml"), "{text}");
        let back = parse(&text).unwrap();
        assert!(back.account.is_empty());
        assert_eq!(back, file);

        // One option known, the other not.
        current.options.browser_ttl = Some(86_400);
        let text = to_text(&to_file(&current).unwrap(), "s.toml", None);
        assert!(text.contains("\n[account]\n"), "{text}");
        assert!(text.contains("\n# flexible_variants = false\n"), "{text}");
        assert!(text.contains("\nbrowser_ttl = 86400\n"), "{text}");
        assert_eq!(
            parse(&text)
                .unwrap()
                .account
                .browser_ttl
                .map(BrowserTtl::seconds),
            Some(86_400)
        );
    }

    #[test]
    fn what_a_file_cannot_hold_is_refused() {
        let mut odd = current();
        odd.variants[0].options.width = serde_json::Number::from_f64(100.5).unwrap();
        assert!(to_file(&odd).unwrap_err().contains("whole pixels"));
        let mut odd = current();
        odd.variants[0].options.fit = "stretch".into();
        assert!(to_file(&odd).unwrap_err().contains("\"stretch\""));
        let mut odd = current();
        odd.options.browser_ttl = Some(5);
        assert!(to_file(&odd).unwrap_err().contains("browser_ttl 5"));
    }

    #[cfg(unix)]
    #[test]
    fn files_are_replaced_whole_and_keep_their_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        write_file(&path, "one\n").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, "two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        assert_eq!(mode(&path), 0o640);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temp file left behind");
    }

    #[test]
    fn durations_read_as_words() {
        assert_eq!(duration_words(172_800), "2 days");
        assert_eq!(duration_words(3_600), "1 hour");
        assert_eq!(duration_words(31_536_000), "1 year");
        assert_eq!(duration_words(5_400), "90 minutes");
        assert_eq!(duration_words(3_601), "3601 seconds");
    }
}
