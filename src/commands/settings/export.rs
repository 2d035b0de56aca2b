//! `cfimg settings export [-o FILE]`: the account's settings as a settings file.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{count, read_account};
use crate::context::Context;
use crate::error::CliError;
use crate::output::Human;
use crate::settings::export;
use crate::settings::file::DEFAULT_FILE;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to FILE (atomically, replacing it) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `export -o FILE` wrote, for `--json`.
#[derive(Serialize)]
struct Written {
    path: String,
    variants: usize,
    keys: usize,
}

pub fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    if let Some(path) = args.output.as_deref().filter(|p| p.is_dir()) {
        return Err(CliError::usage(format!(
            "{} is a directory, and -o takes a file",
            path.display()
        ))
        .with_hint(format!(
            "name the file, e.g. -o {}",
            path.join(DEFAULT_FILE).display()
        ))
        .into());
    }
    let client = ctx.client()?;
    let (current, unreadable) = read_account(&client)?;
    let settings = export::to_file(&current)
        .map_err(|e| CliError::failed(format!("cannot export the settings: {e}")))?;
    if let Some(why) = &unreadable {
        ctx.ui.warn(&format!(
            "the account options could not be read ({why}): the file shows them commented out"
        ));
    }
    let name = args
        .output
        .as_deref()
        .and_then(Path::file_name)
        .map_or_else(
            || DEFAULT_FILE.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
    let text = export::to_text(&settings, &name, unreadable.as_deref());
    match &args.output {
        Some(path) => {
            export::write_file(path, &text)
                .map_err(|e| CliError::failed(format!("cannot write {}: {e}", path.display())))?;
            let written = Written {
                path: path.display().to_string(),
                variants: settings.variants.len(),
                keys: settings.keys.len(),
            };
            ctx.ui.status(&format!(
                "wrote {} ({}, {})",
                written.path,
                count(written.variants, "variant", "variants"),
                count(written.keys, "signing key", "signing keys")
            ));
            ctx.out.show(&written, || Human::Nothing)?;
        }
        // A script that asked for JSON gets the same settings in the shape the schema gives.
        None if ctx.out.is_json() => ctx.out.show(&settings, || Human::Nothing)?,
        None => ctx.out.bytes(text.as_bytes())?,
    }
    Ok(())
}
