//! Rewrite the checked-in completion scripts (`completions/`) and man pages (`man/`) from the
//! clap tree, and the settings file's JSON Schema (`docs/cfimg-settings.schema.json`) from its
//! types. Run after changing any command, flag or help text, or the settings file's types:
//!
//!     cargo run --example generate-docs
//!
//! `tests/cli/generated_docs.rs` fails until the files match again.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Start from empty directories so a removed command leaves no stale page behind.
    for dir in cfimg::docs::GENERATED_DIRS {
        let dir = root.join(dir);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
    }
    let files = cfimg::docs::generated_files();
    for (path, contents) in &files {
        std::fs::write(root.join(path), contents)?;
    }
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(
        &mut out,
        format!(
            "wrote {} files under completions/, man/ and docs/\n",
            files.len()
        )
        .as_bytes(),
    )
}
