//! `cfimg images blob ID`: the original bytes, to a file (atomically) or to a pipe, fetched
//! again when the connection breaks off (`--retries`).

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use reqwest::blocking::Response;
use serde::Serialize;

use crate::api::{ApiError, Client};
use crate::context::Context;
use crate::error::{CliError, Exit};
use crate::output::Human;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images blob cats/1 -o cat.png\n  \
    cfimg images blob cats/1 | identify -")]
pub struct BlobArgs {
    /// Image id
    #[arg(value_parser = crate::image_id::parse_image_id)]
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
    } else if ctx.out.is_json() {
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
    match &args.output {
        Some(path) => {
            let (written, content_type) = download_atomically(&client, &args.id, path, args.force)?;
            ctx.ui
                .status(&format!("wrote {} ({written} bytes)", path.display()));
            let written = Written {
                id: &args.id,
                path: path.to_string_lossy(),
                bytes: written,
                content_type,
            };
            ctx.out.show(&written, || Human::Nothing)?;
        }
        None => {
            // Held in memory (an original is at most about 10 MB) until it is whole, so a body
            // cut short is fetched again before anything reaches the pipe: bytes written there
            // cannot be taken back.
            let bytes = client
                .image_blob(&args.id, |response| {
                    let mut bytes = Vec::new();
                    fill(response, &mut bytes, "memory")?;
                    Ok(bytes)
                })
                .map_err(|e| download_failed(e, &args.id))?;
            ctx.out.bytes(&bytes)?;
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

/// Copy a response body into `to` and check it is whole. A body that breaks off or falls short
/// of its announced length is a `Transport` error, which the client retries (each attempt
/// starts over, so `to` must be empty or truncated first); a failure to write `to` is not.
pub(crate) fn fill(
    mut response: Response,
    to: &mut impl Write,
    to_name: &str,
) -> Result<u64, ApiError> {
    let expected = response.content_length();
    let url = response.url().to_string();
    let cut_off = |reason: String| ApiError::Transport {
        url: url.clone(),
        reason: format!("the download was cut off: {reason}"),
        outcome_unknown: false,
        failure: crate::api::Failure::Other,
    };
    let mut buf = vec![0u8; 64 * 1024];
    let mut written = 0u64;
    loop {
        let n = match response.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cut_off(e.to_string())),
        };
        to.write_all(&buf[..n])
            .map_err(|e| ApiError::Body(format!("cannot write {to_name}: {e}")))?;
        written += n as u64;
    }
    match expected {
        Some(n) if n != written => Err(cut_off(format!("got {written} of {n} bytes"))),
        _ => Ok(written),
    }
}

/// The error of a download that did not come through: a cut-off body that stayed cut off
/// after every retry says so plainly; a 404 names the image.
fn download_failed(error: ApiError, id: &str) -> anyhow::Error {
    match error {
        ApiError::Transport { reason, .. } if reason.starts_with("the download was cut off") => {
            CliError::failed(reason)
                .with_hint("the connection kept breaking off; try again, or allow more attempts with --retries N")
                .into()
        }
        other => super::get::not_found_names(other, id),
    }
}

/// Download into a temp file beside `path`, then rename it into place; a body cut short is
/// fetched again into the same temp file, from its start. On any failure the temp file is
/// removed and `path` is untouched.
/// Download into a temp file beside `path` and rename it into place when whole: the bytes
/// written, and the content type the server announced.
fn download_atomically(
    client: &Client,
    id: &str,
    path: &Path,
    force: bool,
) -> Result<(u64, Option<String>)> {
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".cfimg-blob-")
        .tempfile_in(dir)
        .map_err(|e| CliError::failed(format!("cannot write in {}: {e}", dir.display())))?;
    let temp_name = temp.path().display().to_string();
    let (written, content_type) = client
        .image_blob(id, |response| {
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let file = temp.as_file_mut();
            file.set_len(0)
                .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
                .map_err(|e| ApiError::Body(format!("cannot write {temp_name}: {e}")))?;
            Ok((fill(response, file, &temp_name)?, content_type))
        })
        .map_err(|e| download_failed(e, id))?;
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
    Ok((written, content_type))
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
