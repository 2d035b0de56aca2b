//! What `images upload` takes in, end to end: lists and directories with nothing in them,
//! paths that are gone, URLs, ids with dot segments, argument combinations that cannot work,
//! images cut short, damaged manifests, and names that would break the one-line messages.

mod common;

use common::{TestEnv, fixture};

fn posts(env: &TestEnv) -> usize {
    env.emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count()
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
