//! From the arguments of `images upload` to a checked list of items, before any request:
//! every file exists, is an image of a supported format within the API's limits, and every
//! custom id is valid and unique in the run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::image_file::{self, ImageInfo};
use crate::image_id::validate_custom_id;

/// Where one image comes from.
#[derive(Clone, Debug)]
pub enum ItemSource {
    File { path: PathBuf, info: ImageInfo },
    Url(String),
    Stdin { data: Arc<[u8]>, info: ImageInfo },
}

/// One image to upload.
#[derive(Clone, Debug)]
pub struct Item {
    pub source: ItemSource,
    /// What the user calls it: the path as given or found, the URL, or `-`.
    pub label: String,
    /// The custom id, when there is one.
    pub id: Option<String>,
}

impl Item {
    pub fn bytes(&self) -> u64 {
        match &self.source {
            ItemSource::File { info, .. } | ItemSource::Stdin { info, .. } => info.bytes,
            ItemSource::Url(_) => 0,
        }
    }
}

#[derive(Debug, Default)]
pub struct Plan {
    pub items: Vec<Item>,
    /// Files found in directories that are not images we can upload; skipped with a note.
    pub ignored: Vec<PathBuf>,
}

/// True for arguments the API should fetch itself.
pub fn is_url(arg: &str) -> bool {
    arg.starts_with("https://") || arg.starts_with("http://")
}

/// Everything wrong with the inputs, one line each; nothing is sent when this is not empty.
#[derive(Debug, thiserror::Error)]
#[error("{}", .problems.join("\n"))]
pub struct PlanError {
    pub problems: Vec<String>,
}

/// Expand and check the inputs. `stdin` is read only when `-` is among them.
pub fn plan(
    inputs: &[String],
    custom_id: Option<&str>,
    read_stdin: &mut dyn FnMut() -> std::io::Result<Vec<u8>>,
) -> Result<Plan, PlanError> {
    let mut plan = Plan::default();
    let mut problems = Vec::new();
    for input in inputs {
        if input == "-" {
            match read_stdin() {
                Ok(data) => match image_file::inspect_bytes(&data, "stdin") {
                    Ok(info) => plan.items.push(Item {
                        source: ItemSource::Stdin {
                            data: data.into(),
                            info,
                        },
                        label: "-".into(),
                        id: None,
                    }),
                    Err(e) => problems.push(e.to_string()),
                },
                Err(e) => problems.push(format!("cannot read stdin: {e}")),
            }
        } else if is_url(input) {
            plan.items.push(Item {
                source: ItemSource::Url(input.clone()),
                label: input.clone(),
                id: None,
            });
        } else {
            let path = PathBuf::from(input);
            if path.is_dir() {
                walk(&path, &mut plan, &mut problems);
            } else {
                match image_file::inspect_path(&path) {
                    Ok(info) => plan.items.push(Item {
                        source: ItemSource::File {
                            path: path.clone(),
                            info,
                        },
                        label: input.clone(),
                        id: None,
                    }),
                    Err(e) => problems.push(e.to_string()),
                }
            }
        }
    }
    if let Some(id) = custom_id {
        if plan.items.len() == 1 {
            plan.items[0].id = Some(id.to_string());
        } else if problems.is_empty() {
            problems.push(format!(
                "--id names one image, but there are {} to upload",
                plan.items.len()
            ));
        }
    }
    check_ids(&plan.items, &mut problems);
    if plan.items.is_empty() && problems.is_empty() {
        problems.push(if plan.ignored.is_empty() {
            "nothing to upload: no images were found".to_string()
        } else {
            format!(
                "nothing to upload: the {} files found are not images of a supported format ({})",
                plan.ignored.len(),
                image_file::SUPPORTED
            )
        });
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(PlanError { problems })
    }
}

/// Add every image file below `dir`, in a stable order. Files that are not images are noted,
/// not fatal: a folder of build assets often holds a stray README. Images that break the
/// API's limits are fatal, since the user meant to upload them.
fn walk(dir: &Path, plan: &mut Plan, problems: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(format!("cannot read {}: {e}", dir.display()));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path().to_path_buf();
        match image_file::inspect_path(&path) {
            Ok(info) => plan.items.push(Item {
                label: path.display().to_string(),
                source: ItemSource::File { path, info },
                id: None,
            }),
            Err(e) if is_not_an_image(&e) => plan.ignored.push(path),
            Err(e) => problems.push(e.to_string()),
        }
    }
}

/// Errors that mean "this file is not an image at all", as opposed to "an image we cannot take".
fn is_not_an_image(error: &image_file::ImageFileError) -> bool {
    use image_file::ImageFileError as E;
    matches!(
        error,
        E::NotAnImage { .. } | E::Empty { .. } | E::UnsupportedImage { .. }
    )
}

fn check_ids(items: &[Item], problems: &mut Vec<String>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for item in items {
        let Some(id) = &item.id else { continue };
        if let Err(e) = validate_custom_id(id) {
            problems.push(format!("{}: id '{id}': {e}", item.label));
        }
        if let Some(other) = seen.insert(id, &item.label) {
            problems.push(format!(
                "{} and {} would both get the id '{id}'",
                other, item.label
            ));
        }
    }
}
