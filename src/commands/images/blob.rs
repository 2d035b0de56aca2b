//! `cfimg images blob ID`: the original bytes, to a file (atomically) or to a pipe.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::commands::Context;
use crate::error::{CliError, Exit};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images blob cats/1 -o cat.png\n  \
    cfimg images blob cats/1 | identify -")]
pub struct BlobArgs {
    /// Image id
    pub id: String,

    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run(args: BlobArgs, ctx: &mut Context) -> Result<()> {
    if let Some(path) = &args.output {
        // Checked before the download, which would otherwise be fetched only to be thrown away.
        if path.is_dir() {
            return Err(CliError::usage(format!(
                "{} is a directory, and -o takes a file",
                path.display()
            ))
            .with_hint(format!(
                "name the file, e.g. -o {}",
                path.join(suggested_name(&args.id)).display()
            ))
            .into());
        }
        let dir = parent_dir(path);
        if !dir.is_dir() {
            return Err(CliError::failed(format!(
                "cannot write {}: there is no directory {}",
                path.display(),
                dir.display()
            ))
            .into());
        }
        if !args.force && path.exists() {
            return Err(
                CliError::new(Exit::Error, format!("{} exists", path.display()))
                    .with_hint("pass --force to replace it")
                    .into(),
            );
        }
    } else if !ctx.out.is_table() {
        return Err(CliError::usage(
            "--json and --ndjson need -o FILE: without it stdout carries the image's bytes",
        )
        .with_hint("pass -o FILE to get {\"id\", \"path\", \"bytes\", \"content_type\"} on stdout")
        .into());
    } else if ctx.ui.stdout_is_terminal {
        return Err(
            CliError::usage("refusing to write image bytes to a terminal")
                .with_hint("pass -o FILE, or redirect stdout to a file or a pipe")
                .into(),
        );
    }
    let client = ctx.client()?;
    let response = client
        .image_blob(&args.id)
        .map_err(|e| super::get::not_found_names(e, &args.id))?;
    let expected = response.content_length();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    match &args.output {
        Some(path) => {
            let written = write_atomically(path, response, expected, args.force)?;
            ctx.ui
                .status(&format!("wrote {} ({written} bytes)", path.display()));
            if !ctx.out.is_table() {
                ctx.out.json(&Written {
                    id: &args.id,
                    path: path.to_string_lossy(),
                    bytes: written,
                    content_type,
                })?;
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            let written = copy(response, &mut stdout)?;
            stdout.flush()?;
            check_length(written, expected)?;
        }
    }
    Ok(())
}

/// What `-o FILE` wrote, for `--json` and `--ndjson`.
#[derive(Serialize)]
struct Written<'a> {
    id: &'a str,
    path: std::borrow::Cow<'a, str>,
    bytes: u64,
    content_type: Option<String>,
}

fn copy(mut from: impl Read, to: &mut impl Write) -> Result<u64> {
    std::io::copy(&mut from, to).map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            anyhow::Error::from(e)
        } else {
            CliError::failed(format!("the download was cut off: {e}")).into()
        }
    })
}

fn check_length(written: u64, expected: Option<u64>) -> Result<()> {
    match expected {
        Some(n) if n != written => Err(CliError::failed(format!(
            "the download was cut off: got {written} of {n} bytes"
        ))
        .into()),
        _ => Ok(()),
    }
}

/// Stream into a temp file beside `path`, then rename it into place; on any failure the temp
/// file is removed and `path` is untouched.
fn write_atomically(
    path: &Path,
    body: impl Read,
    expected: Option<u64>,
    force: bool,
) -> Result<u64> {
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".cfimg-blob-")
        .tempfile_in(dir)
        .map_err(|e| CliError::failed(format!("cannot write in {}: {e}", dir.display())))?;
    let written = copy(body, temp.as_file_mut())?;
    check_length(written, expected)?;
    temp.as_file()
        .sync_all()
        .map_err(|e| CliError::failed(format!("cannot write {}: {e}", path.display())))?;
    let persisted = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    persisted
        .map_err(|e| CliError::failed(format!("cannot write {}: {}", path.display(), e.error)))?;
    Ok(written)
}

/// The directory a file path lands in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A file name for an image id: its last path segment.
fn suggested_name(id: &str) -> &str {
    id.rsplit('/').find(|s| !s.is_empty()).unwrap_or("image")
}
