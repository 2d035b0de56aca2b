//! The `--manifest` file: an append-only NDJSON record of every finished file, and what a
//! re-run learns from it.
//!
//! Each line is written whole with one `write` on a file opened for appending, straight after
//! the file finished, so a process killed at any moment leaves every finished line intact (at
//! worst a torn last line, which reading ignores and the next run's writer cuts off). Any other
//! line that is not an entry is an error: the file was edited or is not a manifest, and
//! guessing around it could upload again what was done. The data is also synced to disk now
//! and then, so a machine that goes down loses at most the last second or so.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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
    /// When the line was written (RFC 3339).
    #[serde(default)]
    pub time: String,
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
pub struct Record {
    by_path: HashMap<String, Entry>,
    /// The last line has no newline and is not an entry: a run was killed while writing it.
    pub torn_last_line: bool,
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A whole line (one with its newline) that is not an entry.
    #[error("line {line} is not a manifest entry: {why}")]
    NotAnEntry { line: usize, why: String },
}

impl Record {
    /// Read a manifest; a missing file is an empty record.
    pub fn read(path: &Path) -> Result<Record, CliError> {
        let shown = path.display();
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Record::default()),
            Err(e) => {
                return Err(CliError::failed(format!(
                    "cannot read the manifest {shown}: {e}"
                )));
            }
        };
        Self::from_reader(BufReader::new(file)).map_err(|e| match e {
            ReadError::Io(e) => CliError::failed(format!("cannot read the manifest {shown}: {e}")),
            ReadError::NotAnEntry { line, .. } => CliError::failed(format!(
                "the manifest {shown} cannot be used: {e}; nothing was sent"
            ))
            .with_hint(format!(
                "cfimg writes one JSON object a line there: fix or delete line {line} of {shown}, or move the file away to start a new manifest"
            )),
        })
    }

    /// The entries of an open manifest. Blank lines are skipped, and so is a last line that
    /// lacks its newline and is not an entry: the torn end of a killed run.
    pub fn from_reader(mut reader: impl BufRead) -> Result<Record, ReadError> {
        let mut record = Record::default();
        let mut line = Vec::new();
        for number in 1.. {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Entry>(&line) {
                Ok(entry) => {
                    record.by_path.insert(entry.path.clone(), entry);
                }
                // Every line is written whole with its newline, so only the last can lack it.
                Err(_) if !line.ends_with(b"\n") => record.torn_last_line = true,
                Err(e) => {
                    return Err(ReadError::NotAnEntry {
                        line: number,
                        why: describe(&e),
                    });
                }
            }
        }
        Ok(record)
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Decide for a file with this content and (custom) id.
    pub fn verdict(&self, path: &str, sha256: &str, id: Option<&str>) -> Verdict {
        let Some(entry) = self.by_path.get(path) else {
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

/// What is wrong with a line, without serde's "at line 1 column 9" (each line is parsed on
/// its own, so that position would mislead).
fn describe(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Syntax | Category::Eof => "it is not JSON".to_string(),
        Category::Data | Category::Io => {
            let text = error.to_string();
            let text = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(m, _)| m);
            format!("the JSON does not fit ({text})")
        }
    }
}

/// The manifest, open for appending; shared by all workers.
pub struct Writer {
    path: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    file: File,
    last_sync: Instant,
}

/// How often the appended lines are forced to disk. A killed process loses nothing either way
/// (the lines are in the kernel's hands once written); this bounds what a crash of the whole
/// machine can lose without paying for a sync per file.
const SYNC_EVERY: Duration = Duration::from_secs(1);

impl Writer {
    /// Open (or create) for appending. A last line without its newline is settled first, so
    /// the next line starts clean: a torn line left by a killed run is cut off (it recorded
    /// nothing whole, and kept, it would become a bad line in the middle of the file), and a
    /// whole entry that only lacks the newline (an edited file) gets one.
    pub fn open(path: &Path) -> io::Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(path)?;
        let len = file.metadata()?.len();
        if len > 0 {
            file.seek(SeekFrom::Start(len - 1))?;
            let mut last = [0u8; 1];
            file.read_exact(&mut last)?;
            if last[0] != b'\n' {
                let start = last_line_start(&mut file, len)?;
                file.seek(SeekFrom::Start(start))?;
                let mut tail = Vec::new();
                file.read_to_end(&mut tail)?;
                if serde_json::from_slice::<Entry>(&tail).is_ok() {
                    file.write_all(b"\n")?;
                } else {
                    file.set_len(start)?;
                }
            }
        }
        Ok(Writer {
            path: path.to_path_buf(),
            inner: Mutex::new(Inner {
                file,
                last_sync: Instant::now(),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one line: one `write` of the whole line, then a sync if the last was a while ago.
    pub fn append(&self, entry: &Entry) -> io::Result<()> {
        let mut line = serde_json::to_vec(entry).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.file.write_all(&line)?;
        if inner.last_sync.elapsed() >= SYNC_EVERY {
            inner.file.sync_data()?;
            inner.last_sync = Instant::now();
        }
        Ok(())
    }

    /// Force everything written to disk (end of the run).
    pub fn sync(&self) -> io::Result<()> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.file.sync_data()
    }
}

/// Where the last line of a file of `len` bytes starts: just after its last newline, found by
/// reading backwards in blocks, or 0.
fn last_line_start(file: &mut File, len: u64) -> io::Result<u64> {
    let mut end = len;
    let mut block = vec![0u8; 8 * 1024];
    while end > 0 {
        let start = end.saturating_sub(block.len() as u64);
        let chunk = &mut block[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
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

pub fn now() -> String {
    jiff::Timestamp::now().to_string()
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
            time: now(),
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
    fn a_torn_last_line_is_ignored_and_closed_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ndjson");
        let writer = Writer::open(&path).unwrap();
        writer
            .append(&entry("a.png", "aa", None, Status::Uploaded))
            .unwrap();
        writer
            .append(&entry("b.png", "bb", Some("b"), Status::Skipped))
            .unwrap();
        drop(writer);
        // A kill in the middle of a write.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"path":"c.png","si"#).unwrap();
        drop(f);

        let record = Record::read(&path).unwrap();
        assert_eq!(record.len(), 2);
        assert!(record.torn_last_line);

        let writer = Writer::open(&path).unwrap();
        writer
            .append(&entry("c.png", "cc", None, Status::Uploaded))
            .unwrap();
        writer.sync().unwrap();
        // The torn line was cut off, so it does not stand in the middle now.
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.ends_with("}\n"), "{text}");
        let record = Record::read(&path).unwrap();
        assert_eq!(record.len(), 3);
        assert!(!record.torn_last_line);
        assert!(matches!(
            record.verdict("c.png", "cc", None),
            Verdict::Done(_)
        ));
    }

    #[test]
    fn a_whole_last_line_without_its_newline_is_kept_and_closed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ndjson");
        let a = serde_json::to_string(&entry("a.png", "aa", None, Status::Uploaded)).unwrap();
        let b = serde_json::to_string(&entry("b.png", "bb", None, Status::Uploaded)).unwrap();
        std::fs::write(&path, format!("{a}\n{b}")).unwrap();
        let record = Record::read(&path).unwrap();
        assert_eq!((record.len(), record.torn_last_line), (2, false));
        let writer = Writer::open(&path).unwrap();
        writer
            .append(&entry("c.png", "cc", None, Status::Uploaded))
            .unwrap();
        drop(writer);
        let record = Record::read(&path).unwrap();
        assert_eq!((record.len(), record.torn_last_line), (3, false));
        // A file that is one torn line is cut to nothing.
        std::fs::write(&path, r#"{"path":"#).unwrap();
        drop(Writer::open(&path).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn a_bad_line_anywhere_but_the_torn_end_is_an_error_naming_it() {
        let good = serde_json::to_string(&entry("a.png", "aa", None, Status::Uploaded)).unwrap();
        for (text, line, why) in [
            (format!("{good}\ngarbage\n{good}\n"), 2, "it is not JSON"),
            (format!("{good}\n\n{{\"path\":\"x\"\n"), 3, "it is not JSON"),
            (format!("{{\"path\":\"x\"}}\n{good}\n"), 1, "missing field"),
            (format!("{good}\n[1,2]\n"), 2, "does not fit"),
            // A bad last line that has its newline was written whole: not torn.
            (format!("{good}\nnot json\n"), 2, "it is not JSON"),
        ] {
            match Record::from_reader(text.as_bytes()) {
                Err(ReadError::NotAnEntry { line: l, why: w }) => {
                    assert_eq!(l, line, "{text}");
                    assert!(w.contains(why), "{text}: {w}");
                    assert!(!w.contains("column"), "{w}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ndjson");
        std::fs::write(&path, format!("{good}\ngarbage\n")).unwrap();
        let err = Record::read(&path).unwrap_err();
        assert_eq!(
            err.message,
            format!(
                "the manifest {} cannot be used: line 2 is not a manifest entry: it is not JSON; nothing was sent",
                path.display()
            )
        );
        assert!(err.hint.unwrap().contains("fix or delete line 2"));
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
