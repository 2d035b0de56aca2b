//! `cfimg images …` end to end against the emulator.

use crate::common;

use common::{ACCOUNT, TestEnv, fixture_str};

fn upload(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json", "images", "upload"];
    all.extend_from_slice(args);
    env.ok(&all).json()
}

#[test]
fn the_whole_life_of_an_image() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let image = upload(&env, &[&png, "--metadata", r#"{"team":"web","n":1}"#]);
    let id = image["id"].as_str().unwrap().to_string();
    assert_eq!(image["meta"]["team"], "web");
    assert_eq!(image["filename"], "logo.png");
    assert_eq!(image["requireSignedURLs"], false);
    assert!(
        image.get("metadata").is_none(),
        "responses say meta: {image}"
    );

    let list = env.ok(&["--json", "images", "list"]).json();
    assert_eq!(list["images"][0]["id"], id.as_str());
    assert!(list["continuation_token"].is_null());

    let edited = env
        .ok(&["--json", "images", "edit", &id, "--meta", "team=infra"])
        .json();
    assert_eq!(edited["meta"], serde_json::json!({"team": "infra"}));

    let out = env.path("copy.png");
    env.ok(&["images", "blob", &id, "-o", out.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(common::fixture("images/logo.png")).unwrap()
    );

    env.ok(&["images", "delete", &id, "--yes"]);
    env.run(env.cmd(), &["images", "get", &id])
        .code(4)
        .error_contains("not found");
}

#[test]
fn each_supported_format_uploads_with_its_sniffed_type() {
    let env = TestEnv::new();
    for name in ["logo.png", "photo.jpg", "anim.gif", "pic.webp", "icon.svg"] {
        let image = upload(&env, &[&fixture_str(&format!("images/{name}"))]);
        assert_eq!(image["filename"], name);
    }
    let uploads: Vec<_> = env
        .emulator
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(uploads.len(), 5);
    for request in uploads {
        assert!(
            request
                .content_type
                .as_deref()
                .unwrap_or("")
                .starts_with("multipart/form-data")
        );
        assert_eq!(request.part_names, vec!["file".to_string()]);
    }
}

#[test]
fn metadata_goes_as_one_json_part_and_options_as_text() {
    let env = TestEnv::new();
    upload(
        &env,
        &[
            &fixture_str("images/logo.png"),
            "--meta",
            "a=1",
            "--meta",
            "b:=2",
            "--id",
            "brand/logo",
            "--creator",
            "ci",
        ],
    );
    let request = env
        .emulator
        .requests()
        .into_iter()
        .find(|r| r.method == "POST")
        .unwrap();
    assert_eq!(
        request.part_names,
        vec!["file", "id", "metadata", "creator"]
    );
    let image = env.ok(&["--json", "images", "get", "brand/logo"]).json();
    assert_eq!(image["meta"], serde_json::json!({"a": "1", "b": 2}));
    assert_eq!(image["creator"], "ci");
    let get = env
        .emulator
        .requests()
        .into_iter()
        .find(|r| r.method == "GET")
        .unwrap();
    assert_eq!(
        get.path,
        format!("/client/v4/accounts/{ACCOUNT}/images/v1/brand%2Flogo")
    );
}

#[test]
fn upload_from_stdin_and_from_a_directory() {
    let env = TestEnv::new();
    let bytes = std::fs::read(common::fixture("images/photo.jpg")).unwrap();
    let run = env.run_with_stdin(env.cmd(), &["--json", "images", "upload", "-"], bytes);
    run.success();
    assert_eq!(run.json()["filename"], "stdin.jpg");

    let run = env.ok(&["--ndjson", "images", "upload", &fixture_str("images")]);
    let results = run.ndjson();
    assert_eq!(results.len(), 5);
    assert!(results.iter().all(|r| r["status"] == "uploaded"));
    assert!(
        run.stderr.contains("5 uploaded, 0 skipped, 0 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(env.emulator.image_count(ACCOUNT), 6);
}

#[test]
fn bad_local_input_is_refused_before_any_request() {
    let env = TestEnv::new();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["images", "upload", "missing.png"], 1, "missing.png"),
        (
            &["images", "upload", &fixture_str("bad/notes.txt")],
            1,
            "not",
        ),
        (
            &["images", "upload", &fixture_str("bad/empty.png")],
            1,
            "empty",
        ),
        (&["images", "upload", &fixture_str("bad/wide.png")], 1, "12"),
        (
            &[
                "images",
                "upload",
                &fixture_str("images/logo.png"),
                "--metadata",
                "nope",
            ],
            2,
            "--metadata",
        ),
        (
            &[
                "images",
                "upload",
                &fixture_str("images/logo.png"),
                "--metadata",
                "[1]",
            ],
            2,
            "object",
        ),
        (
            &[
                "images",
                "upload",
                &fixture_str("images/logo.png"),
                "--meta",
                "novalue",
            ],
            2,
            "--meta",
        ),
        (
            &[
                "images",
                "upload",
                &fixture_str("images/logo.png"),
                "--id",
                "/lead",
            ],
            2,
            "/",
        ),
        (
            &[
                "images",
                "upload",
                &fixture_str("images/logo.png"),
                "--id",
                "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            ],
            2,
            "UUID",
        ),
        (&["images", "edit", "x"], 2, "nothing to change"),
        (&["images", "list", "--meta", "a[nope]=1"], 2, "nope"),
        (&["images", "list", "--per-page", "5"], 2, ""),
    ];
    for (args, code, text) in cases {
        let run = env.run(env.cmd(), args);
        run.code(*code);
        if *code != 2 || text.starts_with('-') || !text.is_empty() {
            assert!(
                run.stderr.contains(text),
                "{args:?}: stderr lacks {text:?}:\n{}",
                run.stderr
            );
        }
    }
    let big = env.path("big.png");
    let mut data = std::fs::read(common::fixture("images/logo.png")).unwrap();
    data.resize(10 * 1024 * 1024 + 1, 0);
    std::fs::write(&big, data).unwrap();
    env.run(env.cmd(), &["images", "upload", big.to_str().unwrap()])
        .code(1)
        .error_contains("10");
    assert_eq!(
        env.emulator.request_count(),
        0,
        "{:?}",
        env.emulator.requests()
    );
}

#[test]
fn api_errors_have_their_exit_codes() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    upload(&env, &[&png, "--id", "taken"]);
    env.run(env.cmd(), &["images", "upload", &png, "--id", "taken"])
        .code(1)
        .error_contains("409");
    env.run(env.cmd(), &["images", "get", "nope"])
        .code(4)
        .error_contains("image 'nope' not found");
    env.run(env.cmd(), &["images", "delete", "nope", "--yes"])
        .code(4);
    env.run(
        env.cmd().env("CLOUDFLARE_API_TOKEN", "wrong-token"),
        &["images", "list"],
    )
    .code(3)
    .error_contains("403")
    .hint_contains("Images Read");
    env.run(
        env.bare().env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT),
        &["images", "list"],
    )
    .code(3)
    .error_contains("no API token");
}

#[test]
fn deleting_needs_a_yes_without_a_terminal() {
    let env = TestEnv::new();
    let image = upload(&env, &[&fixture_str("images/logo.png")]);
    let id = image["id"].as_str().unwrap();
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "delete", id])
        .code(2)
        .error_contains("without confirmation")
        .hint_contains("--yes");
    assert_eq!(env.emulator.request_count(), before);
    assert_eq!(env.emulator.image_count(ACCOUNT), 1);
}

#[test]
fn several_deletes_count_an_image_already_gone_as_deleted() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    upload(&env, &[&png, "--id", "one"]);
    let run = env.run(
        env.cmd(),
        &["--json", "images", "delete", "one", "two", "--yes"],
    );
    run.success();
    let results = run.json();
    assert_eq!(results[0]["id"], "one");
    assert_eq!(results[0]["status"], "deleted");
    assert!(results[0].get("reason").is_none(), "{}", results[0]);
    assert_eq!(results[1]["id"], "two");
    assert_eq!(results[1]["status"], "deleted");
    assert_eq!(results[1]["reason"], "gone");
    assert!(run.stderr.contains("2 deleted, 0 failed"), "{}", run.stderr);
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}

#[test]
fn a_missing_image_is_one_problem_on_one_line() {
    let env = TestEnv::new();
    let run = env.run(env.cmd(), &["images", "delete", "nonexist", "--yes"]);
    run.code(4).error_contains("image 'nonexist' not found");
    let problems: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        .collect();
    assert_eq!(problems.len(), 1, "{}", run.stderr);

    // With several ids, one already gone is no problem at all.
    upload(&env, &[&fixture_str("images/logo.png"), "--id", "here"]);
    let run = env.run(env.cmd(), &["images", "delete", "here", "gone", "--yes"]);
    run.success();
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort();
    assert_eq!(lines, ["deleted  gone  (already gone)", "deleted  here"]);
    assert!(
        !run.stderr.contains("warning: ") && !run.stderr.contains("error: "),
        "{}",
        run.stderr
    );
}

#[test]
fn set_meta_and_unset_meta_merge_into_what_is_there() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    upload(
        &env,
        &[&png, "--id", "merge/me", "--meta", "a=1", "--meta", "b=2"],
    );
    let before = env.emulator.requests().len();
    let image = env
        .ok(&[
            "--json",
            "images",
            "edit",
            "merge/me",
            "--set-meta",
            "b=3",
            "--set-meta",
            "c:=true",
            "--unset-meta",
            "a",
            "--unset-meta",
            "never-there",
        ])
        .json();
    assert_eq!(image["meta"], serde_json::json!({"b": "3", "c": true}));
    let methods: Vec<String> = env.emulator.requests()[before..]
        .iter()
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(methods, ["GET", "PATCH"], "one read, one write");
    let got = env.ok(&["--json", "images", "get", "merge/me"]).json();
    assert_eq!(got["meta"], serde_json::json!({"b": "3", "c": true}));

    // The limit applies to the merged result, checked before anything is written.
    let big = format!("big={}", "x".repeat(980));
    env.ok(&["images", "edit", "merge/me", "--set-meta", &big]);
    let before = env.emulator.requests().len();
    env.run(
        env.cmd(),
        &[
            "images",
            "edit",
            "merge/me",
            "--set-meta",
            "more=0123456789abcdef0123456789",
        ],
    )
    .code(2)
    .error_contains("1024");
    assert!(
        env.emulator.requests()[before..]
            .iter()
            .all(|r| r.method == "GET"),
        "nothing written"
    );
    // Replacing and merging do not mix; a key both set and unset is a contradiction.
    env.run(
        env.cmd(),
        &[
            "images",
            "edit",
            "merge/me",
            "--meta",
            "a=1",
            "--set-meta",
            "b=2",
        ],
    )
    .code(2);
    env.run(
        env.cmd(),
        &[
            "images",
            "edit",
            "merge/me",
            "--set-meta",
            "b=2",
            "--unset-meta",
            "b",
        ],
    )
    .code(2)
    .error_contains("both set and unset");
}

#[test]
fn listing_follows_tokens_and_stops_at_the_limit() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    for i in 0..25 {
        upload(&env, &[&png, "--id", &format!("img{i:02}")]);
    }
    let all = env
        .ok(&["--ndjson", "images", "list", "--all", "--per-page", "10"])
        .ndjson();
    assert_eq!(all.len(), 25);
    let mut ids: Vec<_> = all
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 25, "no image twice");

    let before = env.emulator.request_count();
    let some = env
        .ok(&[
            "--ndjson",
            "images",
            "list",
            "--limit",
            "12",
            "--per-page",
            "10",
        ])
        .ndjson();
    assert_eq!(some.len(), 12);
    assert_eq!(
        env.emulator.request_count() - before,
        2,
        "two pages, no more"
    );

    let page = env
        .ok(&["--json", "images", "list", "--per-page", "10"])
        .json();
    assert_eq!(page["images"].as_array().unwrap().len(), 10);
    let token = page["continuation_token"].as_str().unwrap().to_string();
    let next = env
        .ok(&[
            "--json",
            "images",
            "list",
            "--per-page",
            "10",
            "--continuation-token",
            &token,
        ])
        .json();
    assert_ne!(next["images"][0]["id"], page["images"][0]["id"]);

    let asc = env
        .ok(&[
            "--ndjson",
            "images",
            "list",
            "--limit",
            "1",
            "--sort-order",
            "asc",
        ])
        .ndjson();
    assert_eq!(asc[0]["id"], "img00");

    let v1 = env.run(
        env.cmd(),
        &[
            "--json",
            "images",
            "list",
            "--page",
            "1",
            "--per-page",
            "10",
        ],
    );
    v1.success();
    assert!(v1.stderr.contains("deprecated"));
    assert_eq!(v1.json()["images"].as_array().unwrap().len(), 10);
}

#[test]
fn metadata_filters_reach_the_api() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    upload(
        &env,
        &[&png, "--id", "a", "--meta", "team=web", "--meta", "size:=5"],
    );
    upload(
        &env,
        &[
            &png,
            "--id",
            "b",
            "--meta",
            "team=infra",
            "--meta",
            "size:=50",
        ],
    );
    let web = env
        .ok(&["--ndjson", "images", "list", "--meta", "team=web"])
        .ndjson();
    assert_eq!(web.len(), 1);
    assert_eq!(web[0]["id"], "a");
    let big = env
        .ok(&["--ndjson", "images", "list", "--meta", "size[gt]=10"])
        .ndjson();
    assert_eq!(big[0]["id"], "b");
    let six: Vec<String> = (0..6).map(|i| format!("k{i}=v")).collect();
    let mut args = vec!["images", "list"];
    for f in &six {
        args.push("--meta");
        args.push(f);
    }
    env.run(env.cmd(), &args).code(2).error_contains("5");
}

#[test]
fn blob_is_atomic_and_careful_with_files_and_terminals() {
    let env = TestEnv::new();
    let image = upload(&env, &[&fixture_str("images/logo.png")]);
    let id = image["id"].as_str().unwrap();
    let out = env.path("existing.png");
    std::fs::write(&out, b"keep me").unwrap();
    env.run(
        env.cmd(),
        &["images", "blob", id, "-o", out.to_str().unwrap()],
    )
    .code(1)
    .hint_contains("--force");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    env.ok(&["images", "blob", id, "-o", out.to_str().unwrap(), "--force"]);
    assert_ne!(std::fs::read(&out).unwrap(), b"keep me");

    let run = env.ok(&["images", "blob", id]);
    assert_eq!(
        run.stdout_bytes,
        std::fs::read(common::fixture("images/logo.png")).unwrap()
    );

    let missing = env.path("never.png");
    env.run(
        env.cmd(),
        &["images", "blob", "nope", "-o", missing.to_str().unwrap()],
    )
    .code(4);
    assert!(!missing.exists());
    let leftovers: Vec<_> = std::fs::read_dir(env.home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".cfimg-blob-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn tables_are_what_people_see() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    upload(&env, &[&png, "--id", "brand/logo", "--meta", "team=web"]);
    let run = env.ok(&["images", "list"]);
    let mut lines = run.stdout.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("ID"), "{header}");
    assert!(header.contains("FILENAME") && header.contains("META"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("brand/logo  "), "{row}");
    assert!(
        row.contains("logo.png") && row.contains(r#"{"team":"web"}"#),
        "{row}"
    );

    let run = env.ok(&["images", "get", "brand/logo"]);
    assert!(run.stdout.contains("brand/logo"));
    assert!(run.stdout.contains("signed URLs"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    for i in 0..30 {
        upload(&env, &[&png, "--id", &format!("p{i}")]);
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
        .args(["--ndjson", "images", "list", "--all", "--per-page", "10"])
        .env_clear()
        .env("HOME", env.home.path())
        .env("CLOUDFLARE_API_TOKEN", common::TOKEN)
        .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&output.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn list_sends_the_sort_order_and_each_filter_as_the_api_spells_them() {
    let env = TestEnv::new();
    env.ok(&[
        "images",
        "list",
        "--sort-order",
        "asc",
        "--meta",
        "team=web",
        "--meta",
        "size[gt:number]=100",
    ]);
    let request = env
        .emulator
        .requests()
        .into_iter()
        .find(|r| r.method == "GET" && r.path.ends_with("/images/v2"))
        .unwrap();
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(request.query.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        query,
        [
            pair("sort_order", "asc"),
            pair("meta.team[eq]", "web"),
            pair("meta.size[gt:number]", "100"),
        ]
    );
}
