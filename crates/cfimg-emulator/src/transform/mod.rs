//! Variant transformations: an image's stored bytes in, the bytes a variant delivers out.
//!
//! What is applied (docs/api-notes.md#variants-and-transformations): the fit modes with a box
//! (`fit`), which EXIF stays (`metadata`), and the output format. What is served as stored,
//! untransformed: SVG (never resized, as on Cloudflare), AVIF (the emulator has no AVIF codec),
//! animated WebP (the `image` crate cannot write animations in WebP), and animated GIFs over 50
//! megapixels of frames in total (Cloudflare delivers those untransformed too). Animated GIFs
//! below that have every frame resized and stay animated GIFs, whatever the `Accept` header.
//!
//! Decoding is bounded (docs/api-notes.md#limits): at most 12,000 px a side, 100 megapixels,
//! and an allocation cap, so a hostile file cannot take the emulator's memory.
//!
//! Everything here is synchronous and CPU-bound; delivery runs it on blocking threads, a few at
//! a time.

mod exif;
pub mod fit;

use std::io::Cursor;
use std::str::FromStr;

use image::codecs::gif::{GifDecoder, GifEncoder, Repeat};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::{WebPDecoder, WebPEncoder};
use image::imageops::FilterType;
use image::{
    AnimationDecoder, DynamicImage, Frame, ImageDecoder, ImageEncoder, ImageFormat, ImageReader,
    Limits, Rgba, RgbaImage,
};

pub use fit::Fit;

/// The longest side the API takes (docs/api-notes.md#limits).
pub const MAX_SIDE: u32 = 12_000;
/// The largest area the API takes: 100 megapixels.
pub const MAX_PIXELS: u64 = 100_000_000;
/// Animations with more pixels than this over all their frames are delivered untransformed.
pub const MAX_ANIMATION_PIXELS: u64 = 50_000_000;
/// What one decode may allocate: a 100-megapixel image in 8-bit RGBA, with room to spare.
pub const MAX_DECODE_ALLOC: u64 = 512 * 1024 * 1024;
/// JPEG quality when a request does not say (Cloudflare's documented default is 85).
pub const DEFAULT_QUALITY: u8 = 85;

/// Which EXIF data a variant keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metadata {
    Keep,
    Copyright,
    None,
}

impl FromStr for Metadata {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "keep" => Metadata::Keep,
            "copyright" => Metadata::Copyright,
            "none" => Metadata::None,
            _ => return Err(()),
        })
    }
}

/// The formats the emulator can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Gif => "image/gif",
            Format::Webp => "image/webp",
        }
    }

    /// The format of stored bytes whose content type is `ct`, when the emulator can read it.
    pub fn readable(ct: &str) -> Option<Format> {
        Some(match ct {
            "image/jpeg" => Format::Jpeg,
            "image/png" => Format::Png,
            "image/gif" => Format::Gif,
            "image/webp" => Format::Webp,
            _ => return None,
        })
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::Gif => ImageFormat::Gif,
            Format::Webp => ImageFormat::WebP,
        }
    }
}

/// Which output format a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatRequest {
    /// From the `Accept` header: WebP where accepted, else the original format.
    Negotiate,
    Fixed(Format),
}

/// A variant's options, as delivery applies them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    pub fit: Fit,
    /// The box; a side left out is unbounded.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub metadata: Metadata,
    /// JPEG quality, 1 to 100.
    pub quality: Option<u8>,
    pub format: FormatRequest,
}

/// The output format for an image stored as `original`. An `Accept` header that lists
/// `image/webp` (with a quality above zero) gets WebP; `image/avif` alone does not change
/// anything, since the emulator has no AVIF encoder.
pub fn output_format(original: Format, request: FormatRequest, accept: Option<&str>) -> Format {
    match request {
        FormatRequest::Fixed(f) => f,
        FormatRequest::Negotiate => {
            if accepts(accept.unwrap_or_default(), "image/webp") {
                Format::Webp
            } else {
                original
            }
        }
    }
}

/// Whether an `Accept` header lists `media_type` by name with a quality above zero.
fn accepts(accept: &str, media_type: &str) -> bool {
    accept.split(',').any(|range| {
        let mut parts = range.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(media_type) && !refused
    })
}

/// What a variant delivers.
#[derive(Debug)]
pub enum Outcome {
    /// New bytes, of this format.
    Rendered {
        bytes: Vec<u8>,
        content_type: &'static str,
    },
    /// The stored bytes, untransformed: an animation that cannot be rewritten, or a request
    /// that changes nothing.
    AsStored,
}

#[derive(Debug, thiserror::Error)]
pub enum TransformError {
    /// Over the API's limits (Cloudflare's 9413).
    #[error("the image exceeds the maximum image area of 100 megapixels or 12,000 px a side")]
    TooLarge,
    /// Bytes that do not decode as the format they claim (Cloudflare's 9523).
    #[error("the image could not be decoded: {0}")]
    Undecodable(String),
}

impl From<image::ImageError> for TransformError {
    fn from(e: image::ImageError) -> Self {
        match e {
            image::ImageError::Limits(_) => TransformError::TooLarge,
            other => TransformError::Undecodable(other.to_string()),
        }
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

fn check_size((w, h): (u32, u32)) -> Result<(), TransformError> {
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(TransformError::TooLarge);
    }
    Ok(())
}

/// Applies `options` to `source`, stored as `input`, writing `output`.
pub fn render(
    source: &[u8],
    input: Format,
    options: &Options,
    output: Format,
) -> Result<Outcome, TransformError> {
    match input {
        Format::Gif => render_gif(source, options, output),
        Format::Webp if is_animated_webp(source) => Ok(Outcome::AsStored),
        _ => render_still(source, input, options, output),
    }
}

fn render_still(
    source: &[u8],
    input: Format,
    options: &Options,
    output: Format,
) -> Result<Outcome, TransformError> {
    let mut reader = ImageReader::with_format(Cursor::new(source), input.image_format());
    reader.limits(limits());
    let mut decoder = reader.into_decoder()?;
    let size = decoder.dimensions();
    check_size(size)?;
    let plan = fit::plan(options.fit, size, options.width, options.height);
    if plan.is_identity(size) && output == input && options.metadata == Metadata::Keep {
        return Ok(Outcome::AsStored);
    }
    // A file whose EXIF cannot be read is delivered without it.
    let exif = decoder.exif_metadata().ok().flatten();
    let image = DynamicImage::from_decoder(decoder)?;
    let image = apply(image, &plan);
    let exif = match options.metadata {
        Metadata::Keep => exif,
        Metadata::Copyright => exif.as_deref().and_then(exif::copyright_only),
        Metadata::None => None,
    };
    Ok(Outcome::Rendered {
        bytes: encode(&image, output, options.quality, exif)?,
        content_type: output.content_type(),
    })
}

/// Scale, crop the centre, pad onto a white canvas, as the plan says.
fn apply(image: DynamicImage, plan: &fit::Plan) -> DynamicImage {
    let mut image = if (image.width(), image.height()) == plan.scaled {
        image
    } else {
        image.resize_exact(plan.scaled.0, plan.scaled.1, FilterType::Triangle)
    };
    if plan.cropped != plan.scaled {
        let x = (plan.scaled.0 - plan.cropped.0) / 2;
        let y = (plan.scaled.1 - plan.cropped.1) / 2;
        image = image.crop_imm(x, y, plan.cropped.0, plan.cropped.1);
    }
    if plan.canvas != plan.cropped {
        // Cloudflare pads with white unless told otherwise; white for every format here.
        let mut canvas = RgbaImage::from_pixel(plan.canvas.0, plan.canvas.1, Rgba([255; 4]));
        let x = (plan.canvas.0 - plan.cropped.0) / 2;
        let y = (plan.canvas.1 - plan.cropped.1) / 2;
        image::imageops::overlay(&mut canvas, &image.to_rgba8(), x.into(), y.into());
        image = DynamicImage::ImageRgba8(canvas);
    }
    image
}

fn encode(
    image: &DynamicImage,
    format: Format,
    quality: Option<u8>,
    exif: Option<Vec<u8>>,
) -> Result<Vec<u8>, TransformError> {
    let mut out = Vec::new();
    // GIF has no EXIF, so there is nothing to keep in it.
    fn with_exif<E: ImageEncoder>(mut e: E, exif: Option<Vec<u8>>) -> E {
        if let Some(exif) = exif {
            // Each encoder used here stores EXIF; an error would mean it silently did not.
            e.set_exif_metadata(exif)
                .expect("JPEG, PNG and WebP encoders store EXIF");
        }
        e
    }
    match format {
        Format::Jpeg => {
            let q = quality.unwrap_or(DEFAULT_QUALITY);
            let e = with_exif(JpegEncoder::new_with_quality(&mut out, q), exif);
            // JPEG has no alpha: flatten what is transparent onto white.
            if image.color().has_alpha() {
                flatten_on_white(image).write_with_encoder(e)?;
            } else {
                image.write_with_encoder(e)?;
            }
        }
        Format::Png => image.write_with_encoder(with_exif(PngEncoder::new(&mut out), exif))?,
        // The `image` crate writes lossless WebP only.
        Format::Webp => {
            image.write_with_encoder(with_exif(WebPEncoder::new_lossless(&mut out), exif))?
        }
        Format::Gif => image.write_with_encoder(GifEncoder::new(&mut out))?,
    }
    Ok(out)
}

fn flatten_on_white(image: &DynamicImage) -> DynamicImage {
    let mut canvas = RgbaImage::from_pixel(image.width(), image.height(), Rgba([255; 4]));
    image::imageops::overlay(&mut canvas, &image.to_rgba8(), 0, 0);
    DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(canvas).to_rgb8())
}

/// A GIF: a still one like any other image; an animated one frame by frame (as a GIF still),
/// or as stored past [`MAX_ANIMATION_PIXELS`].
fn render_gif(source: &[u8], options: &Options, output: Format) -> Result<Outcome, TransformError> {
    let mut decoder = GifDecoder::new(Cursor::new(source))?;
    decoder.set_limits(limits())?;
    let size = decoder.dimensions();
    check_size(size)?;
    let plan = fit::plan(options.fit, size, options.width, options.height);
    let frame_pixels = u64::from(size.0) * u64::from(size.1);
    let mut frames = Vec::new();
    let mut total = 0u64;
    for frame in decoder.into_frames() {
        let frame = frame?;
        total += frame_pixels;
        if total > MAX_ANIMATION_PIXELS {
            return Ok(Outcome::AsStored);
        }
        frames.push(frame);
    }
    if frames.len() <= 1 {
        let Some(first) = frames.pop() else {
            return Err(TransformError::Undecodable("a GIF without frames".into()));
        };
        if plan.is_identity(size) && output == Format::Gif {
            return Ok(Outcome::AsStored);
        }
        let image = apply(DynamicImage::ImageRgba8(first.into_buffer()), &plan);
        return Ok(Outcome::Rendered {
            bytes: encode(&image, output, options.quality, None)?,
            content_type: output.content_type(),
        });
    }
    if plan.is_identity(size) {
        return Ok(Outcome::AsStored);
    }
    let resized = frames.into_iter().map(|frame| {
        let delay = frame.delay();
        let image = apply(DynamicImage::ImageRgba8(frame.into_buffer()), &plan);
        Frame::from_parts(image.to_rgba8(), 0, 0, delay)
    });
    let mut out = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut out);
        encoder.set_repeat(Repeat::Infinite)?;
        encoder.encode_frames(resized)?;
    }
    Ok(Outcome::Rendered {
        bytes: out,
        content_type: Format::Gif.content_type(),
    })
}

/// The size of stored bytes, from their header alone.
pub fn dimensions(source: &[u8], input: Format) -> Option<(u32, u32)> {
    ImageReader::with_format(Cursor::new(source), input.image_format())
        .into_dimensions()
        .ok()
}

/// Whether stored bytes are delivered as stored by [`render`] whatever the options: an animated
/// WebP. (SVG and AVIF are not [`Format`]s at all.)
pub fn kept_as_stored(source: &[u8], input: Format) -> bool {
    input == Format::Webp && is_animated_webp(source)
}

fn is_animated_webp(source: &[u8]) -> bool {
    WebPDecoder::new(Cursor::new(source)).is_ok_and(|d| d.has_animation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_picks_webp_only_when_listed() {
        let neg = FormatRequest::Negotiate;
        let chrome = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
        assert_eq!(output_format(Format::Png, neg, Some(chrome)), Format::Webp);
        assert_eq!(output_format(Format::Jpeg, neg, None), Format::Jpeg);
        assert_eq!(
            output_format(Format::Jpeg, neg, Some("image/*")),
            Format::Jpeg
        );
        assert_eq!(
            output_format(Format::Jpeg, neg, Some("image/avif")),
            Format::Jpeg
        );
        assert_eq!(
            output_format(Format::Png, neg, Some("image/webp;q=0")),
            Format::Png
        );
        let fixed = FormatRequest::Fixed(Format::Png);
        assert_eq!(
            output_format(Format::Jpeg, fixed, Some(chrome)),
            Format::Png
        );
    }

    fn options(fit: Fit, w: u32, h: u32) -> Options {
        Options {
            fit,
            width: Some(w),
            height: Some(h),
            metadata: Metadata::None,
            quality: None,
            format: FormatRequest::Negotiate,
        }
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let image = RgbaImage::from_pixel(w, h, Rgba([10, 20, 30, 255]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_with_encoder(PngEncoder::new(&mut out))
            .unwrap();
        out
    }

    fn size_of(bytes: &[u8]) -> (u32, u32) {
        let image = image::load_from_memory(bytes).unwrap();
        (image.width(), image.height())
    }

    #[test]
    fn renders_the_planned_size() {
        let source = png(64, 32);
        let Outcome::Rendered { bytes, .. } = render(
            &source,
            Format::Png,
            &options(Fit::Pad, 32, 32),
            Format::Png,
        )
        .unwrap() else {
            panic!("rendered")
        };
        assert_eq!(size_of(&bytes), (32, 32));
        // Padded with white above and below the 32x16 image.
        let padded = image::load_from_memory(&bytes).unwrap().to_rgba8();
        assert_eq!(padded.get_pixel(0, 0), &Rgba([255; 4]));
        assert_eq!(padded.get_pixel(16, 16), &Rgba([10, 20, 30, 255]));
    }

    #[test]
    fn nothing_to_do_is_served_as_stored() {
        let source = png(8, 8);
        let mut keep = options(Fit::ScaleDown, 100, 100);
        keep.metadata = Metadata::Keep;
        assert!(matches!(
            render(&source, Format::Png, &keep, Format::Png).unwrap(),
            Outcome::AsStored
        ));
    }

    /// The CRC of a PNG chunk (ISO 3309), to keep an edited header valid.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn oversized_and_broken_images_are_refused() {
        // A PNG header claiming 20,000 x 1 pixels.
        let mut huge = png(1, 1);
        huge[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        let crc = crc32(&huge[12..29]);
        huge[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = render(
            &huge,
            Format::Png,
            &options(Fit::Contain, 10, 10),
            Format::Png,
        );
        assert!(matches!(err, Err(TransformError::TooLarge)), "{err:?}");
        let err = render(
            b"\x89PNG\r\n\x1a\nbroken",
            Format::Png,
            &options(Fit::Contain, 1, 1),
            Format::Png,
        );
        assert!(
            matches!(err, Err(TransformError::Undecodable(_))),
            "{err:?}"
        );
    }
}
