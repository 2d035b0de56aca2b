//! Exporting: the export job's action on the bulk engine, its results, and what a re-run
//! learns from the index.
//!
//! Each original is fetched with `blob` into a temp file in the folder's `.cfimg-partial`,
//! then hashed from the file (so the SHA-256 in the index is of the bytes written there, and
//! their count is checked against the count received), then renamed into place; only then is
//! its index line appended. A kill at any moment leaves complete files under their names and
//! an index that names only complete files: what a process wrote is the kernel's once written.
//! The files are not synced one by one, as the index is not synced line by line (see
//! `journal`): a sync per file made an export of 1,000 files of 64 KiB at 50 ms latency a
//! quarter slower here (2.52 s against 2.01 s, bench/README.md), and guards only against the
//! whole machine going down, which can then cost the last files written.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::api::images::Image;
use crate::api::{ApiError, Client};
use crate::bulk::action::{Action, Attempt, Class, Count, Outcome, Retry, Tally};
use crate::bulk::journal::Record;
use crate::image_file::{SNIFF_BYTES, sniff};
use crate::output::{Column, ErrorReport, Layout};
use crate::select::Picked;

use super::index::{self, Line};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fetched and written.
    Exported,
    /// In the index with the same upload time, and its file is there: not fetched.
    Unchanged,
    Failed,
    /// In the index, and deleted from the account since: kept (without `--prune`).
    Gone,
    /// Deleted from the account since the last export, and removed here (`--prune`).
    Pruned,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Exported => "exported",
            Status::Unchanged => "unchanged",
            Status::Failed => "failed",
            Status::Gone => "gone",
            Status::Pruned => "pruned",
        }
    }
}

/// What became of one image: a line of `--ndjson`, an element of `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct Exported {
    pub status: Status,
    pub id: String,
    /// The file, relative to the folder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
    /// The index line of an exported image.
    #[serde(skip)]
    line: Option<Line>,
}

impl Exported {
    /// An image settled from the index: `unchanged`, `gone` or `pruned`.
    pub fn settled(line: &Line, status: Status) -> Exported {
        Exported {
            status,
            id: line.id.clone(),
            path: Some(line.path.clone()),
            bytes: line.size,
            sha256: line.sha256.clone(),
            error: None,
            line: None,
        }
    }

    fn failed(id: &str, error: ErrorReport) -> Exported {
        Exported {
            status: Status::Failed,
            id: id.to_string(),
            path: None,
            bytes: None,
            sha256: None,
            error: Some(error),
            line: None,
        }
    }
}

impl Outcome for Exported {
    fn status(&self) -> &'static str {
        self.status.word()
    }

    fn class(&self) -> Class {
        match self.status {
            Status::Exported | Status::Pruned => Class::Done,
            Status::Unchanged | Status::Gone => Class::Skipped,
            Status::Failed => Class::Failed,
        }
    }

    fn subject(&self) -> &str {
        &self.id
    }

    fn error(&self) -> Option<&ErrorReport> {
        self.error.as_ref()
    }

    /// Bytes received, for the summary's throughput.
    fn bytes_sent(&self) -> u64 {
        match self.status {
            Status::Exported => self.bytes.unwrap_or(0),
            _ => 0,
        }
    }
}

pub struct Export {
    /// The export folder.
    pub dir: PathBuf,
    /// Paths taken, by the id whose file it is: two ids that come to the same file (`a` as a
    /// PNG and `a.png`) must not overwrite each other.
    claimed: Mutex<HashMap<String, String>>,
}

impl Export {
    /// The export into `dir`, whose index holds `lines`.
    pub fn new<'a>(dir: PathBuf, lines: impl IntoIterator<Item = &'a Line>) -> Export {
        let claimed = lines
            .into_iter()
            .map(|l| (l.path.clone(), l.id.clone()))
            .collect();
        Export {
            dir,
            claimed: Mutex::new(claimed),
        }
    }

    fn partial(&self) -> PathBuf {
        self.dir.join(index::PARTIAL)
    }

    /// Fetch `image` and put its file in place.
    fn fetch(&self, client: &Client, image: &Image) -> Result<Exported, ErrorReport> {
        let id = image.id.as_str();
        let partial = self.partial();
        let mut temp = tempfile::Builder::new()
            .prefix("blob-")
            .tempfile_in(&partial)
            .map_err(|e| local(format!("cannot write in {}: {e}", partial.display())))?;
        let temp_name = temp.path().display().to_string();
        let (received, head) = client
            .image_blob(id, |response| {
                let file = temp.as_file_mut();
                file.set_len(0)
                    .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
                    .map_err(|e| ApiError::Body(format!("cannot write {temp_name}: {e}")))?;
                let mut head = Head {
                    inner: &mut *file,
                    head: Vec::new(),
                };
                let received =
                    crate::commands::images::blob::fill(response, &mut head, &temp_name)?;
                Ok((received, head.head))
            })
            .map_err(|e| ErrorReport::from(&e))?;
        let file = temp.as_file_mut();
        file.flush()
            .map_err(|e| local(format!("cannot write {temp_name}: {e}")))?;
        let (on_disk, sha256) =
            hash_from_start(file).map_err(|e| local(format!("cannot read {temp_name}: {e}")))?;
        if on_disk != received {
            return Err(local(format!(
                "{on_disk} bytes are on disk of the {received} received; nothing was kept"
            )));
        }
        let path = index::relative_path(id, sniff(&head)).map_err(local)?;
        self.claim(&path, id)?;
        let target = self.dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| local(format!("cannot create {}: {e}", parent.display())))?;
        }
        temp.persist(&target)
            .map_err(|e| local(format!("cannot write {}: {}", target.display(), e.error)))?;
        Ok(Exported {
            status: Status::Exported,
            id: id.to_string(),
            path: Some(path.clone()),
            bytes: Some(on_disk),
            sha256: Some(sha256.clone()),
            error: None,
            line: Some(Line::new(image, path, on_disk, sha256)),
        })
    }

    fn claim(&self, path: &str, id: &str) -> Result<(), ErrorReport> {
        let mut claimed = self.claimed.lock().unwrap_or_else(|e| e.into_inner());
        match claimed.get(path) {
            Some(owner) if owner != id => Err(local(format!(
                "its file {path} is the file of the image '{owner}'; it was not written"
            ))),
            _ => {
                claimed.insert(path.to_string(), id.to_string());
                Ok(())
            }
        }
    }
}

/// A failure on this machine (a disk, a path), not the API's.
fn local(message: String) -> ErrorReport {
    ErrorReport::message(message)
}

/// Passes writes through, keeping the first bytes for telling the format.
struct Head<W> {
    inner: W,
    head: Vec<u8>,
}

impl<W: Write> Write for Head<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let room = SNIFF_BYTES.saturating_sub(self.head.len());
        self.head.extend_from_slice(&buf[..n.min(room)]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The length and SHA-256 of a file, read from its start.
fn hash_from_start(file: &mut File) -> io::Result<(u64, String)> {
    file.seek(SeekFrom::Start(0))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, hex(&hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Action for Export {
    type Item = Picked;
    type Result = Exported;
    type Entry = Line;

    /// A download writes the same file again.
    fn retry(&self, _item: &Picked) -> Retry {
        Retry::Safe
    }

    fn perform(&self, _index: usize, item: &Picked, attempt: &Attempt<'_, Line>) -> Exported {
        let client = attempt.client;
        let image = match &item.image {
            Some(image) => image.clone(),
            // Named by id: what it holds is read first (one GET).
            None => match client.get_image(&item.id) {
                Ok(image) => image,
                Err(e) => return Exported::failed(&item.id, ErrorReport::from(&e)),
            },
        };
        self.fetch(client, &image)
            .unwrap_or_else(|error| Exported::failed(&item.id, error))
    }

    fn unsent(&self, _index: usize, item: &Picked, error: &ApiError) -> Exported {
        Exported::failed(&item.id, ErrorReport::from(error))
    }

    fn entry(&self, _index: usize, _item: &Picked, result: &Exported) -> Option<Line> {
        result.line.clone()
    }

    fn summary(&self, tally: &Tally) -> String {
        tally.line(&[
            Count::Always("exported"),
            Count::Always("unchanged"),
            Count::Always("failed"),
            Count::IfAny(
                "gone",
                "deleted from the account, kept here; --prune removes them",
            ),
            Count::IfAny("pruned", "deleted from the account, removed here"),
        ])
    }
}

/// What the index settles of the images picked: those whose line has the same upload time
/// and whose file is there with its size are `unchanged`; the rest are to fetch.
pub fn plan(
    dir: &Path,
    picked: Vec<Picked>,
    record: &Record<Line>,
) -> (Vec<Picked>, Vec<Exported>) {
    let mut todo = Vec::new();
    let mut unchanged = Vec::new();
    for item in picked {
        let current = record.get(&item.id).filter(|line| {
            let same_upload = match &item.image {
                Some(image) => image.uploaded.is_some() && image.uploaded == line.uploaded,
                // Named by id without a listing: the index is taken at its word.
                None => true,
            };
            same_upload && file_is_there(dir, line)
        });
        match current {
            Some(line) => unchanged.push(Exported::settled(line, Status::Unchanged)),
            None => todo.push(item),
        }
    }
    (todo, unchanged)
}

/// The line's file exists below `dir` with the size the line gives.
fn file_is_there(dir: &Path, line: &Line) -> bool {
    let Ok(path) = line.file_in(dir) else {
        return false;
    };
    std::fs::metadata(path)
        .is_ok_and(|m| m.is_file() && line.size.is_none_or(|size| m.len() == size))
}

/// Remove the files of images deleted from the account (`--prune`), and the folders they
/// leave empty; the index is rewritten without them afterwards, so a kill in between leaves
/// lines whose files are gone, which the next run prunes again.
pub fn prune(dir: &Path, line: &Line) -> Result<(), String> {
    let path = line.file_in(dir)?;
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot remove {}: {e}", path.display())),
    }
    let mut parent = path.parent();
    while let Some(folder) = parent {
        if folder == dir || std::fs::remove_dir(folder).is_err() {
            break;
        }
        parent = folder.parent();
    }
    Ok(())
}

/// Empty the folder where downloads are written until complete (what a killed run left there
/// was never complete), creating it if needed.
pub fn clear_partial(dir: &Path) -> io::Result<()> {
    let partial = dir.join(index::PARTIAL);
    match std::fs::remove_dir_all(&partial) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    std::fs::create_dir_all(&partial)
}

/// The results as a table shows them: `exported  ID  PATH`.
pub fn results_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Exported> {
    const COLUMNS: [Column; 3] = [
        Column::whole("STATUS"),
        Column::whole("ID"),
        Column::whole("PATH"),
    ];
    Layout::results(&COLUMNS, |r: &Exported| {
        Some(vec![
            r.status.word().to_string(),
            r.id.clone(),
            r.path.clone().unwrap_or_else(|| "-".into()),
        ])
    })
    .expect(0, ["exported", "unchanged", "failed", "pruned"])
    .expect(1, ids)
}
