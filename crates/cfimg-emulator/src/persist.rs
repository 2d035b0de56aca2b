//! The on-disk layout of a data directory, with atomic writes (temp file + rename).
//!
//! ```text
//! DIR/accounts/<account id>/variants.json
//! DIR/accounts/<account id>/keys.json
//! DIR/accounts/<account id>/config.json                 flexible variants, browser TTL
//! DIR/accounts/<account id>/images/<storage key>.json   one image or draft record
//! DIR/accounts/<account id>/blobs/<storage key>         the original bytes
//! ```
//!
//! One small file per image keeps each write proportional to the change, not to the account.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::{AccountSettings, ImageRecord, SigningKey, Variant};

/// One account as found on disk.
pub struct LoadedAccount {
    pub account_id: String,
    pub variants: Option<BTreeMap<String, Variant>>,
    pub keys: Option<Vec<SigningKey>>,
    pub settings: Option<AccountSettings>,
    pub images: Vec<ImageRecord>,
}

#[derive(Debug, Clone)]
pub struct Persist {
    root: PathBuf,
}

impl Persist {
    pub fn new(root: PathBuf) -> io::Result<Self> {
        fs::create_dir_all(root.join("accounts"))?;
        Ok(Self { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn account_dir(&self, account_id: &str) -> PathBuf {
        self.root.join("accounts").join(account_id)
    }

    pub fn blob_path(&self, account_id: &str, key: &str) -> PathBuf {
        self.account_dir(account_id).join("blobs").join(key)
    }

    fn record_path(&self, account_id: &str, key: &str) -> PathBuf {
        self.account_dir(account_id)
            .join("images")
            .join(format!("{key}.json"))
    }

    pub fn write_blob(&self, account_id: &str, key: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let path = self.blob_path(account_id, key);
        atomic_write(&path, bytes)?;
        Ok(path)
    }

    pub fn remove_blob(&self, account_id: &str, key: &str) {
        // A blob already gone is what we wanted anyway.
        let _ = fs::remove_file(self.blob_path(account_id, key));
    }

    pub fn write_record(&self, account_id: &str, rec: &ImageRecord) -> io::Result<()> {
        let json = serde_json::to_vec(rec).map_err(io::Error::other)?;
        atomic_write(&self.record_path(account_id, &rec.key), &json)
    }

    pub fn remove_record(&self, account_id: &str, key: &str) {
        let _ = fs::remove_file(self.record_path(account_id, key));
    }

    pub fn write_variants(
        &self,
        account_id: &str,
        variants: &BTreeMap<String, Variant>,
    ) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(variants).map_err(io::Error::other)?;
        atomic_write(&self.account_dir(account_id).join("variants.json"), &json)
    }

    pub fn write_keys(&self, account_id: &str, keys: &[SigningKey]) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(keys).map_err(io::Error::other)?;
        atomic_write(&self.account_dir(account_id).join("keys.json"), &json)
    }

    pub fn write_settings(&self, account_id: &str, settings: &AccountSettings) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(settings).map_err(io::Error::other)?;
        atomic_write(&self.account_dir(account_id).join("config.json"), &json)
    }

    /// Everything under the data directory. Unreadable records are an error rather than
    /// silently skipped: losing images quietly would be worse than refusing to start.
    pub fn load(&self) -> io::Result<Vec<LoadedAccount>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(self.root.join("accounts"))? {
            let entry = entry?;
            if !entry.file_type()?.is_dir() {
                continue;
            }
            let account_id = entry.file_name().to_string_lossy().into_owned();
            let dir = entry.path();
            let variants = read_json_opt(&dir.join("variants.json"))?;
            let keys = read_json_opt(&dir.join("keys.json"))?;
            let settings = read_json_opt(&dir.join("config.json"))?;
            let mut images = Vec::new();
            let images_dir = dir.join("images");
            if images_dir.is_dir() {
                for file in fs::read_dir(&images_dir)? {
                    let path = file?.path();
                    // Leftover temp files of an interrupted write are not records.
                    if path.extension().and_then(|e| e.to_str()) != Some("json") {
                        continue;
                    }
                    let bytes = fs::read(&path)?;
                    let rec: ImageRecord = serde_json::from_slice(&bytes).map_err(|e| {
                        io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("{}: {e}", path.display()),
                        )
                    })?;
                    images.push(rec);
                }
            }
            out.push(LoadedAccount {
                account_id,
                variants,
                keys,
                settings,
                images,
            });
        }
        Ok(out)
    }
}

fn read_json_opt<T: serde::de::DeserializeOwned>(path: &Path) -> io::Result<Option<T>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Write to a temp file in the same directory, then rename over the target, so a reader (or a
/// restart after a crash) sees the old file or the new one, never half of one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.json");
        atomic_write(&path, b"first version").unwrap();
        atomic_write(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        // No temp files left behind.
        assert_eq!(fs::read_dir(dir.path().join("a")).unwrap().count(), 1);
    }
}
