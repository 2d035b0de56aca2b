//! The checked-in completion scripts and man pages match what the clap tree renders now, and
//! every man page renders with `man -l` without warnings; comments in the code cite only sources
//! a reader of the repository can open.

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

/// Every Rust file under `src/` and `crates/` (when there is one), with its path relative to the
/// repository.
fn rust_sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["src", "crates"].map(|d| root().join(d)) {
        if !dir.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(dir) {
            let entry = entry.expect("source tree is readable");
            if entry.path().extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(entry.path()).expect("source is UTF-8");
                let relative = entry.path().strip_prefix(root()).unwrap();
                files.push((relative.display().to_string(), text));
            }
        }
    }
    assert!(
        !files.is_empty(),
        "no sources found under {}",
        root().display()
    );
    files
}

/// The anchors GitHub gives the headings of a Markdown file (`## Rate limits` → `rate-limits`).
fn heading_anchors(markdown: &str) -> BTreeSet<String> {
    markdown
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|heading| {
            heading
                .trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
                .map(|c| if c == ' ' { '-' } else { c })
                .collect()
        })
        .collect()
}

/// Why a line cites a source nobody can open, if it does: a section sign that is not an RFC's
/// (`reference §6`, `(§8.2)`), or a numbered "wire rule" of a document kept elsewhere.
fn unopenable_citation(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    for (at, _) in lower.match_indices('§') {
        let before = lower[..at].trim_end();
        let number_start = before
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        let is_rfc = number_start < before.len() && before[..number_start].ends_with("rfc ");
        if !is_rfc {
            return Some("a section (§) of a document that is not in the repository");
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("wire rule") {
        let after = rest[at + "wire rule".len()..]
            .trim_start_matches('s')
            .trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) || rest[..at].ends_with("reference ") {
            return Some("a numbered wire rule of a document that is not in the repository");
        }
        rest = &rest[at + 1..];
    }
    None
}

#[test]
fn the_citation_check_knows_what_it_looks_for() {
    for bad in [
        "/// The API rejects metadata over 1024 bytes (reference §6).",
        "// List filters (§4.7)",
        "/// one form field (reference wire rule 5).",
        "/// as a path segment (wire rule 11)",
    ] {
        assert!(unopenable_citation(bad).is_some(), "{bad}");
    }
    for good in [
        "/// resolves such segments away (RFC 3986 §5.2.4, and browsers)",
        "/// The wire rules it follows are those of the public API",
        "/// The API rejects metadata over 1024 bytes (docs/api-notes.md#limits).",
    ] {
        assert_eq!(unopenable_citation(good), None, "{good}");
    }
    let anchors = heading_anchors("# Title\n## Rate limits and retries\n### Errors and codes\n");
    assert!(anchors.contains("rate-limits-and-retries"));
    assert!(anchors.contains("errors-and-codes"));
}

/// Comments once cited "reference §6" and "wire rule 11", a document that is not in the
/// repository. They cite Cloudflare's pages or `docs/api-notes.md` now, and every section of
/// it they name must exist.
#[test]
fn comments_cite_sources_in_the_repository_or_public_pages() {
    const NOTES: &str = "docs/api-notes.md";
    let anchors = heading_anchors(
        &std::fs::read_to_string(root().join(NOTES)).expect("docs/api-notes.md exists"),
    );
    let mut problems = Vec::new();
    for (path, text) in rust_sources() {
        for (number, line) in text.lines().enumerate() {
            let place = format!("{path}:{}", number + 1);
            if let Some(why) = unopenable_citation(line) {
                problems.push(format!("{place} cites {why}: {}", line.trim()));
            }
            let mut rest = line;
            while let Some(at) = rest.find(NOTES) {
                rest = &rest[at + NOTES.len()..];
                if let Some(fragment) = rest.strip_prefix('#') {
                    let anchor: String = fragment
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-')
                        .collect();
                    if !anchors.contains(&anchor) {
                        problems.push(format!(
                            "{place} cites {NOTES}#{anchor}, which has no such section"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "cite Cloudflare's documentation or a section of {NOTES} instead:\n  {}",
        problems.join("\n  ")
    );
}
