//! An export folder's `index.ndjson`: one line per image (id, file name, metadata, creator,
//! privacy, upload time, size, SHA-256 and the file's path below the folder), and where in the
//! folder an image's file goes.
//!
//! The index is the bulk engine's journal (`journal`): each line is appended whole once its
//! file is in place, so a run killed at any moment leaves a valid index naming only complete
//! files (a torn last line is ignored, and cut off by the next run). A re-export of an image
//! appends a newer line (the last wins); the index is rewritten with one line per image, by
//! id, atomically (temp file, then rename) at the end of a run and when `--prune` drops lines.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::images::Image;
use crate::bulk::journal::{Keyed, Record};
use crate::error::CliError;
use crate::image_file::ImageFormat;

/// The index's file name inside an export folder.
pub const INDEX: &str = "index.ndjson";

/// Where downloads are written before they are complete, inside the export folder (the same
/// file system, so the rename into place is atomic). Emptied at the start of every run: what
/// a killed run left there was never complete.
pub const PARTIAL: &str = ".cfimg-partial";

/// One image of an export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The metadata object, spelled as `images list` prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    #[serde(rename = "requireSignedURLs", default)]
    pub require_signed_urls: bool,
    /// When the account stored it: with the id, what tells a re-export that an image is new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded: Option<String>,
    /// Bytes of the file (an index written by hand may leave it out: then it is not checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Lowercase hex SHA-256 of the file on disk (checked before an import sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The file, relative to the folder, `/`-separated.
    pub path: String,
    /// When the line was written (set by the journal on append; kept on a rewrite).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

impl Keyed for Line {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Line {
    /// The line for `image`, written to `path` with `size` bytes hashing to `sha256`.
    pub fn new(image: &Image, path: String, size: u64, sha256: String) -> Line {
        Line {
            id: image.id.clone(),
            filename: image.filename.clone(),
            meta: image.meta.clone().filter(|m| !m.is_null()),
            creator: image.creator.clone().filter(|c| !c.is_empty()),
            require_signed_urls: image.require_signed_urls,
            uploaded: image.uploaded.clone(),
            size: Some(size),
            sha256: Some(sha256),
            path,
            time: None,
        }
    }

    /// The image as the line describes it, for an upload that keeps what it held.
    pub fn image(&self) -> Image {
        Image {
            id: self.id.clone(),
            filename: self.filename.clone(),
            meta: self.meta.clone(),
            require_signed_urls: self.require_signed_urls,
            uploaded: self.uploaded.clone(),
            variants: Vec::new(),
            creator: self.creator.clone(),
            draft: None,
            extra: serde_json::Map::new(),
        }
    }

    /// The file below `dir`, refusing a path that would leave it (absolute, or with `..`),
    /// which an index written by hand could hold.
    pub fn file_in(&self, dir: &Path) -> Result<PathBuf, String> {
        let relative = Path::new(&self.path);
        let inside = !self.path.is_empty()
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if inside {
            Ok(dir.join(relative))
        } else {
            Err(format!(
                "its path {:?} is not a path inside the folder",
                self.path
            ))
        }
    }
}

/// The index of `dir`: every image's last line (none when there is no index yet). A torn
/// last line is ignored with a warning through `warn`.
pub fn read(dir: &Path, warn: impl Fn(&str)) -> Result<Record<Line>, CliError> {
    let path = dir.join(INDEX);
    let record = Record::<Line>::read(&path, "nothing was changed")?;
    if record.torn_last_line {
        warn(&format!(
            "{}: ignoring its torn last line (a run killed while writing leaves one)",
            path.display()
        ));
    }
    Ok(record)
}

/// Write `lines` as the whole index of `dir`, one line per image by id, atomically: a temp
/// file beside it, synced, then renamed over it.
pub fn rewrite<'a>(dir: &Path, lines: impl IntoIterator<Item = &'a Line>) -> Result<(), CliError> {
    let path = dir.join(INDEX);
    let failed = |e: std::io::Error| {
        CliError::failed(format!("cannot write the index {}: {e}", path.display()))
    };
    let by_id: BTreeMap<&str, &Line> = lines.into_iter().map(|l| (l.id.as_str(), l)).collect();
    let mut temp = tempfile::Builder::new()
        .prefix(".cfimg-index-")
        .tempfile_in(dir)
        .map_err(failed)?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        for line in by_id.values() {
            let text = serde_json::to_string(line)
                .map_err(std::io::Error::other)
                .map_err(failed)?;
            out.write_all(text.as_bytes()).map_err(failed)?;
            out.write_all(b"\n").map_err(failed)?;
        }
        out.flush().map_err(failed)?;
    }
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(&path).map_err(|e| failed(e.error))?;
    Ok(())
}

/// Where an image's file goes below the export folder: its id, with each `/` a folder, and
/// the detected format's extension added when the id's last part has no image extension
/// (`cats/1` → `cats/1.png`; `logo.png` stays). An id that cannot be a path (an empty, `.` or
/// `..` part) or that would land on the folder's own files is refused, with why.
pub fn relative_path(id: &str, format: Option<ImageFormat>) -> Result<String, String> {
    let parts: Vec<&str> = id.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(format!(
            "its id {id:?} cannot be a file path (an empty, `.` or `..` part)"
        ));
    }
    let last = parts[parts.len() - 1];
    let has_extension = last
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && ImageFormat::from_extension(ext).is_some());
    let path = match format {
        Some(format) if !has_extension => format!("{id}.{}", format.extension()),
        _ => id.to_string(),
    };
    if path == INDEX || parts[0].starts_with(".cfimg-") {
        return Err(format!(
            "its file {path:?} would take the place of the export's own files"
        ));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_paths_with_the_detected_extension_when_they_have_none() {
        let png = Some(ImageFormat::Png);
        assert_eq!(relative_path("cats/1", png).unwrap(), "cats/1.png");
        assert_eq!(relative_path("logo.png", png).unwrap(), "logo.png");
        assert_eq!(relative_path("a/photo.JPG", png).unwrap(), "a/photo.JPG");
        // A dot that is not an image extension is part of the name.
        assert_eq!(relative_path("v1.2", png).unwrap(), "v1.2.png");
        assert_eq!(relative_path(".png", png).unwrap(), ".png.png");
        assert_eq!(relative_path("x", None).unwrap(), "x");
        assert_eq!(
            relative_path(
                "2cdc28f0-017a-49c4-9ed7-87056c83901d",
                Some(ImageFormat::Jpeg)
            )
            .unwrap(),
            "2cdc28f0-017a-49c4-9ed7-87056c83901d.jpg"
        );
        for bad in ["a//b", "a/../b", "./a", "a/", "/a"] {
            assert!(relative_path(bad, png).is_err(), "{bad}");
        }
        assert!(relative_path(".cfimg-partial/x", png).is_err());
        assert!(relative_path("index.ndjson", None).is_err());
        assert_eq!(
            relative_path("index.ndjson", png).unwrap(),
            "index.ndjson.png"
        );
    }

    #[test]
    fn a_line_keeps_what_the_image_held_and_stays_inside_the_folder() {
        let image: Image = serde_json::from_value(serde_json::json!({
            "id": "a/b", "filename": "b.png", "meta": {"k": 1}, "creator": "ci",
            "requireSignedURLs": true, "uploaded": "2030-01-01T00:00:00.000Z",
            "variants": ["https://x/public"],
        }))
        .unwrap();
        let line = Line::new(&image, "a/b.png".into(), 3, "abc".into());
        let json = serde_json::to_value(&line).unwrap();
        assert_eq!(json["requireSignedURLs"], true);
        assert_eq!(json["meta"]["k"], 1);
        assert!(json.get("time").is_none());
        let back = line.image();
        assert_eq!(
            (
                back.filename,
                back.meta,
                back.creator,
                back.require_signed_urls
            ),
            (image.filename, image.meta, image.creator, true)
        );
        let dir = Path::new("/x");
        assert_eq!(line.file_in(dir).unwrap(), Path::new("/x/a/b.png"));
        for bad in ["../b.png", "/etc/passwd", "a/../../b", ""] {
            let mut l = line.clone();
            l.path = bad.into();
            assert!(l.file_in(dir).is_err(), "{bad}");
        }
    }
}
