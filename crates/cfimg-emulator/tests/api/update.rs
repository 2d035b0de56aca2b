//! Updating an image: fields and their types.

use super::*;

#[test]
fn patch_updates_fields_and_checks_types() {
    let e = emu();
    let c = client();
    let img = upload(&c, &e, 1, &[("metadata", r#"{"a":1}"#)]);
    let id = img["id"].as_str().unwrap().to_string();
    let patch = |body: Value, id: &str| {
        json_of(
            c.patch(url(&e, &format!("v1/{}", enc(id))))
                .bearer_auth(TOKEN)
                .json(&body)
                .send()
                .unwrap(),
        )
    };
    let (s, b) = patch(json!({"metadata": {"b": 2}, "creator": "me"}), &id);
    let got = success(s, b);
    // Metadata is replaced, not merged.
    assert_eq!(got["meta"], json!({"b": 2}));
    assert_eq!(got["creator"], "me");
    assert_eq!(got["id"], id.as_str());

    for bad in [
        json!({"metadata": "x"}),
        json!({"requireSignedURLs": "true"}),
        json!({"creator": 5}),
        json!([1]),
    ] {
        let (s, b) = patch(bad, &id);
        assert_eq!(s, 400);
        assert_eq!(failure(s, &b).0, 5400);
    }

    // Changing access control gives a generated-id image a new id.
    let (s, b) = patch(json!({"requireSignedURLs": true}), &id);
    let private = success(s, b);
    assert_eq!(private["requireSignedURLs"], true);
    let new_id = private["id"].as_str().unwrap();
    assert_ne!(new_id, id);
    assert_eq!(get(&c, &url(&e, &format!("v1/{id}"))).status(), 404);
    assert_eq!(get(&c, &url(&e, &format!("v1/{new_id}"))).status(), 200);

    // Custom-id images cannot become private.
    upload(&c, &e, 2, &[("id", "named")]);
    let (s, b) = patch(json!({"requireSignedURLs": true}), "named");
    assert_eq!(s, 400);
    failure(s, &b);
    let (s, b) = patch(json!({"creator": "x"}), "nope");
    assert_eq!(s, 404);
    assert_eq!(failure(s, &b).0, 5404);
}
