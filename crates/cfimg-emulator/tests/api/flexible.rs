//! Account settings (`…/images/v1/config`) and what they change in delivery: flexible variants
//! and the browser TTL.

use super::*;

fn config(c: &Client, e: &RunningEmulator, body: Value) -> (u16, Value) {
    json_of(
        c.patch(url(e, "v1/config"))
            .bearer_auth(TOKEN)
            .json(&body)
            .send()
            .unwrap(),
    )
}

fn fetch(c: &Client, e: &RunningEmulator, path: &str) -> Response {
    c.get(format!("{}{path}", e.origin())).send().unwrap()
}

fn size_of(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).unwrap();
    (img.width(), img.height())
}

/// A 64x32 PNG.
fn wide_png() -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(64, 32, image::Rgba([1, 2, 3, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn settings_read_back_and_are_checked() {
    let e = emu();
    let c = client();
    let current = success_of(get(&c, &url(&e, "v1/config")));
    assert_eq!(
        current,
        json!({"flexible_variants": false, "browser_ttl": 172800})
    );
    let (s, b) = config(&c, &e, json!({"browser_ttl": 3600}));
    assert_eq!(
        success(s, b),
        json!({"flexible_variants": false, "browser_ttl": 3600})
    );
    for bad in [
        json!({"browser_ttl": 60}),
        json!({"browser_ttl": 31536001}),
        json!({"flexible_variants": "yes"}),
        json!({"surprise": true}),
    ] {
        let (s, b) = config(&c, &e, bad.clone());
        let (code, _) = failure(s, &b);
        assert_eq!((s, code), (400, 5400), "{bad}");
    }
    // Unchanged by the refusals.
    assert_eq!(
        success_of(get(&c, &url(&e, "v1/config")))["browser_ttl"],
        3600
    );
}

#[test]
fn flexible_variants_only_once_enabled_and_never_for_private_images() {
    let e = emu();
    let c = client();
    let (s, b) = upload_form(
        &c,
        &e,
        Form::new().part("file", file_part(wide_png(), "w.png")),
    );
    let id = success(s, b)["id"].as_str().unwrap().to_string();
    let hash = emulator::account_hash(ACC);
    let root = format!("/{hash}/{id}/w=20,h=20,fit=cover");
    let zone = format!("/cdn-cgi/imagedelivery{root}");

    for path in [&root, &zone] {
        let r = fetch(&c, &e, path);
        assert_eq!(r.status(), 403, "{path}");
        assert_eq!(r.headers()["cf-resized"], "err=9429");
    }

    let (s, b) = config(
        &c,
        &e,
        json!({"flexible_variants": true, "browser_ttl": 7200}),
    );
    assert_eq!(success(s, b)["flexible_variants"], true);
    for path in [&root, &zone] {
        let r = fetch(&c, &e, path);
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "public, max-age=7200");
        assert!(r.headers().get(delivery_not_applied()).is_none());
        assert_eq!(size_of(&r.bytes().unwrap()), (20, 20));
    }
    let r = fetch(&c, &e, &format!("/{hash}/{id}/width=32"));
    assert_eq!(size_of(&r.bytes().unwrap()), (32, 16));
    // Cloudflare's options the emulator does not apply are served without, and named.
    let r = fetch(&c, &e, &format!("/{hash}/{id}/w=16,sharpen=3"));
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()[delivery_not_applied()], "sharpen=3");
    assert_eq!(size_of(&r.bytes().unwrap()), (16, 8));
    // Unknown options and bad values are the edge's 9401.
    for bad in ["w=0", "fit=stretch", "colour=red"] {
        let r = fetch(&c, &e, &format!("/{hash}/{id}/{bad}"));
        assert_eq!(r.status(), 400, "{bad}");
        assert_eq!(r.headers()["cf-resized"], "err=9401");
    }

    // A private image: refused through flexible options, even with a valid signature.
    let (s, b) = upload_form(
        &c,
        &e,
        Form::new()
            .part("file", file_part(wide_png(), "p.png"))
            .text("requireSignedURLs", "true"),
    );
    let private = success(s, b)["id"].as_str().unwrap().to_string();
    let key = success_of(get(&c, &url(&e, "v1/keys")))["keys"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/{hash}/{private}/w=20");
    assert_eq!(fetch(&c, &e, &path).status(), 403);
    let signed = sign(&path, now_secs() + 300, &key);
    let r = fetch(&c, &e, &signed);
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["cf-resized"], "err=9425");
    // Through a named variant, signed, it is served, cached only until the URL expires.
    let signed = sign(&format!("/{hash}/{private}/public"), now_secs() + 300, &key);
    let r = fetch(&c, &e, &signed);
    assert_eq!(r.status(), 200);
    let cache = r.headers()["cache-control"].to_str().unwrap().to_string();
    assert!(cache.starts_with("private, max-age="), "{cache}");
    let age: i64 = cache.rsplit('=').next().unwrap().parse().unwrap();
    assert!((1..=300).contains(&age), "{cache}");
}

fn delivery_not_applied() -> &'static str {
    "cfimg-not-applied"
}

#[test]
fn settings_are_kept_in_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let config_with_dir = || EmulatorConfig {
        data_dir: Some(dir.path().to_path_buf()),
        ..EmulatorConfig::default()
    };
    let e = start(config_with_dir());
    let c = client();
    let (s, b) = config(&c, &e, json!({"flexible_variants": true}));
    success(s, b);
    drop(e);
    let e = start(config_with_dir());
    assert_eq!(
        success_of(get(&c, &url(&e, "v1/config")))["flexible_variants"],
        true
    );
}
