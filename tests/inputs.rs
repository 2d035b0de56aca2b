//! What `images upload` takes in, end to end: lists and directories with nothing in them,
//! paths that are gone, URLs, ids with dot segments, argument combinations that cannot work,
//! images cut short, damaged manifests, and names that would break the one-line messages.

mod common;

use common::{TestEnv, fixture, png};

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
