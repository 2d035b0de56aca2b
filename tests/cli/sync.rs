//! `images sync`: the images under a prefix made to match a directory, with the account as
//! the record. A fresh machine's no-change run sends only the listing; changed files are
//! replaced, new ones uploaded, extras deleted only with `--delete` (and never past
//! `--max-delete`), images outside the prefix never touched, a metadata change is a PATCH, a
//! killed run converges when run again, and `--shard` slices split the files exactly.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use cfimg_emulator::Faults;
use common::{ACCOUNT, TestEnv, png, write_pngs};
use serde_json::Value;
use sha2::{Digest, Sha256};

const KEY: &str = "cfimg:sha256";

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every image of the account, by id.
fn images(env: &TestEnv) -> BTreeMap<String, Value> {
    let run = env.ok(&["--json", "images", "list", "--all"]);
    run.json()["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap().to_string(), i.clone()))
        .collect()
}

/// The requests since `from`, as `METHOD path` (the account's part cut off).
fn sent_since(env: &TestEnv, from: usize) -> Vec<String> {
    env.emulator.requests()[from..]
        .iter()
        .map(|r| {
            let path = r.path.split("/images/").nth(1).unwrap_or(&r.path);
            format!("{} {}", r.method, path)
        })
        .collect()
}

fn count(sent: &[String], method: &str) -> usize {
    sent.iter()
        .filter(|s| s.starts_with(&format!("{method} ")))
        .count()
}

/// Each result's status, by id.
fn statuses(run: &common::Run) -> BTreeMap<String, String> {
    run.ndjson()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn tally(statuses: &BTreeMap<String, String>) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for status in statuses.values() {
        *counts.entry(status.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Check that every file of `dir` is the image `prefix + path`, carrying its content hash,
/// and that no other image is under the prefix.
#[track_caller]
fn assert_matches(env: &TestEnv, dir: &Path, prefix: &str) {
    let all = images(env);
    let under: BTreeMap<&String, &Value> = all
        .iter()
        .filter(|(id, _)| id.starts_with(prefix))
        .collect();
    let mut files = BTreeSet::new();
    for entry in walk(dir) {
        let relative = entry
            .strip_prefix(dir)
            .unwrap()
            .to_str()
            .unwrap()
            .replace('\\', "/");
        let id = format!("{prefix}{relative}");
        let image = under.get(&id).unwrap_or_else(|| panic!("no image {id}"));
        assert_eq!(image["meta"][KEY], sha256(&entry), "{id}");
        files.insert(id);
    }
    let ids: BTreeSet<String> = under.keys().map(|s| s.to_string()).collect();
    assert_eq!(ids, files);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn a_first_sync_uploads_all_and_a_fresh_machine_then_sends_only_the_listing() {
    let env = TestEnv::new();
    let names = write_pngs(&env.path("dist"), 12);
    let run = env.ok(&[
        "--ndjson", "images", "sync", "dist", "--prefix", "site/", "-j", "4",
    ]);
    let first = statuses(&run);
    assert_eq!(tally(&first), BTreeMap::from([("uploaded", 12)]));
    assert!(
        run.stderr
            .contains("12 uploaded, 0 replaced, 0 unchanged, 0 failed"),
        "{}",
        run.stderr
    );
    assert_matches(&env, &env.path("dist"), "site/");
    assert_eq!(first.keys().next().unwrap(), &format!("site/{}", names[0]));

    // Another machine: another HOME, no manifest, the files checked out anew (new mtimes).
    let fresh = tempfile::tempdir().unwrap();
    let checkout = fresh.path().join("dist");
    for name in &names {
        let to = checkout.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(env.path("dist").join(name), to).unwrap();
    }
    let before = env.emulator.request_count();
    let mut cmd = env.cmd();
    cmd.env("HOME", fresh.path())
        .env("XDG_CONFIG_HOME", fresh.path().join("config"))
        .env("XDG_DATA_HOME", fresh.path().join("data"))
        .current_dir(fresh.path());
    let run = env.run(
        cmd,
        &["--ndjson", "images", "sync", "dist", "--prefix", "site/"],
    );
    run.success();
    assert_eq!(tally(&statuses(&run)), BTreeMap::from([("unchanged", 12)]));
    // One page of the listing, and nothing else: no write, no read per image.
    assert_eq!(sent_since(&env, before), ["GET v2"]);
}

#[test]
fn changes_come_to_exact_replaces_uploads_and_an_extra_deleted_only_when_asked() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    let names = write_pngs(&dir, 8);
    // Beside the prefix: another folder, and ids that share its letters but not its `/`.
    write_pngs(&env.path("other"), 2);
    env.ok(&["images", "upload", "other", "--prefix", "other/"]);
    env.ok(&["images", "upload", "other", "--prefix", "site-old/"]);
    env.ok(&["images", "sync", "dist", "--prefix", "site/"]);
    let outside: BTreeMap<String, Value> = images(&env)
        .into_iter()
        .filter(|(id, _)| !id.starts_with("site/"))
        .collect();
    assert_eq!(outside.len(), 4);

    for (i, name) in names[..3].iter().enumerate() {
        std::fs::write(dir.join(name), png(100 + i as u32)).unwrap();
    }
    std::fs::write(dir.join("new-a.png"), png(200)).unwrap();
    std::fs::write(dir.join("set0/new-b.png"), png(201)).unwrap();
    std::fs::remove_file(dir.join(&names[7])).unwrap();

    // The plan, for review: nothing sent but the listing.
    let before = env.emulator.request_count();
    let plan = env
        .ok(&[
            "--json",
            "images",
            "sync",
            "dist",
            "--prefix",
            "site/",
            "--dry-run",
        ])
        .json();
    assert_eq!(
        plan["counts"],
        serde_json::json!({"new": 2, "changed": 3, "metadata": 0, "unchanged": 4, "extra": 1, "unknown": 0})
    );
    assert_eq!(plan["extra"][0]["id"], format!("site/{}", names[7]));
    assert_eq!(plan["extra"][0]["action"], "keep");
    assert_eq!(plan["changed"][0]["action"], "replace");
    assert_eq!(sent_since(&env, before), ["GET v2"]);

    // Without --delete: the extra is reported and kept.
    let before = env.emulator.request_count();
    let run = env.ok(&["--ndjson", "images", "sync", "dist", "--prefix", "site/"]);
    let done = statuses(&run);
    assert_eq!(
        tally(&done),
        BTreeMap::from([
            ("extra", 1),
            ("replaced", 3),
            ("unchanged", 4),
            ("uploaded", 2)
        ])
    );
    let sent = sent_since(&env, before);
    assert_eq!(
        (
            count(&sent, "DELETE"),
            count(&sent, "POST"),
            count(&sent, "PATCH")
        ),
        (3, 5, 0),
        "{sent:?}"
    );
    // Each replace is its DELETE followed by its upload (no "all deletes first").
    for name in &names[..3] {
        let id = format!("site/{name}").replace('/', "%2F");
        let at = sent
            .iter()
            .position(|s| s.ends_with(&id) && s.starts_with("DELETE"))
            .unwrap();
        assert!(
            sent[at + 1..].iter().any(|s| s.starts_with("POST")),
            "{sent:?}"
        );
    }
    assert!(images(&env).contains_key(&format!("site/{}", names[7])));

    // With --delete: gone; the folder matches, and nothing outside the prefix moved.
    let run = env.ok(&[
        "--ndjson", "images", "sync", "dist", "--prefix", "site/", "--delete", "--yes",
    ]);
    assert_eq!(
        tally(&statuses(&run)),
        BTreeMap::from([("deleted", 1), ("unchanged", 9)])
    );
    assert_matches(&env, &dir, "site/");
    let after: BTreeMap<String, Value> = images(&env)
        .into_iter()
        .filter(|(id, _)| !id.starts_with("site/"))
        .collect();
    assert_eq!(after, outside);
}

#[test]
fn max_delete_and_a_missing_yes_refuse_before_anything_is_sent() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    let names = write_pngs(&dir, 6);
    env.ok(&["images", "sync", "dist", "--prefix", "site/"]);
    for name in &names[..3] {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("new.png"), png(50)).unwrap();

    let before = env.emulator.request_count();
    let run = env.run(
        env.cmd(),
        &["images", "sync", "dist", "--prefix", "site/", "--delete"],
    );
    run.code(2)
        .error_contains("refusing to delete")
        .hint_contains("--yes");
    assert_eq!(env.emulator.request_count(), before);

    let run = env.run(
        env.cmd(),
        &[
            "images",
            "sync",
            "dist",
            "--prefix",
            "site/",
            "--delete",
            "--yes",
            "--max-delete",
            "2",
        ],
    );
    run.code(1).error_contains(
        "3 images under 'site/' have no file, more than --max-delete 2; nothing was sent",
    );
    // The listing only: the new file was not uploaded either.
    assert_eq!(sent_since(&env, before), ["GET v2"]);
    assert_eq!(env.emulator.image_count(ACCOUNT), 6);

    let run = env.ok(&[
        "images",
        "sync",
        "dist",
        "--prefix",
        "site/",
        "--delete",
        "--yes",
        "--max-delete",
        "3",
    ]);
    assert!(
        run.stderr
            .contains("1 uploaded, 0 replaced, 3 deleted (no file), 3 unchanged, 0 failed"),
        "{}",
        run.stderr
    );
    assert_matches(&env, &dir, "site/");
}

#[test]
fn a_metadata_only_change_is_a_patch() {
    let env = TestEnv::new();
    write_pngs(&env.path("dist"), 4);
    env.ok(&[
        "images", "sync", "dist", "--prefix", "site/", "--meta", "team=web",
    ]);
    let before = env.emulator.request_count();
    let run = env.ok(&[
        "--ndjson",
        "images",
        "sync",
        "dist",
        "--prefix",
        "site/",
        "--meta",
        "team=app",
        "--creator",
        "ci",
    ]);
    assert_eq!(tally(&statuses(&run)), BTreeMap::from([("updated", 4)]));
    let sent = sent_since(&env, before);
    assert_eq!((count(&sent, "PATCH"), sent.len()), (4, 5), "{sent:?}");
    for (id, image) in images(&env) {
        assert_eq!(image["meta"]["team"], "app", "{id}");
        assert_eq!(image["creator"], "ci", "{id}");
        assert_eq!(image["meta"][KEY].as_str().unwrap().len(), 64, "{id}");
    }
    // Without --meta the images keep their own keys: nothing to do.
    let run = env.ok(&["--ndjson", "images", "sync", "dist", "--prefix", "site/"]);
    assert_eq!(tally(&statuses(&run)), BTreeMap::from([("unchanged", 4)]));
}

#[test]
fn metadata_is_checked_against_the_limit_with_the_hash_included() {
    let env = TestEnv::new();
    write_pngs(&env.path("dist"), 1);
    let big = format!("k={}", "x".repeat(1000));
    let run = env.run(
        env.cmd(),
        &[
            "images", "sync", "dist", "--prefix", "site/", "--meta", &big,
        ],
    );
    run.code(2)
        .error_contains("with the content hash (cfimg:sha256) is 1090 bytes");
    assert_eq!(env.emulator.request_count(), 0);
    let run = env.run(
        env.cmd(),
        &[
            "images",
            "sync",
            "dist",
            "--prefix",
            "site/",
            "--meta",
            "cfimg:sha256=x",
        ],
    );
    run.code(2).error_contains("sync's own");
}

#[test]
fn foreign_images_are_reported_unless_their_name_differs_or_adopt_reads_them() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("same.png"), png(1)).unwrap();
    std::fs::write(dir.join("edited.png"), png(2)).unwrap();
    std::fs::write(dir.join("renamed.png"), png(3)).unwrap();
    // Uploaded by something else, without the hash key.
    std::fs::write(env.path("same.png"), png(1)).unwrap();
    std::fs::write(env.path("edited.png"), png(9)).unwrap();
    std::fs::write(env.path("other-name.png"), png(3)).unwrap();
    env.ok(&["images", "upload", "same.png", "--id", "site/same.png"]);
    env.ok(&["images", "upload", "edited.png", "--id", "site/edited.png"]);
    env.ok(&[
        "images",
        "upload",
        "other-name.png",
        "--id",
        "site/renamed.png",
    ]);

    let plan = env
        .ok(&[
            "--json",
            "images",
            "sync",
            "dist",
            "--prefix",
            "site/",
            "--dry-run",
        ])
        .json();
    assert_eq!(plan["counts"]["unknown"], 2);
    assert_eq!(plan["counts"]["changed"], 1);
    assert_eq!(plan["changed"][0]["id"], "site/renamed.png");

    // Not adopted: reported, untouched, and the run does not pass.
    let before = env.emulator.request_count();
    let run = env.run(
        env.cmd(),
        &["--ndjson", "images", "sync", "dist", "--prefix", "site/"],
    );
    run.code(5);
    assert_eq!(
        statuses(&run),
        BTreeMap::from([
            ("site/edited.png".into(), "unknown".into()),
            ("site/renamed.png".into(), "replaced".into()),
            ("site/same.png".into(), "unknown".into()),
        ])
    );
    assert!(
        run.stderr
            .contains("2 unknown (no content hash; --adopt checks them)"),
        "{}",
        run.stderr
    );
    assert_eq!(count(&sent_since(&env, before), "DELETE"), 1);

    // Adopted: the bytes read; the same content tagged, other content replaced.
    let run = env.ok(&[
        "--ndjson", "images", "sync", "dist", "--prefix", "site/", "--adopt",
    ]);
    let results = run.ndjson();
    let reason = |id: &str| {
        results
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| (r["status"].clone(), r["reason"].clone()))
            .unwrap()
    };
    assert_eq!(
        reason("site/same.png"),
        ("adopted".into(), "same_content".into())
    );
    assert_eq!(
        reason("site/edited.png"),
        ("adopted".into(), "other_content".into())
    );
    assert_matches(&env, &dir, "site/");
}

#[test]
fn a_sync_killed_mid_run_converges_when_run_again() {
    const COUNT: u32 = 80;
    let env = TestEnv::with_faults(Faults {
        // Slow enough that the kill lands among the replaces.
        latency: Duration::from_millis(15),
        ..Faults::default()
    });
    let dir = env.path("dist");
    let names = write_pngs(&dir, COUNT);
    env.ok(&["images", "sync", "dist", "--prefix", "site/", "-j", "8"]);
    // Every file changes, and a tenth are new.
    for (i, name) in names.iter().enumerate() {
        std::fs::write(dir.join(name), png(1000 + i as u32)).unwrap();
    }
    for i in 0..8 {
        std::fs::write(dir.join(format!("new-{i}.png")), png(2000 + i)).unwrap();
    }
    let deletes = || {
        env.emulator
            .requests()
            .iter()
            .filter(|r| r.method == "DELETE")
            .count()
    };
    let args = ["images", "sync", "dist", "--prefix", "site/", "-j", "4"];
    env.kill_when(&args, || deletes() >= 20);
    let left = env.emulator.image_count(ACCOUNT);
    assert!(left <= COUNT as usize + 8, "{left}");

    let run = env.ok(&[
        "--ndjson", "images", "sync", "dist", "--prefix", "site/", "-j", "4",
    ]);
    assert!(run.stderr.contains(" 0 failed"), "{}", run.stderr);
    // Nothing lost, nothing twice: one image per file, each with the file's content.
    assert_matches(&env, &dir, "site/");
    assert_eq!(env.emulator.image_count(ACCOUNT), COUNT as usize + 8);
    let names: Vec<String> = env
        .emulator
        .image_names(ACCOUNT)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), names.len());
    // And a third run finds nothing to do.
    let run = env.ok(&["--ndjson", "images", "sync", "dist", "--prefix", "site/"]);
    assert_eq!(
        tally(&statuses(&run)),
        BTreeMap::from([("unchanged", COUNT as usize + 8)])
    );
}

#[test]
fn shards_are_disjoint_and_together_cover_every_file_and_extra() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    write_pngs(&dir, 30);
    // Extras too: images under the prefix with no file are split the same way.
    write_pngs(&env.path("old"), 6);
    env.ok(&["images", "upload", "old", "--prefix", "site/old/"]);
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let plan = env
            .ok(&[
                "--json",
                "images",
                "sync",
                "dist",
                "--prefix",
                "site/",
                "--shard",
                &shard,
                "--dry-run",
            ])
            .json();
        for kind in ["new", "extra", "unknown"] {
            for entry in plan[kind].as_array().unwrap() {
                let id = entry["id"].as_str().unwrap().to_string();
                assert!(
                    seen.insert(id.clone(), shard.clone()).is_none(),
                    "{id} in two shards"
                );
            }
        }
    }
    assert_eq!(seen.len(), 36);
    assert!(seen.values().collect::<BTreeSet<_>>().len() == 3);
    // Run for real, one job per slice: together they sync the whole folder.
    for k in 1..=3 {
        env.ok(&[
            "images",
            "sync",
            "dist",
            "--prefix",
            "site/",
            "--shard",
            &format!("{k}/3"),
            "--delete",
            "--yes",
        ]);
    }
    assert_matches(&env, &dir, "site/");
    let run = env.run(
        env.cmd(),
        &[
            "images", "sync", "dist", "--prefix", "site/", "--shard", "4/3",
        ],
    );
    run.code(2).error_contains("not K/N");
}

#[test]
fn the_manifest_caches_hashes_and_the_plan_table_reads_well() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    let names = write_pngs(&dir, 4);
    let run = env.ok(&[
        "images",
        "sync",
        "dist",
        "--prefix",
        "site/",
        "--manifest",
        "hashes.ndjson",
    ]);
    assert!(
        run.stderr.contains("4 files, 4 hashed (0 from the cache)"),
        "{}",
        run.stderr
    );
    let cache = std::fs::read_to_string(env.path("hashes.ndjson")).unwrap();
    assert_eq!(cache.lines().count(), 4);
    std::fs::write(dir.join(&names[0]), png(77)).unwrap();
    std::fs::remove_file(dir.join(&names[1])).unwrap();
    let run = env.ok(&[
        "images",
        "sync",
        "dist",
        "--prefix",
        "site/",
        "--manifest",
        "hashes.ndjson",
        "--dry-run",
    ]);
    assert!(
        run.stderr.contains("3 files, 1 hashed (2 from the cache)"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("sync_dry_run_table", run.stdout);
    insta::assert_snapshot!("sync_dry_run_stderr", run.stderr);
}

#[test]
fn bad_arguments_are_refused_before_anything_is_read() {
    let env = TestEnv::new();
    write_pngs(&env.path("dist"), 1);
    let run = env.run(env.cmd(), &["images", "sync", "dist", "--prefix", ""]);
    run.code(2).error_contains("--prefix must not be empty");
    let run = env.run(env.cmd(), &["images", "sync", "nowhere", "--prefix", "a/"]);
    run.code(2).error_contains("nowhere: not a directory");
    let run = env.run(env.cmd(), &["images", "sync", "dist", "--prefix", "/a"]);
    run.code(2).error_contains("--prefix '/a'");
    let run = env.run(
        env.cmd(),
        &[
            "images",
            "sync",
            "dist",
            "--prefix",
            "a/",
            "--max-delete",
            "3",
        ],
    );
    run.code(2);
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn ctrl_c_finishes_the_work_in_flight_and_a_rerun_completes_it() {
    let env = TestEnv::with_faults(Faults {
        latency: Duration::from_millis(300),
        ..Faults::default()
    });
    write_pngs(&env.path("dist"), 20);
    let run = env.interrupt_after_first_result(
        &env.emulator.base_url(),
        &[
            "--ndjson", "images", "sync", "dist", "--prefix", "site/", "-j", "2",
        ],
    );
    let stderr = &run.stderr;
    assert_eq!(run.code, Some(130), "{stderr}");
    let lines = run.lines;
    assert!(lines < 20, "it stopped early: {lines}");
    // Every upload that started was reported, and nothing more was stored.
    assert_eq!(env.emulator.image_count(ACCOUNT), lines, "{stderr}");
    assert!(stderr.contains("not started"), "{stderr}");
    let run = env.ok(&[
        "--ndjson", "images", "sync", "dist", "--prefix", "site/", "-j", "8",
    ]);
    assert_eq!(
        tally(&statuses(&run)),
        BTreeMap::from([("unchanged", lines), ("uploaded", 20 - lines)])
    );
    assert_matches(&env, &env.path("dist"), "site/");
}
