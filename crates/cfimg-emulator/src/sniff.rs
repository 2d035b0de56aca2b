//! Recognises the image formats the API accepts from their first bytes. The uploaded part's
//! declared content type is not trusted: the bytes decide.

/// The content type of an accepted image format, or `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    if is_avif(bytes) {
        return Some("image/avif");
    }
    if is_svg(bytes) {
        return Some("image/svg+xml");
    }
    None
}

/// An ISO-BMFF `ftyp` box whose major or compatible brands name AVIF.
fn is_avif(bytes: &[u8]) -> bool {
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = size.clamp(16, bytes.len());
    let brand = |b: &[u8]| b == b"avif" || b == b"avis";
    // Major brand at 8..12, minor version at 12..16, then compatible brands.
    brand(&bytes[8..12]) || bytes[16..end].chunks_exact(4).any(brand)
}

/// Text whose first element, after an optional XML declaration, comments and doctype, is `<svg`.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // Cut at a char boundary: the head may end inside a multi-byte character.
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        let skip_to = |s: &str, end: &str| s.find(end).map(|i| i + end.len());
        let next = if rest.starts_with("<?") {
            skip_to(rest, "?>")
        } else if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case("<!doctype") {
            skip_to(rest, ">")
        } else {
            break;
        };
        match next {
            Some(i) => rest = &rest[i..],
            None => return false,
        }
    }
    rest.strip_prefix("<svg").is_some_and(|after| {
        after
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_accepted_formats() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some("image/jpeg")
        );
        assert_eq!(sniff(b"GIF89a\x01\0\x01\0"), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\x1a\0\0\0WEBPVP8L"), Some("image/webp"));
        assert_eq!(
            sniff(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"),
            Some("image/avif")
        );
        assert_eq!(
            sniff(b"\0\0\0\x1cftypmif1\0\0\0\0mif1avifmiaf"),
            Some("image/avif")
        );
        assert_eq!(
            sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Some("image/svg+xml")
        );
        assert_eq!(
            sniff(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- x -->\n<!DOCTYPE svg>\n<svg>"),
            Some("image/svg+xml")
        );
    }

    #[test]
    fn rejects_other_bytes() {
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"hello world"), None);
        assert_eq!(sniff(b"<html><svg></svg></html>"), None);
        assert_eq!(sniff(b"<svgfoo>"), None);
        assert_eq!(sniff(b"\0\0\0\x1cftypheic\0\0\0\0mif1heic"), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
    }
}
