//! The comparison at the heart of a sync: each file against the image under its id, each image
//! under the prefix against the files, decided from the listing alone (no request per image).
//!
//! - no image under the file's id: `new` (upload);
//! - an image whose content hash differs: `changed` (replace);
//! - the same hash, but its metadata or creator not as asked: `metadata` (PATCH only);
//! - the same hash and as asked: `unchanged`;
//! - an image without the hash key (put there by something else): `changed` when its file
//!   name says it holds another file, else `unknown` (reported, untouched; `--adopt` reads
//!   its bytes and settles it);
//! - an image under the prefix with no file: `extra`.
//!
//! What "as asked" means for metadata: with `--meta`/`--metadata`, exactly those keys beside
//! the hash; without, whatever keys the image has (sync does not manage them), which a
//! replacement carries over. The creator likewise: `--creator` sets it; without, it is kept.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::api::images::Image;
use crate::metadata::Metadata;

use super::key::{self, HASH_KEY};
use super::local::{Local, Scope};

/// What the user asked every image to hold, beside its content hash.
#[derive(Clone, Debug, Default)]
pub struct Wanted {
    /// `--meta`/`--metadata`: the user's keys, exactly. `None` leaves each image's own.
    pub metadata: Option<Metadata>,
    /// `--creator`. `None` leaves each image's own.
    pub creator: Option<String>,
}

impl Wanted {
    /// The metadata an image of `sha256` must hold, given what it holds now (`current`).
    pub fn metadata_for(&self, current: Option<&serde_json::Value>, sha256: &str) -> Metadata {
        let user = match &self.metadata {
            Some(m) => m.clone(),
            None => key::user_part(current),
        };
        key::with_hash(user, sha256)
    }

    /// The creator an upload replacing `old` sends.
    pub fn creator_for(&self, old: Option<&Image>) -> Option<String> {
        self.creator
            .clone()
            .or_else(|| old.and_then(|i| i.creator.clone()))
            .filter(|c| !c.is_empty())
    }
}

/// The plan's words, each a list of `--dry-run --json` and a status of `--dry-run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    New,
    Changed,
    Metadata,
    Unchanged,
    Extra,
    Unknown,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::New,
        Kind::Changed,
        Kind::Metadata,
        Kind::Unchanged,
        Kind::Extra,
        Kind::Unknown,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Kind::New => "new",
            Kind::Changed => "changed",
            Kind::Metadata => "metadata",
            Kind::Unchanged => "unchanged",
            Kind::Extra => "extra",
            Kind::Unknown => "unknown",
        }
    }
}

/// One file or image, and what the comparison found.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub file: Option<Local>,
    /// The image under the id, as the listing showed it.
    pub image: Option<Image>,
    /// Why, when the kind alone does not say (`its content hash differs`).
    pub why: Option<String>,
}

/// The comparison of the files with the images under the prefix: entries in the order of the
/// files (by path), then the extras and the unknown (by id).
pub struct Plan {
    pub entries: Vec<Entry>,
}

impl Plan {
    pub fn count(&self, kind: Kind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }

    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }
}

/// Compare `files` with `images` (the images whose ids start with `prefix`, as listed). Images
/// outside `scope` (left out by `--include`/`--exclude`, or another `--shard`'s) are left out.
pub fn compare(
    files: Vec<Local>,
    images: Vec<Image>,
    prefix: &str,
    scope: &Scope,
    wanted: &Wanted,
) -> Plan {
    let mut remote: BTreeMap<String, Image> = images
        .into_iter()
        .filter(|i| {
            i.id.strip_prefix(prefix)
                .is_some_and(|relative| scope.takes_remote(relative))
        })
        .map(|i| (i.id.clone(), i))
        .collect();
    let mut entries = Vec::with_capacity(files.len() + 8);
    let mut seen = HashSet::with_capacity(files.len());
    for file in files {
        seen.insert(file.id.clone());
        let image = remote.remove(&file.id);
        let (kind, why) = judge(&file, image.as_ref(), wanted);
        entries.push(Entry {
            kind,
            id: file.id.clone(),
            file: Some(file),
            image,
            why,
        });
    }
    for (id, image) in remote {
        entries.push(Entry {
            kind: Kind::Extra,
            id,
            file: None,
            image: Some(image),
            why: None,
        });
    }
    Plan { entries }
}

/// What a file and the image under its id come to.
fn judge(file: &Local, image: Option<&Image>, wanted: &Wanted) -> (Kind, Option<String>) {
    let Some(image) = image else {
        return (Kind::New, None);
    };
    match key::stored_hash(image) {
        Some(hash) if hash == file.sha256 => {
            let meta_as_asked = key::current(image.meta.as_ref())
                .is_some_and(|m| m == wanted.metadata_for(image.meta.as_ref(), &file.sha256));
            let creator_as_asked = wanted
                .creator
                .as_deref()
                .is_none_or(|c| image.creator.as_deref().unwrap_or("") == c);
            if meta_as_asked && creator_as_asked {
                (Kind::Unchanged, None)
            } else {
                (Kind::Metadata, None)
            }
        }
        Some(_) => (
            Kind::Changed,
            Some("the file's content hash differs from the image's".into()),
        ),
        None => match image.filename.as_deref() {
            Some(name) if name != file.file_name() => (
                Kind::Changed,
                Some(format!(
                    "the image has no content hash ({HASH_KEY}) and its file name is {name:?}, not {:?}",
                    file.file_name()
                )),
            ),
            _ => (
                Kind::Unknown,
                Some(format!(
                    "the image has no content hash ({HASH_KEY}): it was not uploaded by sync, and its file name alone cannot tell whether it holds this file (--adopt reads it and settles it)"
                )),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::upload::plan::Filter;
    use crate::image_file::{ImageFormat, ImageInfo};

    fn file(relative: &str, sha: &str) -> Local {
        Local {
            path: relative.into(),
            label: relative.into(),
            relative: relative.into(),
            id: format!("p/{relative}"),
            info: ImageInfo {
                format: ImageFormat::Png,
                bytes: 10,
                width: None,
                height: None,
            },
            sha256: sha.repeat(64),
        }
    }

    fn image(id: &str, meta: serde_json::Value) -> Image {
        let name = id.rsplit('/').next().unwrap();
        serde_json::from_value(serde_json::json!({"id": id, "filename": name, "meta": meta}))
            .unwrap()
    }

    fn hashed(id: &str, sha: &str) -> Image {
        image(id, serde_json::json!({HASH_KEY: sha.repeat(64)}))
    }

    fn kinds(plan: &Plan) -> Vec<(&str, Kind)> {
        plan.entries
            .iter()
            .map(|e| (e.id.as_str(), e.kind))
            .collect()
    }

    fn everything() -> Scope {
        Scope {
            filter: Filter::default(),
            shard: None,
        }
    }

    #[test]
    fn each_file_and_image_gets_its_kind() {
        let files = vec![
            file("new.png", "a"),
            file("same.png", "b"),
            file("edited.png", "c"),
            file("foreign.png", "d"),
            file("renamed.png", "e"),
            file("meta.png", "f"),
        ];
        let mut renamed = image("p/renamed.png", serde_json::json!({}));
        renamed.filename = Some("other.png".into());
        let images = vec![
            hashed("p/same.png", "b"),
            hashed("p/edited.png", "0"),
            image("p/foreign.png", serde_json::json!({"team": "web"})),
            renamed,
            hashed("p/gone.png", "9"),
            hashed("p/meta.png", "f"),
            hashed("elsewhere/x.png", "1"),
        ];
        let mut wanted = Wanted::default();
        let plan = compare(files.clone(), images.clone(), "p/", &everything(), &wanted);
        assert_eq!(
            kinds(&plan),
            [
                ("p/new.png", Kind::New),
                ("p/same.png", Kind::Unchanged),
                ("p/edited.png", Kind::Changed),
                ("p/foreign.png", Kind::Unknown),
                ("p/renamed.png", Kind::Changed),
                ("p/meta.png", Kind::Unchanged),
                ("p/gone.png", Kind::Extra),
            ]
        );
        // Asked for metadata: images with the right content but other keys need a PATCH.
        let mut user = Metadata::new();
        user.insert("team".into(), "web".into());
        wanted.metadata = Some(user);
        let plan = compare(files, images, "p/", &everything(), &wanted);
        assert_eq!(plan.count(Kind::Metadata), 2);
        assert_eq!(plan.count(Kind::Unchanged), 0);
    }

    #[test]
    fn images_outside_the_scope_are_neither_compared_nor_extra() {
        let scope = Scope {
            filter: Filter::new(&[], &["drafts".into()]).unwrap(),
            shard: None,
        };
        let images = vec![hashed("p/drafts/a.png", "1"), hashed("p/b.png", "2")];
        let plan = compare(Vec::new(), images, "p/", &scope, &Wanted::default());
        assert_eq!(kinds(&plan), [("p/b.png", Kind::Extra)]);
    }
}
