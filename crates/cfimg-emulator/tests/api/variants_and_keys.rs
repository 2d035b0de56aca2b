//! Variants, signing keys and the usage statistics.

use super::*;

#[test]
fn variants_lifecycle() {
    let e = emu();
    let c = client();
    let list = success_of(get(&c, &url(&e, "v1/variants")));
    let public = &list["variants"]["public"];
    assert_eq!(public["id"], "public");
    assert_eq!(public["options"]["fit"], "scale-down");
    assert_eq!(public["neverRequireSignedURLs"], false);

    let body = json!({"id": "thumb", "options": {"fit": "cover", "width": 100, "height": 100, "metadata": "none"}, "neverRequireSignedURLs": true});
    let post = |b: &Value| {
        json_of(
            c.post(url(&e, "v1/variants"))
                .bearer_auth(TOKEN)
                .json(b)
                .send()
                .unwrap(),
        )
    };
    let (s, b) = post(&body);
    let created = success(s, b);
    assert_eq!(created["variant"], body);
    let (s, b) = post(&body);
    assert_eq!(s, 409);
    failure(s, &b);
    for bad in [
        json!({"id": "bad-name", "options": {"fit": "cover", "width": 1, "height": 1, "metadata": "none"}}),
        json!({"id": "x".repeat(100), "options": {"fit": "cover", "width": 1, "height": 1, "metadata": "none"}}),
        json!({"id": "ok", "options": {"fit": "cover", "width": 1, "metadata": "none"}}),
        json!({"id": "ok", "options": {"fit": "stretch", "width": 1, "height": 1, "metadata": "none"}}),
        json!({"id": "ok", "options": {"fit": "cover", "width": 0, "height": 1, "metadata": "none"}}),
        json!({"id": "ok", "options": {"fit": "cover", "width": 1, "height": 1, "metadata": "all"}}),
    ] {
        let (s, b) = post(&bad);
        assert_eq!(s, 400, "{bad}");
        assert_eq!(failure(s, &b).0, 5400);
    }

    let got = success_of(get(&c, &url(&e, "v1/variants/thumb")));
    assert_eq!(got["variant"]["options"]["width"], 100);
    let flat = success_of(get(&c, &url(&e, "v1/variants/thumb/flat")));
    assert_eq!(flat["id"], "thumb");

    let (s, b) = json_of(
        c.patch(url(&e, "v1/variants/thumb"))
            .bearer_auth(TOKEN)
            .json(
                &json!({"options": {"fit": "pad", "width": 50, "height": 60, "metadata": "keep"}}),
            )
            .send()
            .unwrap(),
    );
    let patched = success(s, b);
    assert_eq!(patched["variant"]["options"]["fit"], "pad");
    assert_eq!(patched["variant"]["neverRequireSignedURLs"], true);
    let (s, b) = json_of(
        c.patch(url(&e, "v1/variants/thumb"))
            .bearer_auth(TOKEN)
            .json(&json!({"neverRequireSignedURLs": false}))
            .send()
            .unwrap(),
    );
    assert_eq!(s, 400);
    failure(s, &b);

    // Every image lists one URL per variant.
    let img = upload(&c, &e, 1, &[]);
    assert_eq!(img["variants"].as_array().unwrap().len(), 2);

    let (s, b) = json_of(
        c.delete(url(&e, "v1/variants/thumb"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!(success(s, b), json!({}));
    for r in [
        get(&c, &url(&e, "v1/variants/thumb")),
        c.delete(url(&e, "v1/variants/thumb"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    ] {
        let (s, b) = json_of(r);
        assert_eq!(s, 404);
        assert_eq!(failure(s, &b).0, 5401);
    }
}

#[test]
fn signing_keys_and_stats() {
    let e = emu();
    let c = client();
    let keys = success_of(get(&c, &url(&e, "v1/keys")))["keys"].clone();
    assert_eq!(keys.as_array().unwrap().len(), 1);
    assert_eq!(keys[0]["name"], "default");
    let default_value = keys[0]["value"].as_str().unwrap().to_string();
    assert!(!default_value.is_empty());

    let put = |name: &str| {
        json_of(
            c.put(url(&e, &format!("v1/keys/{name}")))
                .bearer_auth(TOKEN)
                .send()
                .unwrap(),
        )
    };
    let del = |name: &str| {
        json_of(
            c.delete(url(&e, &format!("v1/keys/{name}")))
                .bearer_auth(TOKEN)
                .send()
                .unwrap(),
        )
    };
    let (s, b) = put("second");
    let after = success(s, b)["keys"].clone();
    assert_eq!(after.as_array().unwrap().len(), 2);
    // PUT on an existing name rotates its value.
    let (s, b) = put("default");
    let rotated = success(s, b)["keys"].clone();
    let new_default = rotated
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "default")
        .unwrap();
    assert_ne!(new_default["value"], default_value.as_str());

    let (s, b) = put("not_ok");
    assert_eq!(s, 400);
    failure(s, &b);
    let (s, b) = put(&"k".repeat(21));
    assert_eq!(s, 400);
    failure(s, &b);

    let (s, b) = del("nope");
    assert_eq!(s, 404);
    assert_eq!(failure(s, &b).0, 5404);
    let (s, b) = del("second");
    assert_eq!(success(s, b)["keys"].as_array().unwrap().len(), 1);
    // Deleting the last key makes a new default.
    let (s, b) = del("default");
    let left = success(s, b)["keys"].clone();
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["name"], "default");
    assert_ne!(left[0]["value"], new_default["value"]);

    upload(&c, &e, 1, &[]);
    let stats = success_of(get(&c, &url(&e, "v1/stats")));
    assert_eq!(stats, json!({"count": {"allowed": 100000, "current": 1}}));
}
