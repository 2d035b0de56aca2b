//! Direct creator uploads: drafts, one-time upload URLs, expiry.

use super::*;

#[test]
fn direct_upload_flow() {
    let e = emu();
    let c = client();
    let form = Form::new()
        .text("metadata", r#"{"who":"guest"}"#)
        .text("creator", "guest")
        .text("id", "guest/photo");
    let r = c
        .post(url(&e, "v2/direct_upload"))
        .bearer_auth(TOKEN)
        .multipart(form)
        .send()
        .unwrap();
    let created = success_of(r);
    assert_eq!(created["id"], "guest/photo");
    let upload_url = created["uploadURL"].as_str().unwrap().to_string();
    assert!(upload_url.starts_with(e.origin()));
    assert!(upload_url.contains(&emulator::account_hash(ACC)));

    // A draft: visible by id, not listed, not counted.
    let draft = success_of(get(&c, &url(&e, "v1/guest%2Fphoto")));
    assert_eq!(draft["draft"], true);
    assert_eq!(draft["meta"], json!({"who": "guest"}));
    let listed = success_of(get(&c, &url(&e, "v2")));
    assert_eq!(listed["images"], json!([]));
    assert_eq!(
        success_of(get(&c, &url(&e, "v1/stats")))["count"]["current"],
        0
    );
    assert_eq!(e.image_count(ACC), 0);

    // The upload URL takes no credentials and checks the file like an upload (its refusals,
    // in plain text, are in `errors`).
    let r = c
        .post(&upload_url)
        .multipart(Form::new().part("file", file_part(b"not an image".to_vec(), "x")))
        .send()
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().unwrap().starts_with("ERROR 5455: "));
    let (s, b) = json_of(
        c.post(&upload_url)
            .multipart(Form::new().part("file", file_part(png(3), "mine.png")))
            .send()
            .unwrap(),
    );
    let img = success(s, b);
    assert_eq!(img["id"], "guest/photo");
    assert_eq!(img["filename"], "mine.png");
    assert!(img.get("draft").is_none());
    // One shot only.
    let r = c
        .post(&upload_url)
        .multipart(Form::new().part("file", file_part(png(4), "again.png")))
        .send()
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(e.image_count(ACC), 1);
    let listed = success_of(get(&c, &url(&e, "v2")));
    assert_eq!(listed["images"].as_array().unwrap().len(), 1);

    // Expiry must be 2 minutes to 6 hours ahead.
    let now = jiff::Timestamp::now();
    for (ahead, ok) in [(60, false), (7 * 3600, false), (600, true)] {
        let expiry = (now + jiff::SignedDuration::from_secs(ahead)).to_string();
        let r = c
            .post(url(&e, "v2/direct_upload"))
            .bearer_auth(TOKEN)
            .multipart(Form::new().text("expiry", expiry))
            .send()
            .unwrap();
        assert_eq!(r.status().is_success(), ok, "{ahead}");
    }
    // Same field rules as upload.
    let r = c
        .post(url(&e, "v2/direct_upload"))
        .bearer_auth(TOKEN)
        .multipart(Form::new().text("metadata.k", "v"))
        .send()
        .unwrap();
    let (s, b) = json_of(r);
    assert_eq!(
        failure(s, &b),
        (5400, "Bad request: Error parsing form fields".to_string())
    );

    // The deprecated v1 endpoint takes JSON and answers the same shape.
    let r = c
        .post(url(&e, "v1/direct_upload"))
        .bearer_auth(TOKEN)
        .json(&json!({"requireSignedURLs": true, "metadata": {"a": 1}}))
        .send()
        .unwrap();
    let v1 = success_of(r);
    let v1_id = v1["id"].as_str().unwrap();
    assert!(
        v1["uploadURL"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/{v1_id}"))
    );
    let d = success_of(get(
        &c,
        &url(&e, &format!("v1/{}", v1["id"].as_str().unwrap())),
    ));
    assert_eq!(d["requireSignedURLs"], true);
    assert_eq!(d["draft"], true);
}
