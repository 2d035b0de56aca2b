//! Injected faults: latency, 5xx, dropped connections, cut bodies, HTML errors (the rate limit
//! is in `rate_limits`).

use super::*;

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
