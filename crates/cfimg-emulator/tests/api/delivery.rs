//! Delivery: images served by variant, signed URLs checked.

use super::*;

#[test]
fn delivery_serves_images_and_checks_signatures() {
    let e = emu();
    let c = client();
    let public = upload(&c, &e, 5, &[]);
    let r = c
        .get(public["variants"][0].as_str().unwrap())
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.bytes().unwrap().to_vec(), png(5));

    let hash = emulator::account_hash(ACC);
    let base = format!("/cdn-cgi/imagedelivery/{hash}");
    for missing in [
        format!("{base}/nope/public"),
        format!("{base}/{}/nosuchvariant", public["id"].as_str().unwrap()),
        format!(
            "/cdn-cgi/imagedelivery/AAAAAAAAAAAAAAAAAAAAAA/{}/public",
            public["id"].as_str().unwrap()
        ),
    ] {
        assert_eq!(
            c.get(format!("{}{missing}", e.origin()))
                .send()
                .unwrap()
                .status(),
            404
        );
    }

    let private = upload(&c, &e, 6, &[("requireSignedURLs", "true")]);
    let id = private["id"].as_str().unwrap();
    let path = format!("{base}/{id}/public");
    let key = success_of(get(&c, &url(&e, "v1/keys")))["keys"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let fetch = |p: &str| c.get(format!("{}{p}", e.origin())).send().unwrap();

    assert_eq!(fetch(&path).status(), 403);
    let good = sign(&path, now_secs() + 300, &key);
    let r = fetch(&good);
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().unwrap().to_vec(), png(6));
    // Signed over the imagedelivery.net-style path, too.
    let short = sign(&format!("/{hash}/{id}/public"), now_secs() + 300, &key);
    let query = short.split_once('?').unwrap().1;
    assert_eq!(fetch(&format!("{path}?{query}")).status(), 200);
    // Expired, wrong key, tampered.
    assert_eq!(fetch(&sign(&path, now_secs() - 1, &key)).status(), 403);
    assert_eq!(
        fetch(&sign(&path, now_secs() + 300, "other key")).status(),
        403
    );
    let tampered = good.replace(
        &format!("exp={}", now_secs() + 300),
        &format!("exp={}", now_secs() + 9999),
    );
    assert_eq!(fetch(&tampered).status(), 403);
    assert_eq!(
        fetch(&format!("{path}?exp={}", now_secs() + 300)).status(),
        403
    );

    // A variant that never requires signed URLs is exempt.
    success_of(
        c.post(url(&e, "v1/variants"))
            .bearer_auth(TOKEN)
            .json(&json!({"id": "open", "options": {"fit": "contain", "width": 10, "height": 10, "metadata": "none"}, "neverRequireSignedURLs": true}))
            .send()
            .unwrap(),
    );
    assert_eq!(fetch(&format!("{base}/{id}/open")).status(), 200);
    // Drafts are not delivered.
    let du = success_of(
        c.post(url(&e, "v2/direct_upload"))
            .bearer_auth(TOKEN)
            .multipart(Form::new().text("creator", "x"))
            .send()
            .unwrap(),
    );
    assert_eq!(
        fetch(&format!("{base}/{}/public", du["id"].as_str().unwrap())).status(),
        404
    );
}
