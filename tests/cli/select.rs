//! One selection for every command that acts on many images: the server-side filters
//! (`--creator`, `--meta`), the client-side ones checked while paging (`--uploaded-before`,
//! `--uploaded-after`, `--filename`, `--id-prefix`, `--private`, `--public`), and explicit ids
//! (`ID...`, `--ids-from FILE|-` with plain ids or NDJSON). `images list` shows what a
//! selection picks; `images delete` acts on exactly that, and on nothing else.

use crate::common;

use std::collections::BTreeSet;

use common::{ACCOUNT, TestEnv, fixture_str};
use serde_json::Value;

/// What the account holds for these tests, oldest first.
struct Account {
    env: TestEnv,
    /// Ids in upload order.
    ids: Vec<String>,
    /// Each image's upload time, as the API gives it.
    uploaded: Vec<String>,
}

/// Five images: three with custom ids under two prefixes, one JPEG, two private ones (private
/// images cannot have custom ids, so the API picks theirs), across two creators and teams.
fn account() -> Account {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let jpg = fixture_str("images/photo.jpg");
    let uploads: [&[&str]; 5] = [
        &[
            &png,
            "--id",
            "keep/a",
            "--meta",
            "team=web",
            "--creator",
            "ci",
        ],
        &[&png, "--id", "tmp/b", "--meta", "team=ops"],
        &[
            &jpg,
            "--id",
            "tmp/c",
            "--meta",
            "team=web",
            "--creator",
            "ci",
        ],
        &[&png, "--require-signed-urls", "--creator", "ci"],
        &[&jpg, "--require-signed-urls", "--meta", "team=ops"],
    ];
    let mut ids = Vec::new();
    let mut uploaded = Vec::new();
    for args in uploads {
        let mut all = vec!["--json", "images", "upload"];
        all.extend_from_slice(args);
        let image = env.ok(&all).json();
        ids.push(image["id"].as_str().unwrap().to_string());
        uploaded.push(image["uploaded"].as_str().unwrap().to_string());
    }
    assert!(
        uploaded.windows(2).all(|w| w[0] < w[1]),
        "one upload after another, each later: {uploaded:?}"
    );
    Account { env, ids, uploaded }
}

impl Account {
    fn listed(&self, selection: &[&str]) -> BTreeSet<String> {
        let mut args = vec!["--ndjson", "images", "list", "--all"];
        args.extend_from_slice(selection);
        ids_of(&self.env.ok(&args).ndjson())
    }

    fn some(&self, indices: &[usize]) -> BTreeSet<String> {
        indices.iter().map(|&i| self.ids[i].clone()).collect()
    }
}

fn ids_of(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Each selection flag, and the images (by upload order) it picks in `account()`.
fn selections(account: &Account) -> Vec<(Vec<String>, BTreeSet<String>)> {
    let cases: Vec<(Vec<&str>, Vec<usize>)> = vec![
        (vec!["--creator", "ci"], vec![0, 2, 3]),
        (vec!["--meta", "team=web"], vec![0, 2]),
        (
            vec!["--where-meta", "team=ops", "--where-creator", ""],
            vec![1, 4],
        ),
        (vec!["--uploaded-before", &account.uploaded[2]], vec![0, 1]),
        (vec!["--uploaded-after", &account.uploaded[2]], vec![3, 4]),
        (vec!["--filename", "*.jpg"], vec![2, 4]),
        (vec!["--id-prefix", "tmp/"], vec![1, 2]),
        (vec!["--private"], vec![3, 4]),
        (vec!["--public", "--meta", "team=web"], vec![0, 2]),
    ];
    cases
        .into_iter()
        .map(|(flags, picked)| {
            (
                flags.into_iter().map(str::to_string).collect(),
                account.some(&picked),
            )
        })
        .collect()
}

#[test]
fn every_selection_flag_lists_exactly_what_it_picks() {
    let account = account();
    for (flags, expected) in selections(&account) {
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        assert_eq!(account.listed(&flags), expected, "{flags:?}");
    }
    // An age: everything was uploaded within the hour, nothing a day ago.
    assert_eq!(account.listed(&["--uploaded-after", "1h"]).len(), 5);
    assert!(account.listed(&["--uploaded-before", "1d"]).is_empty());
}

#[test]
fn deleting_by_each_selection_flag_touches_exactly_what_it_picks() {
    for case in 0..selections(&account()).len() {
        let account = account();
        let (flags, expected) = selections(&account).swap_remove(case);
        let mut args = vec!["--ndjson", "images", "delete", "--yes"];
        args.extend(flags.iter().map(String::as_str));
        let run = account.env.ok(&args);
        assert_eq!(ids_of(&run.ndjson()), expected, "{flags:?}");
        // Only those were sent a DELETE, and every other image is still there.
        let deleted: BTreeSet<String> = account
            .env
            .emulator
            .requests()
            .iter()
            .filter(|r| r.method == "DELETE")
            .map(|r| {
                r.path
                    .rsplit("/images/v1/")
                    .next()
                    .unwrap()
                    .replace("%2F", "/")
            })
            .collect();
        assert_eq!(deleted, expected, "{flags:?}");
        let left: BTreeSet<String> = account
            .env
            .emulator
            .image_names(ACCOUNT)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let all: BTreeSet<String> = account.ids.iter().cloned().collect();
        assert_eq!(left, &all - &expected, "{flags:?}");
    }
}

#[test]
fn count_prints_only_how_many_match() {
    let account = account();
    let env = &account.env;
    assert_eq!(env.ok(&["images", "list", "--count"]).stdout, "5\n");
    assert_eq!(
        env.ok(&["images", "list", "--count", "--private"]).stdout,
        "2\n"
    );
    let json = env.ok(&["--json", "images", "list", "--count", "--creator", "ci"]);
    assert_eq!(json.json(), serde_json::json!({"count": 3}));
    // --count follows every page: 10 a page here, so two pages for 15 images.
    let png = fixture_str("images/logo.png");
    for i in 0..10 {
        env.ok(&["images", "upload", &png, "--id", &format!("more/{i}")]);
    }
    let run = env.ok(&["images", "list", "--count", "--per-page", "10"]);
    assert_eq!(run.stdout, "15\n");
    let pages = env
        .emulator
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/images/v2"))
        .count();
    assert!(pages >= 2, "{pages} listing requests");
}

#[test]
fn ids_from_stdin_take_plain_ids_and_ndjson_lines() {
    let account = account();
    let env = &account.env;
    let plain = format!("{}\n\n{}\r\n", account.ids[0], account.ids[3]);
    let run = env.run_with_stdin(
        env.cmd(),
        &["--ndjson", "images", "list", "--ids-from", "-"],
        plain,
    );
    run.success();
    assert_eq!(ids_of(&run.ndjson()), account.some(&[0, 3]));

    // What `images list --ndjson` prints (filtered by jq, say) goes back in whole.
    let listed = env.ok(&["--ndjson", "images", "list", "--all", "--id-prefix", "tmp/"]);
    let run = env.run_with_stdin(
        env.cmd(),
        &["--ndjson", "images", "list", "--ids-from", "-"],
        listed.stdout.clone(),
    );
    run.success();
    assert_eq!(ids_of(&run.ndjson()), account.some(&[1, 2]));

    // An id that is not there is left out, with a note; not an error.
    let run = env.run_with_stdin(
        env.cmd(),
        &["images", "list", "--ids-from", "-", "--count"],
        "keep/a\nnot/there\n",
    );
    run.success();
    assert_eq!(run.stdout, "1\n");
    assert!(run.stderr.contains("not/there"), "{}", run.stderr);
}

#[test]
fn bad_selections_are_refused_before_any_request() {
    let env = TestEnv::new();
    for (args, message) in [
        (
            &["images", "list", "--uploaded-before", "soon"][..],
            "--uploaded-before",
        ),
        (
            &[
                "images",
                "list",
                "--uploaded-before",
                "30d",
                "--uploaded-after",
                "7d",
            ],
            "no image can match both",
        ),
        (&["images", "list", "--filename", "[a"], "--filename"),
        (&["images", "list", "--meta", "a[nope]=1"], "--meta"),
    ] {
        env.run(env.cmd(), args).code(2).error_contains(message);
    }
    // Ids and a query do not go together; nor --private and --public.
    for args in [
        &["images", "list", "keep/a", "--creator", "ci"][..],
        &["images", "list", "--ids-from", "-", "--id-prefix", "x"],
        &["images", "list", "--private", "--public"],
    ] {
        env.run(env.cmd(), args).code(2);
    }
    let run = env.run_with_stdin(
        env.cmd(),
        &["images", "list", "--ids-from", "-"],
        "{\"name\": \"x\"}\n",
    );
    run.code(2).error_contains("stdin, line 1");
    assert_eq!(env.emulator.request_count(), 0);
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}
