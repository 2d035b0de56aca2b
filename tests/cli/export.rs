//! `images export`, `images import` and `images copy`: an export restored into an empty
//! account is the same images (custom ids, file names, metadata, creator, privacy, the very
//! bytes), UUID ids get new ones in an id map, a re-export only lists, a killed export leaves
//! whole files and resumes, and a copy between accounts comes to what export + import does.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use cfimg_emulator::{EmulatorConfig, Faults, RunningEmulator};
use common::{ACCOUNT, TOKEN, TestEnv, write_pngs};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A second, empty account: another emulator with the same token.
fn second_emulator() -> RunningEmulator {
    cfimg_emulator::start(
        EmulatorConfig {
            token: Some(TOKEN.to_string()),
            ..EmulatorConfig::default()
        },
        ([127, 0, 0, 1], 0).into(),
    )
    .expect("emulator starts")
}

/// `cfimg ARGS` against `emulator` instead of the test's own.
fn run_on(env: &TestEnv, emulator: &RunningEmulator, args: &[&str]) -> common::Run {
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_BASE_URL", emulator.base_url());
    env.run(cmd, args)
}

/// Images of every kind an export must keep: custom ids in folders and not, metadata, a
/// creator, and one whose id the API picks, private (a custom id cannot be). Returns its id.
fn seed(env: &TestEnv) -> String {
    write_pngs(&env.path("src"), 4);
    env.ok(&[
        "images",
        "upload",
        "src",
        "--prefix",
        "shop/",
        "--meta",
        "team=web",
        "--creator",
        "ci",
        "-j",
        "4",
    ]);
    std::fs::write(env.path("plain"), common::png(900)).unwrap();
    env.ok(&[
        "images",
        "upload",
        "plain",
        "--id",
        "logo",
        "--metadata",
        r#"{"alt":"a logo","n":3}"#,
    ]);
    std::fs::write(env.path("picked.png"), common::png(901)).unwrap();
    let run = env.ok(&[
        "--json",
        "images",
        "upload",
        "picked.png",
        "--meta",
        "kind=uuid",
        "--require-signed-urls",
    ]);
    run.json()["id"].as_str().unwrap().to_string()
}

/// Every image of an account by id: (file name, metadata, creator, privacy).
fn images_on(env: &TestEnv, emulator: &RunningEmulator) -> BTreeMap<String, Value> {
    let run = run_on(env, emulator, &["--ndjson", "images", "list", "--all"]);
    run.success();
    run.ndjson()
        .into_iter()
        .map(|i| {
            let held = serde_json::json!({
                "filename": i["filename"],
                "meta": i["meta"],
                "creator": i["creator"],
                "requireSignedURLs": i["requireSignedURLs"],
            });
            (i["id"].as_str().unwrap().to_string(), held)
        })
        .collect()
}

fn blob_on(env: &TestEnv, emulator: &RunningEmulator, id: &str) -> Vec<u8> {
    let run = run_on(env, emulator, &["images", "blob", id]);
    run.success();
    run.stdout_bytes.clone()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The index of an export, by id.
fn index(dir: &Path) -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(dir.join("index.ndjson")).unwrap();
    text.lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            (line["id"].as_str().unwrap().to_string(), line)
        })
        .collect()
}

/// The id map's lines, old id to new.
fn id_map(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            (
                line["old"].as_str().unwrap().to_string(),
                line["new"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Files below `dir`, relative, `/`-separated.
fn files(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(rel);
            }
        }
    }
    found
}

/// `to` holds what `from` held, image for image: the same custom ids with the same file
/// names, metadata, creator, privacy and bytes; each UUID id under the new id `map` gives.
fn assert_same_images(
    env: &TestEnv,
    from: &RunningEmulator,
    to: &RunningEmulator,
    map: &BTreeMap<String, String>,
) {
    let before = images_on(env, from);
    let after = images_on(env, to);
    assert_eq!(before.len(), after.len(), "{before:#?}\n{after:#?}");
    for (id, held) in &before {
        let new_id = map.get(id).unwrap_or(id);
        assert_eq!(after.get(new_id), Some(held), "{id} → {new_id}");
        assert_eq!(
            blob_on(env, from, id),
            blob_on(env, to, new_id),
            "the bytes of {id}"
        );
    }
}

#[test]
fn an_export_imported_into_an_empty_account_is_the_same_images() {
    let env = TestEnv::new();
    let uuid = seed(&env);
    // What the rate limit makes it take is said before anything is fetched.
    let dry = env.ok(&["images", "export", "backup", "--dry-run", "--rate", "2/60"]);
    assert!(
        dry.stderr.contains("budget: 7 API requests (1 listing, 6 downloads): ≈ 3 min at 2 per minute; downloads are not on the batch host"),
        "{}",
        dry.stderr
    );
    assert!(!env.path("backup").exists(), "a dry run writes nothing");
    let run = env.ok(&["--ndjson", "images", "export", "backup"]);
    assert!(
        run.stderr.contains(
            "exporting 6 images to backup: 6 API requests (downloads): no wait at 1,200 per 5 min"
        ),
        "{}",
        run.stderr
    );
    let results = run.ndjson();
    assert_eq!(results.len(), 6, "{}", run.stdout);
    assert!(
        results.iter().all(|r| r["status"] == "exported"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("6 exported, 0 unchanged, 0 failed"),
        "{}",
        run.stderr
    );

    // Files by id (a folder per `/`, an extension when the id has none), and an index line
    // each with what the image held and the SHA-256 of the bytes on disk.
    let dir = env.path("backup");
    let lines = index(&dir);
    let expected_files: BTreeSet<String> = lines
        .values()
        .map(|l| l["path"].as_str().unwrap().to_string())
        .chain(["index.ndjson".to_string()])
        .collect();
    assert_eq!(files(&dir), expected_files);
    assert_eq!(lines["logo"]["path"], "logo.png");
    assert_eq!(lines[&uuid]["path"], format!("{uuid}.png"));
    assert_eq!(
        lines["shop/set0/img-0000.png"]["path"],
        "shop/set0/img-0000.png"
    );
    assert_eq!(lines[&uuid]["requireSignedURLs"], true);
    assert_eq!(lines["logo"]["requireSignedURLs"], false);
    assert_eq!(
        lines["logo"]["meta"],
        serde_json::json!({"alt": "a logo", "n": 3})
    );
    assert_eq!(lines["shop/set1/img-0001.png"]["creator"], "ci");
    assert_eq!(lines["logo"]["filename"], "plain");
    for line in lines.values() {
        let bytes = std::fs::read(dir.join(line["path"].as_str().unwrap())).unwrap();
        assert_eq!(line["size"], bytes.len());
        assert_eq!(line["sha256"], sha256(&bytes));
        assert!(line["uploaded"].is_string());
    }

    let empty = second_emulator();
    let run = run_on(
        &env,
        &empty,
        &["--ndjson", "images", "import", "backup", "-j", "4"],
    );
    run.success();
    assert!(
        run.stderr.contains("6 uploaded, 0 skipped, 0 failed"),
        "{}",
        run.stderr
    );
    // The UUID could not be kept: the id map says where it went.
    let map = id_map(&dir.join(format!("id-map.{ACCOUNT}.ndjson")));
    assert_eq!(map.keys().collect::<Vec<_>>(), [&uuid]);
    assert_ne!(map[&uuid], uuid);
    let uuid_result = run
        .ndjson()
        .into_iter()
        .find(|r| r["source"] == format!("{uuid}.png"))
        .unwrap();
    assert_eq!(uuid_result["id"], map[&uuid].as_str());
    assert_same_images(&env, &env.emulator, &empty, &map);

    // A re-run sends nothing: custom ids exist (skipped with --skip-existing), and the id
    // map settles the UUID without a request.
    let uploads_before = empty
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    let again = run_on(
        &env,
        &empty,
        &["images", "import", "backup", "--skip-existing"],
    );
    again.success();
    assert!(
        again.stderr.contains("0 uploaded, 6 skipped, 0 failed"),
        "{}",
        again.stderr
    );
    let uploads = empty
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(
        uploads - uploads_before,
        5,
        "only the custom ids were tried"
    );
    assert_eq!(empty.image_count(ACCOUNT), 6);
}

#[test]
fn a_re_export_only_lists_and_reports_what_was_deleted() {
    let env = TestEnv::new();
    seed(&env);
    env.ok(&["images", "export", "backup"]);
    let before = env.emulator.request_count();
    let run = env.ok(&["--ndjson", "images", "export", "backup"]);
    assert!(
        run.ndjson().iter().all(|r| r["status"] == "unchanged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("0 exported, 6 unchanged, 0 failed"),
        "{}",
        run.stderr
    );
    let made: Vec<_> = env.emulator.requests()[before..].to_vec();
    assert!(!made.is_empty());
    for r in &made {
        assert!(
            r.method == "GET" && r.path.ends_with("/images/v2"),
            "not a listing request: {r:?}"
        );
    }

    // One deleted, one new, one uploaded again under the same id (new content).
    env.ok(&["images", "delete", "shop/set0/img-0000.png", "--yes"]);
    env.ok(&["images", "delete", "logo", "--yes"]);
    std::fs::write(env.path("new.png"), common::png(777)).unwrap();
    env.ok(&["images", "upload", "new.png", "--id", "logo"]);
    env.ok(&["images", "upload", "new.png", "--id", "fresh"]);
    let dry = env.ok(&["images", "export", "backup", "--dry-run"]);
    assert!(
        dry.stderr.contains("dry run: 2 to export, 4 unchanged, 1 deleted from the account since the last export (kept; --prune removes them); nothing was fetched"),
        "{}",
        dry.stderr
    );
    assert!(
        dry.stderr.contains("budget: 3 API requests (1 listing, 2 downloads): no wait at 1,200 per 5 min; downloads are not on the batch host"),
        "{}",
        dry.stderr
    );
    let run = env.ok(&["--ndjson", "images", "export", "backup"]);
    let by_status: BTreeMap<String, String> = run
        .ndjson()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(by_status["fresh"], "exported");
    assert_eq!(by_status["logo"], "exported");
    assert_eq!(by_status["shop/set0/img-0000.png"], "gone");
    assert!(
        run.stderr
            .contains("2 exported, 4 unchanged, 0 failed, 1 gone"),
        "{}",
        run.stderr
    );
    let dir = env.path("backup");
    assert_eq!(
        std::fs::read(dir.join("logo.png")).unwrap(),
        common::png(777)
    );
    assert!(
        dir.join("shop/set0/img-0000.png").exists(),
        "kept without --prune"
    );
    // One line per image, the newest.
    let text = std::fs::read_to_string(dir.join("index.ndjson")).unwrap();
    assert_eq!(text.lines().count(), 7);
    assert_eq!(index(&dir)["logo"]["sha256"], sha256(&common::png(777)));

    let run = env.ok(&["images", "export", "backup", "--prune"]);
    assert!(run.stderr.contains("1 pruned"), "{}", run.stderr);
    assert!(!dir.join("shop/set0/img-0000.png").exists());
    assert!(!index(&dir).contains_key("shop/set0/img-0000.png"));
    assert_eq!(index(&dir).len(), 6);
}

#[test]
fn a_folder_that_is_not_an_export_is_refused_before_anything_is_written() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path("docs")).unwrap();
    std::fs::write(env.path("docs/notes.txt"), "mine").unwrap();
    let run = env.run(env.cmd(), &["images", "export", "docs"]);
    run.code(2)
        .error_contains("docs is not empty and holds no index.ndjson, so it is not an export")
        .hint_contains("export into a new or empty folder");
    assert_eq!(
        files(&env.path("docs")),
        BTreeSet::from(["notes.txt".to_string()])
    );
    let run = env.run(env.cmd(), &["images", "import", "docs"]);
    run.code(2).error_contains("docs holds no index.ndjson");
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn an_import_sends_no_file_that_differs_from_its_index() {
    let env = TestEnv::new();
    seed(&env);
    env.ok(&["images", "export", "backup"]);
    // Same size, other bytes: only the hash can tell.
    let path = env.path("backup/logo.png");
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&path, bytes).unwrap();
    let empty = second_emulator();
    let run = run_on(&env, &empty, &["images", "import", "backup"]);
    run.code(5);
    assert!(
        run.stderr.contains(
            "logo.png is not the file the index describes (its SHA-256 differs); nothing was sent"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(empty.image_count(ACCOUNT), 5);
}

#[test]
fn a_killed_export_leaves_only_whole_files_and_resumes() {
    const COUNT: u32 = 80;
    let env = TestEnv::with_faults(Faults {
        // Slow enough that the kill lands in the middle of the work.
        latency: Duration::from_millis(15),
        ..Faults::default()
    });
    let names = write_pngs(&env.path("src"), COUNT);
    env.ok(&["images", "upload", "src", "--prefix", "p/", "-j", "8"]);
    let dir = env.path("backup");
    let indexed = || {
        std::fs::read_to_string(dir.join("index.ndjson"))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    };
    let args = ["images", "export", "backup", "-j", "4"];
    env.kill_when(&args, || indexed() >= 25);

    // Every file under its own name is whole; what was being written is only in the folder
    // for partial downloads; the index is valid and names only whole files.
    let source = |id: &str| std::fs::read(env.path("src").join(id.strip_prefix("p/").unwrap()));
    let lines = index(&dir);
    assert!(
        lines.len() >= 25 && lines.len() < COUNT as usize,
        "{}",
        lines.len()
    );
    for line in lines.values() {
        let bytes = std::fs::read(dir.join(line["path"].as_str().unwrap())).unwrap();
        assert_eq!(line["sha256"], sha256(&bytes));
    }
    let on_disk = files(&dir);
    for file in on_disk
        .iter()
        .filter(|f| f.ends_with(".png") && !f.starts_with(".cfimg-partial"))
    {
        let written = std::fs::read(dir.join(file)).unwrap();
        assert_eq!(written, source(file).unwrap(), "{file} is not whole");
    }
    let unindexed = COUNT as usize - lines.len();

    let before = env.emulator.requests().len();
    let run = env.ok(&["images", "export", "backup", "-j", "4"]);
    let blobs = env.emulator.requests()[before..]
        .iter()
        .filter(|r| r.path.ends_with("/blob"))
        .count();
    assert_eq!(blobs, unindexed, "only what the index lacked was fetched");
    assert!(
        run.stderr.contains(&format!(
            "{unindexed} exported, {} unchanged, 0 failed",
            lines.len()
        )),
        "{}",
        run.stderr
    );
    let lines = index(&dir);
    assert_eq!(lines.len(), COUNT as usize);
    let expected: BTreeSet<String> = names
        .iter()
        .map(|n| format!("p/{n}"))
        .chain(["index.ndjson".to_string()])
        .collect();
    assert_eq!(files(&dir), expected, "no partial download is left");
    for name in &names {
        assert_eq!(
            std::fs::read(dir.join("p").join(name)).unwrap(),
            std::fs::read(env.path("src").join(name)).unwrap()
        );
    }
}

#[test]
fn a_copy_between_accounts_comes_to_what_export_and_import_do() {
    let env = TestEnv::new();
    let uuid = seed(&env);
    // By export and import.
    let imported = second_emulator();
    env.ok(&["images", "export", "backup"]);
    run_on(&env, &imported, &["images", "import", "backup"]).success();
    let import_map = id_map(&env.path(&format!("backup/id-map.{ACCOUNT}.ndjson")));

    // By copy, into a profile's account.
    let copied = second_emulator();
    let config = env.config_path();
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!(
            "[profiles.mirror]\naccount_id = \"{ACCOUNT}\"\napi_token = \"{TOKEN}\"\napi_url = \"{}\"\n",
            copied.base_url()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let dry = env.ok(&["images", "copy", "--to-profile", "mirror", "--dry-run"]);
    assert!(
        dry.stderr.contains("dry run: 6 to send (1 under new ids)"),
        "{}",
        dry.stderr
    );
    assert_eq!(copied.image_count(ACCOUNT), 0);
    let home_before = files(env.home.path());
    let run = env.ok(&[
        "--ndjson",
        "images",
        "copy",
        "--to-profile",
        "mirror",
        "-j",
        "4",
        "--manifest",
        "copy.ndjson",
    ]);
    assert!(
        run.stderr.contains("6 uploaded, 0 skipped, 0 failed"),
        "{}",
        run.stderr
    );
    let copy_map = id_map(&env.path(&format!("id-map.{ACCOUNT}.{ACCOUNT}.ndjson")));
    assert_eq!(copy_map.keys().collect::<Vec<_>>(), [&uuid]);
    assert_same_images(&env, &env.emulator, &copied, &copy_map);
    // The same images as the import made, the UUID under a new id of its own.
    let by_import = images_on(&env, &imported);
    let by_copy = images_on(&env, &copied);
    for (id, held) in &by_import {
        let old = import_map
            .iter()
            .find(|(_, new)| *new == id)
            .map(|(o, _)| o);
        let copied_id = old.map_or(id, |o| &copy_map[o]);
        assert_eq!(by_copy.get(copied_id), Some(held), "{id}");
    }
    // Nothing was written to disk on the way: only the manifest and the id map are new.
    let written: BTreeSet<String> = files(env.home.path())
        .difference(&home_before)
        .cloned()
        .collect();
    assert_eq!(
        written,
        BTreeSet::from([
            "copy.ndjson".to_string(),
            format!("id-map.{ACCOUNT}.{ACCOUNT}.ndjson")
        ])
    );
    // A re-run sends nothing the manifest records.
    let posts = copied
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    let again = env.ok(&[
        "images",
        "copy",
        "--to-profile",
        "mirror",
        "--manifest",
        "copy.ndjson",
    ]);
    assert!(
        again.stderr.contains("0 uploaded, 6 skipped, 0 failed"),
        "{}",
        again.stderr
    );
    assert_eq!(
        copied
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count(),
        posts
    );

    // The profile of this same account is refused.
    std::fs::write(
        &config,
        format!(
            "[profiles.self]\naccount_id = \"{ACCOUNT}\"\napi_token = \"{TOKEN}\"\napi_url = \"{}\"\n",
            env.emulator.base_url()
        ),
    )
    .unwrap();
    env.run(env.cmd(), &["images", "copy", "--to-profile", "self"])
        .code(2)
        .error_contains("is this same account");
    // A profile that is not there is named by the flag that named it.
    env.run(env.cmd(), &["images", "copy", "--to-profile", "nope"])
        .code(3)
        .error_contains("profile 'nope' (--to-profile) is not in");
}

#[test]
fn ctrl_c_stops_an_import_after_the_uploads_in_flight_with_130() {
    let env = TestEnv::new();
    write_pngs(&env.path("src"), 20);
    env.ok(&["images", "upload", "src", "--prefix", "c/", "-j", "8"]);
    env.ok(&["images", "export", "backup", "-j", "8"]);
    let slow = cfimg_emulator::start(
        EmulatorConfig {
            token: Some(TOKEN.to_string()),
            faults: Faults {
                latency: Duration::from_millis(300),
                ..Faults::default()
            },
            ..EmulatorConfig::default()
        },
        ([127, 0, 0, 1], 0).into(),
    )
    .expect("emulator starts");
    let run = env.interrupt_after_first_result(
        &slow.base_url(),
        &["--ndjson", "images", "import", "backup", "-j", "2"],
    );
    let stderr = &run.stderr;
    assert_eq!(run.code, Some(130), "{stderr}");
    let reported = run.lines;
    assert!(reported < 20, "it stopped early: {reported}");
    assert_eq!(slow.image_count(ACCOUNT), reported, "{stderr}");
    assert!(
        stderr.contains("interrupted: finishing the uploads in flight"),
        "{stderr}"
    );
    assert!(stderr.contains("not started"), "{stderr}");
}

#[test]
fn names_that_are_not_ascii_survive_sync_export_and_import() {
    let env = TestEnv::new();
    let dir = env.path("dist");
    std::fs::create_dir_all(dir.join("照片")).unwrap();
    std::fs::copy(common::fixture_str("images/logo.png"), dir.join("写真.png")).unwrap();
    std::fs::copy(
        common::fixture_str("images/photo.jpg"),
        dir.join("照片/猫 1.jpg"),
    )
    .unwrap();
    env.ok(&["images", "sync", "dist", "--prefix", "site/"]);
    let again = env.ok(&["--ndjson", "images", "sync", "dist", "--prefix", "site/"]);
    assert!(
        again.ndjson().iter().all(|r| r["status"] == "unchanged"),
        "{}",
        again.stdout
    );

    env.ok(&["images", "export", "backup"]);
    for (file, exported) in [
        ("写真.png", "site/写真.png"),
        ("照片/猫 1.jpg", "site/照片/猫 1.jpg"),
    ] {
        assert_eq!(
            std::fs::read(dir.join(file)).unwrap(),
            std::fs::read(env.path("backup").join(exported)).unwrap(),
            "{exported}"
        );
    }
    let empty = second_emulator();
    run_on(&env, &empty, &["images", "import", "backup"]);
    let names: BTreeSet<(String, String)> = empty.image_names(ACCOUNT).into_iter().collect();
    assert_eq!(
        names,
        BTreeSet::from([
            ("site/写真.png".to_string(), "写真.png".to_string()),
            ("site/照片/猫 1.jpg".to_string(), "猫 1.jpg".to_string()),
        ])
    );
}

#[test]
fn an_import_onto_an_id_another_image_holds_fails_it_and_leaves_that_image() {
    let env = TestEnv::new();
    let png = common::fixture_str("images/logo.png");
    env.ok(&["images", "upload", &png, "--id", "brand/logo"]);
    env.ok(&["images", "export", "backup"]);
    let other = second_emulator();
    let jpg = common::fixture_str("images/photo.jpg");
    run_on(
        &env,
        &other,
        &["images", "upload", &jpg, "--id", "brand/logo"],
    )
    .success();

    let failed = run_on(&env, &other, &["--ndjson", "images", "import", "backup"]);
    failed.code(5);
    assert_eq!(failed.ndjson()[0]["status"], "failed", "{}", failed.stdout);
    let skipped = run_on(
        &env,
        &other,
        &["--ndjson", "images", "import", "backup", "--skip-existing"],
    );
    skipped.success();
    assert_eq!(
        skipped.ndjson()[0]["status"],
        "skipped",
        "{}",
        skipped.stdout
    );
    // The image that held the id is the one it was.
    assert_eq!(
        other.image_names(ACCOUNT),
        vec![("brand/logo".to_string(), "photo.jpg".to_string())]
    );
}
