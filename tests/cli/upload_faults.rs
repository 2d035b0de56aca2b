//! Bulk uploads under a hostile network and a hard kill: every file ends up stored exactly
//! once when ids come from paths, never twice when the API picks the ids, an outcome we
//! could not learn is reported as unknown rather than retried into a duplicate, and an id
//! that another image already holds is never reported as our upload.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::time::Duration;

use cfimg_emulator::{EmulatorConfig, Faults};
use common::{ACCOUNT, TOKEN, TestEnv, write_pngs};
use serde_json::Value;

const FILES: u32 = 300;

/// 20% of requests answered 5xx, 10% answered 429, 5% dropped, as shares of all requests: the
/// emulator draws drop first, then 429, then 5xx, each of what is left.
fn hostile(seed: u64) -> TestEnv {
    TestEnv::with_config(EmulatorConfig {
        token: Some(TOKEN.to_string()),
        faults: hostile_faults(seed),
        ..EmulatorConfig::default()
    })
}

fn hostile_faults(seed: u64) -> Faults {
    let drop = 0.05;
    let throttle = 0.10 / (1.0 - drop);
    let fail = 0.20 / (1.0 - drop - 0.10);
    Faults {
        fail_rate: fail,
        throttle_rate: throttle,
        drop_rate: drop,
        seed: Some(seed),
        ..Faults::default()
    }
}

/// An emulator under `faults` whose account already holds an image under every id that
/// `assets/` gives with `--id-from path`: another version of each file (the same name, other
/// bytes), stored before the run by a fault-free emulator on the same data directory.
struct TakenIds {
    env: TestEnv,
    /// The bytes stored under each id before the run.
    before: BTreeMap<String, Vec<u8>>,
    _data: tempfile::TempDir,
}

fn taken_ids(faults: Faults) -> TakenIds {
    let data = tempfile::tempdir().unwrap();
    let config = |faults| EmulatorConfig {
        token: Some(TOKEN.to_string()),
        data_dir: Some(data.path().join("emulator")),
        faults,
        ..EmulatorConfig::default()
    };
    let mut before = BTreeMap::new();
    {
        let first = TestEnv::with_config(config(Faults::default()));
        let names = write_pngs(&first.path("assets"), FILES);
        for name in &names {
            let path = first.path("assets").join(name);
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.extend_from_slice(b"an older version");
            std::fs::write(&path, &bytes).unwrap();
            before.insert(name.clone(), bytes);
        }
        first.ok(&["images", "upload", "assets", "--id-from", "path", "-j", "8"]);
        assert_eq!(first.emulator.image_count(ACCOUNT), FILES as usize);
    }
    let env = TestEnv::with_config(config(faults));
    write_pngs(&env.path("assets"), FILES);
    TakenIds {
        env,
        before,
        _data: data,
    }
}

/// No result is `uploaded`, each id still holds exactly its one older image, and a sample of
/// them still has the older bytes.
fn nothing_was_taken_over(taken: &TakenIds, results: &BTreeMap<String, Value>) {
    let env = &taken.env;
    for (source, r) in results {
        assert_ne!(r["status"], "uploaded", "{source}: {r}");
    }
    let stored = counts(
        env.emulator
            .image_names(ACCOUNT)
            .into_iter()
            .map(|(id, _)| id),
    );
    let expected: BTreeSet<String> = taken.before.keys().cloned().collect();
    assert_eq!(stored.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(stored.values().all(|n| *n == 1));
    for id in taken.before.keys().step_by(60) {
        let out = format!("check-{}", id.replace('/', "-"));
        env.ok(&[
            "--retries",
            "12",
            "images",
            "blob",
            id,
            "-o",
            &out,
            "--force",
        ]);
        assert_eq!(
            &std::fs::read(env.path(&out)).unwrap(),
            &taken.before[id],
            "{id}"
        );
    }
}

/// How many stored images each name (id or file name) has.
fn counts(names: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_insert(0) += 1;
    }
    counts
}

fn by_source(results: &[Value]) -> BTreeMap<String, Value> {
    let map: BTreeMap<String, Value> = results
        .iter()
        .map(|r| (r["source"].as_str().unwrap().to_string(), r.clone()))
        .collect();
    assert_eq!(map.len(), results.len(), "one result per file");
    map
}

fn file_name(source: &str) -> String {
    source.rsplit('/').next().unwrap().to_string()
}

#[test]
fn ids_from_paths_store_every_file_exactly_once_under_faults() {
    let env = hostile(7);
    let files = write_pngs(&env.path("assets"), FILES);
    let run = env.run(
        env.cmd(),
        &[
            "--ndjson",
            "--retries",
            "12",
            "images",
            "upload",
            "assets",
            "--id-from",
            "path",
            "-j",
            "8",
        ],
    );
    run.success();
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);
    for r in results.values() {
        assert_eq!(r["status"], "uploaded", "{r}");
    }

    let stored = counts(
        env.emulator
            .image_names(ACCOUNT)
            .into_iter()
            .map(|(id, _)| id),
    );
    let expected: BTreeSet<String> = files.iter().cloned().collect();
    assert_eq!(stored.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(stored.values().all(|n| *n == 1));
    // The faults were really there.
    let requests = env.emulator.request_count();
    assert!(
        requests > FILES as usize * 5 / 4,
        "only {requests} requests"
    );
}

#[test]
fn without_custom_ids_nothing_is_stored_twice_and_unknowns_are_reported() {
    let env = hostile(11);
    write_pngs(&env.path("assets"), FILES);
    let run = env.run(
        env.cmd(),
        &[
            "--ndjson",
            "--retries",
            "12",
            "images",
            "upload",
            "assets",
            "-j",
            "8",
        ],
    );
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);

    // Each file name is unique, so the stored images say which file each came from.
    let images = env.emulator.image_names(ACCOUNT);
    let stored = counts(images.iter().map(|(_, name)| name.clone()));
    assert!(
        stored.values().all(|n| *n == 1),
        "a file was stored twice: {:?}",
        stored.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>()
    );
    let ids: BTreeMap<&str, &str> = images
        .iter()
        .map(|(id, name)| (name.as_str(), id.as_str()))
        .collect();

    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for (source, r) in &results {
        let status = r["status"].as_str().unwrap();
        *by_status.entry(status.to_string()).or_insert(0) += 1;
        let name = file_name(source);
        let present = stored.get(&name).copied().unwrap_or(0);
        match status {
            "uploaded" => {
                assert_eq!(present, 1, "{source} reported uploaded");
                assert_eq!(
                    r["id"].as_str(),
                    ids.get(name.as_str()).copied(),
                    "{source}"
                );
            }
            // A 5xx before any answer: the emulator's faults come before storing.
            "failed" => assert_eq!(present, 0, "{source} reported failed but stored"),
            // Dropped before or after storing: either may be true, and it is said so.
            "unknown" => assert!(present <= 1),
            other => panic!("{source}: status {other}"),
        }
    }
    // Every stored image is one that is reported, as uploaded or unknown.
    assert!(
        stored.len()
            <= by_status.get("uploaded").copied().unwrap_or(0)
                + by_status.get("unknown").copied().unwrap_or(0)
    );
    let unknown = by_status.get("unknown").copied().unwrap_or(0);
    assert!(
        unknown > 0,
        "5% dropped connections and no unknown: {by_status:?}"
    );
    assert_eq!(run.code, 5, "{by_status:?}\n{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{unknown} unknown")),
        "{}",
        run.stderr
    );
}

#[test]
fn ids_held_by_other_images_are_never_reported_uploaded_under_faults() {
    let taken = taken_ids(hostile_faults(13));
    let env = &taken.env;
    let args = [
        "--ndjson",
        "--retries",
        "12",
        "images",
        "upload",
        "assets",
        "--id-from",
        "path",
        "-j",
        "8",
    ];
    let run = env.run(env.cmd(), &args);
    run.code(5);
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for (source, r) in &results {
        let status = r["status"].as_str().unwrap();
        *by_status.entry(status.to_string()).or_insert(0) += 1;
        match status {
            "failed" => assert_eq!(r["error"]["status"], 409, "{source}: {r}"),
            // A retry after a lost answer met the id taken, by an image that is not this file.
            "unknown" => {
                assert_eq!(r["error"]["status"], 409, "{source}: {r}");
                let message = r["error"]["message"].as_str().unwrap();
                assert!(message.contains("not this file"), "{source}: {message}");
            }
            other => panic!("{source}: status {other}"),
        }
    }
    assert!(
        by_status.get("unknown").copied().unwrap_or(0) > 0,
        "5% dropped connections and no lost answer met the taken id: {by_status:?}"
    );
    nothing_was_taken_over(&taken, &results);
}

/// The numbers of the report that found 8 of 300 such files reported `uploaded`.
#[test]
fn ids_held_by_other_images_at_the_reported_fault_rates() {
    let taken = taken_ids(Faults {
        fail_rate: 0.05,
        drop_rate: 0.03,
        seed: Some(5),
        ..Faults::default()
    });
    let env = &taken.env;
    let args = [
        "--ndjson",
        "images",
        "upload",
        "assets",
        "--id-from",
        "path",
        "-j",
        "8",
    ];
    let run = env.run(env.cmd(), &args);
    run.code(5);
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);
    assert!(
        results
            .values()
            .all(|r| r["status"] == "failed" || r["status"] == "unknown"),
        "{}",
        run.stdout
    );
    assert!(
        results.values().any(|r| r["status"] == "unknown"),
        "no lost answer met the taken id"
    );
    assert!(!run.stdout.contains("confirmed"));
    nothing_was_taken_over(&taken, &results);

    // With --skip-existing every file is skipped as existing, lost answers or not.
    let mut skipping = args.to_vec();
    skipping.extend(["--skip-existing", "--retries", "12"]);
    let run = env.ok(&skipping);
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);
    for (source, r) in &results {
        assert_eq!(r["status"], "skipped", "{source}: {r}");
        assert_eq!(r["reason"], "exists", "{source}: {r}");
    }
    nothing_was_taken_over(&taken, &results);
}

fn manifest_lines(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path)
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

#[test]
fn killed_three_times_then_resumed_every_file_is_stored_once() {
    let env = TestEnv::with_faults(Faults {
        // Slow enough that each kill lands in the middle of work.
        latency: Duration::from_millis(15),
        ..Faults::default()
    });
    let files = write_pngs(&env.path("assets"), FILES);
    let manifest = env.path("upload.manifest");
    let args = [
        "--ndjson",
        "images",
        "upload",
        "assets",
        "--id-from",
        "path",
        "--manifest",
        "upload.manifest",
        "--skip-existing",
        "-j",
        "4",
    ];
    let uploads = || {
        env.emulator
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count()
    };

    // 1. While the first uploads are in flight, before anything is recorded.
    env.kill_when(&args, || uploads() >= 3);
    // 2. A third of the way through.
    let before = manifest_lines(&manifest);
    env.kill_when(&args, || manifest_lines(&manifest) >= before + 100);
    // 3. Near the end.
    env.kill_when(&args, || manifest_lines(&manifest) >= 260);

    let run = env.ok(&args);
    let results = by_source(&run.ndjson());
    assert_eq!(results.len(), FILES as usize);
    assert!(
        results
            .values()
            .all(|r| r["status"] == "uploaded" || r["status"] == "skipped"),
        "{}",
        run.stdout
    );
    let stored = counts(
        env.emulator
            .image_names(ACCOUNT)
            .into_iter()
            .map(|(id, _)| id),
    );
    let expected: BTreeSet<String> = files.iter().cloned().collect();
    assert_eq!(stored.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(stored.values().all(|n| *n == 1));
    // What the manifest recorded was not sent again: beyond one upload per file, only the
    // few in flight at each kill (at most -j of them) were repeated, and met as existing.
    let from_manifest = results
        .values()
        .filter(|r| r["reason"] == "manifest")
        .count();
    assert!(
        from_manifest >= 260,
        "{from_manifest} skipped by the manifest"
    );
    assert!(uploads() <= FILES as usize + 3 * 4, "{} uploads", uploads());
}

/// Four `--local` uploads at once into one data directory: two of their own folders with ids
/// the emulator picks, and two of one shared folder with ids from paths. The data directory is
/// one emulator's at a time, so every upload each reports is in the listing afterwards, and a
/// shared file is stored once (one run uploads it, the other meets it and skips it).
#[test]
fn local_commands_writing_at_once_keep_every_image() {
    const EACH: u32 = 30;
    let env = TestEnv::new();
    for dir in ["own-a", "own-b", "shared"] {
        write_pngs(&env.path(dir), EACH);
    }
    let runs: [&[&str]; 4] = [
        &["--local", "--ndjson", "images", "upload", "own-a"],
        &["--local", "--ndjson", "images", "upload", "own-b"],
        &[
            "--local",
            "--ndjson",
            "images",
            "upload",
            "shared",
            "--id-from",
            "path",
            "--skip-existing",
        ],
        &[
            "--local",
            "--ndjson",
            "images",
            "upload",
            "shared",
            "--id-from",
            "path",
            "--skip-existing",
        ],
    ];
    let children: Vec<_> = runs
        .iter()
        .enumerate()
        .map(|(i, args)| {
            let out = env.path(&format!("local-{i}.stdout"));
            let err = env.path(&format!("local-{i}.stderr"));
            let child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
                .env_clear()
                .env("HOME", env.home.path())
                .env("XDG_CONFIG_HOME", env.home.path().join("config"))
                .env("XDG_DATA_HOME", env.home.path().join("data"))
                .env("NO_COLOR", "1")
                .current_dir(env.home.path())
                .args(*args)
                .stdin(Stdio::null())
                // Files, not pipes: a pipe nobody reads fills up and stalls the run.
                .stdout(std::fs::File::create(&out).unwrap())
                .stderr(std::fs::File::create(&err).unwrap())
                .spawn()
                .expect("cfimg starts");
            (child, out, err)
        })
        .collect();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    for ((mut child, out, err), args) in children.into_iter().zip(runs) {
        let code = child.wait().unwrap().code();
        let stdout = std::fs::read_to_string(out).unwrap();
        let stderr = std::fs::read_to_string(err).unwrap();
        env.check_output(args, &stdout, &stderr);
        assert_eq!(code, Some(0), "{args:?}\n{stderr}");
        let results: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(results.len(), EACH as usize, "{args:?}");
        for r in results {
            *statuses
                .entry(r["status"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    assert_eq!(
        statuses.get("uploaded"),
        Some(&(3 * EACH as usize)),
        "{statuses:?}"
    );
    assert_eq!(
        statuses.get("skipped"),
        Some(&(EACH as usize)),
        "{statuses:?}"
    );

    let list = env.run(
        env.bare(),
        &["--local", "--ndjson", "images", "list", "--all"],
    );
    list.success();
    let images = list.ndjson();
    let ids = counts(images.iter().map(|i| i["id"].as_str().unwrap().to_string()));
    assert_eq!(
        images.len(),
        3 * EACH as usize,
        "every uploaded image is listed"
    );
    assert!(ids.values().all(|n| *n == 1), "an id listed twice");
    let shared = ids.keys().filter(|id| id.starts_with("set")).count();
    assert_eq!(shared, EACH as usize, "each shared file stored once");
}
