//! `images sync --manifest FILE`: a cache of content hashes, so a re-run on the same machine
//! hashes only the files whose size or modification time changed. It is never a record of what
//! is in the account (the account's own metadata is), so a missing, stale or deleted cache
//! costs hashing time and nothing else. One JSON line per file; rewritten whole (temp file and
//! rename) after each run's hashing, so a killed run leaves the old cache or the new one.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// What the cache knows of one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The path below the directory, `/`-separated.
    pub path: String,
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
}

/// A file's size and modification time: what must both be unchanged for a cached hash to be
/// trusted. `None` when the time cannot be read (the file is hashed).
pub fn stamp(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), u64::try_from(mtime.as_nanos()).ok()?))
}

#[derive(Debug, Default)]
pub struct Cache {
    lines: HashMap<String, Line>,
}

impl Cache {
    /// Read the cache at `path`; a missing file is an empty cache. A line that cannot be read
    /// (a torn last line) is left out: its file is hashed again.
    pub fn read(path: &Path) -> Result<Cache, CliError> {
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Cache::default()),
            Err(e) => {
                return Err(CliError::failed(format!(
                    "cannot read the manifest {}: {e}; nothing was sent",
                    path.display()
                )));
            }
        };
        let mut lines = HashMap::new();
        for line in BufReader::new(file).lines() {
            let line = line.map_err(|e| {
                CliError::failed(format!(
                    "cannot read the manifest {}: {e}; nothing was sent",
                    path.display()
                ))
            })?;
            if let Ok(entry) = serde_json::from_str::<Line>(&line) {
                lines.insert(entry.path.clone(), entry);
            }
        }
        Ok(Cache { lines })
    }

    /// The cached hash of the file at `relative`, when its size and time are as recorded.
    pub fn hash(&self, relative: &str, stamp: Option<(u64, u64)>) -> Option<&str> {
        let (size, mtime_ns) = stamp?;
        self.lines
            .get(relative)
            .filter(|l| l.size == size && l.mtime_ns == mtime_ns)
            .map(|l| l.sha256.as_str())
    }
}

/// Replace the cache at `path` with `lines`: written beside it, then renamed over it.
pub fn write(path: &Path, lines: &[Line]) -> Result<(), CliError> {
    let failed = |e: std::io::Error| {
        CliError::failed(format!("cannot write the manifest {}: {e}", path.display()))
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        for line in lines {
            let text = serde_json::to_string(line).map_err(|e| failed(std::io::Error::other(e)))?;
            writeln!(out, "{text}").map_err(failed)?;
        }
        out.flush().map_err(failed)?;
    }
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_trusted_only_for_the_same_size_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hashes.ndjson");
        assert!(
            Cache::read(&path)
                .unwrap()
                .hash("a.png", Some((1, 2)))
                .is_none()
        );
        let line = Line {
            path: "a.png".into(),
            size: 10,
            mtime_ns: 20,
            sha256: "ff".into(),
        };
        write(&path, std::slice::from_ref(&line)).unwrap();
        // A torn line after it is ignored.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"path\":\"b.p")
            .unwrap();
        let cache = Cache::read(&path).unwrap();
        assert_eq!(cache.hash("a.png", Some((10, 20))), Some("ff"));
        assert_eq!(cache.hash("a.png", Some((10, 21))), None);
        assert_eq!(cache.hash("a.png", Some((11, 20))), None);
        assert_eq!(cache.hash("a.png", None), None);
        assert_eq!(cache.hash("b.png", Some((10, 20))), None);
    }
}
