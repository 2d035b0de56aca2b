//! An upload's `--manifest`: one line per finished file (its path, size, content hash, id and
//! status), kept in the bulk engine's journal, and what a re-run learns from it: whether a file
//! was uploaded before with the same content (skip it), changed since under the same custom id,
//! or left `unknown`.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::bulk::journal;
use crate::error::CliError;

use super::plan::{Item, ItemSource};
use super::report::Status;

/// One finished file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The path as given or found (relative paths stay relative, so a fresh checkout matches).
    pub path: String,
    pub size: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// The custom id, or the id the API gave the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What the manifest says about a file that is about to be uploaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Not recorded, or recorded with other content or another id: upload it.
    Upload,
    /// Uploaded (or skipped as existing) before with the same content: nothing to do.
    Done(Entry),
    /// Uploaded (or found existing) under the same custom id with other content: the image
    /// under the id is an older version of the file, so a 409 is not "done" but `changed`.
    Changed(Entry),
    /// A run could not tell whether its upload without a custom id landed; sending it again
    /// could store it twice, so it is left for a person to check.
    Unknown(Entry),
}

/// The lines of an existing manifest, by path; the last line for a path wins.
#[derive(Debug, Default)]
pub struct Record(journal::Record<Entry>);

impl journal::Keyed for Entry {
    fn key(&self) -> &str {
        &self.path
    }
}

impl Record {
    /// Read a manifest; a missing file is an empty record.
    pub fn read(path: &Path) -> Result<Record, CliError> {
        journal::Record::read(path, "nothing was sent").map(Record)
    }

    /// The entries of an open manifest (see `journal::Record::from_reader`).
    #[cfg(test)]
    pub fn from_reader(reader: impl std::io::BufRead) -> Result<Record, journal::ReadError> {
        journal::Record::from_reader(reader).map(Record)
    }

    /// The last line was torn by a kill, and is ignored.
    pub fn torn_last_line(&self) -> bool {
        self.0.torn_last_line
    }

    /// Decide for a file with this content and (custom) id.
    pub fn verdict(&self, path: &str, sha256: &str, id: Option<&str>) -> Verdict {
        let Some(entry) = self.0.get(path) else {
            return Verdict::Upload;
        };
        // A custom id that changed (another --prefix) names an image that may not exist yet.
        if let Some(id) = id
            && entry.id.as_deref() != Some(id)
        {
            return Verdict::Upload;
        }
        let same_content = entry.sha256 == sha256;
        match entry.status {
            Status::Uploaded | Status::Skipped if same_content => Verdict::Done(entry.clone()),
            // The id holds what was there when the line was written, not this content. (A
            // `changed` line keeps the new content's hash, and the id still the old image.
            // A file changed back to the stored content is reported `changed` too: the last
            // line does not tell, and `changed` errs on the side that does not pass a run.)
            Status::Uploaded | Status::Skipped | Status::Changed if id.is_some() => {
                Verdict::Changed(entry.clone())
            }
            Status::Unknown if same_content && id.is_none() => Verdict::Unknown(entry.clone()),
            _ => Verdict::Upload,
        }
    }
}

/// SHA-256 of a file, read in blocks: memory stays the same whatever the file's size.
pub fn hash_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

pub fn hash_bytes(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Content hashes of the items (empty for URLs, whose content we never see: a URL recorded as
/// uploaded is not sent again), read by a few
/// threads at once since this is the one step that reads every byte before uploading. Any
/// file that cannot be read is a problem, reported before anything is sent.
pub fn hash_items(items: &[Item]) -> Result<Vec<String>, Vec<String>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let hashes: Vec<Mutex<String>> = items.iter().map(|_| Mutex::new(String::new())).collect();
    let problems = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let hash = match &item.source {
                        ItemSource::File { path, .. } => hash_file(path)
                            .map_err(|e| format!("cannot read {}: {e}", path.display())),
                        ItemSource::Stdin { data, .. } => Ok(hash_bytes(data)),
                        ItemSource::Url(_) => Ok(String::new()),
                    };
                    match hash {
                        Ok(h) => *hashes[i].lock().unwrap_or_else(|e| e.into_inner()) = h,
                        Err(p) => problems.lock().unwrap_or_else(|e| e.into_inner()).push(p),
                    }
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(hashes
        .into_iter()
        .map(|h| h.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect())
}

#[cfg(test)]
impl Entry {
    /// A line about the image `id` alone, as the tests of the upload rules need it.
    pub(crate) fn about(id: &str, status: Status) -> Entry {
        Entry {
            path: String::new(),
            size: 0,
            sha256: String::new(),
            id: Some(id.to_string()),
            status,
            variants: Vec::new(),
            error: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, sha: &str, id: Option<&str>, status: Status) -> Entry {
        Entry {
            path: path.into(),
            size: 3,
            sha256: sha.into(),
            id: id.map(Into::into),
            status,
            variants: vec![],
            error: None,
        }
    }

    #[test]
    fn hashes_are_lowercase_hex_sha256() {
        assert_eq!(
            hash_bytes(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(hash_file(&file).unwrap(), hash_bytes(b"abc"));
    }

    #[test]
    fn verdicts_need_the_same_content_and_id() {
        let mut text = String::new();
        for e in [
            entry("a.png", "aa", Some("x/a.png"), Status::Uploaded),
            entry("b.png", "bb", None, Status::Failed),
            entry("c.png", "cc", None, Status::Unknown),
            entry("d.png", "dd", Some("d"), Status::Unknown),
            entry("e.png", "ee", None, Status::Failed),
            entry("e.png", "ee", None, Status::Uploaded),
        ] {
            text.push_str(&serde_json::to_string(&e).unwrap());
            text.push('\n');
        }
        let record = Record::from_reader(text.as_bytes()).unwrap();
        assert!(matches!(
            record.verdict("a.png", "aa", Some("x/a.png")),
            Verdict::Done(_)
        ));
        assert!(matches!(
            record.verdict("a.png", "aa", None),
            Verdict::Done(_)
        ));
        assert_eq!(record.verdict("a.png", "changed", None), Verdict::Upload);
        // Under its custom id the older content is stored: changed, not a new upload.
        assert!(matches!(
            record.verdict("a.png", "changed", Some("x/a.png")),
            Verdict::Changed(_)
        ));
        assert_eq!(
            record.verdict("a.png", "aa", Some("y/a.png")),
            Verdict::Upload
        );
        assert_eq!(record.verdict("b.png", "bb", None), Verdict::Upload);
        assert!(matches!(
            record.verdict("c.png", "cc", None),
            Verdict::Unknown(_)
        ));
        assert_eq!(record.verdict("d.png", "dd", Some("d")), Verdict::Upload);
        assert!(matches!(
            record.verdict("e.png", "ee", None),
            Verdict::Done(_)
        ));
        assert_eq!(record.verdict("new.png", "nn", None), Verdict::Upload);
    }

    #[test]
    fn a_changed_file_stays_changed_until_it_is_replaced() {
        let mut text = String::new();
        for e in [
            entry("a.png", "old", Some("a"), Status::Uploaded),
            entry("a.png", "new", Some("a"), Status::Changed),
            entry("b.png", "old", Some("b"), Status::Uploaded),
            entry("b.png", "new", Some("b"), Status::Changed),
            entry("b.png", "new", Some("b"), Status::Uploaded),
            entry("c.png", "old", Some("c"), Status::Failed),
        ] {
            text.push_str(&serde_json::to_string(&e).unwrap());
            text.push('\n');
        }
        let record = Record::from_reader(text.as_bytes()).unwrap();
        // Recorded as changed: the id still holds the old image, whatever the file holds now.
        assert!(matches!(
            record.verdict("a.png", "new", Some("a")),
            Verdict::Changed(_)
        ));
        assert!(matches!(
            record.verdict("a.png", "newer", Some("a")),
            Verdict::Changed(_)
        ));
        // Replaced since: done.
        assert!(matches!(
            record.verdict("b.png", "new", Some("b")),
            Verdict::Done(_)
        ));
        // What a failed upload left under the id is not known: upload as usual.
        assert_eq!(record.verdict("c.png", "new", Some("c")), Verdict::Upload);
    }
}
