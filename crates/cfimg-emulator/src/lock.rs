//! One emulator at a time per data directory: an exclusive advisory lock on `DIR/lock`, held
//! from before the directory is read until the emulator stops, and a note of who holds it
//! (`DIR/lock.holder`) so that whoever waits can say for whom.
//!
//! The store keeps the directory's contents in memory and writes through, so two emulators on
//! one directory would each miss the other's writes (and hand out the same sequence numbers,
//! which hides images from listings). With the lock, a second `--local` command waits until
//! the first has finished, then reads everything it wrote. An emulator that serves (`cfimg
//! emulator --data-dir`) holds the lock until it is stopped, so nobody waits for it: they are
//! refused at once with its address, where the same data can be reached.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows): it is
//! released when the process ends, however it ends, so a crash never leaves it stuck.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// How often a waiter tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(50);
/// How long a waiter waits in silence before it says whom it waits for: long enough that a
/// short command ahead of it finishes unnoticed.
const NOTE_AFTER: Duration = Duration::from_millis(500);

/// Who holds a data directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    /// The API base URL, when the holder is an emulator serving others (`cfimg emulator`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
}

/// The data directory is served by another emulator, which holds it until it is stopped.
#[derive(Debug, thiserror::Error)]
#[error("the data directory {} is in use by `cfimg emulator` (pid {}), serving {}", .dir.display(), .holder.pid, .api_url)]
pub struct DataDirServed {
    pub dir: PathBuf,
    pub holder: Holder,
    pub api_url: String,
}

/// The lock on a data directory; dropping it lets the next one in.
#[derive(Debug)]
pub struct DataDirLock {
    // Held for its lock, which the operating system releases when the file is closed.
    _file: File,
    holder_path: PathBuf,
}

impl DataDirLock {
    /// Takes the lock on `dir` (created if missing), waiting while another emulator without
    /// an address (a `--local` command) holds it; `waiting` hears once, after a short wait,
    /// who that is (`None` when it did not say). Refuses at once when the holder serves.
    pub fn acquire(dir: &Path, mut waiting: impl FnMut(Option<&Holder>)) -> anyhow::Result<Self> {
        fs::create_dir_all(dir).map_err(|e| cannot_use(dir, e))?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("lock"))
            .map_err(|e| cannot_use(dir, e))?;
        let holder_path = dir.join("lock.holder");
        let started = Instant::now();
        let mut told = false;
        loop {
            // std's file locks (stable since Rust 1.89, the workspace's rust-version).
            let attempt = file.try_lock();
            match attempt {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(cannot_use(dir, e)),
            }
            let holder = read_holder(&holder_path);
            if let Some(holder) = holder.clone()
                && let Some(api_url) = holder.api_url.clone()
            {
                return Err(DataDirServed {
                    dir: dir.to_path_buf(),
                    holder,
                    api_url,
                }
                .into());
            }
            if !told && started.elapsed() >= NOTE_AFTER {
                waiting(holder.as_ref());
                told = true;
            }
            std::thread::sleep(RETRY_EVERY);
        }
        let lock = DataDirLock {
            _file: file,
            holder_path,
        };
        lock.write_holder(None).map_err(|e| cannot_use(dir, e))?;
        Ok(lock)
    }

    /// Tells later comers that this emulator serves the directory at `api_url`, so they go
    /// there instead of waiting for it to stop.
    pub fn announce_serving(&self, api_url: &str) -> io::Result<()> {
        self.write_holder(Some(api_url))
    }

    fn write_holder(&self, api_url: Option<&str>) -> io::Result<()> {
        let holder = Holder {
            pid: std::process::id(),
            api_url: api_url.map(str::to_string),
        };
        let json = serde_json::to_vec(&holder).map_err(io::Error::other)?;
        crate::persist::atomic_write(&self.holder_path, &json)
    }
}

impl Drop for DataDirLock {
    fn drop(&mut self) {
        // Before the lock goes (with the file, after this): nobody is left named as holder.
        let _ = fs::remove_file(&self.holder_path);
    }
}

/// Who holds the lock, if they said and the note is readable (it may be mid-replacement).
fn read_holder(path: &Path) -> Option<Holder> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

fn cannot_use(dir: &Path, e: io::Error) -> anyhow::Error {
    anyhow::anyhow!("cannot use data directory {}: {e}", dir.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first_and_hears_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataDirLock::acquire(dir.path(), |_| panic!("free")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let path = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            DataDirLock::acquire(&path, |holder| tx.send(holder.cloned()).unwrap())
        });
        // The waiter says whom it waits for, and keeps waiting until the first lets go.
        let holder = rx.recv().unwrap();
        assert_eq!(holder.map(|h| h.pid), Some(std::process::id()));
        assert!(!waiter.is_finished());
        drop(first);
        let second = waiter.join().unwrap().unwrap();
        drop(second);
        assert!(!dir.path().join("lock.holder").exists());
    }

    #[test]
    fn a_serving_holder_is_refused_at_once_with_its_address() {
        let dir = tempfile::tempdir().unwrap();
        let serving = DataDirLock::acquire(dir.path(), |_| panic!("free")).unwrap();
        serving
            .announce_serving("http://127.0.0.1:8787/client/v4")
            .unwrap();
        let err =
            DataDirLock::acquire(dir.path(), |_| panic!("no waiting for a server")).unwrap_err();
        let served = err.downcast_ref::<DataDirServed>().unwrap();
        assert_eq!(served.api_url, "http://127.0.0.1:8787/client/v4");
        assert!(err.to_string().contains("cfimg emulator"), "{err}");
    }
}
