//! Variants, signing keys, stats and direct creator uploads, end to end.

use crate::common;

use serde_json::json;

use common::{ACCOUNT, TestEnv, fixture};

#[test]
fn variants_life_cycle_in_every_output_mode() {
    let env = TestEnv::new();
    let created = env
        .ok(&[
            "--json", "variants", "create", "thumb", "--fit", "cover", "--width", "200",
            "--height", "100",
        ])
        .json();
    assert_eq!(created["id"], "thumb");
    assert_eq!(created["options"]["fit"], "cover");
    assert_eq!(created["options"]["width"], 200);
    assert_eq!(created["neverRequireSignedURLs"], false);

    let list = env.ok(&["--json", "variants", "list"]).json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["public", "thumb"],
        "sorted, public exists from the start"
    );
    let lines = env.ok(&["--ndjson", "variants", "list"]).ndjson();
    assert_eq!(lines.len(), 2);
    let table = env.ok(&["variants", "list"]).stdout;
    assert!(table.lines().next().unwrap().starts_with("NAME"), "{table}");
    assert!(table.contains("thumb") && table.contains("cover"));

    let edited = env
        .ok(&["--json", "variants", "edit", "thumb", "--width", "300"])
        .json();
    assert_eq!(edited["options"]["width"], 300);
    assert_eq!(edited["options"]["height"], 100, "other options kept");
    assert_eq!(edited["options"]["fit"], "cover");

    let got = env.ok(&["variants", "get", "thumb"]).stdout;
    assert!(got.contains("300"));

    env.run(env.cmd(), &["variants", "delete", "thumb"])
        .code(2)
        .hint_contains("--yes");
    env.ok(&["variants", "delete", "thumb", "--yes"]);
    env.run(env.cmd(), &["variants", "get", "thumb"])
        .code(4)
        .error_contains("variant 'thumb' not found");
}

#[test]
fn variant_options_are_checked_before_sending() {
    let env = TestEnv::new();
    let cases: &[&[&str]] = &[
        &[
            "variants", "create", "bad-name", "--fit", "cover", "--width", "1", "--height", "1",
        ],
        &[
            "variants", "create", "ok", "--fit", "squash", "--width", "1", "--height", "1",
        ],
        &[
            "variants", "create", "ok", "--fit", "cover", "--width", "0", "--height", "1",
        ],
        &[
            "variants",
            "create",
            "ok",
            "--fit",
            "cover",
            "--width",
            "1",
            "--height",
            "1",
            "--metadata",
            "all",
        ],
        &["variants", "edit", "ok"],
    ];
    for args in cases {
        let run = env.run(env.cmd(), args);
        run.code(2);
    }
    let run = env.run(
        env.cmd(),
        &[
            "variants", "create", "ok", "--fit", "squash", "--width", "1", "--height", "1",
        ],
    );
    assert!(
        run.stderr.contains("scale-down") && run.stderr.contains("pad"),
        "lists what is allowed: {}",
        run.stderr
    );
    let run = env.run(
        env.cmd(),
        &[
            "variants", "create", "a-b", "--fit", "cover", "--width", "1", "--height", "1",
        ],
    );
    assert!(run.stderr.contains("letters and digits"), "{}", run.stderr);
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn keys_are_masked_rotated_and_deleted() {
    let env = TestEnv::new();
    let keys = env.ok(&["--json", "keys", "list"]).json();
    let default = keys
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "default")
        .unwrap();
    let old_value = default["value"].as_str().unwrap().to_string();

    let table = env.ok(&["keys", "list"]).stdout;
    assert!(table.contains("default"));
    assert!(!table.contains(&old_value), "values are masked in tables");
    let shown = env.ok(&["keys", "list", "--show-values"]).stdout;
    assert!(shown.contains(&old_value));

    let run = env.ok(&["--json", "keys", "create", "default"]);
    assert!(run.stderr.contains("rotated"), "{}", run.stderr);
    let new_value = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "default")
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new_value, old_value);

    let run = env.ok(&["--json", "keys", "create", "backup"]);
    assert!(run.stderr.contains("created"), "{}", run.stderr);
    assert_eq!(run.json().as_array().unwrap().len(), 2);

    env.run(env.cmd(), &["keys", "delete", "backup"]).code(2);
    env.ok(&["keys", "delete", "backup", "--yes"]);
    env.run(env.cmd(), &["keys", "delete", "nope", "--yes"])
        .code(4);
    env.run(env.cmd(), &["keys", "create", "no-dashes"])
        .code(2)
        .error_contains("letters and digits");
}

/// `variants delete` and `keys delete` take several names, as `images delete` takes several
/// ids: one prompt (or one refusal) for all, a result per name, exit 5 when some failed.
#[test]
fn variants_and_keys_delete_several_names_like_images_delete() {
    let env = TestEnv::new();
    for name in ["small", "large"] {
        env.ok(&[
            "variants", "create", name, "--fit", "cover", "--width", "10", "--height", "10",
        ]);
    }
    for name in ["one", "two"] {
        env.ok(&["keys", "create", name]);
    }
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["variants", "delete", "small", "large"])
        .code(2)
        .error_contains("refusing to delete 2 variants");
    env.run(env.cmd(), &["keys", "delete", "one", "two"])
        .code(2)
        .error_contains("refusing to delete 2 signing keys");
    assert_eq!(env.emulator.request_count(), before, "nothing sent");

    let run = env.ok(&["--json", "variants", "delete", "small", "large", "--yes"]);
    assert_eq!(
        run.json(),
        json!([{"id": "small", "deleted": true}, {"id": "large", "deleted": true}])
    );
    let run = env.ok(&["keys", "delete", "one", "two", "--yes"]);
    assert_eq!(run.stdout, "deleted  one\ndeleted  two\n");
    assert!(run.stderr.contains("keys left: default"), "{}", run.stderr);

    env.ok(&["keys", "create", "three"]);
    let run = env.run(
        env.cmd(),
        &["--json", "keys", "delete", "three", "nope", "--yes"],
    );
    run.code(5).error_contains("1 of 2 failed");
    let results = run.json();
    assert_eq!(results[0], json!({"name": "three", "deleted": true}));
    assert_eq!(results[1]["name"], "nope");
    assert_eq!(results[1]["deleted"], false);
    assert_eq!(results[1]["error"]["status"], 404);
    // The failure is named on stderr for the log, as in a table run, and the document has
    // the layout of every other list of results: one item a line.
    assert!(
        run.stderr.lines().any(|l| l.starts_with("warning: nope: ")),
        "{}",
        run.stderr
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert_eq!((lines[0], lines[3]), ("[", "]"));
    let run = env.run(
        env.cmd(),
        &["--ndjson", "variants", "delete", "nope", "--yes"],
    );
    run.code(4).error_contains("variant 'nope' not found");
    assert_eq!(run.ndjson()[0]["deleted"], false);
}

/// Privacy is one pair of switches wherever it is set: `--require-signed-urls` and
/// `--no-require-signed-urls` (the last one given wins), and on an edit neither means no
/// change; the same for a variant's `--never-require-signed-urls`.
#[test]
fn privacy_switches_are_spelled_the_same_everywhere() {
    let env = TestEnv::new();
    let png = common::fixture_str("images/logo.png");
    let private = |args: &[&str]| -> bool {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        env.ok(&all).json()["requireSignedURLs"].as_bool().unwrap()
    };
    assert!(private(&[
        "images",
        "upload",
        &png,
        "--require-signed-urls"
    ]));
    assert!(!private(&[
        "images",
        "upload",
        &png,
        "--no-require-signed-urls"
    ]));
    assert!(!private(&[
        "images",
        "upload",
        &png,
        "--require-signed-urls",
        "--no-require-signed-urls",
    ]));
    // A privacy change may give the image a new id (the API documents it): follow it.
    let edit = |id: &str, flags: &[&str]| -> (String, bool) {
        let mut all = vec!["--json", "images", "edit", id];
        all.extend_from_slice(flags);
        let image = env.ok(&all).json();
        let id = image["id"].as_str().unwrap().to_string();
        (id, image["requireSignedURLs"].as_bool().unwrap())
    };
    let id = env.ok(&["--json", "images", "upload", &png]).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (id, now_private) = edit(&id, &["--require-signed-urls"]);
    assert!(now_private);
    let (id, still_private) = edit(&id, &["--creator", "me"]);
    assert!(still_private, "neither switch: unchanged");
    let (id, now_private) = edit(&id, &["--no-require-signed-urls"]);
    assert!(!now_private);
    // The old value form is gone: `true` is no flag value any more.
    env.run(
        env.cmd(),
        &["images", "edit", &id, "--require-signed-urls", "true"],
    )
    .code(2);

    let draft = env
        .ok(&[
            "--json",
            "direct-upload",
            "--require-signed-urls",
            "--expires",
            "10m",
        ])
        .json();
    let got = env
        .ok(&["--json", "images", "get", draft["id"].as_str().unwrap()])
        .json();
    assert_eq!(got["requireSignedURLs"], true);
    env.ok(&["direct-upload", "--no-require-signed-urls"]);

    let always_public = |args: &[&str]| -> bool {
        let mut all = vec!["--json", "variants"];
        all.extend_from_slice(args);
        env.ok(&all).json()["neverRequireSignedURLs"]
            .as_bool()
            .unwrap()
    };
    let create = [
        "create", "open", "--fit", "cover", "--width", "8", "--height", "8",
    ];
    assert!(always_public(
        &[&create[..], &["--never-require-signed-urls"]].concat()
    ));
    assert!(
        always_public(&["edit", "open", "--width", "9"]),
        "unchanged"
    );
    assert!(!always_public(&[
        "edit",
        "open",
        "--no-never-require-signed-urls"
    ]));
    assert!(always_public(&[
        "edit",
        "open",
        "--never-require-signed-urls"
    ]));
    env.run(
        env.cmd(),
        &[
            "variants",
            "edit",
            "open",
            "--never-require-signed-urls",
            "false",
        ],
    )
    .code(2);
}

#[test]
fn stats_count_images() {
    let env = TestEnv::new();
    env.ok(&[
        "images",
        "upload",
        common::fixture_str("images/logo.png").as_str(),
    ]);
    let stats = env.ok(&["--json", "stats"]).json();
    assert_eq!(stats["count"]["current"], 1);
    assert!(stats["count"]["allowed"].as_f64().unwrap() > 1.0);
    let table = env.ok(&["stats"]).stdout;
    assert!(
        table.contains("images") && table.contains("used"),
        "{table}"
    );
}

#[test]
fn direct_upload_from_url_to_listing() {
    let env = TestEnv::new();
    let run = env.ok(&["direct-upload", "--expires", "1h", "--meta", "user=42"]);
    let url = run.stdout.trim().to_string();
    assert!(
        url.starts_with("http"),
        "plain mode prints the URL alone: {url:?}"
    );

    let created = env
        .ok(&["--json", "direct-upload", "--id", "avatars/42"])
        .json();
    assert_eq!(created["id"], "avatars/42");
    let draft = env.ok(&["--json", "images", "get", "avatars/42"]).json();
    assert_eq!(draft["draft"], true);
    assert_eq!(
        env.ok(&["--json", "images", "list"]).json()["images"],
        serde_json::json!([])
    );

    // Someone else uploads to the URL, without credentials.
    let form = reqwest::blocking::multipart::Form::new()
        .file("file", fixture("images/logo.png"))
        .unwrap();
    let answer = reqwest::blocking::Client::new()
        .post(&url)
        .multipart(form)
        .send()
        .unwrap();
    assert!(answer.status().is_success(), "{:?}", answer.text());
    let again = reqwest::blocking::multipart::Form::new()
        .file("file", fixture("images/logo.png"))
        .unwrap();
    let refused = reqwest::blocking::Client::new()
        .post(&url)
        .multipart(again)
        .send()
        .unwrap();
    assert!(refused.status().is_client_error(), "one upload only");

    let listed = env.ok(&["--ndjson", "images", "list"]).ndjson();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["meta"]["user"], "42");
    assert_eq!(env.emulator.image_count(ACCOUNT), 1);
}

#[test]
fn direct_upload_expiry_outside_the_window_fails_before_sending() {
    let env = TestEnv::new();
    for expiry in ["1m", "7h", "2000-01-01T00:00:00Z", "soon"] {
        env.run(env.cmd(), &["direct-upload", "--expires", expiry])
            .code(2)
            .error_contains("--expires");
    }
    env.run(env.cmd(), &["direct-upload", "--id", "/x"])
        .code(2)
        .error_contains("--id");
    assert_eq!(env.emulator.request_count(), 0);
}
