//! Persistence in a data directory, and preloaded images.

use super::*;

#[test]
fn data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let config = || EmulatorConfig {
        data_dir: Some(dir.path().to_path_buf()),
        ..Default::default()
    };
    let c = client();
    let e = start(config());
    let img = upload(
        &c,
        &e,
        42,
        &[("metadata", r#"{"keep":true}"#), ("id", "kept/one")],
    );
    upload(&c, &e, 43, &[]);
    let gone = upload(&c, &e, 44, &[]);
    success_of(
        c.delete(url(&e, &format!("v1/{}", gone["id"].as_str().unwrap())))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    success_of(
        c.post(url(&e, "v1/variants"))
            .bearer_auth(TOKEN)
            .json(&json!({"id": "small", "options": {"fit": "crop", "width": 8, "height": 8, "metadata": "copyright"}}))
            .send()
            .unwrap(),
    );
    let keys = success_of(
        c.put(url(&e, "v1/keys/extra"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    let draft = success_of(
        c.post(url(&e, "v2/direct_upload"))
            .bearer_auth(TOKEN)
            .multipart(Form::new().text("creator", "later"))
            .send()
            .unwrap(),
    );
    let before = success_of(get(&c, &url(&e, "v2")));
    e.shutdown();

    let e = start(config());
    assert_eq!(e.image_count(ACC), 2);
    let after = success_of(get(&c, &url(&e, "v2")));
    // Same images, same order; URLs follow the new port.
    assert_eq!(list_ids(&before), list_ids(&after));
    let kept = success_of(get(&c, &url(&e, "v1/kept%2Fone")));
    assert_eq!(kept["meta"], json!({"keep": true}));
    assert_eq!(kept["uploaded"], img["uploaded"]);
    let blob = get(&c, &url(&e, "v1/kept%2Fone/blob"));
    assert_eq!(blob.bytes().unwrap().to_vec(), png(42));
    let variants = success_of(get(&c, &url(&e, "v1/variants")));
    assert_eq!(
        variants["variants"]["small"]["options"]["metadata"],
        "copyright"
    );
    assert_eq!(success_of(get(&c, &url(&e, "v1/keys"))), keys);
    let d = success_of(get(
        &c,
        &url(&e, &format!("v1/{}", draft["id"].as_str().unwrap())),
    ));
    assert_eq!(d["draft"], true);
}

#[test]
fn preload_fills_the_default_account() {
    // How fast is for bench/: a bound on wall time here would fail on a busy machine.
    let e = start(EmulatorConfig {
        preload: 100_000,
        ..Default::default()
    });
    assert_eq!(e.image_count(ACC), 100_000);
    let c = client();
    let page = success_of(get(&c, &url(&e, "v2?per_page=10000")));
    assert_eq!(page["images"].as_array().unwrap().len(), 10_000);
    assert!(page["continuation_token"].is_string());
    let first = &page["images"][0];
    let blob = get(
        &c,
        &url(&e, &format!("v1/{}/blob", first["id"].as_str().unwrap())),
    );
    assert_eq!(blob.headers()["content-type"], "image/png");
    assert_eq!(
        success_of(get(&c, &url(&e, "v1/stats")))["count"]["current"],
        100_000
    );
}
