//! A job's `--manifest` file: an append-only NDJSON journal of what the job did, one line per
//! item as it finishes (and, for jobs that want one, a line as it starts), and what a re-run
//! learns from it. Every bulk job keeps its manifest here; each job only says what a line holds
//! (its entry type) and which item a line is about (its key).
//!
//! Each line is written whole with one `write` on a file opened for appending, straight after
//! the item finished, so a process killed at any moment leaves every finished line intact (at
//! worst a torn last line, which reading ignores and the next run's writer cuts off). Any other
//! line that is not an entry is an error: the file was edited or is not a manifest, and
//! guessing around it could do again what was done. The data is also synced to disk now and
//! then, so a machine that goes down loses at most the last second or so.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::CliError;

/// A line of a journal: which item it is about. The last line for a key wins.
pub trait Keyed {
    fn key(&self) -> &str;
}

/// The lines of an existing journal, by key; the last line for a key wins.
#[derive(Debug)]
pub struct Record<E> {
    by_key: HashMap<String, E>,
    /// The last line has no newline and is not an entry: a run was killed while writing it.
    pub torn_last_line: bool,
}

impl<E> Default for Record<E> {
    fn default() -> Self {
        Record {
            by_key: HashMap::new(),
            torn_last_line: false,
        }
    }
}

/// Why a journal could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A whole line (one with its newline) that is not an entry.
    #[error("line {line} is not a manifest entry: {why}")]
    NotAnEntry { line: usize, why: String },
}

impl<E: Keyed + DeserializeOwned> Record<E> {
    /// Read a journal; a missing file is an empty record. `nothing_done` ends the error about
    /// a bad line (`nothing was sent`, `nothing was deleted`), since the run stops there.
    pub fn read(path: &Path, nothing_done: &str) -> Result<Record<E>, CliError> {
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
                "the manifest {shown} cannot be used: {e}; {nothing_done}"
            ))
            .with_hint(format!(
                "cfimg writes one JSON object a line there: fix or delete line {line} of {shown}, or move the file away to start a new manifest"
            )),
        })
    }

    /// The entries of an open journal. Blank lines are skipped, and so is a last line that
    /// lacks its newline and is not an entry: the torn end of a killed run.
    pub fn from_reader(mut reader: impl BufRead) -> Result<Record<E>, ReadError> {
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
            match serde_json::from_slice::<E>(&line) {
                Ok(entry) => {
                    record.by_key.insert(entry.key().to_string(), entry);
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
}

impl<E> Record<E> {
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// The last line about `key`.
    pub fn get(&self, key: &str) -> Option<&E> {
        self.by_key.get(key)
    }

    /// Every item's last line, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &E> {
        self.by_key.values()
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

/// A journal, open for appending; shared by all workers.
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
/// machine can lose without paying for a sync per item.
const SYNC_EVERY: Duration = Duration::from_secs(1);

impl Writer {
    /// Open (or create) for appending. A last line without its newline is settled first, so
    /// the next line starts clean: a torn line left by a killed run is cut off (it recorded
    /// nothing whole, and kept, it would become a bad line in the middle of the file), and a
    /// whole JSON object that only lacks the newline (an edited file) gets one.
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
                let whole =
                    serde_json::from_slice::<serde_json::Value>(&tail).is_ok_and(|v| v.is_object());
                if whole {
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

    /// Open `path` for a run, as an error the user can act on when it cannot be.
    pub fn open_for_run(path: &Path) -> Result<Writer, CliError> {
        Writer::open(path).map_err(|e| {
            CliError::failed(format!("cannot open the manifest {}: {e}", path.display()))
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one line, stamped with the time it is written (`"time"`, RFC 3339, after the
    /// entry's own fields): one `write` of the whole line, then a sync if the last was a while
    /// ago.
    pub fn append<E: Serialize>(&self, entry: &E) -> io::Result<()> {
        let stamped = Stamped {
            entry,
            time: jiff::Timestamp::now().to_string(),
        };
        let mut line = serde_json::to_vec(&stamped).map_err(io::Error::other)?;
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

/// A line as written: the job's entry, and when.
#[derive(Serialize)]
struct Stamped<'a, E> {
    #[serde(flatten)]
    entry: &'a E,
    time: String,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Line {
        key: String,
        n: u32,
    }

    impl Keyed for Line {
        fn key(&self) -> &str {
            &self.key
        }
    }

    fn line(key: &str, n: u32) -> Line {
        Line { key: key.into(), n }
    }

    #[test]
    fn a_torn_last_line_is_ignored_and_closed_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ndjson");
        let writer = Writer::open(&path).unwrap();
        writer.append(&line("a", 1)).unwrap();
        writer.append(&line("b", 2)).unwrap();
        drop(writer);
        // A kill in the middle of a write.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"key":"c","n"#).unwrap();
        drop(f);

        let record = Record::<Line>::read(&path, "nothing was sent").unwrap();
        assert_eq!(record.len(), 2);
        assert!(record.torn_last_line);

        let writer = Writer::open(&path).unwrap();
        writer.append(&line("c", 3)).unwrap();
        writer.sync().unwrap();
        // The torn line was cut off, so it does not stand in the middle now.
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.ends_with("}\n"), "{text}");
        let record = Record::<Line>::read(&path, "nothing was sent").unwrap();
        assert_eq!(record.len(), 3);
        assert!(!record.torn_last_line);
        assert_eq!(record.get("c"), Some(&line("c", 3)));
        // Every line says when it was written, after the entry's own fields.
        let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
        assert_eq!((&last["key"], &last["n"]), (&"c".into(), &3.into()));
        assert!(
            last["time"]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .is_ok()
        );
        assert!(text.lines().last().unwrap().ends_with("\"}"), "{text}");
    }

    #[test]
    fn a_whole_last_line_without_its_newline_is_kept_and_closed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ndjson");
        let a = serde_json::to_string(&line("a", 1)).unwrap();
        let b = serde_json::to_string(&line("b", 2)).unwrap();
        std::fs::write(&path, format!("{a}\n{b}")).unwrap();
        let record = Record::<Line>::read(&path, "nothing was sent").unwrap();
        assert_eq!((record.len(), record.torn_last_line), (2, false));
        let writer = Writer::open(&path).unwrap();
        writer.append(&line("c", 3)).unwrap();
        drop(writer);
        let record = Record::<Line>::read(&path, "nothing was sent").unwrap();
        assert_eq!((record.len(), record.torn_last_line), (3, false));
        // A file that is one torn line is cut to nothing.
        std::fs::write(&path, r#"{"key":"#).unwrap();
        drop(Writer::open(&path).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn the_last_line_for_a_key_wins() {
        let text = "{\"key\":\"a\",\"n\":1}\n{\"key\":\"b\",\"n\":2}\n{\"key\":\"a\",\"n\":3}\n";
        let record = Record::<Line>::from_reader(text.as_bytes()).unwrap();
        assert_eq!(record.get("a"), Some(&line("a", 3)));
        assert_eq!(record.get("b"), Some(&line("b", 2)));
        assert_eq!(record.get("c"), None);
        assert_eq!(record.entries().count(), 2);
    }

    #[test]
    fn a_bad_line_anywhere_but_the_torn_end_is_an_error_naming_it() {
        let good = serde_json::to_string(&line("a", 1)).unwrap();
        for (text, line, why) in [
            (format!("{good}\ngarbage\n{good}\n"), 2, "it is not JSON"),
            (format!("{good}\n\n{{\"key\":\"x\"\n"), 3, "it is not JSON"),
            (format!("{{\"key\":\"x\"}}\n{good}\n"), 1, "missing field"),
            (format!("{good}\n[1,2]\n"), 2, "does not fit"),
            // A bad last line that has its newline was written whole: not torn.
            (format!("{good}\nnot json\n"), 2, "it is not JSON"),
        ] {
            match Record::<Line>::from_reader(text.as_bytes()) {
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
        let err = Record::<Line>::read(&path, "nothing was deleted").unwrap_err();
        assert_eq!(
            err.message,
            format!(
                "the manifest {} cannot be used: line 2 is not a manifest entry: it is not JSON; nothing was deleted",
                path.display()
            )
        );
        assert!(err.hint.unwrap().contains("fix or delete line 2"));
    }
}
