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
fn unknown_routes_wrong_methods_and_bad_accounts() {
    let e = emu();
    let c = client();
    let (s, b) = json_of(get(&c, &url(&e, "v3/whatever")));
    assert_eq!(s, 404);
    assert_eq!(failure(s, &b), (7003, "No route for the URI".to_string()));
    let (s, b) = json_of(get(&c, &format!("{}/nothing/here", e.origin())));
    assert_eq!(failure(s, &b).0, 7003);

    let (s, b) = json_of(
        c.put(url(&e, "v1/stats"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!(s, 405);
    failure(s, &b);

    let bad = format!("{}/accounts/not-an-account/images/v1", e.base_url());
    let (s, b) = json_of(get(&c, &bad));
    assert_eq!(s, 400);
    assert_eq!(failure(s, &b).0, 7003);
}

#[test]
fn authentication_errors() {
    let e = start(EmulatorConfig {
        token: Some(TOKEN.into()),
        ..Default::default()
    });
    let c = client();
    let (s, b) = json_of(c.get(url(&e, "v1/stats")).send().unwrap());
    assert_eq!(s, 401);
    assert_eq!(failure(s, &b), (10000, "Authentication error".to_string()));

    let (s, b) = json_of(
        c.get(url(&e, "v1/stats"))
            .bearer_auth("wrong")
            .send()
            .unwrap(),
    );
    assert_eq!(s, 403);
    assert_eq!(failure(s, &b).0, 10000);

    success_of(get(&c, &url(&e, "v1/stats")));
    let legacy = c
        .get(url(&e, "v1/stats"))
        .header("X-Auth-Email", "me@example.com")
        .header("X-Auth-Key", TOKEN)
        .send()
        .unwrap();
    success_of(legacy);

    // Without a configured token any credentials do, but some are needed.
    let open = emu();
    success_of(
        c.get(url(&open, "v1/stats"))
            .bearer_auth("anything")
            .send()
            .unwrap(),
    );
    assert_eq!(c.get(url(&open, "v1/stats")).send().unwrap().status(), 401);
}
