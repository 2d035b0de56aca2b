//! Uploads: form rules, size limits, custom ids, recorded part names, uploads by URL.

use super::*;

#[test]
fn dotted_or_bracketed_metadata_and_unknown_parts_are_form_errors() {
    let e = emu();
    let c = client();
    for name in ["metadata.key", "metadata[key]", "surprise"] {
        let form = Form::new()
            .part("file", file_part(png(1), "a.png"))
            .text(name.to_string(), "v");
        let (s, b) = upload_form(&c, &e, form);
        assert_eq!(s, 400, "{name}");
        assert_eq!(
            failure(s, &b),
            (5400, "Bad request: Error parsing form fields".to_string())
        );
    }
    // A JSON body is not a form.
    let r = c
        .post(url(&e, "v1"))
        .bearer_auth(TOKEN)
        .json(&json!({"url": "https://example.com/a.png"}))
        .send()
        .unwrap();
    let (s, b) = json_of(r);
    assert_eq!(failure(s, &b).0, 5400);
    assert_eq!(e.image_count(ACC), 0);
}

#[test]
fn upload_field_rules() {
    let e = emu();
    let c = client();
    let cases: Vec<(Form, u16, u64)> = vec![
        // Neither file nor url; both.
        (Form::new().text("metadata", "{}"), 400, 5400),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("url", "http://127.0.0.1:9/a.png"),
            400,
            5400,
        ),
        // Not an image.
        (
            Form::new().part("file", file_part(b"just text".to_vec(), "a.png")),
            400,
            5455,
        ),
        // Booleans are the text true/false.
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("requireSignedURLs", "yes"),
            400,
            5400,
        ),
        // Metadata: a JSON object of at most 1024 bytes.
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("metadata", "[1,2]"),
            400,
            5400,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("metadata", format!(r#"{{"k":"{}"}}"#, "x".repeat(1100))),
            400,
            5400,
        ),
        // Custom ids: no UUID, no leading/trailing slash, not private, at most 1024 chars.
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "083eb7b2-5392-4565-b69e-aff66acddd00"),
            400,
            5411,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "/lead"),
            400,
            5411,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "trail/"),
            400,
            5411,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "private")
                .text("requireSignedURLs", "true"),
            400,
            5400,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "x".repeat(1025)),
            400,
            5411,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("creator", "c".repeat(1025)),
            400,
            5400,
        ),
    ];
    for (i, (form, status, code)) in cases.into_iter().enumerate() {
        let (s, b) = upload_form(&c, &e, form);
        assert_eq!(s, status, "case {i}: {b}");
        assert_eq!(failure(s, &b).0, code, "case {i}");
    }
    assert_eq!(e.image_count(ACC), 0);

    // Other formats are accepted, and the content type comes from the bytes.
    let (s, b) = upload_form(&c, &e, Form::new().part("file", file_part(gif(), "x.png")));
    let img = success(s, b);
    let blob = get(
        &c,
        &url(&e, &format!("v1/{}/blob", img["id"].as_str().unwrap())),
    );
    assert_eq!(blob.headers()["content-type"], "image/gif");
    assert_eq!(blob.bytes().unwrap().to_vec(), gif());
}

#[test]
fn images_over_10_mib_are_413() {
    let e = emu();
    let c = client();
    let mut big = png(1);
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (s, b) = upload_form(&c, &e, Form::new().part("file", file_part(big, "big.png")));
    assert_eq!(s, 413);
    assert_eq!(failure(s, &b).0, 7011);
    // Exactly 10 MiB is fine.
    let mut max = png(1);
    max.resize(10 * 1024 * 1024, 0);
    let (s, b) = upload_form(&c, &e, Form::new().part("file", file_part(max, "max.png")));
    success(s, b);
}

#[test]
fn custom_ids_with_slashes_and_conflicts() {
    let e = emu();
    let c = client();
    let img = upload(&c, &e, 1, &[("id", "folder/sub/a b%.png")]);
    assert_eq!(img["id"], "folder/sub/a b%.png");
    let encoded = enc("folder/sub/a b%.png");
    let got = success_of(get(&c, &url(&e, &format!("v1/{encoded}"))));
    assert_eq!(got["id"], "folder/sub/a b%.png");
    // The log keeps the path as sent.
    assert!(
        e.requests()
            .iter()
            .any(|r| r.path.ends_with(&format!("/images/v1/{encoded}")) && r.path.contains("%2F"))
    );
    // The delivery URL encodes `%` (and the space) but keeps the slashes.
    let v = img["variants"][0].as_str().unwrap();
    assert!(v.ends_with("/folder/sub/a%20b%25.png/public"), "{v}");
    assert_eq!(c.get(v).send().unwrap().bytes().unwrap().to_vec(), png(1));

    let form = Form::new()
        .part("file", file_part(png(2), "b.png"))
        .text("id", "folder/sub/a b%.png");
    let (s, b) = upload_form(&c, &e, form);
    assert_eq!(s, 409);
    assert_eq!(failure(s, &b).0, 5409);

    let (s, b) = json_of(
        c.delete(url(&e, &format!("v1/{encoded}")))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!(success(s, b), json!({}));
    for path in [format!("v1/{encoded}"), format!("v1/{encoded}/blob")] {
        let (s, b) = json_of(get(&c, &url(&e, &path)));
        assert_eq!(s, 404);
        assert_eq!(failure(s, &b).0, 5404);
    }
    let (s, b) = json_of(
        c.delete(url(&e, &format!("v1/{encoded}")))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!(failure(s, &b).0, 5404);
}

#[test]
fn multipart_part_names_are_recorded_in_order() {
    let e = emu();
    let c = client();
    upload(
        &c,
        &e,
        1,
        &[("metadata", "{}"), ("requireSignedURLs", "false")],
    );
    let last = e.requests().pop().unwrap();
    assert_eq!(last.method, "POST");
    assert!(
        last.content_type
            .unwrap()
            .starts_with("multipart/form-data")
    );
    assert_eq!(last.part_names, ["file", "metadata", "requireSignedURLs"]);
    assert_eq!(e.request_count(), 1);
}

#[test]
fn upload_by_url_fetches_the_image() {
    let e = emu();
    let c = client();
    let src = upload(&c, &e, 9, &[]);
    let delivery = src["variants"][0].as_str().unwrap();
    let (s, b) = upload_form(&c, &e, Form::new().text("url", delivery.to_string()));
    let img = success(s, b);
    assert_eq!(img["filename"], "public");
    let blob = get(
        &c,
        &url(&e, &format!("v1/{}/blob", img["id"].as_str().unwrap())),
    );
    assert_eq!(blob.bytes().unwrap().to_vec(), png(9));

    let missing = format!("{}/cdn-cgi/imagedelivery/x/y/public", e.origin());
    let (s, b) = upload_form(&c, &e, Form::new().text("url", missing));
    assert_eq!(s, 400);
    assert_eq!(failure(s, &b).0, 5454);
}
