//! The emulator on the wire: envelopes, field spellings, validations, pagination, variants,
//! keys, direct uploads, the batch host, delivery with signed URLs, faults and persistence.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use cfimg_emulator::{self as emulator, EmulatorConfig, Faults, RateLimit, RunningEmulator};
use hmac::{Hmac, Mac};
use reqwest::blocking::multipart::{Form, Part};
use reqwest::blocking::{Client, Response};
use serde_json::{Value, json};
use sha2::Sha256;

const ACC: &str = "023e105f4ecef8ad9ca31a8372d0c353";
const TOKEN: &str = "test-token";

// ---------- helpers ----------

fn start(config: EmulatorConfig) -> RunningEmulator {
    emulator::start(config, "127.0.0.1:0".parse().unwrap()).expect("emulator starts")
}

fn emu() -> RunningEmulator {
    start(EmulatorConfig::default())
}

fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

fn url(e: &RunningEmulator, rest: &str) -> String {
    format!("{}/accounts/{ACC}/images/{rest}", e.base_url())
}

fn get(c: &Client, u: &str) -> Response {
    c.get(u).bearer_auth(TOKEN).send().unwrap()
}

fn json_of(r: Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let body = r.json::<Value>().expect("JSON body");
    (status, body)
}

/// Asserts the failure envelope and returns (code, message).
fn failure(status: u16, body: &Value) -> (u64, String) {
    assert!(
        status >= 400,
        "expected an error status, got {status}: {body}"
    );
    assert_eq!(body["success"], false, "{body}");
    assert_eq!(body["messages"], json!([]), "{body}");
    assert!(body["result"].is_null(), "{body}");
    let errors = body["errors"].as_array().expect("errors array");
    assert!(!errors.is_empty());
    (
        errors[0]["code"].as_u64().unwrap(),
        errors[0]["message"].as_str().unwrap().to_string(),
    )
}

/// Asserts the success envelope and returns the result.
fn success(status: u16, body: Value) -> Value {
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["success"], true, "{body}");
    assert_eq!(body["errors"], json!([]));
    assert_eq!(body["messages"], json!([]));
    body["result"].clone()
}

/// A valid 1x1 GIF.
fn gif() -> Vec<u8> {
    let mut g = b"GIF89a".to_vec();
    g.extend_from_slice(&[1, 0, 1, 0, 0x80, 0, 0]); // screen 1x1, 2-colour table
    g.extend_from_slice(&[0, 0, 0, 0xFF, 0xFF, 0xFF]); // black, white
    g.extend_from_slice(&[0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor
    g.extend_from_slice(&[2, 2, 0x44, 0x01, 0, 0x3B]); // LZW data, trailer
    g
}

fn file_part(bytes: Vec<u8>, name: &str) -> Part {
    Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str("application/octet-stream")
        .unwrap()
}

fn upload_form(c: &Client, e: &RunningEmulator, form: Form) -> (u16, Value) {
    json_of(
        c.post(url(e, "v1"))
            .bearer_auth(TOKEN)
            .multipart(form)
            .send()
            .unwrap(),
    )
}

/// Uploads a PNG and returns the Image object.
fn upload(c: &Client, e: &RunningEmulator, shade: u8, extra: &[(&str, &str)]) -> Value {
    let mut form = Form::new().part("file", file_part(png(shade), "pixel.png"));
    for (k, v) in extra {
        form = form.text(k.to_string(), v.to_string());
    }
    let (s, b) = upload_form(c, e, form);
    success(s, b)
}

fn enc(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn sign(path: &str, exp: i64, key: &str) -> String {
    let to_sign = format!("{path}?exp={exp}");
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    let sig: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{path}?exp={exp}&sig={sig}")
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

// ---------- envelope, image object, routing, auth ----------

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

fn success_of(r: Response) -> Value {
    let (s, b) = json_of(r);
    success(s, b)
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

// ---------- upload validations ----------

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
            415,
            5415,
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
            5400,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "/lead"),
            400,
            5400,
        ),
        (
            Form::new()
                .part("file", file_part(png(1), "a.png"))
                .text("id", "trail/"),
            400,
            5400,
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
            5400,
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
    failure(s, &b);
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
    failure(s, &b);
}

// ---------- update ----------

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

// ---------- listings ----------

fn list_ids(page: &Value) -> Vec<String> {
    page["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_v2_pages_without_skipping_or_repeating() {
    let e = emu();
    let c = client();
    let mut uploaded = Vec::new();
    for i in 0..25 {
        uploaded.push(upload(&c, &e, i, &[])["id"].as_str().unwrap().to_string());
    }
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut u = url(&e, "v2?per_page=10");
        if let Some(t) = &token {
            u.push_str(&format!("&continuation_token={t}"));
        }
        let page = success_of(get(&c, &u));
        assert_eq!(page.as_object().unwrap().len(), 2, "{page}");
        seen.extend(list_ids(&page));
        pages += 1;
        // Images added meanwhile must not disturb the walk.
        if pages == 1 {
            upload(&c, &e, 100, &[]);
        }
        match &page["continuation_token"] {
            Value::Null => break,
            Value::String(t) => {
                assert!(t.len() <= 32);
                token = Some(t.clone());
            }
            other => panic!("bad token {other}"),
        }
    }
    assert_eq!(pages, 3);
    // Newest first.
    let mut expected = uploaded.clone();
    expected.reverse();
    assert_eq!(seen, expected);

    let asc = success_of(get(&c, &url(&e, "v2?per_page=10&sort_order=asc")));
    assert_eq!(list_ids(&asc), uploaded[..10]);

    // Exactly one full last page: the token is null on it.
    let all = success_of(get(&c, &url(&e, "v2?per_page=26")));
    assert_eq!(all["images"].as_array().unwrap().len(), 26);
    assert!(all["continuation_token"].is_null());

    for bad in [
        "v2?per_page=9",
        "v2?per_page=10001",
        "v2?per_page=abc",
        "v2?sort_order=up",
        "v2?continuation_token=bogus",
    ] {
        let (s, b) = json_of(get(&c, &url(&e, bad)));
        assert_eq!(s, 400, "{bad}");
        assert_eq!(failure(s, &b).0, 5400);
    }
}

#[test]
fn list_v1_pages_by_number() {
    let e = emu();
    let c = client();
    for i in 0..25 {
        upload(&c, &e, i, &[]);
    }
    let mut all = HashSet::new();
    for (page, expected) in [(1, 10), (2, 10), (3, 5), (4, 0)] {
        let r = success_of(get(&c, &url(&e, &format!("v1?page={page}&per_page=10"))));
        assert_eq!(
            r.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["images"]
        );
        let ids = list_ids(&r);
        assert_eq!(ids.len(), expected);
        all.extend(ids);
    }
    assert_eq!(all.len(), 25);
    for bad in ["v1?per_page=5", "v1?per_page=20000", "v1?page=0"] {
        let (s, b) = json_of(get(&c, &url(&e, bad)));
        assert_eq!(s, 400, "{bad}");
        failure(s, &b);
    }
}

#[test]
fn list_filters_by_creator_and_metadata() {
    let e = emu();
    let c = client();
    upload(
        &c,
        &e,
        1,
        &[
            (
                "metadata",
                r#"{"status":"active","priority":5,"region":{"name":"eu"}}"#,
            ),
            ("creator", "alice"),
        ],
    );
    upload(
        &c,
        &e,
        2,
        &[
            ("metadata", r#"{"status":"deleted","priority":1}"#),
            ("creator", "bob"),
        ],
    );
    upload(
        &c,
        &e,
        3,
        &[("metadata", r#"{"status":"active","priority":2,"on":true}"#)],
    );
    let count = |q: &str| {
        let r = success_of(get(&c, &url(&e, &format!("v2?{q}"))));
        r["images"].as_array().unwrap().len()
    };
    assert_eq!(count("creator=alice"), 1);
    assert_eq!(count("creator="), 1);
    assert_eq!(count("meta.status[eq]=active"), 2);
    assert_eq!(count("meta.status%5Beq%5D=active"), 2);
    assert_eq!(count("meta.priority[gte:number]=2"), 2);
    assert_eq!(count("meta.priority[gte:number]=2&meta.priority[lt]=5"), 1);
    assert_eq!(count("meta.status[in]=deleted|flagged"), 1);
    assert_eq!(count("meta.region.name[eq]=eu"), 1);
    assert_eq!(count("meta.on[eq:boolean]=true"), 1);
    assert_eq!(count("meta.status[eq]=active&creator=alice"), 1);
    assert_eq!(
        count("meta.priority[eq:number]=5&meta.priority[lte:number]=3"),
        0
    );
    // v1 knows the creator filter too.
    let v1 = success_of(get(&c, &url(&e, "v1?creator=bob")));
    assert_eq!(v1["images"].as_array().unwrap().len(), 1);

    let err = |q: &str| {
        let (s, b) = json_of(get(&c, &url(&e, &format!("v2?{q}"))));
        assert_eq!(s, 400, "{q}");
        let (code, msg) = failure(s, &b);
        assert_eq!(code, 5400);
        msg
    };
    assert_eq!(
        err("meta.status[not-eq]=x"),
        "Unsupported metadata filter operator: 'not-eq'"
    );
    let six: Vec<String> = (0..6).map(|i| format!("meta.k{i}[eq]=v")).collect();
    assert_eq!(
        err(&six.join("&")),
        "Too many metadata filters: 6 provided, maximum 5 allowed"
    );
    err("meta.a.b.c.d.e.f[eq]=x");
    err("meta.a[in]=1|2|3|4|5|6|7|8|9|10|11");
    err("meta.a[gt]=high");
}

// ---------- variants, keys, stats ----------

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

// ---------- direct upload ----------

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

    // The upload URL takes no credentials and checks the file like an upload.
    let (s, b) = json_of(
        c.post(&upload_url)
            .multipart(Form::new().part("file", file_part(b"not an image".to_vec(), "x")))
            .send()
            .unwrap(),
    );
    assert_eq!(s, 415);
    failure(s, &b);
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
    let (s, b) = json_of(
        c.post(&upload_url)
            .multipart(Form::new().part("file", file_part(png(4), "again.png")))
            .send()
            .unwrap(),
    );
    assert_eq!(s, 404);
    failure(s, &b);
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

// ---------- batch ----------

#[test]
fn batch_token_and_batch_host() {
    let e = start(EmulatorConfig {
        batch_rate_per_second: 1000,
        ..Default::default()
    });
    let c = client();
    let t = success_of(get(&c, &url(&e, "v1/batch_token")));
    let token = t["token"].as_str().unwrap().to_string();
    let expires: jiff::Timestamp = t["expiresAt"].as_str().unwrap().parse().unwrap();
    assert!(expires > jiff::Timestamp::now());

    let root = e.origin().to_string();
    let r = c
        .post(format!("{root}/images/v1"))
        .bearer_auth(&token)
        .multipart(Form::new().part("file", file_part(png(1), "b.png")))
        .send()
        .unwrap();
    let img = success_of(r);
    let id = img["id"].as_str().unwrap();
    assert_eq!(e.image_count(ACC), 1);
    let got = success_of(
        c.get(format!("{root}/images/v1/{id}"))
            .bearer_auth(&token)
            .send()
            .unwrap(),
    );
    assert_eq!(got["id"], id);
    let list = success_of(
        c.get(format!("{root}/images/v2"))
            .bearer_auth(&token)
            .send()
            .unwrap(),
    );
    assert_eq!(list["images"].as_array().unwrap().len(), 1);
    let v1 = success_of(
        c.get(format!("{root}/images/v1"))
            .bearer_auth(&token)
            .send()
            .unwrap(),
    );
    assert_eq!(v1["images"].as_array().unwrap().len(), 1);
    let du = success_of(
        c.post(format!("{root}/images/v2/direct_upload"))
            .bearer_auth(&token)
            .multipart(Form::new().text("requireSignedURLs", "false"))
            .send()
            .unwrap(),
    );
    assert!(du["uploadURL"].is_string());
    let patched = success_of(
        c.patch(format!("{root}/images/v1/{id}"))
            .bearer_auth(&token)
            .json(&json!({"metadata": {"x": 1}}))
            .send()
            .unwrap(),
    );
    assert_eq!(patched["meta"], json!({"x": 1}));
    success_of(
        c.delete(format!("{root}/images/v1/{id}"))
            .bearer_auth(&token)
            .send()
            .unwrap(),
    );
    assert_eq!(e.image_count(ACC), 0);

    let (s, b) = json_of(c.get(format!("{root}/images/v2")).send().unwrap());
    assert_eq!(s, 401);
    assert_eq!(failure(s, &b).0, 10000);
    let (s, b) = json_of(
        c.get(format!("{root}/images/v2"))
            .bearer_auth("unknown")
            .send()
            .unwrap(),
    );
    assert_eq!(s, 403);
    failure(s, &b);
    // An API token is not a batch token.
    assert_eq!(
        c.get(format!("{root}/images/v2"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap()
            .status(),
        403
    );
}

#[test]
fn batch_tokens_expire_and_are_rate_limited() {
    let e = start(EmulatorConfig {
        batch_rate_per_second: 3,
        batch_token_ttl: Duration::from_millis(1500),
        ..Default::default()
    });
    let c = client();
    let token = success_of(get(&c, &url(&e, "v1/batch_token")))["token"]
        .as_str()
        .unwrap()
        .to_string();
    let list = format!("{}/images/v2", e.origin());
    let statuses: Vec<u16> = (0..5)
        .map(|_| {
            c.get(&list)
                .bearer_auth(&token)
                .send()
                .unwrap()
                .status()
                .as_u16()
        })
        .collect();
    assert_eq!(&statuses[..3], &[200, 200, 200]);
    let r = c.get(&list).bearer_auth(&token).send().unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let (s, b) = json_of(r);
    assert_eq!(failure(s, &b).0, 971);
    std::thread::sleep(Duration::from_millis(1600));
    let (s, b) = json_of(c.get(&list).bearer_auth(&token).send().unwrap());
    assert_eq!(s, 401);
    failure(s, &b);
}

// ---------- delivery ----------

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

// ---------- faults ----------

#[test]
fn latency_is_added_to_every_request() {
    let e = start(EmulatorConfig {
        faults: Faults {
            latency: Duration::from_millis(150),
            ..Default::default()
        },
        ..Default::default()
    });
    let c = client();
    let t = Instant::now();
    get(&c, &url(&e, "v1/stats"));
    assert!(t.elapsed() >= Duration::from_millis(150));
    let t = Instant::now();
    c.get(format!("{}/cdn-cgi/imagedelivery/x/y/public", e.origin()))
        .send()
        .unwrap();
    assert!(t.elapsed() >= Duration::from_millis(150));
}

fn statuses(e: &RunningEmulator, n: usize) -> Vec<u16> {
    let c = client();
    (0..n)
        .map(|_| get(&c, &url(e, "v1/stats")).status().as_u16())
        .collect()
}

#[test]
fn fail_rate_answers_5xx_reproducibly_with_a_seed() {
    let faults = Faults {
        fail_rate: 0.5,
        seed: Some(7),
        ..Default::default()
    };
    let config = || EmulatorConfig {
        faults: faults.clone(),
        ..Default::default()
    };
    let a = statuses(&start(config()), 40);
    let b = statuses(&start(config()), 40);
    assert_eq!(a, b);
    assert!(a.contains(&200));
    assert!(a.iter().any(|s| *s >= 500));
    assert!(a.iter().all(|s| [200, 500, 502, 503, 504].contains(s)));

    let always = start(EmulatorConfig {
        faults: Faults {
            fail_rate: 1.0,
            seed: Some(1),
            ..Default::default()
        },
        ..Default::default()
    });
    let (s, b) = json_of(get(&client(), &url(&always, "v1/stats")));
    assert!(s >= 500);
    failure(s, &b);
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let e = start(EmulatorConfig {
        faults: Faults {
            rate_limit: Some("3/60".parse::<RateLimit>().unwrap()),
            ..Default::default()
        },
        ..Default::default()
    });
    let c = client();
    for i in 0..3 {
        let r = get(&c, &url(&e, "v1/stats"));
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["x-ratelimit-limit"], "3");
        assert_eq!(
            r.headers()["x-ratelimit-remaining"],
            (2 - i).to_string().as_str()
        );
    }
    let r = get(&c, &url(&e, "v1/stats"));
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    assert!(r.headers().contains_key("x-ratelimit-reset"));
    let (s, b) = json_of(r);
    assert_eq!(
        failure(s, &b),
        (
            971,
            "Please wait and consider throttling your request speed".to_string()
        )
    );
    // Other credentials have their own budget.
    assert_eq!(
        c.get(url(&e, "v1/stats"))
            .bearer_auth("someone-else")
            .send()
            .unwrap()
            .status(),
        200
    );
}

#[test]
fn dropped_uploads_are_stored_about_half_the_time() {
    let e = start(EmulatorConfig {
        faults: Faults {
            drop_rate: 1.0,
            seed: Some(11),
            ..Default::default()
        },
        ..Default::default()
    });
    let c = client();
    let r = c.get(url(&e, "v1/stats")).bearer_auth(TOKEN).send();
    assert!(r.is_err(), "expected a dropped connection, got {r:?}");
    let n = 20;
    for i in 0..n {
        let r = c
            .post(url(&e, "v1"))
            .bearer_auth(TOKEN)
            .multipart(Form::new().part("file", file_part(png(i), "d.png")))
            .send();
        assert!(r.is_err(), "upload {i} got an answer");
    }
    let stored = e.image_count(ACC);
    assert!(stored > 0 && stored < n as usize, "{stored} of {n} stored");
    assert_eq!(e.request_count(), n as usize + 1);
}

#[test]
fn truncated_bodies_announce_the_full_length() {
    let e = start(EmulatorConfig {
        faults: Faults {
            truncate_rate: 1.0,
            seed: Some(5),
            ..Default::default()
        },
        ..Default::default()
    });
    let c = client();
    let img = upload(&c, &e, 1, &[]);
    let full = png(1).len();
    for u in [
        url(&e, &format!("v1/{}/blob", img["id"].as_str().unwrap())),
        img["variants"][0].as_str().unwrap().to_string(),
    ] {
        let r = c.get(&u).bearer_auth(TOKEN).send().unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.content_length(), Some(full as u64));
        assert!(r.bytes().is_err(), "body of {u} was not cut short");
    }
}

#[test]
fn html_errors_replace_json_error_bodies() {
    let e = start(EmulatorConfig {
        faults: Faults {
            html_errors: true,
            ..Default::default()
        },
        ..Default::default()
    });
    let c = client();
    let r = get(&c, &url(&e, "v1/nope"));
    assert_eq!(r.status(), 404);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.text().unwrap().contains("<html>"));
    // Successes stay JSON.
    success_of(get(&c, &url(&e, "v1/stats")));
}

// ---------- persistence and preload ----------

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
fn preload_fills_the_default_account_fast() {
    let t = Instant::now();
    let e = start(EmulatorConfig {
        preload: 100_000,
        ..Default::default()
    });
    let took = t.elapsed();
    assert!(took < Duration::from_secs(10), "preload took {took:?}");
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

/// A valid 1x1 PNG, distinct for each `shade`.
fn png(shade: u8) -> Vec<u8> {
    cfimg_emulator::sample::png(u32::from(shade))
}
