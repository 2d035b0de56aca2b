//! `images delete` for many images: by a query or ids, through the bulk engine. Nothing is
//! deleted beyond the selection, nothing at all past `--max` or without consent, an image
//! already gone counts as deleted, the manifest records what each image held and lets a killed
//! run finish, and a refused token stops the run at once.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use cfimg_emulator::Faults;
use common::{ACCOUNT, TestEnv, write_pngs};
use serde_json::Value;

/// `count` images with ids from their paths under `prefix`, each with metadata naming it.
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
        "-j",
        "8",
    ]);
    names.iter().map(|n| format!("{prefix}{n}")).collect()
}

fn ids(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn remaining(env: &TestEnv) -> BTreeSet<String> {
    env.emulator
        .image_names(ACCOUNT)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// The image ids the run sent a DELETE for, percent-decoded, with how often.
fn deletes(env: &TestEnv) -> BTreeMap<String, usize> {
    let mut sent = BTreeMap::new();
    for r in env.emulator.requests() {
        if r.method == "DELETE" {
            // The ids here hold no character encoded but the `/` of their folders.
            let id = r.path.rsplit("/images/v1/").next().unwrap();
            let id = id.replace("%2F", "/");
            *sent.entry(id).or_insert(0) += 1;
        }
    }
    sent
}

#[test]
fn a_query_deletes_what_it_picks_and_nothing_else() {
    let env = TestEnv::new();
    let doomed = stored(&env, "old", 12, "old/");
    let kept = stored(&env, "new", 5, "new/");
    let run = env.ok(&[
        "--ndjson",
        "images",
        "delete",
        "--id-prefix",
        "old/",
        "--yes",
        "-j",
        "4",
    ]);
    let results = run.ndjson();
    assert_eq!(ids(&results), doomed.iter().cloned().collect());
    assert!(results.iter().all(|r| r["status"] == "deleted"));
    // The image as the listing showed it comes with its result (no delivery URLs).
    assert_eq!(results[0]["image"]["meta"]["kind"], "test");
    assert!(
        results[0]["image"]
            .get("variants")
            .is_none_or(|v| v == &serde_json::json!([]))
    );
    assert_eq!(remaining(&env), kept.iter().cloned().collect());
    assert_eq!(
        deletes(&env).keys().cloned().collect::<BTreeSet<_>>(),
        doomed.iter().cloned().collect()
    );
    assert!(
        run.stderr.contains("12 images match (of 17 listed)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("12 deleted, 0 failed"),
        "{}",
        run.stderr
    );

    // Nothing left to match: nothing to do, and that is fine.
    let run = env.ok(&["--json", "images", "delete", "--id-prefix", "old/", "--yes"]);
    assert_eq!(run.json(), serde_json::json!([]));
    assert!(run.stderr.contains("nothing to delete"), "{}", run.stderr);
}

#[test]
fn a_query_that_narrows_nothing_needs_all() {
    let env = TestEnv::new();
    stored(&env, "a", 3, "a/");
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "delete", "--yes"])
        .code(2)
        .error_contains("name the images to delete")
        .hint_contains("--all");
    assert_eq!(env.emulator.request_count(), before);
    let run = env.ok(&["images", "delete", "--all", "--yes"]);
    assert!(run.stderr.contains("3 deleted"), "{}", run.stderr);
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}

#[test]
fn max_and_a_missing_yes_delete_nothing() {
    let env = TestEnv::new();
    stored(&env, "a", 6, "a/");
    // More match than --max allows: refused after the listing, before any DELETE.
    let run = env.run(
        env.cmd(),
        &[
            "images",
            "delete",
            "--id-prefix",
            "a/",
            "--max",
            "5",
            "--yes",
        ],
    );
    run.code(1)
        .error_contains("6 images match, more than --max 5; nothing was deleted")
        .hint_contains("--max");
    assert!(deletes(&env).is_empty());
    assert_eq!(env.emulator.image_count(ACCOUNT), 6);
    // Off a terminal without --yes: refused before any request.
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "delete", "--id-prefix", "a/"])
        .code(2)
        .error_contains("refusing to delete the images that match without confirmation")
        .hint_contains("--yes");
    env.run(env.cmd(), &["images", "delete", "a/x", "a/y"])
        .code(2)
        .error_contains("refusing to delete 2 images");
    assert_eq!(env.emulator.request_count(), before);
    // Exactly --max is allowed.
    env.ok(&[
        "images",
        "delete",
        "--id-prefix",
        "a/",
        "--max",
        "6",
        "--yes",
    ]);
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}

#[test]
fn a_dry_run_lists_what_would_go_and_what_it_would_cost() {
    let env = TestEnv::new();
    let doomed = stored(&env, "a", 4, "a/");
    // No --yes needed: nothing is deleted.
    let run = env.ok(&[
        "--ndjson",
        "images",
        "delete",
        "--id-prefix",
        "a/",
        "--dry-run",
    ]);
    let plan = run.ndjson();
    assert_eq!(ids(&plan), doomed.iter().cloned().collect());
    assert!(plan.iter().all(|p| p["status"] == "delete"));
    assert!(
        run.stderr
            .contains("dry run: 4 to delete; nothing was deleted"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "budget: 5 API requests (1 listing, 4 deletes): no wait at 1,200 per 5 min; with --batch no wait"
        ),
        "{}",
        run.stderr
    );
    assert!(deletes(&env).is_empty());
    assert_eq!(env.emulator.image_count(ACCOUNT), 4);
}

#[test]
fn ids_from_stdin_take_plain_ids_and_the_ndjson_of_a_listing() {
    let env = TestEnv::new();
    let all = stored(&env, "a", 6, "a/");
    // A listing filtered by a script, piped in whole.
    let listed = env.ok(&["--ndjson", "images", "list", "--all"]);
    let some: String = listed
        .stdout
        .lines()
        .filter(|l| l.contains("set0/"))
        .map(|l| format!("{l}\n"))
        .collect();
    let run = env.run_with_stdin(
        env.cmd(),
        &["--ndjson", "images", "delete", "--ids-from", "-", "--yes"],
        some,
    );
    run.success();
    let gone: BTreeSet<String> = all
        .iter()
        .filter(|i| i.contains("set0/"))
        .cloned()
        .collect();
    assert_eq!(ids(&run.ndjson()), gone);
    // Plain ids, one already deleted above: counted as deleted, not a failure.
    let plain = format!("{}\n{}\n", all[0], all[1]);
    let run = env.run_with_stdin(
        env.cmd(),
        &["--ndjson", "images", "delete", "--ids-from", "-", "--yes"],
        plain,
    );
    run.success();
    let results = run.ndjson();
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r["status"] == "deleted"));
    let reasons: Vec<&Value> = results.iter().map(|r| &r["reason"]).collect();
    assert!(reasons.contains(&&Value::from("gone")), "{results:?}");
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn the_manifest_records_what_each_image_held() {
    let env = TestEnv::new();
    let doomed = stored(&env, "a", 3, "a/");
    env.ok(&[
        "images",
        "delete",
        "--all",
        "--yes",
        "--manifest",
        "deleted.ndjson",
    ]);
    let text = std::fs::read_to_string(env.path("deleted.ndjson")).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Each image: `deleting` before the request, `deleted` after, both with what it held.
    assert_eq!(lines.len(), 6, "{text}");
    for id in &doomed {
        let of: Vec<&Value> = lines.iter().filter(|l| l["id"] == id.as_str()).collect();
        let statuses: Vec<&str> = of.iter().map(|l| l["status"].as_str().unwrap()).collect();
        assert_eq!(statuses, ["deleting", "deleted"], "{id}");
        for line in of {
            let image = &line["image"];
            assert_eq!(image["meta"]["kind"], "test");
            assert_eq!(image["requireSignedURLs"], false);
            assert!(image["filename"].as_str().unwrap().ends_with(".png"));
            assert!(image["uploaded"].is_string());
        }
    }
    // Ids named, with a manifest: each is read first (GET), so its line holds it too; one
    // deleted by an earlier run is skipped without a request.
    let more = stored(&env, "b", 2, "b/");
    let before = env.emulator.requests().len();
    let run = env.ok(&[
        "--ndjson",
        "images",
        "delete",
        &more[0],
        &more[1],
        &doomed[0],
        "--yes",
        "--manifest",
        "deleted.ndjson",
    ]);
    let results: BTreeMap<String, Value> = run
        .ndjson()
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(results[&doomed[0]]["status"], "skipped");
    assert_eq!(results[&doomed[0]]["reason"], "manifest");
    assert_eq!(results[&more[0]]["status"], "deleted");
    let sent: Vec<String> = env.emulator.requests()[before..]
        .iter()
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(sent.iter().filter(|m| *m == "GET").count(), 2, "{sent:?}");
    assert_eq!(
        sent.iter().filter(|m| *m == "DELETE").count(),
        2,
        "{sent:?}"
    );
    let text = std::fs::read_to_string(env.path("deleted.ndjson")).unwrap();
    let last = text.lines().rev().find(|l| l.contains(&more[1])).unwrap();
    let last: Value = serde_json::from_str(last).unwrap();
    assert_eq!(
        (&last["status"], &last["image"]["meta"]["kind"]),
        (&"deleted".into(), &"test".into())
    );
}

#[test]
fn a_killed_delete_resumes_from_its_manifest() {
    const COUNT: u32 = 200;
    let env = TestEnv::with_faults(Faults {
        // Slow enough that the kill lands in the middle of the work.
        latency: Duration::from_millis(15),
        ..Faults::default()
    });
    let doomed = stored(&env, "a", COUNT, "a/");
    let kept = stored(&env, "b", 3, "b/");
    let manifest = env.path("deleted.ndjson");
    let args = [
        "--ndjson",
        "images",
        "delete",
        "--id-prefix",
        "a/",
        "--yes",
        "--manifest",
        "deleted.ndjson",
        "-j",
        "4",
    ];
    let lines = || {
        std::fs::read_to_string(&manifest)
            .map(|t| t.lines().filter(|l| l.contains("\"deleted\"")).count())
            .unwrap_or(0)
    };
    env.kill_when(&args, || lines() >= 60);
    let left = env.emulator.image_count(ACCOUNT);
    assert!(
        left > kept.len() && left < (COUNT as usize) + kept.len() - 50,
        "{left} left"
    );

    let run = env.ok(&args);
    assert!(run.stderr.contains("0 failed"), "{}", run.stderr);
    assert_eq!(remaining(&env), kept.iter().cloned().collect());
    // Every image was deleted once, but for the few in flight at the kill, which the re-run
    // deleted again (gone: deleted).
    let sent = deletes(&env);
    assert_eq!(
        sent.keys().cloned().collect::<BTreeSet<_>>(),
        doomed.iter().cloned().collect()
    );
    let twice = sent.values().filter(|n| **n > 1).count();
    assert!(twice <= 4, "{twice} deleted twice");
    // The manifest ends with one `deleted` line per image, each with what it held.
    let text = std::fs::read_to_string(&manifest).unwrap();
    let mut last: BTreeMap<String, Value> = BTreeMap::new();
    for line in text.lines() {
        let entry: Value = serde_json::from_str(line).unwrap();
        last.insert(entry["id"].as_str().unwrap().to_string(), entry);
    }
    assert_eq!(last.len(), COUNT as usize);
    for (id, entry) in &last {
        assert_eq!(entry["status"], "deleted", "{id}: {entry}");
        assert_eq!(entry["image"]["meta"]["kind"], "test", "{id}: {entry}");
    }
}

#[test]
fn ctrl_c_finishes_the_deletes_in_flight_and_exits_130() {
    let env = TestEnv::with_faults(Faults {
        latency: Duration::from_millis(300),
        ..Faults::default()
    });
    stored(&env, "a", 20, "a/");
    let run = env.interrupt_after_first_result(
        &env.emulator.base_url(),
        &[
            "--ndjson",
            "images",
            "delete",
            "--id-prefix",
            "a/",
            "--yes",
            "-j",
            "2",
        ],
    );
    let stderr = &run.stderr;
    assert_eq!(run.code, Some(130), "{stderr}");
    let lines = run.lines;
    assert!(lines < 20, "it stopped early: {lines}");
    // Every delete that started was reported, and nothing else was deleted.
    assert_eq!(lines, deletes(&env).values().sum::<usize>(), "{stderr}");
    assert_eq!(env.emulator.image_count(ACCOUNT), 20 - lines);
    assert!(
        stderr.contains("interrupted: finishing the deletes in flight"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{lines} deleted")), "{stderr}");
    assert!(stderr.contains("not started"), "{stderr}");
}

#[test]
fn a_refused_token_stops_a_bulk_delete_at_once() {
    let env = TestEnv::new();
    let all = stored(&env, "a", 30, "a/");
    let list: String = all.iter().map(|id| format!("{id}\n")).collect();
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_TOKEN", "not-the-token-0123456789");
    let run = env.run_with_stdin(
        cmd,
        &[
            "--ndjson",
            "images",
            "delete",
            "--ids-from",
            "-",
            "--yes",
            "-j",
            "4",
        ],
        list,
    );
    run.code(3).error_contains("refused").hint_contains("token");
    let sent: usize = deletes(&env).values().sum();
    assert!((1..=4).contains(&sent), "{sent} deletes sent");
    assert!(
        run.stderr.contains(&format!("{} not started", 30 - sent)),
        "{}",
        run.stderr
    );
    assert_eq!(env.emulator.image_count(ACCOUNT), 30);
}

#[test]
fn batch_deletes_go_through_the_batch_host_over_several_tokens() {
    let env = TestEnv::new();
    stored(&env, "a", 20, "a/");
    let run = env.ok(&[
        "images",
        "delete",
        "--all",
        "--yes",
        "--batch",
        "--batch-tokens",
        "2",
        "--batch-url",
        env.emulator.origin(),
        "-j",
        "4",
    ]);
    assert!(run.stderr.contains("20 deleted"), "{}", run.stderr);
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
    // The listing went to the API; the deletes to the batch host's root paths.
    let on_batch_host = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE" && r.path.starts_with("/images/v1/"))
        .count();
    assert_eq!(on_batch_host, 20);
    assert_eq!(env.emulator.batch_requests_per_token(), [10, 10]);
}

#[test]
fn a_batch_host_refusing_its_tokens_stops_a_delete() {
    let env = TestEnv::new();
    stored(&env, "a", 10, "a/");
    let batch = common::Canned::start(common::http_response(
        "403 Forbidden",
        "application/json",
        &[],
        &common::api_failure(10000, "Authentication error"),
    ));
    let host = batch.base_url().trim_end_matches("/client/v4").to_string();
    let run = env.run(
        env.cmd(),
        &[
            "images",
            "delete",
            "--all",
            "--yes",
            "--batch",
            "--batch-url",
            &host,
            "-j",
            "2",
        ],
    );
    run.code(3).error_contains("refused");
    // The first refusals, each tried once more with a new token, then the run stopped.
    assert!(batch.requests() <= 4, "{} deletes sent", batch.requests());
    assert_eq!(env.emulator.image_count(ACCOUNT), 10);
}
