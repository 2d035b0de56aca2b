//! Flexible variants: transformations where the variant name goes, `w=200,h=100,fit=cover`
//! (docs/api-notes.md#delivery-urls), once the account has them enabled.
//!
//! Applied: `width`/`w`, `height`/`h`, `fit`, `metadata`, `quality`/`q` (JPEG), `format`/`f`
//! (`auto`, `webp`, `jpeg`, `baseline-jpeg`, `png`) and `dpr` (multiplies the box). Cloudflare's
//! other options (`sharpen`, `blur`, `rotate`, `gravity`, …) are accepted, as the edge accepts
//! them, but not applied: delivery names them in the `Cfimg-Not-Applied` header, so an app's
//! test can tell. So is `format=avif`, which falls back to the `Accept` header (the emulator has
//! no AVIF encoder). Anything else, or a bad value, is the edge's 9401.
//!
//! Defaults follow Cloudflare's transformations: `fit=scale-down`, `metadata=copyright`.

use crate::transform::{self, Fit, Format, FormatRequest, Metadata, Options};

/// Cloudflare's transformation options that the emulator does not apply.
const NOT_APPLIED: &[&str] = &[
    "anim",
    "background",
    "blur",
    "border",
    "brightness",
    "compression",
    "contrast",
    "flip",
    "g",
    "gamma",
    "gravity",
    "onerror",
    "rotate",
    "saturation",
    "segment",
    "sharpen",
    "slow-connection-quality",
    "trim",
    "zoom",
];

/// Whether a variant segment is a list of options rather than a name (names are alphanumeric).
pub fn is_flexible(segment: &str) -> bool {
    segment.contains('=')
}

/// Parsed options, with the `key=value` pairs accepted but not applied.
#[derive(Debug, PartialEq)]
pub struct Flexible {
    pub options: Options,
    pub not_applied: Vec<String>,
}

pub fn parse(segment: &str) -> Result<Flexible, String> {
    let mut options = Options {
        fit: Fit::ScaleDown,
        width: None,
        height: None,
        metadata: Metadata::Copyright,
        quality: None,
        format: FormatRequest::Negotiate,
    };
    let mut dpr = 1.0f64;
    let mut not_applied = Vec::new();
    for pair in segment.split(',').filter(|p| !p.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("option {pair:?} has no value"))?;
        let bad = || format!("invalid value for {key}: {value:?}");
        match key {
            "w" | "width" => options.width = Some(dimension(value).ok_or_else(bad)?),
            "h" | "height" => options.height = Some(dimension(value).ok_or_else(bad)?),
            "fit" => options.fit = value.parse().map_err(|()| bad())?,
            "metadata" => options.metadata = value.parse().map_err(|()| bad())?,
            "q" | "quality" => {
                options.quality = Some(
                    value
                        .parse::<u8>()
                        .ok()
                        .filter(|q| (1..=100).contains(q))
                        .ok_or_else(bad)?,
                )
            }
            "dpr" => {
                dpr = value
                    .parse::<f64>()
                    .ok()
                    .filter(|d| (0.1..=10.0).contains(d))
                    .ok_or_else(bad)?
            }
            "f" | "format" => match value {
                "auto" => options.format = FormatRequest::Negotiate,
                "webp" => options.format = FormatRequest::Fixed(Format::Webp),
                "jpeg" | "baseline-jpeg" => options.format = FormatRequest::Fixed(Format::Jpeg),
                "png" => options.format = FormatRequest::Fixed(Format::Png),
                "avif" => {
                    options.format = FormatRequest::Negotiate;
                    not_applied.push(pair.to_string());
                }
                _ => {
                    return Err(format!(
                        "format {value:?} is not one the emulator can write"
                    ));
                }
            },
            _ if NOT_APPLIED.contains(&key) || key.starts_with("trim.") => {
                not_applied.push(pair.to_string())
            }
            _ => return Err(format!("unknown option {key:?}")),
        }
    }
    if dpr != 1.0 {
        let scale = |side: Option<u32>| {
            side.map(|s| ((f64::from(s) * dpr).round() as u32).clamp(1, transform::MAX_SIDE))
        };
        options.width = scale(options.width);
        options.height = scale(options.height);
    }
    Ok(Flexible {
        options,
        not_applied,
    })
}

/// A side in pixels: a positive number, at most the API's longest side.
fn dimension(value: &str) -> Option<u32> {
    let v: f64 = value.parse().ok()?;
    (v >= 1.0 && v.is_finite()).then(|| (v.round() as u32).min(transform::MAX_SIDE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_names_and_defaults() {
        let f = parse("w=200,h=100,fit=cover").unwrap();
        assert_eq!(f.options.width, Some(200));
        assert_eq!(f.options.height, Some(100));
        assert_eq!(f.options.fit, Fit::Cover);
        assert_eq!(f.options.metadata, Metadata::Copyright);
        let f = parse("width=50,dpr=2,quality=60,format=png,metadata=none").unwrap();
        assert_eq!(f.options.width, Some(100));
        assert_eq!(f.options.height, None);
        assert_eq!(f.options.fit, Fit::ScaleDown);
        assert_eq!(f.options.quality, Some(60));
        assert_eq!(f.options.format, FormatRequest::Fixed(Format::Png));
        assert!(f.not_applied.is_empty());
    }

    #[test]
    fn cloudflare_options_not_applied_are_named() {
        let f = parse("w=400,sharpen=3,format=avif").unwrap();
        assert_eq!(f.not_applied, ["sharpen=3", "format=avif"]);
        assert_eq!(f.options.format, FormatRequest::Negotiate);
    }

    #[test]
    fn bad_options_are_refused() {
        for bad in [
            "w=0",
            "w=abc",
            "fit=stretch",
            "q=101",
            "frobnicate=1",
            "w",
            "format=json",
            "dpr=0",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(is_flexible("w=1"));
        assert!(!is_flexible("public"));
    }
}
