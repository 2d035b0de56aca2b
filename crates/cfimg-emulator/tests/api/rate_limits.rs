//! The rate limit as the API shows it (docs/api-notes.md#rate-limits-and-retries): the
//! `Ratelimit` and `Ratelimit-Policy` headers on every answer, `Retry-After` on a 429 only, and
//! a fixed window that, once spent, refuses every call until it ends.

use super::*;

/// `Ratelimit: "default";r=R;t=T` as (R, T).
fn budget(r: &Response) -> (u64, u64) {
    let value = r
        .headers()
        .get("ratelimit")
        .unwrap_or_else(|| panic!("no Ratelimit header on {} {}", r.status(), r.url()))
        .to_str()
        .unwrap();
    let rest = value
        .strip_prefix("\"default\";r=")
        .unwrap_or_else(|| panic!("{value}"));
    let (remaining, reset) = rest.split_once(";t=").unwrap_or_else(|| panic!("{value}"));
    (remaining.parse().unwrap(), reset.parse().unwrap())
}

fn policy(r: &Response) -> String {
    r.headers()["ratelimit-policy"]
        .to_str()
        .unwrap()
        .to_string()
}

fn limited(limit: &str) -> RunningEmulator {
    start(EmulatorConfig {
        faults: Faults {
            rate_limit: Some(limit.parse::<RateLimit>().unwrap()),
            ..Default::default()
        },
        ..Default::default()
    })
}

fn no_old_headers(r: &Response) {
    for name in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ] {
        assert!(!r.headers().contains_key(name), "{name} on {}", r.url());
    }
}

#[test]
fn every_api_answer_carries_the_documented_policy_when_nothing_is_limited() {
    let e = emu();
    let c = client();
    let img = upload(&c, &e, 1, &[]);
    let answers = [
        get(&c, &url(&e, "v1/stats")),
        get(&c, &url(&e, "v1/missing")),
        get(&c, &url(&e, "v9")),
        c.get(url(&e, "v1/stats")).send().unwrap(),
        c.get(url(&e, "v1/stats"))
            .header("Authorization", "Token x")
            .send()
            .unwrap(),
        get(&c, &format!("{}/accounts/nope/images/v1", e.base_url())),
        c.put(url(&e, "v1/stats"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    ];
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses, [200, 404, 404, 400, 400, 400, 405]);
    for r in &answers {
        // Nothing is counted without a configured limit: the whole budget is always left.
        assert_eq!(budget(r), (1200, 300), "{}", r.url());
        assert_eq!(policy(r), "\"default\";q=1200;w=300");
        assert!(!r.headers().contains_key("retry-after"));
        no_old_headers(r);
    }
    // Delivery and the direct-upload URL are other hosts: no API budget there.
    let delivery = c.get(img["variants"][0].as_str().unwrap()).send().unwrap();
    assert_eq!(delivery.status(), 200);
    assert!(!delivery.headers().contains_key("ratelimit"));
    let target = success_of(
        c.post(url(&e, "v2/direct_upload"))
            .bearer_auth(TOKEN)
            .multipart(Form::new().text("requireSignedURLs", "false"))
            .send()
            .unwrap(),
    )["uploadURL"]
        .as_str()
        .unwrap()
        .to_string();
    let uploaded = c
        .post(&target)
        .multipart(Form::new().part("file", file_part(png(2), "d.png")))
        .send()
        .unwrap();
    assert_eq!(uploaded.status(), 200);
    assert!(!uploaded.headers().contains_key("ratelimit"));
}

#[test]
fn the_headers_count_down_then_every_call_is_refused_until_the_window_ends() {
    let e = limited("3/60");
    let c = client();
    for left in [2, 1, 0] {
        let r = get(&c, &url(&e, "v1/stats"));
        assert_eq!(r.status(), 200);
        let (remaining, reset) = budget(&r);
        assert_eq!(remaining, left);
        assert!((1..=60).contains(&reset), "{reset}");
        assert_eq!(policy(&r), "\"default\";q=3;w=60");
        assert!(!r.headers().contains_key("retry-after"));
        no_old_headers(&r);
    }
    // Spent: every call is refused, whatever it asks for, with Retry-After and the 971 body.
    for path in ["v1/stats", "v2", "v1/missing", "v1/stats", "v1/keys"] {
        let r = get(&c, &url(&e, path));
        assert_eq!(r.status(), 429, "{path}");
        let (remaining, reset) = budget(&r);
        assert_eq!(remaining, 0);
        let retry: u64 = r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&retry), "{retry}");
        assert_eq!(retry, reset.max(1));
        assert_eq!(policy(&r), "\"default\";q=3;w=60");
        no_old_headers(&r);
        let (s, b) = json_of(r);
        assert_eq!(
            failure(s, &b),
            (
                971,
                "Please wait and consider throttling your request speed".to_string()
            )
        );
    }
    // Other credentials have their own budget.
    let other = c
        .get(url(&e, "v1/stats"))
        .bearer_auth("someone-else")
        .send()
        .unwrap();
    assert_eq!(other.status(), 200);
    assert_eq!(budget(&other).0, 2);
}

#[test]
fn once_the_window_is_over_the_whole_budget_is_back() {
    let e = limited("2/1");
    let c = client();
    let mut refused = None;
    // However slow this machine, the third call inside one window is refused; the loop only
    // makes sure the three land in one.
    for _ in 0..20 {
        let statuses: Vec<Response> = (0..3).map(|_| get(&c, &url(&e, "v1/stats"))).collect();
        if let Some(r) = statuses.into_iter().find(|r| r.status() == 429) {
            refused = Some(r);
            break;
        }
    }
    let r = refused.expect("a 429 once two calls were spent");
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry, 1);
    std::thread::sleep(Duration::from_secs(retry) + Duration::from_millis(50));
    // A new window, counted from zero: both calls of the budget go through.
    let first = get(&c, &url(&e, "v1/stats"));
    assert_eq!(first.status(), 200);
    assert_eq!(budget(&first).0, 1);
}

#[test]
fn random_429s_and_server_errors_carry_the_headers_too() {
    let throttled = start(EmulatorConfig {
        faults: Faults {
            throttle_rate: 1.0,
            ..Default::default()
        },
        ..Default::default()
    });
    let r = get(&client(), &url(&throttled, "v1/stats"));
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    assert_eq!(budget(&r), (0, 1));
    assert_eq!(policy(&r), "\"default\";q=1200;w=300");

    let failing = start(EmulatorConfig {
        faults: Faults {
            fail_rate: 1.0,
            rate_limit: Some("10/60".parse().unwrap()),
            seed: Some(3),
            ..Default::default()
        },
        ..Default::default()
    });
    let r = get(&client(), &url(&failing, "v1/stats"));
    assert!(r.status().is_server_error());
    assert_eq!(budget(&r).0, 9);
    assert!(!r.headers().contains_key("retry-after"));
}
