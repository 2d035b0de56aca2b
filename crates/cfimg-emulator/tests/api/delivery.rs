//! Delivery: images served by variant in both URL forms, signed URLs checked per path.

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
    // A signature is for the path it was made for: one made for the imagedelivery.net form
    // works there and not on the zone form, and the other way round.
    let short = sign(&format!("/{hash}/{id}/public"), now_secs() + 300, &key);
    assert_eq!(fetch(&short).status(), 200);
    let short_query = short.split_once('?').unwrap().1;
    assert_eq!(fetch(&format!("{path}?{short_query}")).status(), 403);
    let zone_query = good.split_once('?').unwrap().1;
    assert_eq!(
        fetch(&format!("/{hash}/{id}/public?{zone_query}")).status(),
        403
    );
    // Lowercase hex only.
    let (head, sig) = good.rsplit_once("sig=").unwrap();
    let upper = format!("{head}sig={}", sig.to_uppercase());
    assert_ne!(upper, good);
    let r = fetch(&upper);
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["cf-resized"], "err=9425");
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

#[test]
fn both_url_forms_serve_the_same_variant() {
    let e = emu();
    let c = client();
    let image = upload(&c, &e, 7, &[]);
    let id = image["id"].as_str().unwrap();
    let hash = emulator::account_hash(ACC);
    let zone = c
        .get(format!(
            "{}/cdn-cgi/imagedelivery/{hash}/{id}/public",
            e.origin()
        ))
        .send()
        .unwrap();
    let root = c
        .get(format!("{}/{hash}/{id}/public", e.origin()))
        .send()
        .unwrap();
    assert_eq!((zone.status().as_u16(), root.status().as_u16()), (200, 200));
    assert_eq!(root.headers()["content-type"], "image/png");
    // Public images carry the account's browser TTL: two days unless configured.
    assert_eq!(root.headers()["cache-control"], "public, max-age=172800");
    assert_eq!(zone.bytes().unwrap(), root.bytes().unwrap());
    // An unknown hash at the root is not delivery: the API's own answer for unknown paths.
    let other = c
        .get(format!("{}/AAAAAAAAAAAAAAAAAAAAAA/{id}/public", e.origin()))
        .send()
        .unwrap();
    assert!(other.status().is_client_error());
    assert_eq!(
        other.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    // A known hash with an unknown image or variant: the edge's plain-text 404.
    let missing = c
        .get(format!("{}/{hash}/nope/public", e.origin()))
        .send()
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().unwrap().starts_with("ERROR 9404"));
}
