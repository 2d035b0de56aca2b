//! What an image file is: its format from magic bytes, its size and dimensions from the header,
//! and the API's upload limits, all checked locally before anything is uploaded.
//!
//! Only the head of a file is read (plus whatever header parsing needs); images are never
//! decoded and never read whole into memory.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Upload size limit. Cloudflare says "10 MB" without saying whether that is 10,000,000 or
/// 10,485,760 bytes (docs/api-notes.md#limits); we take the larger, 10 MiB, so we never refuse
/// a file the API would accept, and let the API have the last word on the files in between.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Longest side the API accepts, in pixels (docs/api-notes.md#limits).
pub const MAX_SIDE_PX: u64 = 12_000;
/// Largest area the API accepts, in pixels: 100 megapixels (docs/api-notes.md#limits).
pub const MAX_PIXELS: u64 = 100_000_000;
/// How much of the start of a file is read to recognise it. Raster formats need a few bytes;
/// SVG may open with an XML declaration, comments and a doctype before the `<svg` tag whose
/// attributes give the size, so this leaves generous room.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The formats the API takes as uploads, for messages.
pub const SUPPORTED: &str = "PNG, JPEG, GIF, WebP, SVG, AVIF, HEIC";

/// An image format the API accepts.
///
/// HEIC is included although Cloudflare's pages disagree (one says HEIC is not supported, the
/// newer limits page lists it; docs/api-notes.md#limits): refusing it locally would block
/// uploads the API may well take, while the API itself will still reject it if it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
    Svg,
    Avif,
    Heic,
}

impl ImageFormat {
    /// The media type to send as the upload part's `Content-Type`.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Svg => "image/svg+xml",
            ImageFormat::Avif => "image/avif",
            ImageFormat::Heic => "image/heic",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
            ImageFormat::Svg => "svg",
            ImageFormat::Avif => "avif",
            ImageFormat::Heic => "heic",
        }
    }

    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Webp => "WebP",
            ImageFormat::Svg => "SVG",
            ImageFormat::Avif => "AVIF",
            ImageFormat::Heic => "HEIC",
        }
    }

    /// The format a file extension names (any case, without the dot): whether an exported
    /// file's id already carries its extension.
    pub fn from_extension(ext: &str) -> Option<ImageFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(ImageFormat::Png),
            "jpg" | "jpeg" | "jpe" | "jfif" => Some(ImageFormat::Jpeg),
            "gif" => Some(ImageFormat::Gif),
            "webp" => Some(ImageFormat::Webp),
            "svg" => Some(ImageFormat::Svg),
            "avif" => Some(ImageFormat::Avif),
            "heic" | "heif" => Some(ImageFormat::Heic),
            _ => None,
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What [`inspect_path`] and [`inspect_bytes`] found. Dimensions are `None` when the header
/// does not give them (an SVG without width, height or viewBox, or a header `imagesize` cannot
/// read); the API then decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: ImageFormat,
    pub bytes: u64,
    pub width: Option<u64>,
    pub height: Option<u64>,
}

/// Why a file cannot be uploaded. `path` is the path as given, or a label such as `<stdin>`.
#[derive(Debug, thiserror::Error)]
pub enum ImageFileError {
    #[error("{path}: no such file; check the path")]
    NotFound { path: String },
    #[error("{path} is a directory, not an image file")]
    IsDirectory { path: String },
    #[error("{path} is not a regular file (a pipe, socket or device); save it to a file first")]
    NotAFile { path: String },
    #[error("{path}: permission denied; check that you may read the file")]
    PermissionDenied { path: String },
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path} is empty (0 bytes), not an image")]
    Empty { path: String },
    #[error(
        "{path} is a {found} image, which Cloudflare Images does not take; convert it to one of {SUPPORTED}"
    )]
    UnsupportedImage { path: String, found: &'static str },
    #[error("{path} is not a supported image; the supported formats are {SUPPORTED}")]
    NotAnImage { path: String },
    #[error(
        "{path} is not a complete {format} image: {why}; it may have been cut short while being written or copied, so save or export it again"
    )]
    Incomplete {
        path: String,
        format: ImageFormat,
        why: &'static str,
    },
    #[error(
        "{path} is {bytes} bytes ({mib:.1} MiB); the API accepts at most {MAX_FILE_BYTES} bytes (10 MiB)",
        mib = *bytes as f64 / 1_048_576.0
    )]
    TooLarge { path: String, bytes: u64 },
    #[error("{path} is {width}x{height} px; the API allows at most {MAX_SIDE_PX} px on each side")]
    SideTooLong {
        path: String,
        width: u64,
        height: u64,
    },
    #[error(
        "{path} is {width}x{height} px, {pixels} pixels in all; the API allows at most {MAX_PIXELS} (100 megapixels)",
        pixels = width.saturating_mul(*height)
    )]
    TooManyPixels {
        path: String,
        width: u64,
        height: u64,
    },
}

/// Recognises an image format from the first bytes of a file (at best [`SNIFF_BYTES`] of them;
/// raster formats need only 12 or so, SVG needs its prolog and opening tag).
pub fn sniff(head: &[u8]) -> Option<ImageFormat> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some(ImageFormat::Gif)
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(ImageFormat::Webp)
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
        sniff_ftyp(head)
    } else if svg_root(head).is_some() {
        Some(ImageFormat::Svg)
    } else {
        None
    }
}

/// ISO base media files (AVIF, HEIC, but also MP4, MOV, …) say what they are in the brands of
/// their `ftyp` box: a major brand and a list of compatible ones. AVIF files usually list the
/// generic HEIF brand `mif1` too, so AVIF brands are looked for first.
fn sniff_ftyp(head: &[u8]) -> Option<ImageFormat> {
    let declared = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    // Size 0 means "to the end of the file"; anything shorter than the fixed part is broken,
    // so only the major brand is trusted then.
    let end = if declared == 0 { head.len() } else { declared }.min(head.len());
    let major = &head[8..12];
    let compatible = head.get(16..end).unwrap_or(&[]).chunks_exact(4);
    let brands: Vec<&[u8]> = std::iter::once(major).chain(compatible).collect();
    let has = |wanted: &[&[u8; 4]]| brands.iter().any(|b| wanted.iter().any(|w| *b == *w));
    if has(&[b"avif", b"avis"]) {
        Some(ImageFormat::Avif)
    } else if has(&[
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1",
    ]) {
        Some(ImageFormat::Heic)
    } else {
        None
    }
}

/// Finds where the root `<svg` element starts: the text (UTF-8, with an optional byte order
/// mark) may open with whitespace, an XML declaration, processing instructions, comments and a
/// doctype, and then the first element must be `svg`.
fn svg_root(head: &[u8]) -> Option<usize> {
    let mut i = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    loop {
        while head.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let rest = &head[i..];
        if rest.starts_with(b"<?") {
            i += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            i += 4 + find(&rest[4..], b"-->")? + 3;
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            i += doctype_len(rest)?;
        } else if rest.starts_with(b"<svg")
            && rest
                .get(4)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            return Some(i);
        } else {
            return None;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Length of a `<!DOCTYPE …>` declaration, stepping over quoted strings and an internal subset
/// in `[…]`, either of which may contain `>`.
fn doctype_len(s: &[u8]) -> Option<usize> {
    let mut quote = None;
    let mut depth = 0usize;
    for (i, &b) in s.iter().enumerate().skip(2) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => return Some(i + 1),
                _ => {}
            },
        }
    }
    None
}

/// The nominal size of an SVG from its root element: `width` and `height` when they are
/// absolute lengths, otherwise filled in from `viewBox` (keeping its aspect ratio when only one
/// of them is given). Percentages and font-relative units say nothing about pixels.
fn svg_size(head: &[u8]) -> (Option<u64>, Option<u64>) {
    let Some(start) = svg_root(head) else {
        return (None, None);
    };
    let attrs = svg_attributes(&head[start + 4..]);
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let width = get("width").and_then(svg_length);
    let height = get("height").and_then(svg_length);
    let view_box = get("viewBox").and_then(view_box_size);
    let (w, h) = match (width, height, view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some((vw, vh))) => (vw, vh),
        _ => return (None, None),
    };
    // `as` saturates for huge values, and the inputs are finite and positive.
    (Some(w.round() as u64), Some(h.round() as u64))
}

/// The attributes of the start tag that begins `s` (just after the element name), up to the
/// closing `>`. Stops quietly at anything malformed.
fn svg_attributes(s: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while s.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let name_start = i;
        while s
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !b"=/>".contains(b))
        {
            i += 1;
        }
        if i == name_start {
            return out;
        }
        let name = String::from_utf8_lossy(&s[name_start..i]).into_owned();
        while s.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if s.get(i) != Some(&b'=') {
            return out;
        }
        i += 1;
        while s.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let Some(&quote) = s.get(i).filter(|b| **b == b'"' || **b == b'\'') else {
            return out;
        };
        let Some(len) = s[i + 1..].iter().position(|b| *b == quote) else {
            return out;
        };
        let value = String::from_utf8_lossy(&s[i + 1..i + 1 + len]).into_owned();
        out.push((name, value));
        i += len + 2;
    }
}

/// An SVG length in CSS pixels, for absolute units only.
fn svg_length(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value
        .find(|c: char| c.is_ascii_alphabetic() || c == '%')
        .unwrap_or(value.len());
    let number: f64 = value[..split].trim().parse().ok()?;
    let per_unit = match value[split..].trim() {
        "" | "px" => 1.0,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        _ => return None,
    };
    positive(number * per_unit)
}

/// Width and height of a `viewBox="min-x min-y width height"` (spaces and/or commas).
fn view_box_size(value: &str) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = value
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [_, _, w, h] => Some((positive(w)?, positive(h)?)),
        _ => None,
    }
}

fn positive(x: f64) -> Option<f64> {
    (x.is_finite() && x > 0.0).then_some(x)
}

/// Checks a file on disk: that it exists, is a readable regular file, is a supported image
/// within the API's size and dimension limits. Reads only the head and what the header parser
/// needs.
pub fn inspect_path(path: &Path) -> Result<ImageInfo, ImageFileError> {
    let label = path.display().to_string();
    let metadata = fs::metadata(path).map_err(|e| io_error(&label, e))?;
    if metadata.is_dir() {
        return Err(ImageFileError::IsDirectory { path: label });
    }
    if !metadata.is_file() {
        return Err(ImageFileError::NotAFile { path: label });
    }
    let mut file = File::open(path).map_err(|e| io_error(&label, e))?;
    let head = read_head(&mut file).map_err(|e| io_error(&label, e))?;
    // The length from the same open file, in case the path changed since `metadata`.
    let bytes = file
        .metadata()
        .map_err(|e| io_error(&label, e))?
        .len()
        .max(head.len() as u64);
    let format = recognise(&head, bytes, &label)?;
    match check_structure(format, &head, BufReader::new(&mut file)) {
        Ok(()) => {}
        Err(Broken::Io(e)) => return Err(io_error(&label, e)),
        Err(Broken::Incomplete(why)) => {
            return Err(ImageFileError::Incomplete {
                path: label,
                format,
                why,
            });
        }
    }
    let (width, height) = match format {
        ImageFormat::Svg => svg_size(&head),
        _ => {
            file.seek(SeekFrom::Start(0))
                .map_err(|e| io_error(&label, e))?;
            raster_size(imagesize::reader_size(BufReader::new(file)))
        }
    };
    check(format, bytes, width, height, label)
}

/// The same checks as [`inspect_path`] for an image already in memory, such as one read from
/// standard input; `label` names it in messages.
pub fn inspect_bytes(bytes: &[u8], label: &str) -> Result<ImageInfo, ImageFileError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let len = bytes.len() as u64;
    let format = recognise(head, len, label)?;
    match check_structure(format, head, io::Cursor::new(bytes)) {
        Ok(()) => {}
        Err(Broken::Io(source)) => {
            return Err(ImageFileError::Unreadable {
                path: label.to_owned(),
                source,
            });
        }
        Err(Broken::Incomplete(why)) => {
            return Err(ImageFileError::Incomplete {
                path: label.to_owned(),
                format,
                why,
            });
        }
    }
    let (width, height) = match format {
        ImageFormat::Svg => svg_size(head),
        _ => raster_size(imagesize::blob_size(bytes)),
    };
    check(format, len, width, height, label.to_owned())
}

/// Emptiness, then format, then size: a 50 MB video is better described as "not an image"
/// than as "too large".
fn recognise(head: &[u8], bytes: u64, label: &str) -> Result<ImageFormat, ImageFileError> {
    if bytes == 0 {
        return Err(ImageFileError::Empty {
            path: label.to_owned(),
        });
    }
    let format = sniff(head).ok_or_else(|| match other_image_kind(head) {
        Some(found) => ImageFileError::UnsupportedImage {
            path: label.to_owned(),
            found,
        },
        None => ImageFileError::NotAnImage {
            path: label.to_owned(),
        },
    })?;
    if bytes > MAX_FILE_BYTES {
        return Err(ImageFileError::TooLarge {
            path: label.to_owned(),
            bytes,
        });
    }
    Ok(format)
}

/// Why [`check_structure`] refused a file.
enum Broken {
    /// The file could not be read.
    Io(io::Error),
    /// What is missing, for the message.
    Incomplete(&'static str),
}

/// The structure every decoder needs before the pixels: a PNG's IHDR chunk, a GIF's logical
/// screen descriptor, a WebP's first VP8/VP8L/VP8X chunk, a JPEG's frame header (SOF) before
/// its scan. A file that has the magic bytes and not this is cut short (a half-copied file, an
/// interrupted export), and is refused before it is uploaded. Only those headers are checked;
/// pixel data is the API's to judge. SVG, AVIF and HEIC are left to the API. `head` is the
/// start of the file ([`SNIFF_BYTES`] at most); `reader` is the whole file, for a JPEG whose
/// frame header comes after large metadata segments.
fn check_structure(
    format: ImageFormat,
    head: &[u8],
    reader: impl Read + Seek,
) -> Result<(), Broken> {
    let missing = |why| Err(Broken::Incomplete(why));
    match format {
        ImageFormat::Png => {
            // Signature, then IHDR first: length 13, type, 13 bytes of data, CRC.
            if head.len() < 8 + 8 + 13 + 4 || head[8..16] != *b"\0\0\0\x0dIHDR" {
                return missing("no IHDR chunk after the signature");
            }
            Ok(())
        }
        ImageFormat::Gif => {
            // `GIF89a`, then the 7-byte logical screen descriptor.
            if head.len() < 6 + 7 {
                return missing("no logical screen descriptor after the header");
            }
            Ok(())
        }
        ImageFormat::Webp => check_webp(head).map_err(Broken::Incomplete),
        ImageFormat::Jpeg => jpeg_frame_header(reader),
        ImageFormat::Svg | ImageFormat::Avif | ImageFormat::Heic => Ok(()),
    }
}

/// The first chunk after `RIFF….WEBP` must be an image chunk with its fixed header: VP8 (a
/// frame tag and the start code 9d 01 2a, then the size), VP8L (the 0x2f signature and the
/// size) or VP8X (flags and the canvas size).
fn check_webp(head: &[u8]) -> Result<(), &'static str> {
    const NO_CHUNK: &str = "no VP8, VP8L or VP8X chunk after the RIFF header";
    let Some(chunk) = head.get(12..20) else {
        return Err(NO_CHUNK);
    };
    let payload = &head[20..];
    match &chunk[..4] {
        b"VP8 " if payload.len() >= 10 && payload[3..6] == [0x9d, 0x01, 0x2a] => Ok(()),
        b"VP8 " => Err("the VP8 chunk ends before its frame header"),
        b"VP8L" if payload.len() >= 5 && payload[0] == 0x2f => Ok(()),
        b"VP8L" => Err("the VP8L chunk ends before its header"),
        b"VP8X" if payload.len() >= 10 => Ok(()),
        b"VP8X" => Err("the VP8X chunk ends before its canvas size"),
        _ => Err(NO_CHUNK),
    }
}

/// Walks a JPEG's marker segments from just after SOI until a frame header (SOF0–SOF15, not
/// DHT, JPG or DAC) with its fixed fields; the scan (SOS) or the end (EOI) before one, or the
/// data running out, means the file is incomplete.
fn jpeg_frame_header(mut reader: impl Read + Seek) -> Result<(), Broken> {
    const NO_FRAME: &str = "no frame header (SOF) before the image data";
    const CUT_SHORT: &str = "the file ends before its frame header (SOF)";
    let byte = |reader: &mut dyn Read| -> Result<u8, Broken> {
        let mut b = [0u8; 1];
        match reader.read_exact(&mut b) {
            Ok(()) => Ok(b[0]),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                Err(Broken::Incomplete(CUT_SHORT))
            }
            Err(e) => Err(Broken::Io(e)),
        }
    };
    reader.seek(SeekFrom::Start(2)).map_err(Broken::Io)?;
    loop {
        if byte(&mut reader)? != 0xFF {
            return Err(Broken::Incomplete(NO_FRAME));
        }
        let mut marker = byte(&mut reader)?;
        // Any number of 0xFF fill bytes may stand before a marker.
        while marker == 0xFF {
            marker = byte(&mut reader)?;
        }
        match marker {
            0xD9 | 0xDA => return Err(Broken::Incomplete(NO_FRAME)),
            // Markers without a length: TEM, RST0–RST7, and a stray SOI.
            0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let length = u16::from_be_bytes([byte(&mut reader)?, byte(&mut reader)?]);
        if length < 2 {
            return Err(Broken::Incomplete(NO_FRAME));
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            // Precision, height, width, component count: 6 bytes the decoder needs first.
            if length < 8 {
                return Err(Broken::Incomplete(NO_FRAME));
            }
            for _ in 0..6 {
                byte(&mut reader)?;
            }
            return Ok(());
        }
        reader
            .seek(SeekFrom::Current(i64::from(length) - 2))
            .map_err(Broken::Io)?;
    }
}

/// Names common image formats the API does not take, so the message can say "a TIFF image"
/// rather than "not an image". Formats that are recognised by weak signatures (TGA, for one)
/// are left out to avoid calling a text file an image.
fn other_image_kind(head: &[u8]) -> Option<&'static str> {
    use imagesize::ImageType;
    match imagesize::image_type(head).ok()? {
        ImageType::Bmp => Some("BMP"),
        ImageType::Tiff => Some("TIFF"),
        ImageType::Jxl => Some("JPEG XL"),
        ImageType::Psd => Some("Photoshop (PSD)"),
        ImageType::Ico => Some("ICO"),
        ImageType::Exr => Some("OpenEXR"),
        ImageType::Qoi => Some("QOI"),
        ImageType::Heif(_) => Some("HEIF"),
        _ => None,
    }
}

/// A header `imagesize` cannot read gives no dimensions rather than an error: the format was
/// recognised, and the API, not this check, is the judge of whether the file is damaged.
fn raster_size(size: imagesize::ImageResult<imagesize::ImageSize>) -> (Option<u64>, Option<u64>) {
    match size {
        Ok(s) => (Some(s.width as u64), Some(s.height as u64)),
        Err(_) => (None, None),
    }
}

/// Dimension limits apply to raster images only: an SVG's width and height are nominal (the
/// API never resizes SVGs: docs/api-notes.md#limits), so a large viewBox is no reason to
/// refuse one.
fn check(
    format: ImageFormat,
    bytes: u64,
    width: Option<u64>,
    height: Option<u64>,
    path: String,
) -> Result<ImageInfo, ImageFileError> {
    if let (Some(w), Some(h), false) = (width, height, format == ImageFormat::Svg) {
        if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
            return Err(ImageFileError::SideTooLong {
                path,
                width: w,
                height: h,
            });
        }
        if w.saturating_mul(h) > MAX_PIXELS {
            return Err(ImageFileError::TooManyPixels {
                path,
                width: w,
                height: h,
            });
        }
    }
    Ok(ImageInfo {
        format,
        bytes,
        width,
        height,
    })
}

fn read_head(file: &mut File) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(4096);
    file.by_ref()
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

fn io_error(path: &str, e: io::Error) -> ImageFileError {
    let path = path.to_owned();
    match e.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => ImageFileError::NotFound { path },
        io::ErrorKind::PermissionDenied => ImageFileError::PermissionDenied { path },
        io::ErrorKind::IsADirectory => ImageFileError::IsDirectory { path },
        _ => ImageFileError::Unreadable { path, source: e },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::PathBuf;

    fn fixture(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel)
    }

    fn dims(info: &ImageInfo) -> (Option<u64>, Option<u64>) {
        (info.width, info.height)
    }

    #[test]
    fn fixtures_are_what_they_claim() {
        for (rel, format, w, h) in [
            ("images/logo.png", ImageFormat::Png, 64, 64),
            ("images/photo.jpg", ImageFormat::Jpeg, 160, 120),
            ("images/anim.gif", ImageFormat::Gif, 32, 32),
            ("images/pic.webp", ImageFormat::Webp, 80, 60),
            ("images/icon.svg", ImageFormat::Svg, 48, 48),
        ] {
            let path = fixture(rel);
            let info = inspect_path(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
            assert_eq!(info.format, format, "{rel}");
            assert_eq!(dims(&info), (Some(w), Some(h)), "{rel}");
            assert_eq!(info.bytes, fs::metadata(&path).unwrap().len());
            assert!(info.bytes <= 8 * 1024, "{rel} should stay small");
            // The in-memory check agrees with the on-disk one.
            let bytes = fs::read(&path).unwrap();
            assert_eq!(inspect_bytes(&bytes, rel).unwrap(), info, "{rel}");
        }
    }

    #[test]
    fn bad_fixtures_are_refused_for_the_right_reason() {
        let err = inspect_path(&fixture("bad/notes.txt")).unwrap_err();
        assert!(matches!(err, ImageFileError::NotAnImage { .. }), "{err:?}");
        assert!(err.to_string().ends_with(
            "notes.txt is not a supported image; the supported formats are PNG, JPEG, GIF, WebP, SVG, AVIF, HEIC"
        ));
        let err = inspect_path(&fixture("bad/empty.png")).unwrap_err();
        assert!(matches!(err, ImageFileError::Empty { .. }), "{err:?}");
        assert!(
            err.to_string()
                .ends_with("empty.png is empty (0 bytes), not an image")
        );
        let wide = fixture("bad/wide.png");
        assert!(fs::metadata(&wide).unwrap().len() < 1024);
        let err = inspect_path(&wide).unwrap_err();
        assert!(
            matches!(
                err,
                ImageFileError::SideTooLong {
                    width: 13_000,
                    height: 1,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .ends_with("wide.png is 13000x1 px; the API allows at most 12000 px on each side")
        );
    }

    #[test]
    fn refuses_missing_paths_and_directories() {
        let missing = fixture("images/nope.png");
        let err = inspect_path(&missing).unwrap_err();
        assert!(matches!(err, ImageFileError::NotFound { .. }));
        assert_eq!(
            err.to_string(),
            format!("{}: no such file; check the path", missing.display())
        );
        let err = inspect_path(&fixture("images/logo.png/inside")).unwrap_err();
        assert!(matches!(err, ImageFileError::NotFound { .. }), "{err:?}");
        let err = inspect_path(&fixture("images")).unwrap_err();
        assert!(matches!(err, ImageFileError::IsDirectory { .. }));
        assert!(
            err.to_string()
                .ends_with("images is a directory, not an image file")
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_unreadable_files_and_non_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.png");
        fs::copy(fixture("images/logo.png"), &path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads anything, so the check is only meaningful when opening really fails.
        if File::open(&path).is_err() {
            let err = inspect_path(&path).unwrap_err();
            assert!(
                matches!(err, ImageFileError::PermissionDenied { .. }),
                "{err:?}"
            );
            assert!(err.to_string().contains("permission denied"));
        }
        let err = inspect_path(Path::new("/dev/null")).unwrap_err();
        assert!(matches!(err, ImageFileError::NotAFile { .. }), "{err:?}");
    }

    #[test]
    fn refuses_files_over_the_size_limit_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.png");
        let mut bytes = fs::read(fixture("images/logo.png")).unwrap();
        bytes.resize(1024, 0);
        fs::write(&path, &bytes).unwrap();
        // A sparse tail makes the file 12 MiB on paper without writing 12 MiB.
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(12 * 1024 * 1024)
            .unwrap();
        let err = inspect_path(&path).unwrap_err();
        assert!(
            matches!(
                err,
                ImageFileError::TooLarge {
                    bytes: 12_582_912,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().ends_with(
            "big.png is 12582912 bytes (12.0 MiB); the API accepts at most 10485760 bytes (10 MiB)"
        ));
        // Exactly at the limit is fine.
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(MAX_FILE_BYTES)
            .unwrap();
        assert_eq!(inspect_path(&path).unwrap().bytes, MAX_FILE_BYTES);
    }

    /// A minimal PNG header (signature + IHDR) of the given size; enough for `imagesize`.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        v.extend_from_slice(&width.to_be_bytes());
        v.extend_from_slice(&height.to_be_bytes());
        v.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        v
    }

    #[test]
    fn applies_the_dimension_limits() {
        let ok = inspect_bytes(&png_header(12_000, 8_000), "<stdin>").unwrap();
        assert_eq!(dims(&ok), (Some(12_000), Some(8_000)));
        assert!(inspect_bytes(&png_header(10_000, 10_000), "x").is_ok());
        assert!(matches!(
            inspect_bytes(&png_header(1, 12_001), "x"),
            Err(ImageFileError::SideTooLong { .. })
        ));
        let err = inspect_bytes(&png_header(11_000, 11_000), "<stdin>").unwrap_err();
        assert!(matches!(err, ImageFileError::TooManyPixels { .. }));
        assert_eq!(
            err.to_string(),
            "<stdin> is 11000x11000 px, 121000000 pixels in all; the API allows at most 100000000 (100 megapixels)"
        );
        assert!(matches!(
            inspect_bytes(&[], "<stdin>"),
            Err(ImageFileError::Empty { .. })
        ));
        let mut big = png_header(10, 10);
        big.resize(MAX_FILE_BYTES as usize + 1, 0);
        assert!(matches!(
            inspect_bytes(&big, "<stdin>"),
            Err(ImageFileError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_header_without_dimensions_gives_none_instead_of_an_error() {
        // An AVIF whose boxes say no size: the format is known, the API judges the rest.
        let info = inspect_bytes(&ftyp(b"avif", &[b"mif1"]), "x").unwrap();
        assert_eq!(info.format, ImageFormat::Avif);
        assert_eq!(dims(&info), (None, None));
    }

    /// Truncated copies of the fixtures, each cut before the structure a decoder needs first.
    #[test]
    fn images_cut_short_before_their_first_header_are_refused() {
        let whole = |name: &str| fs::read(fixture(&format!("images/{name}"))).unwrap();
        let png = whole("logo.png");
        let jpeg = whole("photo.jpg");
        let gif = whole("anim.gif");
        let webp = whole("pic.webp");
        // Where the JPEG's frame header starts: everything before it is metadata and tables.
        let sof = jpeg
            .windows(2)
            .position(|w| w[0] == 0xFF && matches!(w[1], 0xC0 | 0xC2))
            .unwrap();
        let mut jpeg_without_frame = jpeg[..sof].to_vec();
        jpeg_without_frame.extend_from_slice(&[0xFF, 0xDA, 0, 2]);
        let mut png_other_chunk = png[..33].to_vec();
        png_other_chunk[12..16].copy_from_slice(b"tEXt");
        let mut webp_other_chunk = webp[..40].to_vec();
        webp_other_chunk[12..16].copy_from_slice(b"ALPH");

        let dir = tempfile::tempdir().unwrap();
        for (name, bytes, format, why) in [
            ("sig.png", &png[..8], ImageFormat::Png, "no IHDR chunk"),
            (
                "half-ihdr.png",
                &png[..20],
                ImageFormat::Png,
                "no IHDR chunk",
            ),
            (
                "text-first.png",
                &png_other_chunk[..],
                ImageFormat::Png,
                "no IHDR chunk",
            ),
            (
                "soi.jpg",
                &jpeg[..3],
                ImageFormat::Jpeg,
                "ends before its frame header",
            ),
            (
                "tables.jpg",
                &jpeg[..sof],
                ImageFormat::Jpeg,
                "ends before its frame header",
            ),
            (
                "sof-cut.jpg",
                &jpeg[..sof + 5],
                ImageFormat::Jpeg,
                "ends before its frame header",
            ),
            (
                "scan-first.jpg",
                &jpeg_without_frame[..],
                ImageFormat::Jpeg,
                "no frame header",
            ),
            (
                "head.gif",
                &gif[..6],
                ImageFormat::Gif,
                "logical screen descriptor",
            ),
            (
                "half-lsd.gif",
                &gif[..10],
                ImageFormat::Gif,
                "logical screen descriptor",
            ),
            (
                "riff.webp",
                &webp[..12],
                ImageFormat::Webp,
                "no VP8, VP8L or VP8X chunk",
            ),
            (
                "vp8-cut.webp",
                &webp[..24],
                ImageFormat::Webp,
                "VP8 chunk ends",
            ),
            (
                "alpha.webp",
                &webp_other_chunk[..],
                ImageFormat::Webp,
                "no VP8, VP8L or VP8X chunk",
            ),
        ] {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            for err in [
                inspect_path(&path).unwrap_err(),
                inspect_bytes(bytes, name).unwrap_err(),
            ] {
                match &err {
                    ImageFileError::Incomplete {
                        format: f, why: w, ..
                    } => {
                        assert_eq!(*f, format, "{name}");
                        assert!(w.contains(why), "{name}: {w}");
                    }
                    other => panic!("{name}: {other:?}"),
                }
                assert!(
                    err.to_string()
                        .contains(&format!("is not a complete {format} image")),
                    "{err}"
                );
            }
        }
        // The smallest whole headers pass, and so do the fixtures cut right after them: the
        // pixel data is the API's to judge.
        assert!(inspect_bytes(&png_header(1, 1), "x").is_ok());
        assert!(inspect_bytes(&jpeg[..sof + 10], "x").is_ok());
        assert!(inspect_bytes(&gif[..13], "x").is_ok());
        assert!(inspect_bytes(&webp[..30], "x").is_ok());
        let mut vp8l = b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0\x2f\0\0\0\0".to_vec();
        vp8l.resize(33, 0);
        assert!(inspect_bytes(&vp8l, "x").is_ok());
        let mut vp8x = b"RIFF\x1a\0\0\0WEBPVP8X\x0a\0\0\0".to_vec();
        vp8x.resize(30, 0);
        assert!(inspect_bytes(&vp8x, "x").is_ok());
    }

    #[test]
    fn names_other_image_formats() {
        let mut bmp = b"BM".to_vec();
        bmp.resize(64, 0);
        bmp[14] = 40;
        let err = inspect_bytes(&bmp, "scan.bmp").unwrap_err();
        assert!(
            matches!(err, ImageFileError::UnsupportedImage { found: "BMP", .. }),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "scan.bmp is a BMP image, which Cloudflare Images does not take; convert it to one of PNG, JPEG, GIF, WebP, SVG, AVIF, HEIC"
        );
        let mut tiff = b"II*\0".to_vec();
        tiff.resize(64, 0);
        assert!(matches!(
            inspect_bytes(&tiff, "t"),
            Err(ImageFileError::UnsupportedImage { found: "TIFF", .. })
        ));
    }

    #[test]
    fn sniffs_raster_magic_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(ImageFormat::Png));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Some(ImageFormat::Jpeg));
        assert_eq!(sniff(b"GIF87a.."), Some(ImageFormat::Gif));
        assert_eq!(sniff(b"GIF89a.."), Some(ImageFormat::Gif));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(ImageFormat::Webp));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(sniff(b"\x89PNG\r\n"), None);
        assert_eq!(sniff(b"GIF90a"), None);
        assert_eq!(sniff(b""), None);
    }

    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len();
        let mut v = (size as u32).to_be_bytes().to_vec();
        v.extend_from_slice(b"ftyp");
        v.extend_from_slice(major);
        v.extend_from_slice(&[0, 0, 0, 0]);
        for b in compatible {
            v.extend_from_slice(*b);
        }
        v.extend_from_slice(b"\0\0\0\x08meta");
        v
    }

    #[test]
    fn sniffs_iso_media_brands() {
        assert_eq!(
            sniff(&ftyp(b"avif", &[b"mif1", b"miaf"])),
            Some(ImageFormat::Avif)
        );
        assert_eq!(sniff(&ftyp(b"avis", &[])), Some(ImageFormat::Avif));
        assert_eq!(sniff(&ftyp(b"mif1", &[b"avif"])), Some(ImageFormat::Avif));
        assert_eq!(sniff(&ftyp(b"heic", &[b"mif1"])), Some(ImageFormat::Heic));
        assert_eq!(sniff(&ftyp(b"heix", &[])), Some(ImageFormat::Heic));
        assert_eq!(sniff(&ftyp(b"mif1", &[b"heic"])), Some(ImageFormat::Heic));
        assert_eq!(sniff(&ftyp(b"mif1", &[])), Some(ImageFormat::Heic));
        // Videos are ISO media too, and are not images.
        assert_eq!(sniff(&ftyp(b"isom", &[b"iso2", b"mp41"])), None);
        assert_eq!(sniff(&ftyp(b"qt  ", &[])), None);
        // Brands after the box's declared end do not count.
        let mut v = ftyp(b"isom", &[]);
        v.extend_from_slice(b"avif");
        assert_eq!(sniff(&v), None);
    }

    #[test]
    fn reads_avif_dimensions() {
        // A 40x30 AVIF made with Pillow (kept outside `images/`, which holds the upload set).
        let info = inspect_path(&fixture("other/pic.avif")).unwrap();
        assert_eq!(info.format, ImageFormat::Avif);
        assert_eq!(dims(&info), (Some(40), Some(30)));
    }

    #[test]
    fn sniffs_svg_after_any_prolog() {
        for text in [
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "<svg>",
            "<svg\n width='1'>",
            "\u{feff}<svg/>",
            "  \n\t<svg >",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg>",
            "<?xml version='1.0'?><!-- made by hand --><!-- two > comments --><svg>",
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \
             \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg>",
            "<!doctype svg [ <!ENTITY ns \"a>b\"> ]><svg>",
            "<?xml version='1.0'?><?xml-stylesheet href='x.css'?><svg>",
            // Only the first element decides, whatever a doctype claims; the API sanitises
            // SVGs anyway.
            "<!DOCTYPE html><svg>",
        ] {
            assert_eq!(sniff(text.as_bytes()), Some(ImageFormat::Svg), "{text:?}");
        }
        for text in [
            "<html><svg></svg></html>",
            "<svgx>",
            "<svg",
            "text <svg>",
            "<!-- unclosed <svg>",
            "<?xml version='1.0'?><root/>",
            "<SVG>",
        ] {
            assert_eq!(sniff(text.as_bytes()), None, "{text:?}");
        }
    }

    fn svg_dims(text: &str) -> (Option<u64>, Option<u64>) {
        dims(&inspect_bytes(text.as_bytes(), "x.svg").unwrap())
    }

    #[test]
    fn reads_svg_dimensions() {
        assert_eq!(
            svg_dims("<svg width=\"48\" height=\"24\">"),
            (Some(48), Some(24))
        );
        assert_eq!(
            svg_dims("<svg width='48px' height='24.4px'/>"),
            (Some(48), Some(24))
        );
        assert_eq!(
            svg_dims("<svg width = \"1in\"\n height=\"72pt\">"),
            (Some(96), Some(96))
        );
        assert_eq!(
            svg_dims("<svg viewBox=\"0 0 300 150\">"),
            (Some(300), Some(150))
        );
        assert_eq!(
            svg_dims("<svg viewBox='0,0,300,150'>"),
            (Some(300), Some(150))
        );
        assert_eq!(
            svg_dims("<svg width=\"100%\" height=\"100%\" viewBox=\"-5 -5 20 10\">"),
            (Some(20), Some(10))
        );
        assert_eq!(
            svg_dims("<svg width=\"600\" viewBox=\"0 0 300 150\">"),
            (Some(600), Some(300))
        );
        assert_eq!(
            svg_dims("<svg height=\"50\" viewBox=\"0 0 300 150\">"),
            (Some(100), Some(50))
        );
        assert_eq!(
            svg_dims("<svg xmlns=\"http://www.w3.org/2000/svg\">"),
            (None, None)
        );
        assert_eq!(svg_dims("<svg width=\"10em\" height=\"2\">"), (None, None));
        assert_eq!(svg_dims("<svg viewBox=\"0 0 0 10\">"), (None, None));
        assert_eq!(svg_dims("<svg width=\"-3\" height=\"4\">"), (None, None));
        // Attributes of later elements are not the root's.
        assert_eq!(
            svg_dims("<svg><rect width=\"5\" height=\"5\"/></svg>"),
            (None, None)
        );
        // SVG sizes are nominal; a huge one is not refused.
        assert_eq!(
            svg_dims("<svg width=\"50000\" height=\"50000\">"),
            (Some(50_000), Some(50_000))
        );
    }

    #[test]
    fn formats_describe_themselves() {
        use ImageFormat::*;
        for f in [Png, Jpeg, Gif, Webp, Svg, Avif, Heic] {
            assert!(SUPPORTED.contains(f.name()));
            assert!(f.content_type().starts_with("image/"));
            assert_eq!(ImageFormat::from_extension(f.extension()), Some(f));
            assert_eq!(f.to_string(), f.name());
        }
        assert_eq!(ImageFormat::from_extension("JPEG"), Some(ImageFormat::Jpeg));
        assert_eq!(ImageFormat::from_extension("txt"), None);
        assert_eq!(ImageFormat::Svg.content_type(), "image/svg+xml");
    }

    proptest! {
        #[test]
        fn sniff_never_panics(head in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = sniff(&head);
        }

        #[test]
        fn sniff_never_panics_on_near_misses(
            prefix in prop_oneof![
                Just(b"<?xml ".to_vec()), Just(b"<!--".to_vec()), Just(b"<!DOCTYPE".to_vec()),
                Just(b"<svg".to_vec()), Just(b"\0\0\0\x14ftyp".to_vec()), Just(b"\xff\xff\xff\xffftyp".to_vec()),
                Just(b"RIFF".to_vec()), Just(b"\xEF\xBB\xBF".to_vec()),
            ],
            tail in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let mut head = prefix;
            head.extend(tail);
            let _ = sniff(&head);
            let _ = inspect_bytes(&head, "x");
        }

        #[test]
        fn inspect_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = inspect_bytes(&bytes, "<stdin>");
        }

        #[test]
        fn svg_attribute_parsing_never_panics(attrs in "[ a-zA-Z=\"'0-9.,%/>-]{0,80}") {
            let _ = inspect_bytes(format!("<svg {attrs}").as_bytes(), "x.svg");
        }

        #[test]
        fn accepted_rasters_are_within_limits(w in 0u32..20_000, h in 0u32..20_000) {
            if let Ok(info) = inspect_bytes(&png_header(w, h), "x") {
                let (w, h) = (info.width.unwrap(), info.height.unwrap());
                prop_assert!(w <= MAX_SIDE_PX && h <= MAX_SIDE_PX && w * h <= MAX_PIXELS);
            }
        }
    }
}
