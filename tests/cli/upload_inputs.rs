//! What `images upload` takes in, end to end: lists and directories with nothing in them,
//! paths that are gone, URLs (checked before sending, then fetched by the API), ids with dot
//! segments, argument combinations that cannot work, images cut short and stdin that is no
//! image, damaged manifests, and names that would break the one-line messages.

use crate::common;

use common::{TestEnv, fixture, fixture_str, png};
use serde_json::Value;

fn posts(env: &TestEnv) -> usize {
    env.emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count()
}

/// Two distinct images, `a.png` and `b.png`, in the test's home (the working directory).
fn two_images(env: &TestEnv) {
    std::fs::write(env.path("a.png"), png(1)).unwrap();
    std::fs::write(env.path("b.png"), png(2)).unwrap();
}

fn lines_starting(stderr: &str, prefix: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(prefix))
        .map(str::to_string)
        .collect()
}

#[test]
fn an_empty_list_or_directory_is_nothing_to_do_and_succeeds() {
    let env = TestEnv::new();
    std::fs::write(env.path("empty.txt"), "").unwrap();
    std::fs::create_dir(env.path("empty-dir")).unwrap();
    std::fs::create_dir(env.path("notes")).unwrap();
    std::fs::write(env.path("notes/README.txt"), "no images here").unwrap();
    let before = env.emulator.request_count();

    let run = env.ok(&["images", "upload", "--files-from", "empty.txt"]);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("nothing to upload: no images were found"),
        "{}",
        run.stderr
    );
    // What `git diff --name-only | cfimg images upload --files-from -` does when the diff is
    // empty; blank lines are no paths either.
    let run = env.run_with_stdin(
        env.cmd(),
        &["images", "upload", "--files-from", "-", "--ndjson"],
        "\n\n",
    );
    run.success();
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("nothing to upload"), "{}", run.stderr);

    let run = env.ok(&["--json", "images", "upload", "empty-dir"]);
    assert_eq!(run.json(), serde_json::json!([]));
    assert!(run.stderr.contains("nothing to upload"), "{}", run.stderr);

    let run = env.ok(&["images", "upload", "notes"]);
    assert!(
        run.stderr.contains(
            "nothing to upload: the 1 file(s) found are not images of a supported format"
        ),
        "{}",
        run.stderr
    );
    let run = env.ok(&["images", "upload", "empty-dir", "--dry-run"]);
    assert!(
        run.stderr.contains("dry run: 0 to upload"),
        "{}",
        run.stderr
    );
    assert_eq!(env.emulator.request_count(), before, "nothing was sent");

    // Nothing to do needs no credentials either.
    env.run(
        env.bare(),
        &["images", "upload", "--files-from", "empty.txt"],
    )
    .success();
}

#[test]
fn a_listed_path_that_is_gone_fails_on_its_own_and_the_rest_go() {
    let env = TestEnv::new();
    two_images(&env);
    std::fs::write(env.path("list.txt"), "a.png\ndeleted.png\nb.png\n").unwrap();

    let run = env.run(
        env.cmd(),
        &["--ndjson", "images", "upload", "--files-from", "list.txt"],
    );
    run.code(5);
    let results = run.ndjson();
    let status = |source: &str| {
        results
            .iter()
            .find(|r| r["source"] == source)
            .unwrap_or_else(|| panic!("no result for {source}: {results:?}"))
            .clone()
    };
    assert_eq!(status("a.png")["status"], "uploaded");
    assert_eq!(status("b.png")["status"], "uploaded");
    let gone = status("deleted.png");
    assert_eq!(gone["status"], "failed");
    assert!(
        gone["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no such file"),
        "{gone}"
    );
    assert_eq!(posts(&env), 2);
    assert!(
        run.stderr
            .contains("warning: deleted.png: no such file; it was listed but is not there (pass --ignore-missing"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 uploaded, 0 skipped, 1 failed"),
        "{}",
        run.stderr
    );

    // --ignore-missing: a note, and success when the rest made it.
    let run = env.ok(&[
        "images",
        "upload",
        "--files-from",
        "list.txt",
        "--ignore-missing",
        "--id-from",
        "path",
        "--prefix",
        "again/",
    ]);
    assert!(
        run.stderr
            .contains("skipping deleted.png: no such file (--ignore-missing)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 uploaded, 0 skipped, 0 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(posts(&env), 4);

    // A dry run says what a real run would do with it.
    let run = env.ok(&["images", "upload", "--files-from", "list.txt", "--dry-run"]);
    assert!(
        run.stderr
            .contains("warning: deleted.png: no such file; a real run reports it as failed"),
        "{}",
        run.stderr
    );
    assert_eq!(posts(&env), 4);
}

#[test]
fn a_missing_path_on_the_command_line_stops_the_run_unless_ignored() {
    let env = TestEnv::new();
    two_images(&env);
    let run = env.run(
        env.cmd(),
        &["images", "upload", "a.png", "typo.png", "b.png"],
    );
    run.code(1).error_contains("typo.png: no such file");
    assert_eq!(posts(&env), 0);

    // Two problems: each on its own `error:` line, then the count.
    let run = env.run(
        env.cmd(),
        &["--json", "images", "upload", "typo.png", "typo2.png"],
    );
    run.code(1);
    let errors = lines_starting(&run.stderr, "error: ");
    assert_eq!(
        errors,
        [
            "error: typo.png: no such file; check the path",
            "error: typo2.png: no such file; check the path",
            "error: 2 problems with the inputs; nothing was sent",
        ],
        "{}",
        run.stderr
    );

    // --ignore-missing covers paths named directly too: a script passing `$(git diff
    // --name-only)` has the same deleted files as one using --files-from.
    let run = env.ok(&[
        "images",
        "upload",
        "a.png",
        "typo.png",
        "b.png",
        "--ignore-missing",
    ]);
    assert!(
        run.stderr
            .contains("skipping typo.png: no such file (--ignore-missing)"),
        "{}",
        run.stderr
    );
    assert_eq!(posts(&env), 2);
    let run = env.ok(&["images", "upload", "typo.png", "--ignore-missing"]);
    assert!(
        run.stderr
            .contains("nothing to upload: the 1 path(s) given do not exist"),
        "{}",
        run.stderr
    );
    assert_eq!(posts(&env), 2);
}

#[test]
fn ids_with_dot_segments_are_refused_before_any_request() {
    let env = TestEnv::new();
    two_images(&env);
    std::fs::create_dir(env.path("dir")).unwrap();
    std::fs::copy(env.path("a.png"), env.path("dir/a.png")).unwrap();
    std::fs::write(env.path("ids.txt"), "fine/id\nx/../y\n").unwrap();
    let before = env.emulator.request_count();
    for id in ["a/./b", "../x", "./a", "a/.."] {
        env.run(env.cmd(), &["images", "upload", "a.png", "--id", id])
            .code(2)
            .error_contains(&format!("--id '{id}': custom id \"{id}\" has a '"));
        env.run(env.cmd(), &["direct-upload", "--id", id])
            .code(2)
            .error_contains("segment; URLs drop '.' and '..' path segments");
        env.run(env.cmd(), &["images", "url", id, "--account-hash", "h"])
            .code(2)
            .error_contains("segment; URLs drop '.' and '..' path segments");
    }
    for prefix in ["../", "site/./v1/"] {
        env.run(env.cmd(), &["images", "upload", "dir", "--prefix", prefix])
            .code(2)
            .error_contains(&format!("--prefix '{prefix}': has a '"));
    }
    env.run(
        env.cmd(),
        &[
            "images",
            "url",
            "--ids-from",
            "ids.txt",
            "--account-hash",
            "h",
        ],
    )
    .code(2)
    .error_contains("ids.txt, line 2: custom id \"x/../y\" has a '..' segment");
    assert_eq!(env.emulator.request_count(), before, "nothing was sent");

    // Dots inside a segment are ordinary characters.
    env.ok(&["images", "upload", "a.png", "--id", "v1.2/..a/.b"]);
}

#[test]
fn url_inputs_are_checked_and_normalised_before_sending() {
    let env = TestEnv::new();
    two_images(&env);
    let printed = env
        .ok(&["images", "upload", "a.png", "--print-urls"])
        .stdout;
    // The emulator serves delivery URLs over http, so this is an http URL the API can fetch.
    let url = printed.lines().next().unwrap().to_string();
    assert!(url.starts_with("http://"), "{url}");
    let before = posts(&env);

    for (arg, why) in [
        (
            "http://exa mple.com/a.png",
            "http://exa mple.com/a.png: not a valid URL: the host is not a valid domain name",
        ),
        (
            "https://a..b/a.png",
            "not a valid URL: the host is not a valid domain name",
        ),
        ("https:///a.png", "not a valid URL: it has no host"),
        (
            "https://example.com/a\n.png",
            "not a valid URL: it contains the control character U+000A",
        ),
        (
            "ftp://example.com/a.png",
            "ftp://example.com/a.png: ftp:// URLs cannot be uploaded; the API fetches only http:// and https:// URLs",
        ),
        ("FTP://example.com/a.png", "ftp:// URLs cannot be uploaded"),
        (
            "file:///tmp/a.png",
            "file:///tmp/a.png: file:// URLs are not fetched; give the path itself (/tmp/a.png)",
        ),
    ] {
        env.run(env.cmd(), &["images", "upload", arg])
            .code(1)
            .error_contains(why);
    }
    assert_eq!(posts(&env), before, "nothing was sent");

    // Any letter case of the scheme and host: sent as a URL (lower-cased), never looked up as
    // a path.
    let shouting = url.replacen("http://", "HTTP://", 1);
    let image = env.ok(&["--json", "images", "upload", &shouting]).json();
    assert_eq!(image["filename"], "public");
    // A URL and --id-from path cannot go together: a usage mistake.
    env.run(
        env.cmd(),
        &["images", "upload", &shouting, "--id-from", "path"],
    )
    .code(2)
    .error_contains("is a URL");
    assert_eq!(posts(&env), before + 1);
}

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
fn usage_mistakes_in_upload_exit_2_before_anything_is_read() {
    let env = TestEnv::new();
    two_images(&env);
    std::fs::create_dir(env.path("dir")).unwrap();
    std::fs::copy(env.path("a.png"), env.path("dir/a.png")).unwrap();
    std::fs::write(env.path("list.txt"), "a.png\n").unwrap();
    let before = env.emulator.request_count();
    for (args, why) in [
        (vec!["-", "-"], "stdin holds one image; name it once"),
        (
            vec!["a.png", "b.png", "--id", "x"],
            "--id names one image, but 2 inputs are given",
        ),
        (
            vec!["dir", "--id", "x"],
            "--id names one image, but dir is a directory",
        ),
        (
            vec!["--files-from", "list.txt", "--id", "x"],
            "--files-from lists many",
        ),
        (vec!["-", "--id-from", "path"], "stdin (-) has no path"),
        (vec!["a.png", "--include", "*.png"], "no directory is given"),
        (vec!["a.png", "--id", "/brand/logo"], "starts with '/'"),
        (
            vec!["dir", "--prefix", "v1/", "--id-from", "none"],
            "--id-from none makes none",
        ),
        (
            vec!["a.png", "--prefix", "v1/", "--id", "x"],
            "cannot be used with",
        ),
    ] {
        let mut full = vec!["images", "upload"];
        full.extend(&args);
        // Stdin holds an image, to show it is not read first.
        let run = env.run_with_stdin(env.cmd(), &full, png(3));
        run.code(2).error_contains(why);
    }
    assert_eq!(env.emulator.request_count(), before, "nothing was sent");
}

#[test]
fn prefix_implies_ids_from_paths() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path("dist")).unwrap();
    std::fs::write(env.path("dist/a.png"), png(1)).unwrap();
    let run = env.ok(&[
        "--ndjson", "images", "upload", "dist", "--prefix", "site/v1/",
    ]);
    assert_eq!(run.ndjson()[0]["id"], "site/v1/a.png");
    let image = env.ok(&["--json", "images", "get", "site/v1/a.png"]).json();
    assert_eq!(image["filename"], "a.png");
}

#[test]
fn images_cut_short_before_their_headers_are_refused() {
    let env = TestEnv::new();
    let whole = |name: &str| std::fs::read(fixture(&format!("images/{name}"))).unwrap();
    let jpeg = whole("photo.jpg");
    let sof = jpeg
        .windows(2)
        .position(|w| w[0] == 0xFF && matches!(w[1], 0xC0 | 0xC2))
        .unwrap();
    for (name, bytes, format) in [
        ("signature.png", whole("logo.png")[..8].to_vec(), "PNG"),
        ("tables.jpg", jpeg[..sof].to_vec(), "JPEG"),
        ("header.gif", whole("anim.gif")[..6].to_vec(), "GIF"),
        ("riff.webp", whole("pic.webp")[..12].to_vec(), "WebP"),
    ] {
        std::fs::write(env.path(name), &bytes).unwrap();
        env.run(env.cmd(), &["images", "upload", name])
            .code(1)
            .error_contains(&format!("{name} is not a complete {format} image"));
        // Also inside a directory: a cut-short image is not passed over as "not an image".
        let dir = format!("dir-{name}");
        std::fs::create_dir(env.path(&dir)).unwrap();
        std::fs::write(env.path(&dir).join(name), &bytes).unwrap();
        env.run(env.cmd(), &["images", "upload", &dir])
            .code(1)
            .error_contains(&format!("is not a complete {format} image"));
        // And on stdin.
        env.run_with_stdin(env.cmd(), &["images", "upload", "-"], bytes)
            .code(1)
            .error_contains(&format!("is not a complete {format} image"));
    }
    assert_eq!(posts(&env), 0);
}

#[test]
fn stdin_that_is_not_an_image_is_refused_locally() {
    let env = TestEnv::new();
    env.run_with_stdin(env.cmd(), &["images", "upload", "-"], "hello, not an image")
        .code(1)
        .error_contains("stdin");
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn a_bad_line_in_the_middle_of_a_manifest_stops_the_run() {
    let env = TestEnv::new();
    two_images(&env);
    let args = [
        "images",
        "upload",
        "a.png",
        "b.png",
        "--manifest",
        "m.ndjson",
    ];
    env.ok(&args);
    let before = posts(&env);
    let text = std::fs::read_to_string(env.path("m.ndjson")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(1, "<<<<<<< HEAD");
    std::fs::write(env.path("m.ndjson"), lines.join("\n") + "\n").unwrap();

    let run = env.run(env.cmd(), &args);
    run.code(1)
        .error_contains("the manifest m.ndjson cannot be used: line 2 is not a manifest entry: it is not JSON; nothing was sent")
        .hint_contains("fix or delete line 2 of m.ndjson");
    assert_eq!(posts(&env), before);
    env.run(
        env.cmd(),
        &[
            "images",
            "upload",
            "a.png",
            "--manifest",
            "m.ndjson",
            "--dry-run",
        ],
    )
    .code(1)
    .error_contains("line 2 is not a manifest entry");

    // A torn last line (no newline) is what a killed run leaves: skipped with a word.
    std::fs::write(
        env.path("m.ndjson"),
        text.clone() + r#"{"path":"c.png","si"#,
    )
    .unwrap();
    let run = env.ok(&args);
    assert!(
        run.stderr.contains("ignoring its torn last line"),
        "{}",
        run.stderr
    );
    assert_eq!(posts(&env), before, "both were recorded as done");
    // The torn line is cut off, so the next run reads a clean file.
    let run = env.ok(&args);
    assert!(!run.stderr.contains("torn"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn control_characters_in_names_are_escaped_in_messages() {
    let env = TestEnv::new();
    let name = "bad\nname\u{1b}[31m.png";
    std::fs::write(env.path(name), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::create_dir(env.path("odd")).unwrap();
    std::fs::write(env.path("odd/note\n.txt"), "text").unwrap();
    std::fs::write(env.path("odd/ok.png"), png(1)).unwrap();

    let run = env.run(env.cmd(), &["images", "upload", name]);
    run.code(1);
    assert_eq!(
        run.stderr,
        "error: bad\\nname\\u{1b}[31m.png is not a complete PNG image: no IHDR chunk after the signature; it may have been cut short while being written or copied, so save or export it again\n"
    );
    // The JSON error keeps the name exactly: JSON has escapes of its own.
    let run = env.run(env.cmd(), &["--json", "images", "upload", name]);
    run.code(1);
    let json: Value = serde_json::from_str(run.stderr.lines().last().unwrap()).unwrap();
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("bad\nname\u{1b}[31m.png is not"),
        "{json}"
    );
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);

    // Notes and warnings too.
    let run = env.ok(&["images", "upload", "odd"]);
    assert!(
        run.stderr
            .contains("skipping odd/note\\n.txt: not an image of a supported format\n"),
        "{}",
        run.stderr
    );
    std::fs::write(env.path("list.txt"), "odd/ok.png\ngone\u{7}.png\n").unwrap();
    let run = env.run(env.cmd(), &["images", "upload", "--files-from", "list.txt"]);
    run.code(5);
    assert!(
        run.stderr.contains("warning: gone\\u{7}.png: no such file"),
        "{}",
        run.stderr
    );
}
