//! The batch token and the batch host: its routes, expiry and per-token rate.

use super::*;

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

#[test]
fn each_batch_token_has_a_budget_of_its_own_and_no_api_headers() {
    let e = start(EmulatorConfig {
        batch_rate_per_second: 2,
        ..Default::default()
    });
    let c = client();
    let token = |c: &Client| {
        success_of(get(c, &url(&e, "v1/batch_token")))["token"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (a, b) = (token(&c), token(&c));
    let list = format!("{}/images/v2", e.origin());
    let status = |t: &str| c.get(&list).bearer_auth(t).send().unwrap();
    // However slow this machine, a third call inside one second is refused; the loop only
    // makes sure three land in one.
    let refused = (0..20)
        .find_map(|_| (0..3).map(|_| status(&a)).find(|r| r.status() == 429))
        .expect("token a refused once it spent its second");
    assert!(refused.headers().contains_key("retry-after"));
    assert!(!refused.headers().contains_key("ratelimit"));
    // Token b, right after: its own window, untouched by a's.
    let r = status(&b);
    assert_eq!(r.status(), 200);
    assert!(!r.headers().contains_key("ratelimit"));
    assert!(!r.headers().contains_key("ratelimit-policy"));
}

#[test]
fn each_batch_token_has_its_own_limit() {
    let e = start(EmulatorConfig {
        batch_rate_per_second: 3,
        ..Default::default()
    });
    let c = client();
    let tokens: Vec<String> = (0..2)
        .map(|_| {
            success_of(get(&c, &url(&e, "v1/batch_token")))["token"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let list = format!("{}/images/v2", e.origin());
    let status = |token: &str| {
        c.get(&list)
            .bearer_auth(token)
            .send()
            .unwrap()
            .status()
            .as_u16()
    };
    // The first token spends its three, then is refused; the second still has its own three
    // (one window is far longer than these few requests take).
    let first: Vec<u16> = (0..4).map(|_| status(&tokens[0])).collect();
    assert_eq!(first, [200, 200, 200, 429]);
    let second: Vec<u16> = (0..3).map(|_| status(&tokens[1])).collect();
    assert_eq!(second, [200, 200, 200]);
    // Refused requests are not counted as carried.
    assert_eq!(e.batch_requests_per_token(), [3, 3]);
}
