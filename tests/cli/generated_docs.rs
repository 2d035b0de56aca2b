//! The checked-in completion scripts and man pages match what the clap tree renders now, and
//! every man page renders with `man -l` without warnings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const REFRESH: &str = "cargo run --example generate-docs";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let expected = cfimg::docs::generated_files();
    let mut problems = Vec::new();
    for (path, contents) in &expected {
        match std::fs::read(root().join(path)) {
            Ok(found) if &found == contents => {}
            Ok(_) => problems.push(format!("{} is out of date", path.display())),
            Err(_) => problems.push(format!("{} is missing", path.display())),
        }
    }
    let wanted: BTreeSet<&PathBuf> = expected.iter().map(|(p, _)| p).collect();
    for dir in cfimg::docs::GENERATED_DIRS {
        for entry in std::fs::read_dir(root().join(dir)).expect("generated directory exists") {
            let relative = Path::new(dir).join(entry.unwrap().file_name());
            if !wanted.contains(&relative) {
                problems.push(format!("{} is no longer generated", relative.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the generated files drifted from the command line:\n  {}\nrefresh them with `{REFRESH}` and commit the result",
        problems.join("\n  ")
    );
}

#[test]
fn there_is_a_page_for_every_command_and_the_top_page_has_exit_codes() {
    let pages = cfimg::docs::man_pages();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "cfimg.1",
        "cfimg-images.1",
        "cfimg-images-list.1",
        "cfimg-images-upload.1",
        "cfimg-config-init.1",
        "cfimg-completions.1",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let top = String::from_utf8_lossy(&pages.iter().find(|p| p.0 == "cfimg.1").unwrap().1);
    assert!(top.contains(".SH \"EXIT STATUS\""), "{top}");
    assert!(top.contains("\\fB130\\fR"), "{top}");
}

#[test]
fn man_pages_render_with_man() {
    let has_man = Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_man {
        // `.ci/run` installs man-db; a developer machine without it skips only this check.
        let mut err = std::io::stderr().lock();
        let _ =
            std::io::Write::write_all(&mut err, b"man is not installed: render check skipped\n");
        return;
    }
    for (name, _) in cfimg::docs::man_pages() {
        let path = root().join("man").join(&name);
        let out = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .expect("man runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "man -l {name} failed:\n{warnings}");
        assert!(
            warnings.trim().is_empty(),
            "man -l {name} warned:\n{warnings}"
        );
        assert!(
            text.contains("NAME") && text.contains("SYNOPSIS"),
            "{name}:\n{text}"
        );
    }
}

#[test]
fn the_completions_command_prints_the_checked_in_script() {
    for (shell, file) in cfimg::docs::COMPLETION_FILES {
        let out = Command::new(env!("CARGO_BIN_EXE_cfimg"))
            .args(["completions", &shell.to_string()])
            .env_clear()
            .output()
            .expect("cfimg runs");
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let checked_in = std::fs::read(root().join("completions").join(file)).unwrap();
        assert!(
            out.stdout == checked_in,
            "`cfimg completions {shell}` differs from completions/{file}; run `{REFRESH}`"
        );
        assert!(out.stderr.is_empty());
    }
}
