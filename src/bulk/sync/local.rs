//! The files of a sync: found as `images upload DIR --prefix P` finds them (ids from their
//! paths below DIR, `--include`/`--exclude`, images of supported formats only), cut to one
//! `--shard` slice, and hashed (from the cache when a file's size and time are as recorded).

use std::path::PathBuf;
use std::str::FromStr;

use crate::bulk::upload::plan::{self, Filter, IdFrom, Inputs, ItemSource, PlanError};
use crate::image_file::ImageInfo;
use sha2::{Digest, Sha256};

use super::cache::{self, Cache};

/// One file to sync.
#[derive(Clone, Debug)]
pub struct Local {
    pub path: PathBuf,
    /// The path as found, for people (`dist/icons/a.png`).
    pub label: String,
    /// The path below the directory, `/`-separated: the id without the prefix.
    pub relative: String,
    pub id: String,
    pub info: ImageInfo,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
}

impl Local {
    /// The file's own name, as the upload sends it and the API keeps it in `filename`.
    pub fn file_name(&self) -> &str {
        self.relative.rsplit('/').next().unwrap_or(&self.relative)
    }
}

/// `--shard K/N`: the K-th (from 1) of N slices of the paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub k: u32,
    pub n: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("'{s}' is not K/N with 1 <= K <= N (such as 2/4)");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u32 = k.trim().parse().map_err(|_| bad())?;
        let n: u32 = n.trim().parse().map_err(|_| bad())?;
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

impl Shard {
    /// Whether the path `relative` (below the directory; for an image, its id without the
    /// prefix) is in this slice. The hash is FNV-1a over the path's bytes: the same on every
    /// machine and every version, so N jobs of a CI matrix split the paths the same way.
    pub fn takes(&self, relative: &str) -> bool {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in relative.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash % u64::from(self.n) == u64::from(self.k - 1)
    }
}

/// What a sync looks at: files found under the directory, and, on the account's side, the
/// images whose id (less the prefix) names such a path.
pub struct Scope {
    pub filter: Filter,
    pub shard: Option<Shard>,
}

impl Scope {
    /// Whether an image whose id less the prefix is `relative` is this run's to compare: the
    /// path is one `--include`/`--exclude` take (a directory excluded leaves out everything in
    /// it) and in the `--shard` slice. An image outside the scope is never touched, and not
    /// an extra.
    pub fn takes_remote(&self, relative: &str) -> bool {
        if !self.filter.takes_file(relative) {
            return false;
        }
        let mut ancestor = String::new();
        for part in relative
            .split('/')
            .collect::<Vec<_>>()
            .iter()
            .rev()
            .skip(1)
            .rev()
        {
            if !ancestor.is_empty() {
                ancestor.push('/');
            }
            ancestor.push_str(part);
            if self.filter.excludes(&ancestor) {
                return false;
            }
        }
        self.shard.is_none_or(|s| s.takes(relative))
    }
}

/// What the directory holds for this run.
pub struct Found {
    pub files: Vec<Local>,
    /// Files that are not images of a supported format; left out with a note.
    pub ignored: Vec<PathBuf>,
    /// What the cache should hold after the run.
    pub cache: Vec<cache::Line>,
    /// How many files were hashed (the others came from the cache).
    pub hashed: usize,
}

/// Find, slice and hash the files under `dir`.
pub fn scan(dir: &str, prefix: &str, scope: &Scope, cached: &Cache) -> Result<Found, PlanError> {
    let inputs = Inputs {
        sources: vec![dir.to_string()],
        id_from: IdFrom::Path,
        prefix: prefix.to_string(),
        filter: scope.filter.clone(),
        ..Inputs::default()
    };
    let planned = plan::plan(&inputs, &mut || Ok(Vec::new()))?;
    let mut picked = Vec::new();
    for item in planned.items {
        let (ItemSource::File { path, info }, Some(id)) = (item.source, item.id) else {
            continue;
        };
        let relative = id[prefix.len()..].to_string();
        if scope.shard.is_some_and(|s| !s.takes(&relative)) {
            continue;
        }
        picked.push((path, item.label, relative, id, info));
    }
    let hashes = hash_all(&picked, cached);
    let mut files = Vec::with_capacity(picked.len());
    let mut lines = Vec::with_capacity(picked.len());
    let mut problems = Vec::new();
    let mut hashed = 0;
    for ((path, label, relative, id, info), outcome) in picked.into_iter().zip(hashes) {
        match outcome {
            Ok((sha256, fresh, stamp)) => {
                hashed += usize::from(fresh);
                if let Some((size, mtime_ns)) = stamp {
                    lines.push(cache::Line {
                        path: relative.clone(),
                        size,
                        mtime_ns,
                        sha256: sha256.clone(),
                    });
                }
                files.push(Local {
                    path,
                    label,
                    relative,
                    id,
                    info,
                    sha256,
                });
            }
            Err(e) => problems.push(format!("{label}: cannot read it: {e}")),
        }
    }
    if !problems.is_empty() {
        return Err(PlanError { problems });
    }
    Ok(Found {
        files,
        ignored: planned.ignored,
        cache: lines,
        hashed,
    })
}

/// SHA-256 of a file, lowercase hex. Read through `io::copy`'s small stack buffer: across
/// 10,000 small files a fresh large buffer per file costs more than the hashing.
fn hash_file(path: &std::path::Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 15)]));
    }
    Ok(hex)
}

/// A file's hash, whether it was read now (not from the cache), and its size and time.
type Hashed = std::io::Result<(String, bool, Option<(u64, u64)>)>;

/// Hash the files on a few threads: reading is most of a no-change run's local work.
fn hash_all(
    picked: &[(PathBuf, String, String, String, ImageInfo)],
    cached: &Cache,
) -> Vec<Hashed> {
    let one = |(path, _, relative, _, _): &(PathBuf, String, String, String, ImageInfo)| -> Hashed {
        let stamp = cache::stamp(&std::fs::metadata(path)?);
        if let Some(hash) = cached.hash(relative, stamp) {
            return Ok((hash.to_string(), false, stamp));
        }
        Ok((hash_file(path)?, true, stamp))
    };
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk = picked.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = picked
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("hashing does not panic"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_disjoint_and_cover_every_path() {
        let paths: Vec<String> = (0..1000)
            .map(|i| format!("set{}/img-{i}.png", i % 7))
            .collect();
        let n = 4;
        let mut counts = vec![0; n as usize];
        for path in &paths {
            let owners: Vec<u32> = (1..=n).filter(|&k| Shard { k, n }.takes(path)).collect();
            assert_eq!(owners.len(), 1, "{path}: {owners:?}");
            counts[(owners[0] - 1) as usize] += 1;
        }
        // Roughly even: each slice within a third of its share.
        assert!(counts.iter().all(|&c| c > 166 && c < 333), "{counts:?}");
        // The same on every machine.
        assert!(Shard { k: 1, n: 1 }.takes("a.png"));
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { k: 2, n: 4 }));
        for bad in ["0/4", "5/4", "4", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_hash_is_the_uploads_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.bin");
        std::fs::write(&path, vec![7u8; 100_000]).unwrap();
        assert_eq!(
            hash_file(&path).unwrap(),
            crate::bulk::upload::manifest::hash_file(&path).unwrap()
        );
    }

    #[test]
    fn an_image_under_an_excluded_directory_is_out_of_scope() {
        let scope = Scope {
            filter: Filter::new(&[], &["drafts".into(), "*.gif".into()]).unwrap(),
            shard: None,
        };
        assert!(scope.takes_remote("a.png"));
        assert!(scope.takes_remote("icons/a.png"));
        assert!(!scope.takes_remote("drafts/a.png"));
        assert!(!scope.takes_remote("x/drafts/a.png"));
        assert!(!scope.takes_remote("a.gif"));
    }
}
