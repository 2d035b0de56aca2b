//! Every refusal as the real API words it (docs/api-notes.md#errors-and-codes): HTTP status,
//! code, message, `error_chain` where there is one, and the direct-upload URL's plain text.

use super::*;

/// The whole `errors` array of a failure envelope.
fn errors_of(status: u16, body: &Value) -> Vec<Value> {
    failure(status, body);
    body["errors"].as_array().unwrap().clone()
}

fn stats_with(e: &RunningEmulator, header: Option<(&str, &str)>) -> (u16, Value) {
    let mut req = client().get(url(e, "v1/stats"));
    if let Some((name, value)) = header {
        req = req.header(name, value);
    }
    json_of(req.send().unwrap())
}

#[test]
fn no_credentials_is_400_9106() {
    let e = start(EmulatorConfig {
        token: Some(TOKEN.into()),
        ..Default::default()
    });
    for header in [None, Some(("X-Auth-Email", "me@example.com"))] {
        let (s, b) = stats_with(&e, header);
        assert_eq!(s, 400, "{header:?}");
        assert_eq!(
            errors_of(s, &b),
            [
                json!({"code": 9106, "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"})
            ]
        );
    }
}

#[test]
fn a_malformed_authorization_header_is_400_6003_with_6111_in_its_chain() {
    let e = start(EmulatorConfig {
        token: Some(TOKEN.into()),
        ..Default::default()
    });
    for value in [
        "Token x",
        "Bearer",
        "Bearer ",
        TOKEN,
        &format!("Bearer \"{TOKEN}\""),
        "Bearer two words",
    ] {
        let (s, b) = stats_with(&e, Some(("Authorization", value)));
        assert_eq!(s, 400, "{value:?}");
        assert_eq!(
            errors_of(s, &b),
            [json!({
                "code": 6003,
                "message": "Invalid request headers",
                "error_chain": [{"code": 6111, "message": "Invalid format for Authorization header"}],
            })],
            "{value:?}"
        );
    }
    // The scheme is not case-sensitive.
    let (s, b) = stats_with(&e, Some(("Authorization", &format!("bearer {TOKEN}"))));
    success(s, b);
}

#[test]
fn a_wrong_token_is_403_10000() {
    let e = start(EmulatorConfig {
        token: Some(TOKEN.into()),
        ..Default::default()
    });
    let (s, b) = stats_with(&e, Some(("Authorization", "Bearer wrong")));
    assert_eq!(s, 403);
    assert_eq!(
        errors_of(s, &b),
        [json!({"code": 10000, "message": "Authentication error"})]
    );
    let legacy = client()
        .get(url(&e, "v1/stats"))
        .header("X-Auth-Email", "me@example.com")
        .header("X-Auth-Key", "wrong")
        .send()
        .unwrap();
    let (s, b) = json_of(legacy);
    assert_eq!((s, failure(s, &b).0), (403, 10000));
}

#[test]
fn an_unknown_route_is_404_7000() {
    let e = emu();
    let c = client();
    for u in [
        url(&e, "v3/whatever"),
        url(&e, "v1/abc/def/ghi"),
        format!("{}/nothing/here", e.origin()),
        format!("{}/client/v4/zones", e.origin()),
    ] {
        let (s, b) = json_of(get(&c, &u));
        assert_eq!(s, 404, "{u}");
        assert_eq!(
            errors_of(s, &b),
            [json!({"code": 7000, "message": "No route for that URI"})],
            "{u}"
        );
    }
}

#[test]
fn a_bad_identifier_is_400_with_7003_and_7000() {
    let e = emu();
    let c = client();
    let cases = [
        // An account id that is not 32 hex digits.
        (
            format!("{}/accounts/not-an-account/images/v1", e.base_url()),
            "/accounts/not-an-account/images/v1".to_string(),
        ),
        // Image ids no image can have: a leading slash, a `..` segment, too long.
        (
            url(&e, "v1/%2Fleading"),
            format!("/accounts/{ACC}/images/v1/%2Fleading"),
        ),
        (
            url(&e, "v1/a%2F..%2Fb/blob"),
            format!("/accounts/{ACC}/images/v1/a%2F..%2Fb/blob"),
        ),
        (
            url(&e, &format!("v1/{}", "x".repeat(1025))),
            format!("/accounts/{ACC}/images/v1/{}", "x".repeat(1025)),
        ),
    ];
    for (u, quoted) in cases {
        let (s, b) = json_of(get(&c, &u));
        assert_eq!(s, 400, "{u}");
        assert_eq!(
            errors_of(s, &b),
            [
                json!({"code": 7003, "message": format!("Could not route to {quoted}, perhaps your object identifier is invalid?")}),
                json!({"code": 7000, "message": "No route for that URI"}),
            ],
            "{u}"
        );
    }
    // A well-formed id that is not there is another matter: 404 / 5404.
    let (s, b) = json_of(get(&c, &url(&e, "v1/no%2Fsuch")));
    assert_eq!((s, failure(s, &b).0), (404, 5404));
}

#[test]
fn bytes_of_a_type_the_api_does_not_take_are_5455() {
    let e = emu();
    let c = client();
    let form = Form::new().part("file", file_part(b"just text".to_vec(), "a.png"));
    let (s, b) = upload_form(&c, &e, form);
    // The status is not confirmed; 400 is the emulator's choice.
    assert_eq!(s, 400);
    assert_eq!(
        errors_of(s, &b),
        [
            json!({"code": 5455, "message": "Uploaded image must have image/jpeg, image/png, image/webp, image/gif or image/svg+xml content-type"})
        ]
    );
    assert_eq!(e.image_count(ACC), 0);
}

#[test]
fn an_image_over_100_megapixels_is_5443() {
    let e = emu();
    let c = client();
    let form = Form::new().part("file", file_part(png_header(20_000, 5_001), "huge.png"));
    let (s, b) = upload_form(&c, &e, form);
    assert_eq!(s, 400);
    let (code, message) = failure(s, &b);
    assert_eq!(code, 5443);
    assert!(message.contains("20000x5001"), "{message}");
    // Exactly 100 megapixels is allowed.
    let form = Form::new().part("file", file_part(png_header(10_000, 10_000), "max.png"));
    let (s, b) = upload_form(&c, &e, form);
    success(s, b);
}

#[test]
fn invalid_custom_ids_are_5411() {
    let e = emu();
    let c = client();
    let prefix = "The Custom ID is invalid. Custom IDs can include 1024 characters or less, any number of subpaths, and support the UTF-8 encoding standard for characters. Enter a new Custom ID and try again: ";
    for (id, rule) in [
        ("083eb7b2-5392-4565-b69e-aff66acddd00", "Must not be UUID"),
        (
            "notes/readme.txt",
            "Must not end in the non-image file extension .txt",
        ),
        (
            "page.HTML",
            "Must not end in the non-image file extension .HTML",
        ),
        ("/lead", "Must not start or end with a /"),
        ("trail/", "Must not start or end with a /"),
        ("a/../b", "Must not have . or .. as a path segment"),
        (&"x".repeat(1025), "Must be 1024 characters or less"),
    ] {
        let form = Form::new()
            .part("file", file_part(png(1), "a.png"))
            .text("id", id.to_string());
        let (s, b) = upload_form(&c, &e, form);
        assert_eq!(s, 400, "{id}");
        assert_eq!(
            errors_of(s, &b),
            [json!({"code": 5411, "message": format!("{prefix}{rule}")})],
            "{id}"
        );
    }
    // Image extensions, and ones that name nothing in particular, are fine.
    for id in ["logos/brand.svg", "photo.JPG", "release.v2"] {
        let img = upload(&c, &e, 2, &[("id", id)]);
        assert_eq!(img["id"], id);
    }
    // The same rules for direct uploads.
    let r = c
        .post(url(&e, "v2/direct_upload"))
        .bearer_auth(TOKEN)
        .multipart(Form::new().text("id", "a.txt"))
        .send()
        .unwrap();
    let (s, b) = json_of(r);
    assert_eq!((s, failure(s, &b).0), (400, 5411));
}

#[test]
fn a_body_too_large_is_413_7011() {
    let e = emu();
    let c = client();
    let mut big = png(1);
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (s, b) = upload_form(&c, &e, Form::new().part("file", file_part(big, "big.png")));
    assert_eq!(s, 413);
    assert_eq!(
        errors_of(s, &b),
        [json!({"code": 7011, "message": "Request entity is too large"})]
    );
}

#[test]
fn a_url_that_cannot_be_fetched_is_5454() {
    let e = emu();
    let c = client();
    for bad in [
        format!("{}/cdn-cgi/imagedelivery/x/y/public", e.origin()),
        "http://127.0.0.1:9/a.png".to_string(),
        "ftp://example.com/a.png".to_string(),
    ] {
        let (s, b) = upload_form(&c, &e, Form::new().text("url", bad.clone()));
        assert_eq!(s, 400, "{bad}");
        let (code, message) = failure(s, &b);
        assert_eq!(code, 5454, "{bad}");
        assert!(
            message.starts_with("Failed to fetch the image from the URL: "),
            "{message}"
        );
    }
}

#[test]
fn a_duplicate_custom_id_is_409_5409() {
    let e = emu();
    let c = client();
    upload(&c, &e, 1, &[("id", "taken")]);
    let form = Form::new()
        .part("file", file_part(png(2), "b.png"))
        .text("id", "taken");
    let (s, b) = upload_form(&c, &e, form);
    assert_eq!(s, 409);
    assert_eq!(
        errors_of(s, &b),
        [
            json!({"code": 5409, "message": "Resource already exists. Verify the resource information and try again."})
        ]
    );
}

/// A direct-upload URL, freshly made.
fn upload_url(c: &Client, e: &RunningEmulator) -> String {
    let r = c
        .post(url(e, "v2/direct_upload"))
        .bearer_auth(TOKEN)
        .multipart(Form::new().text("requireSignedURLs", "false"))
        .send()
        .unwrap();
    success_of(r)["uploadURL"].as_str().unwrap().to_string()
}

/// Status, content type and body of an answer that is not JSON.
fn text_of(r: Response) -> (u16, String, String) {
    let status = r.status().as_u16();
    let content_type = r.headers()["content-type"].to_str().unwrap().to_string();
    (status, content_type, r.text().unwrap())
}

#[test]
fn the_upload_url_refuses_in_plain_text() {
    let e = emu();
    let c = client();
    let post = |u: &str, form: Form| c.post(u).multipart(form).send().unwrap();

    let target = upload_url(&c, &e);
    let (s, ct, body) = text_of(post(
        &target,
        Form::new().part("file", file_part(b"not an image".to_vec(), "x")),
    ));
    assert_eq!((s, ct.as_str()), (400, "text/plain; charset=utf-8"));
    assert_eq!(
        body,
        "ERROR 5455: Uploaded image must have image/jpeg, image/png, image/webp, image/gif or image/svg+xml content-type"
    );
    let (s, _, body) = text_of(post(
        &target,
        Form::new().part("file", file_part(png_header(30_000, 30_000), "huge.png")),
    ));
    assert_eq!(s, 400);
    assert!(body.starts_with("ERROR 5443: Image too large"), "{body}");
    let mut big = png(1);
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (s, _, body) = text_of(post(
        &target,
        Form::new().part("file", file_part(big, "b.png")),
    ));
    assert_eq!(
        (s, body.as_str()),
        (413, "ERROR 7011: Request entity is too large")
    );
    let (s, _, body) = text_of(post(&target, Form::new().text("other", "x")));
    assert_eq!(
        (s, body.as_str()),
        (400, "ERROR 5400: Bad request: Error parsing form fields")
    );

    // The refusals left the URL usable; success is the envelope.
    let img = success_of(post(
        &target,
        Form::new().part("file", file_part(png(3), "mine.png")),
    ));
    assert_eq!(img["filename"], "mine.png");
    // Used once: then gone.
    let (s, ct, body) = text_of(post(
        &target,
        Form::new().part("file", file_part(png(4), "again.png")),
    ));
    assert_eq!((s, ct.as_str()), (404, "text/plain; charset=utf-8"));
    assert!(body.starts_with("ERROR 5404: "), "{body}");
}

/// The start of a PNG whose header says `width` x `height`: enough for the format and the size
/// to be read, no pixels.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&ihdr);
    bytes.extend_from_slice(&[0, 0, 0, 0]); // CRC, not checked
    bytes
}
