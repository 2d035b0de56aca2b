//! Where uploads come from: a URL the API fetches itself, stdin, a path.

use crate::common;

use common::{TestEnv, fixture, fixture_str};

#[test]
fn an_upload_by_url_is_fetched_by_the_api() {
    let env = TestEnv::new();
    // The emulator serves delivery URLs, which makes a handy origin to fetch from.
    let first = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &fixture_str("images/photo.jpg"),
            "--id",
            "origin/photo",
        ])
        .json();
    let origin_url = first["variants"][0].as_str().unwrap().to_string();

    let copy = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &origin_url,
            "--id",
            "copy/photo",
        ])
        .json();
    assert_eq!(copy["id"], "copy/photo");
    let request = env
        .emulator
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .nth(1)
        .unwrap();
    assert_eq!(
        request.part_names,
        vec!["url", "id"],
        "url instead of file, never both"
    );

    let out = env.path("copy.jpg");
    env.ok(&["images", "blob", "copy/photo", "-o", out.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(out).unwrap(),
        std::fs::read(fixture("images/photo.jpg")).unwrap()
    );
}

#[test]
fn a_url_the_api_cannot_fetch_is_an_api_error() {
    let env = TestEnv::new();
    let missing = format!("{}/nothing-here.png", env.emulator.origin());
    env.run(env.cmd(), &["images", "upload", &missing, "--retries", "0"])
        .code(1)
        .error_contains("HTTP 4");
}

#[test]
fn stdin_that_is_not_an_image_is_refused_locally() {
    let env = TestEnv::new();
    env.run_with_stdin(env.cmd(), &["images", "upload", "-"], "hello, not an image")
        .code(1)
        .error_contains("stdin");
    assert_eq!(env.emulator.request_count(), 0);
}
