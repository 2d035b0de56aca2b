//! Rendered variants, kept so a page of thumbnails is served from memory after its first view.
//!
//! An entry's key is everything its bytes depend on: the image's storage key (new for every
//! upload, so a deleted and re-uploaded custom id never meets the old bytes), the variant's
//! options as applied (a changed variant asks for other keys), and the output format. So a
//! change to an image or a variant needs no purge: old entries are never asked for again and
//! age out. The cache holds at most [`RenderCache::MAX_BYTES`] of renderings, the least
//! recently used going first.
//!
//! Rendering itself is limited to [`RenderCache::RENDERS_AT_ONCE`] at a time, which bounds the
//! memory that decoding large images takes together.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

use axum::body::Bytes;
use tokio::sync::Semaphore;

use crate::transform::{Format, Options};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RenderKey {
    pub account: String,
    /// The image's storage key, fixed for the life of one upload.
    pub image: String,
    pub options: Options,
    pub output: Format,
}

/// What a variant delivers, as kept.
#[derive(Clone, Debug)]
pub enum Rendition {
    Rendered {
        bytes: Bytes,
        content_type: &'static str,
    },
    /// The stored bytes, untransformed (nothing to do, or an animation kept as it is).
    AsStored,
}

impl Rendition {
    fn cost(&self) -> usize {
        // An entry costs its bytes and some bookkeeping.
        256 + match self {
            Rendition::Rendered { bytes, .. } => bytes.len(),
            Rendition::AsStored => 0,
        }
    }
}

struct Entry {
    rendition: Rendition,
    last_used: u64,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<RenderKey, Entry>,
    /// Use order: tick of last use → key.
    by_use: BTreeMap<u64, RenderKey>,
    tick: u64,
    bytes: usize,
}

pub struct RenderCache {
    inner: Mutex<Inner>,
    max_bytes: usize,
    pub renders: Semaphore,
}

impl Default for RenderCache {
    fn default() -> Self {
        Self::with_limit(Self::MAX_BYTES)
    }
}

impl RenderCache {
    /// 64 MiB of renderings: a few thousand thumbnails.
    pub const MAX_BYTES: usize = 64 * 1024 * 1024;
    /// As many renderings at once as the machines this runs on have cores, at least two.
    pub const RENDERS_AT_ONCE: usize = 2;

    pub fn with_limit(max_bytes: usize) -> Self {
        RenderCache {
            inner: Mutex::new(Inner::default()),
            max_bytes,
            renders: Semaphore::new(Self::RENDERS_AT_ONCE),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, key: &RenderKey) -> Option<Rendition> {
        let mut inner = self.lock();
        inner.tick += 1;
        let tick = inner.tick;
        let entry = inner.entries.get_mut(key)?;
        let old = std::mem::replace(&mut entry.last_used, tick);
        let rendition = entry.rendition.clone();
        inner.by_use.remove(&old);
        inner.by_use.insert(tick, key.clone());
        Some(rendition)
    }

    pub fn put(&self, key: RenderKey, rendition: Rendition) {
        let cost = rendition.cost();
        if cost > self.max_bytes {
            return;
        }
        let mut inner = self.lock();
        inner.tick += 1;
        let tick = inner.tick;
        if let Some(old) = inner.entries.remove(&key) {
            inner.by_use.remove(&old.last_used);
            inner.bytes -= old.rendition.cost();
        }
        while inner.bytes + cost > self.max_bytes {
            let Some((_, oldest)) = inner.by_use.pop_first() else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&oldest) {
                inner.bytes -= gone.rendition.cost();
            }
        }
        inner.bytes += cost;
        inner.by_use.insert(tick, key.clone());
        inner.entries.insert(
            key,
            Entry {
                rendition,
                last_used: tick,
            },
        );
    }

    /// Bytes held, bookkeeping included.
    #[cfg(test)]
    pub fn held_bytes(&self) -> usize {
        self.lock().bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transform::{Fit, FormatRequest, Metadata};

    fn key(image: &str) -> RenderKey {
        RenderKey {
            account: "a".into(),
            image: image.into(),
            options: Options {
                fit: Fit::Cover,
                width: Some(10),
                height: Some(10),
                metadata: Metadata::None,
                quality: None,
                format: FormatRequest::Negotiate,
            },
            output: Format::Png,
        }
    }

    fn bytes(n: usize) -> Rendition {
        Rendition::Rendered {
            bytes: Bytes::from(vec![0; n]),
            content_type: "image/png",
        }
    }

    #[test]
    fn the_least_recently_used_goes_first_and_the_size_stays_bounded() {
        let cache = RenderCache::with_limit(3 * (256 + 1000));
        cache.put(key("a"), bytes(1000));
        cache.put(key("b"), bytes(1000));
        cache.put(key("c"), bytes(1000));
        assert!(cache.get(&key("a")).is_some());
        cache.put(key("d"), bytes(1000));
        assert!(
            cache.get(&key("b")).is_none(),
            "b was the least recently used"
        );
        for k in ["a", "c", "d"] {
            assert!(cache.get(&key(k)).is_some(), "{k}");
        }
        assert_eq!(cache.held_bytes(), 3 * (256 + 1000));
        // Too big to keep at all.
        cache.put(key("huge"), bytes(10_000));
        assert!(cache.get(&key("huge")).is_none());
        assert!(cache.get(&key("a")).is_some());
    }

    #[test]
    fn options_are_part_of_the_key() {
        let cache = RenderCache::default();
        cache.put(key("a"), bytes(10));
        let mut other = key("a");
        other.options.width = Some(11);
        assert!(cache.get(&other).is_none());
        other.options.width = Some(10);
        other.output = Format::Webp;
        assert!(cache.get(&other).is_none());
    }
}
