//! Tiny valid images built in code: the bytes of preloaded images, and distinct images for
//! anyone who needs many (tests, benchmarks).

/// A valid 1x1 RGB PNG whose colour is `colour` (its low 24 bits), so up to 16 million of
/// them all differ: IHDR, one zlib-stored IDAT row, IEND, with correct CRCs.
pub fn png(colour: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&1u32.to_be_bytes());
    ihdr.extend_from_slice(&1u32.to_be_bytes());
    // 8-bit RGB, default compression, filter and interlace.
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    // One scanline: filter byte 0, then the pixel.
    let [_, r, g, b] = colour.to_be_bytes();
    let raw = [0u8, r, g, b];
    let mut z = vec![0x78, 0x01, 0x01];
    z.extend_from_slice(&(raw.len() as u16).to_le_bytes());
    z.extend_from_slice(&(!(raw.len() as u16)).to_le_bytes());
    z.extend_from_slice(&raw);
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_is_a_1x1_png_and_colours_differ() {
        assert_ne!(png(1), png(2));
        let png = png(0);
        assert_eq!(crate::sniff::sniff(&png), Some("image/png"));
        let size = imagesize::blob_size(&png).unwrap();
        assert_eq!((size.width, size.height), (1, 1));
        // CRC of IEND is well known.
        assert!(png.ends_with(&[0xAE, 0x42, 0x60, 0x82]));
    }
}
