//! EXIF for `metadata: copyright`: a new EXIF block holding only the original's copyright
//! (the TIFF tag 0x8298 of the first image directory), or nothing when it has none.
//!
//! An EXIF block here is the TIFF structure alone (`II*\0…` or `MM\0*…`), the form the `image`
//! crate reads and writes; the `Exif\0\0` prefix of a JPEG segment is not part of it.

const COPYRIGHT_TAG: u16 = 0x8298;
const ASCII: u16 = 2;
/// TIFF header (8 bytes), entry count (2), one entry (12), next-directory offset (4).
const VALUE_OFFSET: usize = 8 + 2 + 12 + 4;

#[derive(Clone, Copy)]
enum Order {
    Little,
    Big,
}

impl Order {
    fn u16(self, b: &[u8], at: usize) -> Option<u16> {
        let two: [u8; 2] = b.get(at..at + 2)?.try_into().ok()?;
        Some(match self {
            Order::Little => u16::from_le_bytes(two),
            Order::Big => u16::from_be_bytes(two),
        })
    }

    fn u32(self, b: &[u8], at: usize) -> Option<u32> {
        let four: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        Some(match self {
            Order::Little => u32::from_le_bytes(four),
            Order::Big => u32::from_be_bytes(four),
        })
    }

    fn put_u16(self, out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&match self {
            Order::Little => v.to_le_bytes(),
            Order::Big => v.to_be_bytes(),
        });
    }

    fn put_u32(self, out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&match self {
            Order::Little => v.to_le_bytes(),
            Order::Big => v.to_be_bytes(),
        });
    }
}

/// The copyright string's bytes (with its terminating NUL, as stored) from an EXIF block.
fn copyright_bytes(tiff: &[u8]) -> Option<(Order, &[u8])> {
    let order = match tiff.get(..4)? {
        b"II*\0" => Order::Little,
        b"MM\0*" => Order::Big,
        _ => return None,
    };
    let ifd = order.u32(tiff, 4)? as usize;
    let entries = order.u16(tiff, ifd)? as usize;
    (0..entries).find_map(|i| {
        let at = ifd + 2 + i * 12;
        if order.u16(tiff, at)? != COPYRIGHT_TAG || order.u16(tiff, at + 2)? != ASCII {
            return None;
        }
        let count = order.u32(tiff, at + 4)? as usize;
        let start = if count <= 4 {
            at + 8
        } else {
            order.u32(tiff, at + 8)? as usize
        };
        Some((order, tiff.get(start..start.checked_add(count)?)?))
    })
}

/// An EXIF block with the copyright of `tiff` and nothing else; `None` when it has none.
pub fn copyright_only(tiff: &[u8]) -> Option<Vec<u8>> {
    let (order, value) = copyright_bytes(tiff)?;
    let mut out = Vec::with_capacity(VALUE_OFFSET + value.len());
    out.extend_from_slice(match order {
        Order::Little => b"II*\0",
        Order::Big => b"MM\0*",
    });
    order.put_u32(&mut out, 8);
    order.put_u16(&mut out, 1);
    order.put_u16(&mut out, COPYRIGHT_TAG);
    order.put_u16(&mut out, ASCII);
    order.put_u32(&mut out, value.len() as u32);
    if value.len() <= 4 {
        let mut inline = [0u8; 4];
        inline[..value.len()].copy_from_slice(value);
        out.extend_from_slice(&inline);
        order.put_u32(&mut out, 0);
    } else {
        order.put_u32(&mut out, VALUE_OFFSET as u32);
        order.put_u32(&mut out, 0);
        out.extend_from_slice(value);
    }
    Some(out)
}

/// The copyright text of an EXIF block.
#[cfg(test)]
pub fn copyright(tiff: &[u8]) -> Option<String> {
    let (_, value) = copyright_bytes(tiff)?;
    let text = value.split(|b| *b == 0).next().unwrap_or_default();
    Some(String::from_utf8_lossy(text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian EXIF block with an artist (0x013B) and a copyright entry.
    fn sample(copyright: &[u8]) -> Vec<u8> {
        let mut t = b"II*\0".to_vec();
        t.extend_from_slice(&8u32.to_le_bytes());
        t.extend_from_slice(&2u16.to_le_bytes());
        let data_at = 8 + 2 + 2 * 12 + 4;
        let artist = b"Someone\0";
        for (tag, value, at) in [
            (0x013Bu16, &artist[..], data_at),
            (COPYRIGHT_TAG, copyright, data_at + artist.len()),
        ] {
            t.extend_from_slice(&tag.to_le_bytes());
            t.extend_from_slice(&ASCII.to_le_bytes());
            t.extend_from_slice(&(value.len() as u32).to_le_bytes());
            if value.len() <= 4 {
                let mut inline = [0u8; 4];
                inline[..value.len()].copy_from_slice(value);
                t.extend_from_slice(&inline);
            } else {
                t.extend_from_slice(&(at as u32).to_le_bytes());
            }
        }
        t.extend_from_slice(&0u32.to_le_bytes());
        t.extend_from_slice(artist);
        if copyright.len() > 4 {
            t.extend_from_slice(copyright);
        }
        t
    }

    #[test]
    fn keeps_the_copyright_and_drops_the_rest() {
        let original = sample(b"(c) Example Ltd\0");
        let only = copyright_only(&original).unwrap();
        assert_eq!(copyright(&only).as_deref(), Some("(c) Example Ltd"));
        assert!(!only.windows(7).any(|w| w == b"Someone"));
        let short = copyright_only(&sample(b"ab\0")).unwrap();
        assert_eq!(copyright(&short).as_deref(), Some("ab"));
    }

    #[test]
    fn nothing_without_a_copyright_or_with_bad_bytes() {
        let mut no_copyright = sample(b"x\0");
        // Rename the copyright tag.
        let at = 8 + 2 + 12;
        no_copyright[at..at + 2].copy_from_slice(&0x010Eu16.to_le_bytes());
        assert_eq!(copyright_only(&no_copyright), None);
        assert_eq!(copyright_only(b"not exif"), None);
        assert_eq!(copyright_only(b"II*\0\xff\xff\xff\xff"), None);
    }
}
