//! Variants really transformed: each fit mode's size, EXIF kept or stripped, the output format
//! from `Accept`, SVG untouched, animations kept, and renderings that follow their variant.

use std::io::Cursor;

use image::codecs::gif::{GifDecoder, GifEncoder, Repeat};
use image::codecs::jpeg::JpegEncoder;
use image::{AnimationDecoder, Delay, DynamicImage, Frame, ImageFormat, Rgba, RgbaImage};

use super::*;

/// A `w`×`h` PNG with a gradient (so resizing has something to do).
fn gradient_png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, y| Rgba([(x * 4) as u8, (y * 4) as u8, 128, 255]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(img)
        .write_to(&mut out, ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

fn upload_bytes(c: &Client, e: &RunningEmulator, bytes: Vec<u8>, name: &str) -> String {
    let (s, b) = upload_form(c, e, Form::new().part("file", file_part(bytes, name)));
    success(s, b)["id"].as_str().unwrap().to_string()
}

fn make_variant(
    c: &Client,
    e: &RunningEmulator,
    name: &str,
    fit: &str,
    w: u32,
    h: u32,
    metadata: &str,
) {
    success_of(
        c.post(url(e, "v1/variants"))
            .bearer_auth(TOKEN)
            .json(&json!({"id": name, "options": {"fit": fit, "width": w, "height": h, "metadata": metadata}}))
            .send()
            .unwrap(),
    );
}

/// Delivery of `id` in `variant` (imagedelivery.net form), with an `Accept` header if given.
fn deliver(
    c: &Client,
    e: &RunningEmulator,
    id: &str,
    variant: &str,
    accept: Option<&str>,
) -> Response {
    let hash = emulator::account_hash(ACC);
    let mut req = c.get(format!("{}/{hash}/{id}/{variant}", e.origin()));
    if let Some(a) = accept {
        req = req.header("accept", a);
    }
    let r = req.send().unwrap();
    assert_eq!(r.status(), 200, "{variant}");
    r
}

fn size_of(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).expect("a decodable image");
    (img.width(), img.height())
}

#[test]
fn each_fit_mode_gives_the_size_its_semantics_say() {
    let e = emu();
    let c = client();
    let square = upload_bytes(&c, &e, gradient_png(64, 64), "square.png");
    let wide = upload_bytes(&c, &e, gradient_png(64, 32), "wide.png");
    let fits = ["scale-down", "contain", "cover", "crop", "pad"];
    // (image, box, the sizes of scale-down, contain, cover, crop, pad)
    let cases = [
        (
            &square,
            (32, 16),
            [(16, 16), (16, 16), (32, 16), (32, 16), (32, 16)],
        ),
        (
            &square,
            (128, 96),
            [(64, 64), (96, 96), (128, 96), (64, 64), (128, 96)],
        ),
        (
            &wide,
            (32, 32),
            [(32, 16), (32, 16), (32, 32), (32, 32), (32, 32)],
        ),
        (
            &wide,
            (128, 128),
            [(64, 32), (128, 64), (128, 128), (64, 32), (128, 128)],
        ),
    ];
    for (n, (id, (bw, bh), expected)) in cases.iter().enumerate() {
        for (fit, want) in fits.iter().zip(expected) {
            let name = format!("{}{n}", fit.replace('-', ""));
            make_variant(&c, &e, &name, fit, *bw, *bh, "none");
            let r = deliver(&c, &e, id, &name, None);
            assert_eq!(r.headers()["content-type"], "image/png", "{name}");
            let got = size_of(&r.bytes().unwrap());
            assert_eq!(got, *want, "{fit} into {bw}x{bh}");
        }
    }
}

/// An EXIF block (little-endian TIFF) with an artist and a copyright.
fn exif_block() -> Vec<u8> {
    let artist = b"Ada Artist\0";
    let copyright = b"(c) Example Photo Ltd\0";
    let data_at = 8 + 2 + 2 * 12 + 4;
    let mut t = b"II*\0".to_vec();
    t.extend_from_slice(&8u32.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    for (tag, value, at) in [
        (0x013Bu16, &artist[..], data_at),
        (0x8298u16, &copyright[..], data_at + artist.len()),
    ] {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&2u16.to_le_bytes());
        t.extend_from_slice(&(value.len() as u32).to_le_bytes());
        t.extend_from_slice(&(at as u32).to_le_bytes());
    }
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(artist);
    t.extend_from_slice(copyright);
    t
}

/// A 64x64 JPEG with an EXIF APP1 segment spliced in after SOI.
fn jpeg_with_exif() -> Vec<u8> {
    let img = RgbaImage::from_fn(64, 64, |x, y| Rgba([(x * 4) as u8, (y * 4) as u8, 90, 255]));
    let mut plain = Vec::new();
    DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(img).to_rgb8())
        .write_with_encoder(JpegEncoder::new_with_quality(&mut plain, 90))
        .unwrap();
    let tiff = exif_block();
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn metadata_keep_copyright_none() {
    let e = emu();
    let c = client();
    let original = jpeg_with_exif();
    assert!(contains(&original, b"Ada Artist"));
    let id = upload_bytes(&c, &e, original, "photo.jpg");
    for metadata in ["keep", "copyright", "none"] {
        make_variant(&c, &e, metadata, "scale-down", 32, 32, metadata);
        let r = deliver(&c, &e, &id, metadata, None);
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        let bytes = r.bytes().unwrap();
        assert_eq!(size_of(&bytes), (32, 32));
        let (exif, artist, copyright) = (
            contains(&bytes, b"Exif\0\0"),
            contains(&bytes, b"Ada Artist"),
            contains(&bytes, b"(c) Example Photo Ltd"),
        );
        match metadata {
            "keep" => assert!(exif && artist && copyright, "keep"),
            "copyright" => assert!(exif && !artist && copyright, "copyright"),
            _ => assert!(!exif && !artist && !copyright, "none"),
        }
    }
}

#[test]
fn accept_picks_the_output_format() {
    let e = emu();
    let c = client();
    let id = upload_bytes(&c, &e, gradient_png(64, 64), "a.png");
    make_variant(&c, &e, "small", "contain", 16, 16, "none");
    let r = deliver(
        &c,
        &e,
        &id,
        "small",
        Some("image/avif,image/webp,image/*,*/*;q=0.8"),
    );
    assert_eq!(r.headers()["content-type"], "image/webp");
    assert_eq!(r.headers()["vary"], "Accept");
    let bytes = r.bytes().unwrap();
    assert_eq!(image::guess_format(&bytes).unwrap(), ImageFormat::WebP);
    assert_eq!(size_of(&bytes), (16, 16));
    // AVIF alone: no AVIF encoder here, so the original format.
    let r = deliver(&c, &e, &id, "small", Some("image/avif"));
    assert_eq!(r.headers()["content-type"], "image/png");
    let r = deliver(&c, &e, &id, "small", None);
    assert_eq!(
        image::guess_format(&r.bytes().unwrap()).unwrap(),
        ImageFormat::Png
    );
}

#[test]
fn svg_is_served_untouched() {
    let e = emu();
    let c = client();
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>"#.to_vec();
    let id = upload_bytes(&c, &e, svg.clone(), "icon.svg");
    make_variant(&c, &e, "tiny", "cover", 8, 8, "none");
    let r = deliver(&c, &e, &id, "tiny", Some("image/webp"));
    assert_eq!(r.headers()["content-type"], "image/svg+xml");
    assert_eq!(r.bytes().unwrap().to_vec(), svg);
}

fn animated_gif(frames: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = GifEncoder::new(&mut out);
        enc.set_repeat(Repeat::Infinite).unwrap();
        for n in 0..frames {
            let img =
                RgbaImage::from_pixel(64, 64, Rgba([(n * 60) as u8, 0, 255 - (n * 60) as u8, 255]));
            enc.encode_frame(Frame::from_parts(
                img,
                0,
                0,
                Delay::from_numer_denom_ms(100, 1),
            ))
            .unwrap();
        }
    }
    out
}

#[test]
fn animated_gifs_keep_every_frame() {
    let e = emu();
    let c = client();
    let id = upload_bytes(&c, &e, animated_gif(4), "spin.gif");
    make_variant(&c, &e, "half", "scale-down", 32, 32, "none");
    // Even where WebP is accepted: the animation stays a GIF.
    let r = deliver(&c, &e, &id, "half", Some("image/webp"));
    assert_eq!(r.headers()["content-type"], "image/gif");
    let bytes = r.bytes().unwrap();
    let frames = GifDecoder::new(Cursor::new(bytes.to_vec()))
        .unwrap()
        .into_frames()
        .collect_frames()
        .unwrap();
    assert_eq!(frames.len(), 4);
    for f in &frames {
        assert_eq!(f.buffer().dimensions(), (32, 32));
    }
}

#[test]
fn renderings_follow_changes_to_the_variant_and_the_image() {
    let e = emu();
    let c = client();
    let first = upload_bytes(&c, &e, gradient_png(64, 64), "a.png");
    make_variant(&c, &e, "thumb", "scale-down", 32, 32, "none");
    assert_eq!(
        size_of(&deliver(&c, &e, &first, "thumb", None).bytes().unwrap()),
        (32, 32)
    );
    success_of(
        c.patch(url(&e, "v1/variants/thumb"))
            .bearer_auth(TOKEN)
            .json(&json!({"options": {"fit": "scale-down", "width": 20, "height": 20, "metadata": "none"}}))
            .send()
            .unwrap(),
    );
    assert_eq!(
        size_of(&deliver(&c, &e, &first, "thumb", None).bytes().unwrap()),
        (20, 20)
    );
    // Deleted and uploaded again under the same custom id, with other bytes.
    let form = |bytes| {
        Form::new()
            .part("file", file_part(bytes, "x.png"))
            .text("id", "brand/logo")
    };
    let (s, b) = upload_form(&c, &e, form(gradient_png(40, 20)));
    success(s, b);
    assert_eq!(
        size_of(
            &deliver(&c, &e, "brand/logo", "thumb", None)
                .bytes()
                .unwrap()
        ),
        (20, 10)
    );
    success_of(
        c.delete(url(&e, "v1/brand%2Flogo"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    let (s, b) = upload_form(&c, &e, form(gradient_png(20, 40)));
    success(s, b);
    assert_eq!(
        size_of(
            &deliver(&c, &e, "brand/logo", "thumb", None)
                .bytes()
                .unwrap()
        ),
        (10, 20)
    );
}

#[test]
fn undecodable_bytes_are_the_edges_9523() {
    let e = emu();
    let c = client();
    // PNG's signature, then nothing a decoder can use.
    let mut broken = b"\x89PNG\r\n\x1a\n".to_vec();
    broken.extend_from_slice(&[0; 64]);
    let id = upload_bytes(&c, &e, broken, "broken.png");
    let hash = emulator::account_hash(ACC);
    let r = c
        .get(format!("{}/{hash}/{id}/public", e.origin()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 415);
    assert_eq!(r.headers()["cf-resized"], "err=9523");
}
