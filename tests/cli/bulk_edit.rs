//! `images edit` for many images, through the bulk engine: merges keep the other keys and cost
//! no GET when the listing showed the metadata, an image already as asked costs no PATCH,
//! replacing, privacy and creator, a result per image, and a refused token stops the run.

use crate::common;

use std::collections::BTreeMap;

use common::{ACCOUNT, TestEnv, write_pngs};
use serde_json::{Value, json};

/// `count` images under `prefix`, with metadata `{"kind": "test", "n": i}`-like keys.
fn stored(env: &TestEnv, dir: &str, count: u32, prefix: &str) -> Vec<String> {
    let names = write_pngs(&env.path(dir), count);
    env.ok(&[
        "images",
        "upload",
        dir,
        "--prefix",
        prefix,
        "--meta",
        "kind=test",
        "--meta",
        "keep:=1",
        "-j",
        "8",
    ]);
    names.iter().map(|n| format!("{prefix}{n}")).collect()
}

fn methods(env: &TestEnv, from: usize) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for r in &env.emulator.requests()[from..] {
        *counts.entry(r.method.clone()).or_insert(0) += 1;
    }
    counts
}

fn meta_of(env: &TestEnv) -> BTreeMap<String, Value> {
    env.ok(&["--ndjson", "images", "list", "--all"])
        .ndjson()
        .into_iter()
        .map(|i| (i["id"].as_str().unwrap().to_string(), i["meta"].clone()))
        .collect()
}

#[test]
fn set_meta_merges_into_each_image_without_a_get_when_the_listing_showed_it() {
    let env = TestEnv::new();
    let edited = stored(&env, "a", 6, "a/");
    let other = stored(&env, "b", 2, "b/");
    let before = env.emulator.requests().len();
    let run = env.ok(&[
        "--ndjson",
        "images",
        "edit",
        "--where-meta",
        "kind=test",
        "--id-prefix",
        "a/",
        "--set-meta",
        "team=web",
        "--unset-meta",
        "kind",
    ]);
    let results = run.ndjson();
    assert_eq!(results.len(), 6);
    assert!(
        results.iter().all(|r| r["status"] == "edited"),
        "{}",
        run.stdout
    );
    assert_eq!(
        results[0]["image"]["meta"],
        json!({"keep": 1, "team": "web"})
    );
    // One listing request, one PATCH per image, and no GET of any image.
    assert_eq!(
        methods(&env, before),
        BTreeMap::from([("GET".to_string(), 1), ("PATCH".to_string(), 6)])
    );
    let meta = meta_of(&env);
    for id in &edited {
        assert_eq!(meta[id], json!({"keep": 1, "team": "web"}), "{id}");
    }
    for id in &other {
        assert_eq!(meta[id], json!({"kind": "test", "keep": 1}), "{id}");
    }
    assert!(run.stderr.contains("6 edited, 0 failed"), "{}", run.stderr);

    // The same edit again: every image is already as asked, and nothing is sent but the listing.
    let before = env.emulator.requests().len();
    let run = env.ok(&[
        "--ndjson",
        "images",
        "edit",
        "--id-prefix",
        "a/",
        "--set-meta",
        "team=web",
    ]);
    assert!(
        run.ndjson()
            .iter()
            .all(|r| r["status"] == "skipped" && r["reason"] == "unchanged"),
        "{}",
        run.stdout
    );
    assert_eq!(
        methods(&env, before),
        BTreeMap::from([("GET".to_string(), 1)])
    );
    assert!(
        run.stderr
            .contains("0 edited, 6 skipped (already as asked), 0 failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn ids_are_read_first_for_a_merge_and_taken_from_stdin_as_ids_or_ndjson() {
    let env = TestEnv::new();
    let ids = stored(&env, "a", 4, "a/");
    let before = env.emulator.requests().len();
    let plain = format!("{}\n{}\n", ids[0], ids[1]);
    let run = env.run_with_stdin(
        env.cmd(),
        &[
            "--ndjson",
            "images",
            "edit",
            "--ids-from",
            "-",
            "--set-meta",
            "n:=2",
        ],
        plain,
    );
    run.success();
    assert_eq!(run.ndjson().len(), 2);
    // Named ids: a GET for each (the metadata to merge into), then the PATCH.
    assert_eq!(
        methods(&env, before),
        BTreeMap::from([("GET".to_string(), 2), ("PATCH".to_string(), 2)])
    );
    // The NDJSON of a listing, filtered by a script, goes in whole.
    let listed = env.ok(&["--ndjson", "images", "list", "--all", "--id-prefix", "a/"]);
    let run = env.run_with_stdin(
        env.cmd(),
        &[
            "--ndjson",
            "images",
            "edit",
            "--ids-from",
            "-",
            "--set-meta",
            "n:=2",
        ],
        listed.stdout,
    );
    run.success();
    // The two already edited are as asked (the lines carried their metadata: no GET).
    let results = run.ndjson();
    let count = |status: &str| results.iter().filter(|r| r["status"] == status).count();
    assert_eq!((count("skipped"), count("edited")), (2, 2));
    let meta = meta_of(&env);
    assert!(
        ids.iter()
            .all(|id| meta[id]["n"] == 2 && meta[id]["kind"] == "test")
    );
}

#[test]
fn metadata_replaces_and_privacy_and_creator_are_set_on_every_image() {
    let env = TestEnv::new();
    let ids = stored(&env, "a", 3, "a/");
    env.ok(&[
        "images",
        "edit",
        "--id-prefix",
        "a/",
        "--metadata",
        r#"{"only": true}"#,
        "--creator",
        "ci",
    ]);
    let listed = env.ok(&["--ndjson", "images", "list", "--all", "--creator", "ci"]);
    let images = listed.ndjson();
    assert_eq!(images.len(), 3);
    assert!(images.iter().all(|i| i["meta"] == json!({"only": true})));
    // The creator filter of edit is spelled --where-creator, since --creator sets it.
    let png = common::fixture_str("images/logo.png");
    for _ in 0..2 {
        env.ok(&["images", "upload", &png, "--creator", "someone"]);
    }
    let run = env.ok(&[
        "--ndjson",
        "images",
        "edit",
        "--where-creator",
        "someone",
        "--require-signed-urls",
    ]);
    assert_eq!(run.ndjson().len(), 2);
    assert_eq!(
        env.ok(&["images", "list", "--count", "--private"]).stdout,
        "2\n"
    );
    assert_eq!(env.emulator.image_count(ACCOUNT), ids.len() + 2);
}

#[test]
fn a_query_that_narrows_nothing_needs_all_and_max_refuses() {
    let env = TestEnv::new();
    stored(&env, "a", 3, "a/");
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "edit", "--set-meta", "x=1"])
        .code(2)
        .error_contains("name the images to edit")
        .hint_contains("--all");
    env.run(env.cmd(), &["images", "edit", "--all"])
        .code(2)
        .error_contains("nothing to change");
    assert_eq!(env.emulator.request_count(), before);
    env.run(
        env.cmd(),
        &["images", "edit", "--all", "--set-meta", "x=1", "--max", "2"],
    )
    .code(1)
    .error_contains("3 images match, more than --max 2; nothing was edited");
    // One id with --max is a bulk edit too, held to the limit.
    env.run(
        env.cmd(),
        &[
            "images",
            "edit",
            "a/set0/img-0000.png",
            "--set-meta",
            "x=1",
            "--max",
            "0",
        ],
    )
    .code(1)
    .error_contains("more than --max 0");
    assert!(!env.emulator.requests().iter().any(|r| r.method == "PATCH"));
    env.ok(&["images", "edit", "--all", "--set-meta", "x=1", "--max", "3"]);
    // One id through the batch host is a bulk run: a result line, not the image.
    let run = env.ok(&[
        "--ndjson",
        "images",
        "edit",
        "a/set0/img-0000.png",
        "--set-meta",
        "x=2",
        "--batch",
        "--batch-url",
        env.emulator.origin(),
    ]);
    assert_eq!(run.ndjson()[0]["status"], "edited");
    // Its read (for the merge) and its PATCH both went to the batch host.
    assert_eq!(env.emulator.batch_requests_per_token(), [2]);
}

#[test]
fn a_dry_run_plans_the_edits_and_their_cost() {
    let env = TestEnv::new();
    stored(&env, "a", 3, "a/");
    env.ok(&[
        "images",
        "edit",
        "a/set0/img-0000.png",
        "--set-meta",
        "team=web",
    ]);
    let run = env.ok(&[
        "--ndjson",
        "images",
        "edit",
        "--all",
        "--set-meta",
        "team=web",
        "--dry-run",
    ]);
    let plan = run.ndjson();
    let by_id: BTreeMap<&str, &str> = plan
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["status"].as_str().unwrap()))
        .collect();
    assert_eq!(by_id["a/set0/img-0000.png"], "skip");
    assert_eq!(by_id.values().filter(|s| **s == "edit").count(), 2);
    assert!(
        run.stderr
            .contains("dry run: 2 to edit, 1 already as asked"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("budget: 3 API requests (1 listing, 2 edits)"),
        "{}",
        run.stderr
    );
    assert!(
        !env.emulator
            .requests()
            .iter()
            .any(|r| r.method == "PATCH" && r.path.contains("img-0001"))
    );
}

#[test]
fn a_refused_token_stops_a_bulk_edit_at_once() {
    let env = TestEnv::new();
    let ids = stored(&env, "a", 30, "a/");
    let list: String = ids.iter().map(|id| format!("{id}\n")).collect();
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_TOKEN", "not-the-token-0123456789");
    let run = env.run_with_stdin(
        cmd,
        &[
            "images",
            "edit",
            "--ids-from",
            "-",
            "--metadata",
            "{}",
            "-j",
            "4",
        ],
        list,
    );
    run.code(3).error_contains("refused").hint_contains("token");
    let patches = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.method == "PATCH")
        .count();
    assert!((1..=4).contains(&patches), "{patches} edits sent");
    assert!(run.stderr.contains("not started"), "{}", run.stderr);
}
