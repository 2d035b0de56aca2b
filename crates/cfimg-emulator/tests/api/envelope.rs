//! The envelope, the Image object, routing and authentication.

use super::*;

#[test]
fn upload_returns_the_image_object_in_the_success_envelope() {
    let e = emu();
    let c = client();
    let img = upload(
        &c,
        &e,
        1,
        &[("metadata", r#"{"k":"v","n":2}"#), ("creator", "user1")],
    );
    let id = img["id"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(id).is_ok());
    assert_eq!(img["filename"], "pixel.png");
    assert_eq!(img["meta"], json!({"k": "v", "n": 2}));
    assert!(img.get("metadata").is_none());
    assert_eq!(img["requireSignedURLs"], false);
    assert_eq!(img["creator"], "user1");
    assert!(img.get("draft").is_none());
    let uploaded = img["uploaded"].as_str().unwrap();
    assert_eq!(uploaded.len(), 24, "{uploaded}");
    assert!(uploaded.ends_with('Z') && uploaded.as_bytes()[19] == b'.');
    let hash = emulator::account_hash(ACC);
    assert_eq!(
        img["variants"],
        json!([format!(
            "{}/cdn-cgi/imagedelivery/{hash}/{id}/public",
            e.origin()
        )])
    );

    let got = success_of(get(&c, &url(&e, &format!("v1/{id}"))));
    assert_eq!(got, img);

    // Without metadata there is no `meta`, and creator is null.
    let plain = upload(&c, &e, 2, &[]);
    assert!(plain.get("meta").is_none());
    assert!(plain["creator"].is_null());
    assert_eq!(e.image_count(ACC), 2);
}

#[test]
fn a_known_path_with_the_wrong_method_is_405() {
    let e = emu();
    let c = client();
    let (s, b) = json_of(
        c.put(url(&e, "v1/stats"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!(s, 405);
    failure(s, &b);
}

#[test]
fn credentials_of_either_kind_are_accepted() {
    let e = start(EmulatorConfig {
        token: Some(TOKEN.into()),
        ..Default::default()
    });
    let c = client();
    success_of(get(&c, &url(&e, "v1/stats")));
    let legacy = c
        .get(url(&e, "v1/stats"))
        .header("X-Auth-Email", "me@example.com")
        .header("X-Auth-Key", TOKEN)
        .send()
        .unwrap();
    success_of(legacy);

    // Without a configured token any credentials do, but some are needed (the refusals
    // themselves are in `errors`).
    let open = emu();
    success_of(
        c.get(url(&open, "v1/stats"))
            .bearer_auth("anything")
            .send()
            .unwrap(),
    );
    assert_eq!(c.get(url(&open, "v1/stats")).send().unwrap().status(), 400);
}
