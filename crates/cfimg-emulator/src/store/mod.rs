//! The emulator's data: accounts with their images, drafts, variants, signing keys, and the
//! batch tokens. Kept in memory, written through to a [`Persist`] directory when there is one.
//!
//! Images are ordered by a sequence number given at upload (upload times are made
//! non-decreasing, so this is also upload-time order). Listings page by that number, which is
//! why they never skip or repeat an image while others are added or removed.
//!
//! The store speaks in [`StoreError`]s, never in HTTP: what a refusal looks like on the wire
//! (status, Cloudflare code, message) is decided in one place, `envelope`.

mod batch_tokens;
mod images;
mod keys;
mod settings;
mod variants;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use axum::body::Bytes;
use jiff::Timestamp;

use crate::model::{AccountSettings, ImageRecord, SigningKey, Variant, account_hash};
use crate::persist::Persist;

pub use images::{ImagePatch, ListFilter, NewImage, NewRecord, Original};
pub use variants::MAX_VARIANTS;

/// Why the store refused a change or a lookup. Each has one answer on the wire, given by
/// `envelope` (`From<StoreError> for Refusal`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("an image with this custom id is already stored")]
    ImageExists,
    #[error("no such image")]
    ImageNotFound,
    #[error("the upload URL was already used, has expired, or was never issued")]
    UploadUrlGone,
    #[error("an image with a custom id cannot require signed URLs")]
    CustomIdCannotBePrivate,
    #[error("variant {0} already exists")]
    VariantExists(String),
    #[error("the account already has the most variants allowed ({MAX_VARIANTS})")]
    TooManyVariants,
    #[error("no such variant")]
    VariantNotFound,
    #[error("no signing key named {0}")]
    KeyNotFound(String),
    #[error("no such batch token")]
    UnknownBatchToken,
    #[error("the batch token has expired")]
    ExpiredBatchToken,
    #[error("storage failed: {0}")]
    Storage(#[from] std::io::Error),
}

/// Where an image's bytes are.
#[derive(Clone, Debug)]
pub enum Blob {
    Memory(Bytes),
    Disk(PathBuf),
}

impl Blob {
    pub async fn read(&self) -> Result<Bytes, StoreError> {
        match self {
            Blob::Memory(b) => Ok(b.clone()),
            Blob::Disk(p) => Ok(tokio::fs::read(p).await.map(Bytes::from)?),
        }
    }
}

struct Stored {
    rec: ImageRecord,
    blob: Blob,
}

struct Account {
    hash: String,
    images: BTreeMap<u64, Stored>,
    by_id: HashMap<String, u64>,
    drafts: HashMap<String, ImageRecord>,
    variants: BTreeMap<String, Variant>,
    keys: Vec<SigningKey>,
    settings: AccountSettings,
}

impl Account {
    fn new(account_id: &str) -> Self {
        let mut variants = BTreeMap::new();
        variants.insert("public".to_string(), Variant::public());
        Account {
            hash: account_hash(account_id),
            images: BTreeMap::new(),
            by_id: HashMap::new(),
            drafts: HashMap::new(),
            variants,
            keys: vec![SigningKey::generate("default")],
            settings: AccountSettings::default(),
        }
    }

    /// Keep a stored image, findable by id and listed in upload order.
    fn add(&mut self, rec: ImageRecord, blob: Blob) {
        self.by_id.insert(rec.id.clone(), rec.seq);
        self.images.insert(rec.seq, Stored { rec, blob });
    }

    fn id_taken(&self, id: &str) -> bool {
        self.by_id.contains_key(id) || self.drafts.contains_key(id)
    }

    /// Drops drafts whose upload window has passed: the API forgets them, so do we.
    fn expire_drafts(&mut self, now: Timestamp, persist: Option<&Persist>, account_id: &str) {
        let expired: Vec<String> = self
            .drafts
            .iter()
            .filter(|(_, d)| d.draft_expiry.is_some_and(|e| e <= now))
            .map(|(id, _)| id.clone())
            .collect();
        for id in expired {
            if let Some(d) = self.drafts.remove(&id)
                && let Some(p) = persist
            {
                p.remove_record(account_id, &d.key);
            }
        }
    }
}

struct Inner {
    accounts: HashMap<String, Account>,
    by_hash: HashMap<String, String>,
    next_seq: u64,
    last_uploaded: Timestamp,
    rng: fastrand::Rng,
    batch_tokens: HashMap<String, (String, Timestamp)>,
}

impl Inner {
    /// The account, created with its defaults on first use (and written out, so the default
    /// signing key survives a restart and signed URLs stay valid).
    fn account(&mut self, account_id: &str, persist: Option<&Persist>) -> &mut Account {
        if !self.accounts.contains_key(account_id) {
            let acct = Account::new(account_id);
            if let Some(p) = persist {
                // Best effort: a failure here surfaces on the next write that matters.
                let _ = p.write_variants(account_id, &acct.variants);
                let _ = p.write_keys(account_id, &acct.keys);
            }
            self.by_hash
                .insert(acct.hash.clone(), account_id.to_string());
            self.accounts.insert(account_id.to_string(), acct);
        }
        self.accounts.get_mut(account_id).expect("inserted above")
    }

    fn next_upload(&mut self, now: Timestamp) -> (u64, Timestamp) {
        let seq = self.next_seq;
        self.next_seq += 1;
        if now > self.last_uploaded {
            self.last_uploaded = now;
        }
        (seq, self.last_uploaded)
    }
}

pub struct Store {
    inner: Mutex<Inner>,
    persist: Option<Persist>,
}

impl Store {
    /// An empty store, or the contents of `data_dir`.
    pub fn open(data_dir: Option<PathBuf>) -> anyhow::Result<Self> {
        let mut inner = Inner {
            accounts: HashMap::new(),
            by_hash: HashMap::new(),
            next_seq: 1,
            last_uploaded: Timestamp::UNIX_EPOCH,
            rng: fastrand::Rng::new(),
            batch_tokens: HashMap::new(),
        };
        let persist = match data_dir {
            None => None,
            Some(dir) => {
                let p = Persist::new(dir.clone()).map_err(|e| {
                    anyhow::anyhow!("cannot use data directory {}: {e}", dir.display())
                })?;
                let loaded = p.load()?;
                // Sequence numbers go on after the highest stored, whatever account it is in.
                for rec in loaded.iter().flat_map(|a| &a.images) {
                    inner.next_seq = inner.next_seq.max(rec.seq + 1);
                    if rec.uploaded > inner.last_uploaded {
                        inner.last_uploaded = rec.uploaded;
                    }
                }
                for loaded in loaded {
                    let id = loaded.account_id.clone();
                    let mut acct = Account::new(&id);
                    if let Some(v) = loaded.variants {
                        acct.variants = v;
                    }
                    if let Some(k) = loaded.keys {
                        acct.keys = k;
                    }
                    if let Some(s) = loaded.settings {
                        acct.settings = s;
                    }
                    let mut images = loaded.images;
                    // Oldest first, so of two records that claim one number or one id (left by
                    // two emulators that once wrote one directory at the same time, before it
                    // was locked) the first keeps it.
                    images.sort_by(|a, b| {
                        (a.seq, a.uploaded, &a.key).cmp(&(b.seq, b.uploaded, &b.key))
                    });
                    for mut rec in images {
                        if rec.draft_expiry.is_some() {
                            acct.drafts.insert(rec.id.clone(), rec);
                            continue;
                        }
                        let path = p.blob_path(&id, &rec.key);
                        // A record without its bytes (e.g. an edited preloaded image,
                        // whose bytes were never on disk) cannot be served: leave it out.
                        // So is a second image with a taken id: the API has one per id.
                        if !path.is_file() || acct.by_id.contains_key(&rec.id) {
                            continue;
                        }
                        if acct.images.contains_key(&rec.seq) {
                            // Listed under its own number, it would hide the other image.
                            rec.seq = inner.next_seq;
                            inner.next_seq += 1;
                            p.write_record(&id, &rec).map_err(|e| {
                                anyhow::anyhow!("cannot use data directory {}: {e}", dir.display())
                            })?;
                        }
                        acct.add(rec, Blob::Disk(path));
                    }
                    inner.by_hash.insert(acct.hash.clone(), id.clone());
                    inner.accounts.insert(id, acct);
                }
                Some(p)
            }
        };
        Ok(Store {
            inner: Mutex::new(inner),
            persist,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; keep serving it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The data under the lock, with the directory it is written through to, if any.
    fn lock_with_persist(&self) -> (MutexGuard<'_, Inner>, Option<&Persist>) {
        (self.lock(), self.persist.as_ref())
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.persist.as_ref().map(|p| p.root())
    }
}
