//! Images and direct-upload drafts: storing, finding, changing, deleting and listing them.

use std::ops::Bound;
use std::time::Duration;

use axum::body::Bytes;
use jiff::Timestamp;
use serde_json::Value;

use super::{Account, Blob, Inner, Store, StoreError, Stored};
use crate::model::{ImageRecord, Meta, new_uuid};
use crate::persist::Persist;

/// Which images a listing wants.
pub struct ListFilter<'a> {
    /// `Some("")` selects images without a creator.
    pub creator: Option<&'a str>,
    pub meta: &'a dyn Fn(Option<&Meta>) -> bool,
}

impl ListFilter<'_> {
    fn matches(&self, rec: &ImageRecord) -> bool {
        let creator_ok = match self.creator {
            None => true,
            Some("") => rec.creator.is_none(),
            Some(c) => rec.creator.as_deref() == Some(c),
        };
        creator_ok && (self.meta)(rec.meta.as_ref())
    }
}

/// The fields of a new image or draft, as validated from a request.
#[derive(Clone, Debug, Default)]
pub struct NewImage {
    pub custom_id: Option<String>,
    pub filename: String,
    pub meta: Option<Meta>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
}

/// A record to create: an uploaded image, or a direct-upload draft, whose upload URL takes
/// the file until `expiry`.
#[derive(Clone, Debug)]
pub enum NewRecord {
    Image { image: NewImage, original: Original },
    Draft { image: NewImage, expiry: Timestamp },
}

/// An image's original bytes, with the content type their format gives.
#[derive(Clone, Debug)]
pub struct Original {
    pub bytes: Bytes,
    pub content_type: &'static str,
}

/// A PATCH of an image.
#[derive(Debug, Default)]
pub struct ImagePatch {
    pub meta: Option<Meta>,
    pub require_signed_urls: Option<bool>,
    pub creator: Option<String>,
}

impl Inner {
    /// The account as it is at `now`: drafts whose upload window has passed are gone.
    fn current_account(
        &mut self,
        account_id: &str,
        now: Timestamp,
        persist: Option<&Persist>,
    ) -> &mut Account {
        let acct = self.account(account_id, persist);
        acct.expire_drafts(now, persist, account_id);
        acct
    }

    /// What every new image or draft passes first: expired drafts give their ids back, then a
    /// custom id must be free.
    fn check_new_id(
        &mut self,
        account_id: &str,
        new: &NewImage,
        now: Timestamp,
        persist: Option<&Persist>,
    ) -> Result<(), StoreError> {
        let acct = self.current_account(account_id, now, persist);
        match &new.custom_id {
            Some(id) if acct.id_taken(id) => Err(StoreError::ImageExists),
            _ => Ok(()),
        }
    }
}

impl Store {
    /// Creates `count` small images sharing one blob, in memory only (never written to the data
    /// directory: they are benchmark filler, made again at each start).
    pub fn preload(&self, account_id: &str, count: usize, bytes: Bytes, content_type: &str) {
        let mut inner = self.lock();
        let start = Timestamp::now();
        let mut rng = fastrand::Rng::new();
        let first_seq = inner.next_seq;
        inner.next_seq += count as u64;
        let acct = inner.account(account_id, self.persist.as_ref());
        for i in 0..count {
            let seq = first_seq + i as u64;
            // Spread upload times one millisecond apart, oldest first.
            let back = Duration::from_millis((count - i) as u64);
            let uploaded = start
                .checked_sub(jiff::SignedDuration::try_from(back).unwrap_or_default())
                .unwrap_or(start);
            let id = new_uuid(&mut rng);
            let rec = ImageRecord {
                key: format!("preload-{seq}"),
                seq,
                id: id.clone(),
                custom_id: false,
                filename: format!("preload-{i}.png"),
                meta: None,
                require_signed_urls: false,
                uploaded,
                creator: None,
                content_type: content_type.to_string(),
                size: bytes.len() as u64,
                draft_expiry: None,
            };
            acct.add(rec, Blob::Memory(bytes.clone()));
        }
        if start > inner.last_uploaded {
            inner.last_uploaded = start;
        }
    }

    pub fn image_count(&self, account_id: &str) -> usize {
        self.lock()
            .accounts
            .get(account_id)
            .map_or(0, |a| a.images.len())
    }

    /// `(id, filename)` of every stored image of an account, in upload order.
    pub fn image_names(&self, account_id: &str) -> Vec<(String, String)> {
        self.lock()
            .accounts
            .get(account_id)
            .map_or(Vec::new(), |a| {
                a.images
                    .values()
                    .map(|s| (s.rec.id.clone(), s.rec.filename.clone()))
                    .collect()
            })
    }

    /// `(account id, stored images)` of every account holding images, by account id.
    pub fn accounts_with_images(&self) -> Vec<(String, usize)> {
        let inner = self.lock();
        let mut out: Vec<(String, usize)> = inner
            .accounts
            .iter()
            .filter(|(_, a)| !a.images.is_empty())
            .map(|(id, a)| (id.clone(), a.images.len()))
            .collect();
        out.sort();
        out
    }

    /// Up to `limit` stored images, newest first, uploaded before the image numbered `before`
    /// (from the newest when `None`); with the number to pass for the next page, if any.
    pub fn newest_images(
        &self,
        account_id: &str,
        before: Option<u64>,
        limit: usize,
    ) -> (Vec<ImageRecord>, Option<u64>) {
        let inner = self.lock();
        let Some(acct) = inner.accounts.get(account_id) else {
            return (Vec::new(), None);
        };
        let mut page: Vec<ImageRecord> = acct
            .images
            .range(..before.unwrap_or(u64::MAX))
            .rev()
            .take(limit + 1)
            .map(|(_, s)| s.rec.clone())
            .collect();
        let more = page.len() > limit;
        page.truncate(limit);
        let next = if more {
            page.last().map(|r| r.seq)
        } else {
            None
        };
        (page, next)
    }

    pub fn account_for_hash(&self, hash: &str) -> Option<String> {
        self.lock().by_hash.get(hash).cloned()
    }

    /// Renders with the account's variant names, under one lock.
    pub fn render(&self, account_id: &str, rec: &ImageRecord, delivery_origin: &str) -> Value {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let base = format!("{delivery_origin}/cdn-cgi/imagedelivery/{}", acct.hash);
        rec.to_json(&base, acct.variants.keys())
    }

    fn new_record(
        inner: &mut Inner,
        new: NewImage,
        content_type: &str,
        size: u64,
        now: Timestamp,
    ) -> ImageRecord {
        let (seq, uploaded) = inner.next_upload(now);
        let custom_id = new.custom_id.is_some();
        let id = new.custom_id.unwrap_or_else(|| new_uuid(&mut inner.rng));
        let key = new_uuid(&mut inner.rng).replace('-', "");
        ImageRecord {
            key,
            seq,
            id,
            custom_id,
            filename: new.filename,
            meta: new.meta,
            require_signed_urls: new.require_signed_urls,
            uploaded,
            creator: new.creator,
            content_type: content_type.to_string(),
            size,
            draft_expiry: None,
        }
    }

    /// Stores a new image or draft; `ImageExists` when its custom id is taken.
    pub fn insert(
        &self,
        account_id: &str,
        new: NewRecord,
        now: Timestamp,
    ) -> Result<ImageRecord, StoreError> {
        let (mut inner, persist) = self.lock_with_persist();
        let (NewRecord::Image { image, .. } | NewRecord::Draft { image, .. }) = &new;
        inner.check_new_id(account_id, image, now, persist)?;
        match new {
            NewRecord::Image { image, original } => {
                let size = original.bytes.len() as u64;
                let rec = Self::new_record(&mut inner, image, original.content_type, size, now);
                let blob = self.store_blob(account_id, &rec, original.bytes)?;
                inner.account(account_id, persist).add(rec.clone(), blob);
                Ok(rec)
            }
            NewRecord::Draft { image, expiry } => {
                let mut rec = Self::new_record(&mut inner, image, "", 0, now);
                rec.draft_expiry = Some(expiry);
                if let Some(p) = persist {
                    p.write_record(account_id, &rec)?;
                }
                inner
                    .account(account_id, persist)
                    .drafts
                    .insert(rec.id.clone(), rec.clone());
                Ok(rec)
            }
        }
    }

    fn store_blob(
        &self,
        account_id: &str,
        rec: &ImageRecord,
        bytes: Bytes,
    ) -> Result<Blob, StoreError> {
        match &self.persist {
            None => Ok(Blob::Memory(bytes)),
            Some(p) => {
                let path = p.write_blob(account_id, &rec.key, &bytes)?;
                if let Err(e) = p.write_record(account_id, rec) {
                    p.remove_blob(account_id, &rec.key);
                    return Err(e.into());
                }
                Ok(Blob::Disk(path))
            }
        }
    }

    /// Turns a draft into an image with the uploaded bytes. A draft is used once: after this,
    /// or after its expiry, its upload URL is gone.
    pub fn fulfill_draft(
        &self,
        account_id: &str,
        id: &str,
        filename: String,
        original: Original,
        now: Timestamp,
    ) -> Result<ImageRecord, StoreError> {
        let (mut inner, persist) = self.lock_with_persist();
        let acct = inner.current_account(account_id, now, persist);
        let Some(mut rec) = acct.drafts.remove(id) else {
            return Err(StoreError::UploadUrlGone);
        };
        let (seq, uploaded) = inner.next_upload(now);
        rec.seq = seq;
        rec.uploaded = uploaded;
        rec.filename = filename;
        rec.content_type = original.content_type.to_string();
        rec.size = original.bytes.len() as u64;
        rec.draft_expiry = None;
        let blob = match self.store_blob(account_id, &rec, original.bytes) {
            Ok(b) => b,
            Err(e) => {
                // Give the draft back so the uploader may try again.
                let mut draft = rec.clone();
                draft.draft_expiry = Some(now + jiff::SignedDuration::from_secs(60));
                inner
                    .account(account_id, persist)
                    .drafts
                    .insert(draft.id.clone(), draft);
                return Err(e);
            }
        };
        inner.account(account_id, persist).add(rec.clone(), blob);
        Ok(rec)
    }

    /// An image or a live draft.
    pub fn get(&self, account_id: &str, id: &str, now: Timestamp) -> Option<ImageRecord> {
        let (mut inner, persist) = self.lock_with_persist();
        let acct = inner.current_account(account_id, now, persist);
        if let Some(seq) = acct.by_id.get(id) {
            return acct.images.get(seq).map(|s| s.rec.clone());
        }
        acct.drafts.get(id).cloned()
    }

    /// A stored (non-draft) image with its bytes' location.
    pub fn get_blob(&self, account_id: &str, id: &str) -> Option<(ImageRecord, Blob)> {
        let inner = self.lock();
        let acct = inner.accounts.get(account_id)?;
        let seq = acct.by_id.get(id)?;
        acct.images
            .get(seq)
            .map(|s| (s.rec.clone(), s.blob.clone()))
    }

    pub fn patch(
        &self,
        account_id: &str,
        id: &str,
        patch: ImagePatch,
        now: Timestamp,
    ) -> Result<ImageRecord, StoreError> {
        let (mut inner, persist) = self.lock_with_persist();
        let acct = inner.current_account(account_id, now, persist);
        let is_draft = acct.drafts.contains_key(id);
        let current = match acct.by_id.get(id).and_then(|s| acct.images.get(s)) {
            Some(s) => s.rec.clone(),
            None if is_draft => acct.drafts[id].clone(),
            None => return Err(StoreError::ImageNotFound),
        };
        let mut rec = current.clone();
        if let Some(meta) = patch.meta {
            // Whether metadata replaces or merges is unconfirmed; the spec's wording ("no
            // change if not specified", else the given object) reads as a replacement.
            rec.meta = Some(meta);
        }
        if let Some(creator) = patch.creator {
            rec.creator = Some(creator);
        }
        if let Some(private) = patch.require_signed_urls
            && private != rec.require_signed_urls
        {
            if rec.custom_id && private {
                return Err(StoreError::CustomIdCannotBePrivate);
            }
            rec.require_signed_urls = private;
            // The spec says a change of access control "Returns a new UID"; whether the id
            // really changes is unconfirmed. We follow the spec for generated ids; custom ids
            // (which can only go from private to public) keep their id.
            // Drafts keep theirs: their upload URL names it.
            if !rec.custom_id && !is_draft {
                let acct = inner.account(account_id, persist);
                let mut rng = fastrand::Rng::new();
                let mut new_id = new_uuid(&mut rng);
                while acct.id_taken(&new_id) {
                    new_id = new_uuid(&mut rng);
                }
                rec.id = new_id;
            }
        }
        if let Some(p) = persist {
            p.write_record(account_id, &rec)?;
        }
        let acct = inner.account(account_id, persist);
        if is_draft {
            acct.drafts.remove(&current.id);
            acct.drafts.insert(rec.id.clone(), rec.clone());
        } else {
            acct.by_id.remove(&current.id);
            acct.by_id.insert(rec.id.clone(), rec.seq);
            if let Some(s) = acct.images.get_mut(&rec.seq) {
                s.rec = rec.clone();
            }
        }
        Ok(rec)
    }

    pub fn delete(&self, account_id: &str, id: &str, now: Timestamp) -> Result<(), StoreError> {
        let (mut inner, persist) = self.lock_with_persist();
        let acct = inner.current_account(account_id, now, persist);
        let key = if let Some(seq) = acct.by_id.remove(id) {
            acct.images.remove(&seq).map(|s| s.rec.key)
        } else {
            acct.drafts.remove(id).map(|d| d.key)
        };
        let Some(key) = key else {
            return Err(StoreError::ImageNotFound);
        };
        if let Some(p) = persist {
            p.remove_record(account_id, &key);
            p.remove_blob(account_id, &key);
        }
        Ok(())
    }

    /// One page of a cursor listing: images after `after` (exclusive) in the given order,
    /// rendered; and the sequence number to continue after when more remain.
    pub fn list_after(
        &self,
        account_id: &str,
        descending: bool,
        after: Option<u64>,
        per_page: usize,
        filter: &ListFilter<'_>,
        delivery_origin: &str,
    ) -> (Vec<Value>, Option<u64>) {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let base = format!("{delivery_origin}/cdn-cgi/imagedelivery/{}", acct.hash);
        let range: Box<dyn Iterator<Item = (&u64, &Stored)>> = match (descending, after) {
            (false, None) => Box::new(acct.images.iter()),
            (false, Some(a)) => Box::new(acct.images.range((Bound::Excluded(a), Bound::Unbounded))),
            (true, None) => Box::new(acct.images.iter().rev()),
            (true, Some(a)) => Box::new(acct.images.range(..a).rev()),
        };
        let mut page = Vec::new();
        let mut last = None;
        let mut more = false;
        for (_, s) in range.filter(|(_, s)| filter.matches(&s.rec)) {
            if page.len() == per_page {
                more = true;
                break;
            }
            page.push(s.rec.to_json(&base, acct.variants.keys()));
            last = Some(s.rec.seq);
        }
        (page, if more { last } else { None })
    }

    /// One page of an offset listing (list v1), oldest first: new images land on later pages,
    /// so pages already read do not shift.
    pub fn list_page(
        &self,
        account_id: &str,
        offset: usize,
        per_page: usize,
        filter: &ListFilter<'_>,
        delivery_origin: &str,
    ) -> Vec<Value> {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let base = format!("{delivery_origin}/cdn-cgi/imagedelivery/{}", acct.hash);
        acct.images
            .values()
            .filter(|s| filter.matches(&s.rec))
            .skip(offset)
            .take(per_page)
            .map(|s| s.rec.to_json(&base, acct.variants.keys()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    const ACC: &str = "023e105f4ecef8ad9ca31a8372d0c353";

    fn new_image(id: Option<&str>) -> NewImage {
        NewImage {
            custom_id: id.map(str::to_string),
            filename: "a.png".into(),
            ..Default::default()
        }
    }

    const DRAFT_WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

    /// A store holding one draft, which expires `DRAFT_WINDOW` after the `now` returned.
    fn store_with_draft(id: Option<&str>) -> (Store, ImageRecord, Timestamp) {
        let store = Store::open(None).unwrap();
        let now = Timestamp::now();
        let image = new_image(id);
        let expiry = now + DRAFT_WINDOW;
        let draft = store
            .insert(ACC, NewRecord::Draft { image, expiry }, now)
            .unwrap();
        (store, draft, now)
    }

    fn png_upload(bytes: Bytes) -> NewRecord {
        NewRecord::Image {
            image: new_image(None),
            original: png_original(bytes),
        }
    }

    fn png_original(bytes: Bytes) -> Original {
        Original {
            bytes,
            content_type: "image/png",
        }
    }

    fn all(_: Option<&Meta>) -> bool {
        true
    }

    #[test]
    fn images_that_share_a_sequence_number_on_disk_are_all_listed() {
        let dir = tempfile::tempdir().unwrap();
        let now = Timestamp::now();
        let png = Bytes::from(crate::sample::png(1));
        // Two stores on one directory, as two unlocked emulators once were: each numbers its
        // images from the same start.
        let a = Store::open(Some(dir.path().to_path_buf())).unwrap();
        let b = Store::open(Some(dir.path().to_path_buf())).unwrap();
        for store in [&a, &b] {
            for _ in 0..3 {
                store.insert(ACC, png_upload(png.clone()), now).unwrap();
            }
        }
        drop((a, b));
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        assert_eq!(store.image_count(ACC), 6);
        // Renumbered on disk too, so the next start lists them in the same order.
        let names = store.image_names(ACC);
        drop(store);
        let again = Store::open(Some(dir.path().to_path_buf())).unwrap();
        assert_eq!(again.image_names(ACC), names);
        let next = again.insert(ACC, png_upload(png), now).unwrap();
        assert_eq!(next.seq, 7);
    }

    #[test]
    fn draft_expires_and_then_refuses_upload() {
        let (store, d, now) = store_with_draft(None);
        assert!(store.get(ACC, &d.id, now).is_some());
        let later = now + DRAFT_WINDOW + jiff::SignedDuration::from_secs(1);
        assert!(store.get(ACC, &d.id, later).is_none());
        let err = store
            .fulfill_draft(
                ACC,
                &d.id,
                "a.png".into(),
                png_original(Bytes::from_static(b"x")),
                later,
            )
            .unwrap_err();
        assert!(matches!(err, StoreError::UploadUrlGone), "{err}");
    }

    #[test]
    fn draft_is_fulfilled_once() {
        let (store, d, now) = store_with_draft(Some("x/y"));
        assert_eq!(store.image_count(ACC), 0);
        let b = Bytes::from_static(b"x");
        store
            .fulfill_draft(ACC, "x/y", "a.png".into(), png_original(b.clone()), now)
            .unwrap();
        assert_eq!(store.image_count(ACC), 1);
        assert!(
            store
                .fulfill_draft(ACC, &d.id, "a".into(), png_original(b), now)
                .is_err()
        );
    }

    #[test]
    fn cursor_pages_neither_skip_nor_repeat_while_images_arrive() {
        let store = Store::open(None).unwrap();
        let now = Timestamp::now();
        let b = Bytes::from_static(b"x");
        for _ in 0..25 {
            store.insert(ACC, png_upload(b.clone()), now).unwrap();
        }
        let filter = ListFilter {
            creator: None,
            meta: &all,
        };
        let (first, cursor) = store.list_after(ACC, true, None, 10, &filter, "http://x");
        assert_eq!(first.len(), 10);
        // Newer images must not show up on later descending pages.
        for _ in 0..5 {
            store.insert(ACC, png_upload(b.clone()), now).unwrap();
        }
        let mut seen: Vec<Value> = first;
        let mut cursor = cursor;
        while let Some(c) = cursor {
            let (page, next) = store.list_after(ACC, true, Some(c), 10, &filter, "http://x");
            seen.extend(page);
            cursor = next;
        }
        let ids: std::collections::HashSet<_> = seen.iter().map(|v| v["id"].clone()).collect();
        assert_eq!(seen.len(), 25);
        assert_eq!(ids.len(), 25);
    }
}
