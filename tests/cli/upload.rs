//! Bulk uploads end to end: inputs, ids from paths, skipping, the manifest across a killed
//! run, dry runs, the shared 429 pause, the batch API, exit codes and interrupts.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use cfimg_emulator::{EmulatorConfig, Faults, RateLimit};
use common::{ACCOUNT, TOKEN, TestEnv, fixture};
use serde_json::Value;

/// `n` distinct PNG files under `dir` (the same picture, a different tail each, so their
/// hashes differ), named `img00.png`, `img01.png`, ….
fn images(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let png = std::fs::read(fixture("images/logo.png")).unwrap();
    for i in 0..n {
        let mut data = png.clone();
        data.extend_from_slice(format!("#{i}").as_bytes());
        std::fs::write(dir.join(format!("img{i:02}.png")), data).unwrap();
    }
}

/// A small build folder: images at two levels, a note, and a directory to leave out.
fn assets(env: &TestEnv) -> String {
    let root = env.path("dist");
    images(&root, 2);
    images(&root.join("icons"), 2);
    images(&root.join("drafts"), 1);
    std::fs::copy(fixture("images/photo.jpg"), root.join("icons/photo.jpg")).unwrap();
    std::fs::write(root.join("README.txt"), "not an image").unwrap();
    "dist".to_string()
}

fn posts(env: &TestEnv) -> usize {
    env.emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count()
}

fn by_source(results: &[Value]) -> std::collections::BTreeMap<String, Value> {
    results
        .iter()
        .map(|r| (r["source"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

#[test]
fn directories_with_include_exclude_and_ids_from_paths() {
    let env = TestEnv::new();
    let dist = assets(&env);
    let run = env.ok(&[
        "--ndjson",
        "images",
        "upload",
        &dist,
        "--id-from",
        "path",
        "--prefix",
        "site/v1/",
        "--include",
        "*.png",
        "--include",
        "*.jpg",
        "--exclude",
        "drafts",
    ]);
    let results = run.ndjson();
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "site/v1/icons/img00.png",
            "site/v1/icons/img01.png",
            "site/v1/icons/photo.jpg",
            "site/v1/img00.png",
            "site/v1/img01.png",
        ]
    );
    assert!(results.iter().all(|r| r["status"] == "uploaded"));
    assert!(results[0]["image"]["variants"].is_array());
    // The note is not an image, and was not even looked at since it matches no --include.
    assert!(!run.stderr.contains("README"), "{}", run.stderr);
    assert!(run.stderr.contains("5 uploaded, 0 skipped, 0 failed"));
    let image = env
        .ok(&["--json", "images", "get", "site/v1/icons/photo.jpg"])
        .json();
    assert_eq!(image["filename"], "photo.jpg");

    // Without filters the note is skipped with a word, not an error.
    let run = env.ok(&["images", "upload", &dist, "--dry-run"]);
    assert!(
        run.stderr
            .contains("skipping dist/README.txt: not an image"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout.lines().count(), 6, "{}", run.stdout);
}

#[test]
fn files_from_a_file_and_from_stdin() {
    let env = TestEnv::new();
    images(&env.path("a"), 3);
    std::fs::write(env.path("list.txt"), "a/img00.png\r\n\n./a/img02.png\n").unwrap();
    let run = env.ok(&[
        "--json",
        "images",
        "upload",
        "--files-from",
        "list.txt",
        "--id-from",
        "path",
    ]);
    let results = run.json();
    let ids: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"a/img00.png") && ids.contains(&"a/img02.png"));

    let run = env.run_with_stdin(
        env.cmd(),
        &["--ndjson", "images", "upload", "--files-from", "-"],
        "a/img01.png\n",
    );
    run.success();
    assert_eq!(run.ndjson()[0]["source"], "a/img01.png");
    assert_eq!(env.emulator.image_count(ACCOUNT), 3);

    // A listed file that is not an image is found before anything is sent. (One that is gone
    // fails on its own: see upload_inputs.rs.)
    let before = env.emulator.request_count();
    std::fs::write(env.path("a/notes.txt"), "not an image").unwrap();
    std::fs::write(env.path("bad.txt"), "a/img00.png\na/notes.txt\n").unwrap();
    env.run(env.cmd(), &["images", "upload", "--files-from", "bad.txt"])
        .code(1)
        .error_contains("notes.txt is not a supported image");
    assert_eq!(env.emulator.request_count(), before);
}

#[test]
fn skip_existing_counts_taken_ids_as_skipped() {
    let env = TestEnv::new();
    images(&env.path("a"), 3);
    let args = ["--ndjson", "images", "upload", "a", "--id-from", "path"];
    env.ok(&args);
    let requests = env.emulator.request_count();

    let mut again = args.to_vec();
    again.push("--skip-existing");
    let run = env.ok(&again);
    let results = run.ndjson();
    assert!(
        results
            .iter()
            .all(|r| r["status"] == "skipped" && r["reason"] == "exists")
    );
    assert!(run.stderr.contains("0 uploaded, 3 skipped, 0 failed"));
    // One request per file, no extra look-ups.
    assert_eq!(env.emulator.request_count(), requests + 3);

    // Without --skip-existing a taken id is a failure, and the run ends with 5.
    let run = env.run(env.cmd(), &args);
    run.code(5);
    assert!(run.ndjson().iter().all(|r| r["status"] == "failed"));
    assert_eq!(env.emulator.image_count(ACCOUNT), 3);
}

#[test]
fn a_failure_in_one_file_does_not_stop_the_others() {
    let env = TestEnv::new();
    images(&env.path("a"), 5);
    env.ok(&["images", "upload", "a/img02.png", "--id", "img02.png"]);
    let run = env.run(
        env.cmd(),
        &[
            "--json",
            "images",
            "upload",
            "a",
            "--id-from",
            "path",
            "-j",
            "2",
        ],
    );
    run.code(5);
    let results = by_source(run.json().as_array().unwrap());
    assert_eq!(results.len(), 5);
    assert_eq!(results["a/img02.png"]["status"], "failed");
    assert_eq!(results["a/img02.png"]["error"]["status"], 409);
    for other in ["a/img00.png", "a/img01.png", "a/img03.png", "a/img04.png"] {
        assert_eq!(results[other]["status"], "uploaded", "{other}");
    }
    assert!(run.stderr.contains("4 uploaded, 0 skipped, 1 failed"));
    assert!(
        run.stderr.contains("warning: a/img02.png"),
        "{}",
        run.stderr
    );
}

#[test]
fn dry_run_sends_nothing_and_needs_no_credentials() {
    let env = TestEnv::new();
    images(&env.path("a"), 2);
    let run = env.run(
        env.bare(),
        &[
            "--json",
            "images",
            "upload",
            "a",
            "--id-from",
            "path",
            "--prefix",
            "x/",
            "--dry-run",
        ],
    );
    run.success();
    let plan = run.json();
    assert_eq!(plan[0]["status"], "upload");
    assert_eq!(plan[0]["id"], "x/img00.png");
    assert_eq!(plan[1]["id"], "x/img01.png");
    assert!(run.stderr.contains("nothing was sent"));
    // What the run would cost, and how long the limits make it take.
    assert!(
        run.stderr.contains(
            "budget: 2 API requests (2 uploads): no wait at 1,200 per 5 min; with --batch no wait"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(env.emulator.request_count(), 0);

    // Checks still come first: a bad image fails the dry run too.
    std::fs::copy(fixture("bad/wide.png"), env.path("a/wide.png")).unwrap();
    env.run(env.bare(), &["images", "upload", "a", "--dry-run"])
        .code(1)
        .error_contains("12");
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn the_manifest_skips_unchanged_files_without_a_request() {
    let env = TestEnv::new();
    images(&env.path("a"), 3);
    let args = [
        "--ndjson",
        "images",
        "upload",
        "a",
        "--manifest",
        "upload.ndjson",
    ];
    let first = env.ok(&args).ndjson();
    let lines: Vec<Value> = std::fs::read_to_string(env.path("upload.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["status"], "uploaded");
        assert_eq!(
            line["size"],
            std::fs::metadata(env.path(line["path"].as_str().unwrap()))
                .unwrap()
                .len()
        );
        assert_eq!(line["sha256"].as_str().unwrap().len(), 64);
        assert!(line["variants"][0].as_str().unwrap().starts_with("http"));
    }
    let requests = env.emulator.request_count();

    // Nothing changed: nothing is sent, and the ids the API gave come back from the manifest.
    let run = env.ok(&args);
    assert_eq!(env.emulator.request_count(), requests);
    let second = by_source(&run.ndjson());
    for result in &first {
        let again = &second[result["source"].as_str().unwrap()];
        assert_eq!(again["status"], "skipped");
        assert_eq!(again["reason"], "manifest");
        assert_eq!(again["id"], result["id"]);
    }

    // One file changed: only it goes.
    let mut data = std::fs::read(env.path("a/img01.png")).unwrap();
    data.extend_from_slice(b"changed");
    std::fs::write(env.path("a/img01.png"), data).unwrap();
    let run = env.ok(&args);
    assert_eq!(posts(&env), 4);
    let third = by_source(&run.ndjson());
    assert_eq!(third["a/img01.png"]["status"], "uploaded");
    assert_eq!(third["a/img00.png"]["status"], "skipped");
    assert_eq!(env.emulator.image_count(ACCOUNT), 4);
}

#[test]
fn a_killed_run_resumes_from_its_manifest_without_uploading_twice() {
    let env = TestEnv::with_faults(Faults {
        latency: Duration::from_millis(150),
        ..Faults::default()
    });
    images(&env.path("a"), 30);
    let args = [
        "--ndjson",
        "images",
        "upload",
        "a",
        "--id-from",
        "path",
        "--skip-existing",
        "--manifest",
        "m.ndjson",
        "-j",
        "2",
    ];
    let manifest = env.path("m.ndjson");
    env.kill_when(&args, || {
        std::fs::read_to_string(&manifest)
            .map(|t| t.lines().count())
            .unwrap_or(0)
            >= 6
    });
    // What a kill in the middle of a write would leave behind.
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    let recorded: Vec<String> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("every line whole");
            v["path"].as_str().unwrap().to_string()
        })
        .collect();
    text.push_str(r#"{"path":"a/img29.png","size":4"#);
    std::fs::write(&manifest, text).unwrap();
    let posts_before = posts(&env);

    let run = env.ok(&args);
    assert!(
        run.stderr.contains("ignoring its torn last line"),
        "{}",
        run.stderr
    );
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), 30);
    for path in &recorded {
        assert_eq!(results[path]["status"], "skipped", "{path}");
        assert_eq!(results[path]["reason"], "manifest", "{path}");
    }
    // Files in flight at the kill may exist already; they are skipped, never duplicated.
    assert!(
        results
            .values()
            .all(|r| r["status"] == "uploaded" || r["status"] == "skipped")
    );
    assert_eq!(posts(&env) - posts_before, 30 - recorded.len());
    assert_eq!(env.emulator.image_count(ACCOUNT), 30);

    // And a third run has nothing at all to do.
    let requests = env.emulator.request_count();
    env.ok(&args);
    assert_eq!(env.emulator.request_count(), requests);
}

#[test]
fn a_429_pauses_every_worker_for_its_retry_after() {
    // 429s no header announces (another client spending the budget at random), each with
    // Retry-After: 1; the seed fixes how many come before six uploads get through (two), and
    // --retries is generous so that no file runs out of attempts however they fall.
    let env = TestEnv::with_faults(Faults {
        throttle_rate: 0.3,
        seed: Some(1),
        ..Faults::default()
    });
    images(&env.path("a"), 6);
    let started = Instant::now();
    let run = env.ok(&[
        "--ndjson",
        "--retries",
        "10",
        "images",
        "upload",
        "a",
        "-j",
        "4",
        "--rate",
        "1/0.1",
    ]);
    assert!(run.ndjson().iter().all(|r| r["status"] == "uploaded"));
    let refused = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.status == Some(429))
        .count();
    assert!(refused >= 1, "the seed gives no 429");
    // Each refused upload was sent again, once the pause was over.
    assert_eq!(env.emulator.request_count(), 6 + refused);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn the_server_s_rate_limit_windows_are_kept_without_429s() {
    let env = TestEnv::with_faults(Faults {
        rate_limit: Some(RateLimit {
            requests: 2,
            window: Duration::from_secs(1),
        }),
        ..Faults::default()
    });
    images(&env.path("a"), 6);
    // Our own limiter would let all six go at once; the server's headers say 2 a second.
    let started = Instant::now();
    let run = env.ok(&["--ndjson", "images", "upload", "a", "-j", "4"]);
    assert!(run.ndjson().iter().all(|r| r["status"] == "uploaded"));
    let refused = env.emulator.request_count() - 6;
    // An answer slower than a whole window could let one through before the client hears of
    // the new window; never more.
    assert!(refused <= 1, "{refused} requests got a 429");
    assert!(started.elapsed() >= Duration::from_secs(2));
}

#[test]
fn batch_mode_uses_the_batch_host_and_renews_its_token() {
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(TOKEN.to_string()),
        faults: Faults {
            latency: Duration::from_millis(100),
            ..Faults::default()
        },
        batch_token_ttl: Duration::from_secs(2),
        ..EmulatorConfig::default()
    });
    images(&env.path("a"), 40);
    let run = env.ok(&[
        "--ndjson",
        "images",
        "upload",
        "a",
        "--batch",
        "--batch-url",
        env.emulator.origin(),
        "-j",
        "2",
        "--id-from",
        "path",
    ]);
    let results = run.ndjson();
    assert_eq!(results.len(), 40);
    assert!(results.iter().all(|r| r["status"] == "uploaded"));
    let requests = env.emulator.requests();
    let tokens = requests
        .iter()
        .filter(|r| r.path.ends_with("/images/v1/batch_token"))
        .count();
    let batch_posts = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/images/v1")
        .count();
    assert_eq!(batch_posts, 40, "uploads go to the batch host's root path");
    assert!(
        tokens >= 2,
        "a 2 s token must be renewed during a ~2 s run at 75% of its life: {tokens}"
    );
    assert_eq!(env.emulator.image_count(ACCOUNT), 40);
}

#[test]
fn batch_tokens_spread_the_uploads_over_several_tokens() {
    let env = TestEnv::new();
    images(&env.path("a"), 30);
    let run = env.ok(&[
        "--ndjson",
        "images",
        "upload",
        "a",
        "--batch",
        "--batch-tokens",
        "3",
        "--batch-url",
        env.emulator.origin(),
        "-j",
        "4",
    ]);
    assert_eq!(run.ndjson().len(), 30);
    let tokens = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/images/v1/batch_token"))
        .count();
    assert_eq!(tokens, 3, "one request per token asked for");
    // The uploads take the tokens in turn.
    assert_eq!(env.emulator.batch_requests_per_token(), [10, 10, 10]);
    assert_eq!(env.emulator.image_count(ACCOUNT), 30);

    // Tokens without the batch host mean nothing: a usage error, nothing sent.
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "upload", "a", "--batch-tokens", "2"])
        .code(2);
    assert_eq!(env.emulator.request_count(), before);
}

#[test]
fn a_lost_answer_then_409_is_our_own_upload_confirmed() {
    let env = TestEnv::with_faults(Faults {
        drop_rate: 0.4,
        seed: Some(2),
        ..Faults::default()
    });
    images(&env.path("a"), 12);
    let run = env.run(
        env.cmd(),
        &[
            "--ndjson",
            "images",
            "upload",
            "a",
            "--id-from",
            "path",
            "-j",
            "1",
            "--retries",
            "10",
        ],
    );
    run.success();
    let results = run.ndjson();
    assert!(
        results.iter().all(|r| r["status"] == "uploaded"),
        "{}",
        run.stdout
    );
    assert!(
        results.iter().any(|r| r["reason"] == "confirmed"),
        "with this seed some answer is lost after the image was stored:\n{}",
        run.stdout
    );
    assert_eq!(env.emulator.image_count(ACCOUNT), 12);
}

#[test]
fn ctrl_c_reports_what_finished_and_exits_130() {
    let env = TestEnv::with_faults(Faults {
        latency: Duration::from_millis(300),
        ..Faults::default()
    });
    images(&env.path("a"), 20);
    let run = env.interrupt_after_first_result(
        &env.emulator.base_url(),
        &["--ndjson", "images", "upload", "a", "-j", "2"],
    );
    let stderr = &run.stderr;
    assert_eq!(run.code, Some(130), "{stderr}");
    let lines = run.lines;
    assert!(lines < 20, "it stopped early: {lines}");
    // Every upload that started was reported: none is left unaccounted for.
    assert_eq!(lines, posts(&env), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(stderr.contains(&format!("{lines} uploaded")), "{stderr}");
    assert!(stderr.contains("not started"), "{stderr}");
}

#[test]
fn exit_codes_and_the_summary() {
    let env = TestEnv::new();
    images(&env.path("a"), 2);
    let run = env.ok(&["images", "upload", "a"]);
    assert_eq!(run.stdout.lines().count(), 2);
    assert!(run.stdout.lines().all(|l| l.starts_with("uploaded")));
    assert!(run.stderr.contains("2 uploaded, 0 skipped, 0 failed in"));

    // A local problem: exit 1, nothing sent.
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["images", "upload", "a", "nope.png"])
        .code(1)
        .error_contains("nope.png");
    assert_eq!(env.emulator.request_count(), before);

    // Usage errors: exit 2.
    env.run(
        env.cmd(),
        &["images", "upload", "a", "--id", "x", "--id-from", "path"],
    )
    .code(2);
    env.run(env.cmd(), &["images", "upload", "a", "--rate", "fast"])
        .code(2);
    env.run_with_stdin(
        env.cmd(),
        &["images", "upload", "-", "--files-from", "-"],
        "",
    )
    .code(2);

    // A single file keeps printing the API's image, and with --skip-existing a taken id is
    // shown rather than refused.
    let image = env
        .ok(&["--json", "images", "upload", "a/img00.png", "--id", "one"])
        .json();
    assert_eq!(image["id"], "one");
    let run = env.ok(&[
        "--json",
        "images",
        "upload",
        "a/img00.png",
        "--id",
        "one",
        "--skip-existing",
    ]);
    assert_eq!(run.json()["id"], "one");
    assert!(run.stderr.contains("skipped"));
}

#[test]
fn print_urls_prints_each_url_once() {
    let env = TestEnv::new();
    images(&env.path("a"), 2);
    // One file: the one URL, once.
    let single = env.ok(&["images", "upload", "a/img00.png", "--print-urls"]);
    let lines: Vec<&str> = single.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", single.stdout);
    assert!(lines[0].ends_with("/public"), "{}", single.stdout);
    // Many files: one URL each.
    let bulk = env.ok(&["images", "upload", "a", "--print-urls"]);
    let lines: Vec<&str> = bulk.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", bulk.stdout);
    assert_ne!(lines[0], lines[1]);
}

#[test]
fn a_refused_single_upload_keeps_the_api_status_and_codes_in_its_json_error() {
    let env = TestEnv::new();
    images(&env.path("a"), 1);
    env.ok(&["images", "upload", "a/img00.png", "--id", "taken"]);
    let run = env.run(
        env.cmd(),
        &["--json", "images", "upload", "a/img00.png", "--id", "taken"],
    );
    run.code(1).error_contains("409");
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("a JSON error line");
    let error: Value = serde_json::from_str(line).unwrap();
    assert_eq!(error["error"]["status"], 409, "{line}");
    assert_eq!(error["error"]["errors"][0]["code"], 5409, "{line}");
    assert_eq!(error["error"]["exit_code"], 1);

    // A 400 from the API.
    let canned = common::Canned::start(common::http_response(
        "400 Bad Request",
        "application/json",
        &[],
        &common::api_failure(5400, "Bad request: Error parsing form fields"),
    ));
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_BASE_URL", canned.base_url());
    let run = env.run(
        cmd,
        &["--json", "images", "upload", "a/img00.png", "--id", "x"],
    );
    run.code(1).error_contains("400");
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("a JSON error line");
    let error: Value = serde_json::from_str(line).unwrap();
    assert_eq!(error["error"]["status"], 400, "{line}");
    assert_eq!(error["error"]["errors"][0]["code"], 5400, "{line}");
}

#[test]
fn batch_with_a_custom_api_url_needs_a_batch_url() {
    let env = TestEnv::new();
    images(&env.path("a"), 2);
    // The API URL is the emulator's, and no batch host is named: sending the uploads to the
    // public batch host would be wrong, so nothing is sent at all.
    let run = env.run(env.cmd(), &["images", "upload", "a", "--batch"]);
    run.code(2).error_contains("--batch-url");
    run.hint_contains("CFIMG_BATCH_URL");
    assert_eq!(env.emulator.request_count(), 0);

    // Named, it goes there.
    let mut cmd = env.cmd();
    cmd.env("CFIMG_BATCH_URL", env.emulator.origin());
    let run = env.run(cmd, &["--ndjson", "images", "upload", "a", "--batch"]);
    run.success();
    assert!(
        env.emulator
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.path == "/images/v1")
    );
}

#[test]
fn a_batch_url_in_the_environment_is_checked_as_the_flag_is() {
    let env = TestEnv::new();
    images(&env.path("a"), 1);
    let mut cmd = env.cmd();
    cmd.env("CFIMG_BATCH_URL", "batch.example.com");
    let run = env.run(cmd, &["images", "upload", "a"]);
    run.code(2)
        .error_contains("$CFIMG_BATCH_URL")
        .error_contains("http://");
    assert_eq!(env.emulator.request_count(), 0);
    // The flag, when given, is what counts.
    let mut cmd = env.cmd();
    cmd.env("CFIMG_BATCH_URL", "batch.example.com");
    let run = env.run(
        cmd,
        &[
            "images",
            "upload",
            "a",
            "--batch",
            "--batch-url",
            env.emulator.origin(),
        ],
    );
    run.success();
}

#[test]
fn a_lost_answer_then_409_for_someone_elses_image_is_never_uploaded() {
    let env = TestEnv::with_faults(Faults {
        drop_rate: 0.5,
        seed: Some(3),
        ..Faults::default()
    });
    let photo = fixture("images/photo.jpg").display().to_string();
    let logo = fixture("images/logo.png").display().to_string();
    env.ok(&[
        "images",
        "upload",
        &photo,
        "--id",
        "shared/logo",
        "--retries",
        "20",
    ]);

    let mut unknown = 0;
    for _ in 0..8 {
        let run = env.run(
            env.cmd(),
            &[
                "--json",
                "images",
                "upload",
                &logo,
                "--id",
                "shared/logo",
                "--retries",
                "20",
            ],
        );
        // Never the other image on stdout, never success.
        assert_eq!(run.stdout, "", "{}", run.stderr);
        run.code(1);
        if run.stderr.contains("an answer was lost") {
            unknown += 1;
            run.error_contains("not this file");
            run.hint_contains("images delete");
        } else {
            run.error_contains("409");
        }
    }
    assert!(
        unknown > 0,
        "with this seed some answer is lost before a 409"
    );
    let stored = env.emulator.image_names(ACCOUNT);
    assert_eq!(
        stored,
        [("shared/logo".to_string(), "photo.jpg".to_string())]
    );
}

/// The bytes `cfimg images blob ID` downloads.
fn blob(env: &TestEnv, id: &str) -> Vec<u8> {
    let out = env.path("blob.out");
    let _ = std::fs::remove_file(&out);
    env.ok(&["images", "blob", id, "-o", "blob.out"]);
    std::fs::read(out).unwrap()
}

#[test]
fn a_changed_file_is_reported_changed_until_replace_updates_it() {
    let env = TestEnv::new();
    images(&env.path("a"), 3);
    let args = [
        "--ndjson",
        "images",
        "upload",
        "a",
        "--id-from",
        "path",
        "--skip-existing",
        "--manifest",
        "m.ndjson",
    ];
    env.ok(&args);
    let old = std::fs::read(env.path("a/img01.png")).unwrap();
    let mut new = old.clone();
    new.extend_from_slice(b"changed");
    std::fs::write(env.path("a/img01.png"), &new).unwrap();

    // The id holds the older image: not skipped, not exit 0, and nothing replaced.
    for _ in 0..2 {
        let run = env.run(env.cmd(), &args);
        run.code(5);
        let results = by_source(&run.ndjson());
        assert_eq!(results["a/img00.png"]["reason"], "manifest");
        assert_eq!(results["a/img02.png"]["reason"], "manifest");
        let changed = &results["a/img01.png"];
        assert_eq!(changed["status"], "changed", "{changed}");
        assert_eq!(changed["error"]["status"], 409, "{changed}");
        assert!(
            changed["error"]["message"]
                .as_str()
                .unwrap()
                .contains("--replace")
        );
        assert!(
            run.stderr
                .contains("0 uploaded, 2 skipped, 0 failed, 1 changed"),
            "{}",
            run.stderr
        );
        assert_eq!(blob(&env, "img01.png"), old);
    }

    // --replace deletes the older image and uploads the file, back to back.
    let before = env.emulator.requests().len();
    let mut replace = args.to_vec();
    replace.push("--replace");
    let run = env.ok(&replace);
    let results = by_source(&run.ndjson());
    assert_eq!(results["a/img01.png"]["status"], "uploaded");
    assert_eq!(results["a/img01.png"]["reason"], "replaced");
    let sent: Vec<String> = env.emulator.requests()[before..]
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r.method,
                r.path.rsplit("/images/v1").next().unwrap()
            )
        })
        .collect();
    assert_eq!(sent, ["POST ", "DELETE /img01.png", "POST "]);
    assert_eq!(blob(&env, "img01.png"), new);
    assert_eq!(env.emulator.image_count(ACCOUNT), 3);

    // Recorded as uploaded: the next run has nothing to do.
    let run = env.ok(&args);
    assert!(
        run.ndjson().iter().all(|r| r["reason"] == "manifest"),
        "{}",
        run.stdout
    );
}

#[test]
fn replace_needs_a_manifest() {
    let env = TestEnv::new();
    images(&env.path("a"), 1);
    let run = env.run(
        env.cmd(),
        &["images", "upload", "a", "--id-from", "path", "--replace"],
    );
    run.code(2).error_contains("--manifest");
    run.hint_contains("images delete");
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn a_refused_token_stops_a_bulk_run_at_the_first_refusal() {
    let env = TestEnv::new();
    images(&env.path("a"), 40);
    // The emulator accepts only its own token.
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_TOKEN", "not-the-token-0123456789");
    let run = env.run(
        cmd,
        &[
            "--ndjson",
            "images",
            "upload",
            "a",
            "--id-from",
            "path",
            "-j",
            "4",
        ],
    );
    run.code(3).error_contains("refused");
    run.hint_contains("token");
    // At most the uploads already in flight when the first refusal came back. (A refusal
    // the server sends before reading the body can reach the client as a broken send, which
    // is known not to have landed and is sent again: count files, not requests.)
    let results = run.ndjson();
    let sent = results.len();
    assert!((1..=4).contains(&sent), "{sent} files sent");
    assert!(posts(&env) <= 4 * 4, "{} requests", posts(&env));
    assert!(results.iter().all(|r| r["status"] == "failed"));
    assert!(
        run.stderr.contains(&format!("{} not started", 40 - sent)),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("warning:").count(),
        sent,
        "{}",
        run.stderr
    );

    // One file: the same exit and hint.
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_TOKEN", "not-the-token-0123456789");
    let run = env.run(cmd, &["images", "upload", "a/img00.png"]);
    run.code(3).error_contains("403");
    run.hint_contains("token");
}

#[test]
fn the_api_s_other_ways_of_refusing_credentials_stop_the_run_too() {
    let env = TestEnv::new();
    images(&env.path("a"), 20);
    // No credentials (9106), and a malformed Authorization header (6003, with 6111 inside):
    // HTTP 400, as the API answers them.
    for (code, message) in [
        (
            9106,
            "Missing X-Auth-Key, X-Auth-Email or Authorization headers",
        ),
        (6003, "Invalid request headers"),
    ] {
        let canned = common::Canned::start(common::http_response(
            "400 Bad Request",
            "application/json",
            &[],
            &common::api_failure(code, message),
        ));
        let mut cmd = env.cmd();
        cmd.env("CLOUDFLARE_API_BASE_URL", canned.base_url());
        let run = env.run(cmd, &["images", "upload", "a", "-j", "2"]);
        run.code(3).error_contains(&code.to_string());
        assert!(canned.requests() <= 2, "{} requests", canned.requests());
    }
}

#[test]
fn a_batch_host_refusing_a_renewed_token_stops_the_run() {
    let env = TestEnv::new();
    images(&env.path("a"), 30);
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
            "upload",
            "a",
            "--batch",
            "--batch-url",
            &host,
            "-j",
            "3",
        ],
    );
    run.code(3).error_contains("refused");
    let tokens = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/images/v1/batch_token"))
        .count();
    // The first token, and one renewal after the host refused it.
    assert_eq!(tokens, 2, "{}", run.stderr);
    // Each worker: one refusal per token at most.
    assert!(batch.requests() <= 6, "{} uploads sent", batch.requests());
}

#[test]
fn json_results_come_in_input_order() {
    let env = TestEnv::with_faults(Faults {
        latency: Duration::from_millis(5),
        ..Faults::default()
    });
    images(&env.path("a"), 12);
    // An earlier run recorded one file from the middle: its result is known before any
    // upload finishes, and still takes its place in the input order.
    env.ok(&["images", "upload", "a/img05.png", "--manifest", "m.ndjson"]);
    let run = env.ok(&[
        "--json",
        "images",
        "upload",
        "a",
        "--manifest",
        "m.ndjson",
        "-j",
        "6",
    ]);
    let results = run.json();
    let sources: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..12).map(|i| format!("a/img{i:02}.png")).collect();
    assert_eq!(sources, expected);
    assert_eq!(results[5]["reason"], "manifest");
}

#[test]
fn dry_run_and_real_results_name_the_outcome_alike() {
    let env = TestEnv::new();
    images(&env.path("a"), 2);
    env.ok(&["images", "upload", "a/img00.png", "--manifest", "m.ndjson"]);
    let args = ["--json", "images", "upload", "a", "--manifest", "m.ndjson"];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let planned = env.ok(&dry).json();
    let done = env.ok(&args).json();
    // The file the manifest settled: the same object either way.
    for results in [&planned, &done] {
        assert_eq!(results[0]["status"], "skipped", "{results}");
        assert_eq!(results[0]["reason"], "manifest", "{results}");
        assert!(results[0].get("action").is_none());
    }
    assert_eq!(planned[1]["status"], "upload");
    assert_eq!(done[1]["status"], "uploaded");
}

#[test]
fn result_lines_line_up_whatever_the_width_of_names_and_ids() {
    let env = TestEnv::new();
    let dir = common::wide_named_images(&env);
    let dir = dir.to_str().unwrap();
    // Ids made from wide file names, and ids the API picks; the plan, then the results as
    // each file finishes.
    for args in [
        &["images", "upload", dir, "--id-from", "path", "--dry-run"][..],
        &["images", "upload", dir, "--dry-run"],
        &["images", "upload", dir, "--id-from", "path", "-j", "1"],
        &["images", "upload", dir, "-j", "3"],
    ] {
        let run = env.ok(args);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{args:?}:\n{}", run.stdout);
        common::assert_aligned(&lines);
    }
    // A run whose ids are all taken: failures line up with the rest too.
    let run = env.run(
        env.cmd(),
        &["images", "upload", dir, "--id-from", "path", "-j", "1"],
    );
    run.code(5);
    common::assert_aligned(&run.stdout.lines().collect::<Vec<_>>());
}
