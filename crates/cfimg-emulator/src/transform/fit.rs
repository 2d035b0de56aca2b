//! Where a variant's box puts the image: the size to scale to, what to crop, what to pad.
//!
//! The fit modes are Cloudflare's (docs/api-notes.md#variants-and-transformations):
//! `scale-down` shrinks to fit inside the box and never enlarges; `contain` fits inside the box
//! keeping the ratio, enlarging too; `cover` fills the box exactly and crops the overflow;
//! `crop` is `scale-down` for an image that fits inside the box and `cover` for one that does
//! not, without ever enlarging; `pad` is `contain`, then fills the rest of the box.

use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fit {
    ScaleDown,
    Contain,
    Cover,
    Crop,
    Pad,
}

impl FromStr for Fit {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "scale-down" => Fit::ScaleDown,
            "contain" => Fit::Contain,
            "cover" => Fit::Cover,
            "crop" => Fit::Crop,
            "pad" => Fit::Pad,
            _ => return Err(()),
        })
    }
}

/// What to do to a `width`×`height` image: scale it to `scaled`, then keep the centred
/// `cropped` part of it, then centre that on a `canvas` (the same size when nothing is padded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub scaled: (u32, u32),
    pub cropped: (u32, u32),
    pub canvas: (u32, u32),
}

impl Plan {
    /// The size of the result.
    pub fn output(&self) -> (u32, u32) {
        self.canvas
    }

    pub fn is_identity(&self, source: (u32, u32)) -> bool {
        self.scaled == source && self.cropped == source && self.canvas == source
    }
}

/// The plan for a `source` image in a box of `width`×`height`. A side left out is unbounded:
/// the other side alone sets the scale (and with neither, the image keeps its size).
pub fn plan(fit: Fit, source: (u32, u32), width: Option<u32>, height: Option<u32>) -> Plan {
    let (sw, sh) = (f64::from(source.0.max(1)), f64::from(source.1.max(1)));
    let sx = width.map(|w| f64::from(w) / sw);
    let sy = height.map(|h| f64::from(h) / sh);
    let (fit_scale, fill_scale) = match (sx, sy) {
        (Some(x), Some(y)) => (x.min(y), x.max(y)),
        (Some(s), None) | (None, Some(s)) => (s, s),
        (None, None) => (1.0, 1.0),
    };
    let scale = match fit {
        Fit::ScaleDown => fit_scale.min(1.0),
        Fit::Contain | Fit::Pad => fit_scale,
        Fit::Cover => fill_scale,
        Fit::Crop => fill_scale.min(1.0),
    };
    let scaled = (side(sw * scale), side(sh * scale));
    // The box, with an unbounded side as large as the scaled image.
    let boxed = (width.unwrap_or(scaled.0), height.unwrap_or(scaled.1));
    let cropped = match fit {
        Fit::Cover | Fit::Crop => (scaled.0.min(boxed.0), scaled.1.min(boxed.1)),
        _ => scaled,
    };
    let canvas = match fit {
        Fit::Pad => boxed,
        _ => cropped,
    };
    Plan {
        scaled,
        cropped,
        canvas,
    }
}

/// A side in whole pixels: rounded, and at least one.
fn side(x: f64) -> u32 {
    (x.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(fit: &str, source: (u32, u32), w: u32, h: u32) -> (u32, u32) {
        plan(fit.parse().unwrap(), source, Some(w), Some(h)).output()
    }

    #[test]
    fn a_square_in_a_smaller_and_a_larger_box() {
        let sq = (64, 64);
        assert_eq!(out("scale-down", sq, 32, 16), (16, 16));
        assert_eq!(out("contain", sq, 32, 16), (16, 16));
        assert_eq!(out("cover", sq, 32, 16), (32, 16));
        assert_eq!(out("crop", sq, 32, 16), (32, 16));
        assert_eq!(out("pad", sq, 32, 16), (32, 16));

        assert_eq!(out("scale-down", sq, 128, 96), (64, 64));
        assert_eq!(out("contain", sq, 128, 96), (96, 96));
        assert_eq!(out("cover", sq, 128, 96), (128, 96));
        assert_eq!(out("crop", sq, 128, 96), (64, 64));
        assert_eq!(out("pad", sq, 128, 96), (128, 96));
    }

    #[test]
    fn a_wide_image_in_a_box_it_overflows_one_way() {
        let wide = (64, 32);
        assert_eq!(out("scale-down", wide, 32, 32), (32, 16));
        assert_eq!(out("contain", wide, 32, 32), (32, 16));
        assert_eq!(out("cover", wide, 32, 32), (32, 32));
        // Cover would enlarge (to 64 high); crop does not, and crops the width only.
        assert_eq!(out("crop", wide, 32, 32), (32, 32));
        assert_eq!(out("crop", wide, 32, 64), (32, 32));
        assert_eq!(out("cover", wide, 32, 64), (32, 64));
        assert_eq!(out("pad", wide, 32, 32), (32, 32));
    }

    #[test]
    fn pad_scales_then_centres_on_the_box() {
        let p = plan(Fit::Pad, (64, 32), Some(32), Some(32));
        assert_eq!(p.scaled, (32, 16));
        assert_eq!(p.cropped, (32, 16));
        assert_eq!(p.canvas, (32, 32));
    }

    #[test]
    fn one_side_alone_keeps_the_ratio() {
        assert_eq!(
            plan(Fit::ScaleDown, (400, 200), Some(100), None).output(),
            (100, 50)
        );
        assert_eq!(
            plan(Fit::Cover, (400, 200), None, Some(100)).output(),
            (200, 100)
        );
        assert_eq!(
            plan(Fit::ScaleDown, (400, 200), Some(800), None).output(),
            (400, 200)
        );
        assert!(plan(Fit::Contain, (7, 9), None, None).is_identity((7, 9)));
    }

    #[test]
    fn never_smaller_than_a_pixel() {
        assert_eq!(out("contain", (10_000, 1), 10, 10), (10, 1));
    }
}
