//! From the arguments of `images upload` to a checked list of items, before any request:
//! every file exists, is an image of a supported format within the API's limits, and every
//! custom id is valid and unique in the run.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobMatcher};

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

    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            ItemSource::File { path, .. } => Some(path),
            _ => None,
        }
    }
}

#[derive(Debug, Default)]
pub struct Plan {
    pub items: Vec<Item>,
    /// Files found in directories that are not images we can upload; skipped with a note.
    pub ignored: Vec<PathBuf>,
    /// Files reached twice (two arguments naming the same file); uploaded once.
    pub duplicates: Vec<String>,
}

/// Where custom ids come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum IdFrom {
    // The API picks each id.
    #[default]
    None,
    // The path below the directory argument, the file name of a file argument, or the line
    // of --files-from, after --prefix.
    Path,
}

/// Which files of a directory are taken. Patterns are globs; one without a `/` is matched
/// against the file name (as in `.gitignore`), one with a `/` against the path below the
/// directory argument, where `*` stays within one directory and `**` crosses them.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

#[derive(Clone, Debug)]
struct Pattern {
    matcher: GlobMatcher,
    name_only: bool,
}

impl Pattern {
    fn new(text: &str) -> Result<Self, String> {
        let trimmed = text.trim_start_matches("./");
        let glob = GlobBuilder::new(trimmed)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("bad pattern {text:?}: {e}"))?;
        Ok(Pattern {
            matcher: glob.compile_matcher(),
            name_only: !trimmed.contains('/'),
        })
    }

    fn matches(&self, relative: &str) -> bool {
        if self.name_only {
            let name = relative.rsplit('/').next().unwrap_or(relative);
            self.matcher.is_match(name)
        } else {
            self.matcher.is_match(relative)
        }
    }
}

impl Filter {
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, String> {
        Ok(Filter {
            include: include
                .iter()
                .map(|p| Pattern::new(p))
                .collect::<Result<_, _>>()?,
            exclude: exclude
                .iter()
                .map(|p| Pattern::new(p))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Whether a file at `relative` (below the directory, `/`-separated) is taken.
    pub fn takes_file(&self, relative: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| p.matches(relative)))
            && !self.excludes(relative)
    }

    /// Whether a file or a whole directory is left out.
    pub fn excludes(&self, relative: &str) -> bool {
        self.exclude.iter().any(|p| p.matches(relative))
    }
}

/// What to upload, as the user said it.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// Paths, directories, URLs and `-` from the command line.
    pub sources: Vec<String>,
    /// Paths read from `--files-from`, one a line.
    pub listed: Vec<String>,
    /// `--id`: the one image's id.
    pub custom_id: Option<String>,
    pub id_from: IdFrom,
    pub prefix: String,
    pub filter: Filter,
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

/// Where a path came from, which decides the id it gets with `--id-from path`.
#[derive(Clone, Copy)]
enum Origin {
    Argument,
    Listed,
}

struct Planner<'a> {
    inputs: &'a Inputs,
    plan: Plan,
    problems: Vec<String>,
    seen: HashSet<PathBuf>,
}

/// Expand and check the inputs. `stdin` is read only when `-` is among them.
pub fn plan(
    inputs: &Inputs,
    read_stdin: &mut dyn FnMut() -> std::io::Result<Vec<u8>>,
) -> Result<Plan, PlanError> {
    let mut planner = Planner {
        inputs,
        plan: Plan::default(),
        problems: Vec::new(),
        seen: HashSet::new(),
    };
    for input in &inputs.sources {
        if input == "-" {
            planner.stdin(read_stdin);
        } else if is_url(input) {
            if inputs.id_from == IdFrom::Path {
                planner
                    .problems
                    .push(format!("{input}: --id-from path needs a file, not a URL"));
            }
            planner.plan.items.push(Item {
                source: ItemSource::Url(input.clone()),
                label: input.clone(),
                id: None,
            });
        } else {
            planner.path(input, Origin::Argument);
        }
    }
    for line in &inputs.listed {
        planner.path(line, Origin::Listed);
    }
    let Planner {
        mut plan,
        mut problems,
        ..
    } = planner;
    if let Some(id) = &inputs.custom_id {
        if plan.items.len() == 1 {
            plan.items[0].id = Some(id.clone());
        } else if problems.is_empty() {
            problems.push(format!(
                "--id names one image, but there are {} to upload; use --id-from path for many",
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

impl Planner<'_> {
    fn stdin(&mut self, read_stdin: &mut dyn FnMut() -> std::io::Result<Vec<u8>>) {
        if self.inputs.id_from == IdFrom::Path {
            self.problems
                .push("-: --id-from path needs a file; give stdin an id with --id".into());
        }
        match read_stdin() {
            Ok(data) => match image_file::inspect_bytes(&data, "stdin") {
                Ok(info) => self.plan.items.push(Item {
                    source: ItemSource::Stdin {
                        data: data.into(),
                        info,
                    },
                    label: "-".into(),
                    id: None,
                }),
                Err(e) => self.problems.push(e.to_string()),
            },
            Err(e) => self.problems.push(format!("cannot read stdin: {e}")),
        }
    }

    fn path(&mut self, input: &str, origin: Origin) {
        let path = PathBuf::from(input);
        if path.is_dir() {
            self.walk(&path);
            return;
        }
        match image_file::inspect_path(&path) {
            Ok(info) => {
                let relative = match origin {
                    // "Relative to the argument" for a file is its own name.
                    Origin::Argument => path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| input.to_string()),
                    Origin::Listed => match slash_path(&path) {
                        Ok(p) => p,
                        Err(why) => {
                            if self.inputs.id_from == IdFrom::Path {
                                self.problems.push(format!("{input}: {why}"));
                            }
                            input.to_string()
                        }
                    },
                };
                self.push(path, input.to_string(), info, &relative);
            }
            Err(e) => self.problems.push(e.to_string()),
        }
    }

    fn push(&mut self, path: PathBuf, label: String, info: ImageInfo, relative: &str) {
        // The same file reached twice (`assets assets/logo.png`) is uploaded once.
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !self.seen.insert(key) {
            self.plan.duplicates.push(label);
            return;
        }
        let id = match self.inputs.id_from {
            IdFrom::None => None,
            IdFrom::Path => Some(format!("{}{relative}", self.inputs.prefix)),
        };
        self.plan.items.push(Item {
            label,
            source: ItemSource::File { path, info },
            id,
        });
    }

    /// Add every image file below `dir`, in a stable order. Files that are not images are
    /// noted, not fatal: a folder of build assets often holds a stray README. Images that break
    /// the API's limits are fatal, since the user meant to upload them.
    fn walk(&mut self, dir: &Path) {
        let filter = &self.inputs.filter;
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                // An excluded directory is not even read: `--exclude node_modules`.
                entry.depth() == 0
                    || slash_path(entry.path().strip_prefix(dir).unwrap_or(entry.path()))
                        .map(|rel| !filter.excludes(&rel))
                        .unwrap_or(true)
            });
        let mut found = Vec::new();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.problems
                        .push(format!("cannot read {}: {e}", dir.display()));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.into_path();
            let relative = match slash_path(path.strip_prefix(dir).unwrap_or(&path)) {
                Ok(relative) => relative,
                Err(why) => {
                    self.problems.push(format!("{}: {why}", path.display()));
                    continue;
                }
            };
            if filter.takes_file(&relative) {
                found.push((path, relative));
            }
        }
        for (path, relative) in found {
            match image_file::inspect_path(&path) {
                Ok(info) => self.push(path.clone(), path.display().to_string(), info, &relative),
                Err(e) if is_not_an_image(&e) => self.plan.ignored.push(path),
                Err(e) => self.problems.push(e.to_string()),
            }
        }
    }
}

/// A relative path written with `/`, as ids and patterns want it: `./` dropped, and no `..`
/// or absolute paths, which would make ids that do not say where a file came from.
fn slash_path(path: &Path) -> Result<String, String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(
                part.to_str()
                    .ok_or("the path is not valid UTF-8, so it cannot become an id")?
                    .to_string(),
            ),
            Component::CurDir => {}
            Component::ParentDir => {
                return Err(
                    "a path with `..` cannot become an id; list paths below the current directory"
                        .into(),
                );
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("an absolute path cannot become an id; list relative paths".into());
            }
        }
    }
    Ok(parts.join("/"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn png() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/images/logo.png"
        ))
        .unwrap()
    }

    /// A tree: a.png, b.txt, icons/c.png, icons/d.png, node_modules/e.png
    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("icons")).unwrap();
        std::fs::create_dir_all(root.join("node_modules")).unwrap();
        for name in ["a.png", "icons/c.png", "icons/d.png", "node_modules/e.png"] {
            std::fs::write(root.join(name), png()).unwrap();
        }
        std::fs::write(root.join("b.txt"), "notes").unwrap();
        dir
    }

    fn run(inputs: &Inputs) -> Result<Plan, PlanError> {
        plan(inputs, &mut || Ok(Vec::new()))
    }

    fn ids(plan: &Plan) -> Vec<String> {
        plan.items.iter().filter_map(|i| i.id.clone()).collect()
    }

    #[test]
    fn directories_are_walked_with_ids_below_the_argument() {
        let dir = tree();
        let inputs = Inputs {
            sources: vec![dir.path().display().to_string()],
            id_from: IdFrom::Path,
            prefix: "v1/".into(),
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert_eq!(
            ids(&plan),
            [
                "v1/a.png",
                "v1/icons/c.png",
                "v1/icons/d.png",
                "v1/node_modules/e.png"
            ]
        );
        assert_eq!(plan.ignored.len(), 1);
    }

    #[test]
    fn include_and_exclude_follow_gitignore_style_rules() {
        let dir = tree();
        let mut inputs = Inputs {
            sources: vec![dir.path().display().to_string()],
            id_from: IdFrom::Path,
            filter: Filter::new(&["*.png".into()], &["node_modules".into()]).unwrap(),
            ..Inputs::default()
        };
        assert_eq!(
            ids(&run(&inputs).unwrap()),
            ["a.png", "icons/c.png", "icons/d.png"]
        );
        inputs.filter = Filter::new(&["icons/*".into()], &["d.*".into()]).unwrap();
        assert_eq!(ids(&run(&inputs).unwrap()), ["icons/c.png"]);
        inputs.filter = Filter::new(&["*/c.png".into()], &[]).unwrap();
        assert_eq!(ids(&run(&inputs).unwrap()), ["icons/c.png"]);
        assert!(Filter::new(&["a[".into()], &[]).is_err());
    }

    #[test]
    fn listed_paths_keep_their_written_form_as_ids() {
        let dir = tree();
        let cwd_relative = |name: &str| dir.path().join(name).display().to_string();
        let inputs = Inputs {
            listed: vec![cwd_relative("a.png")],
            id_from: IdFrom::Path,
            ..Inputs::default()
        };
        // Absolute paths cannot become ids.
        let err = run(&inputs).unwrap_err();
        assert!(err.to_string().contains("absolute"), "{err}");
        let inputs = Inputs {
            listed: vec![cwd_relative("a.png"), cwd_relative("icons")],
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert_eq!(plan.items.len(), 3);
        assert!(plan.items.iter().all(|i| i.id.is_none()));
        assert_eq!(slash_path(Path::new("./x/./y.png")).unwrap(), "x/y.png");
        assert!(slash_path(Path::new("../y.png")).is_err());
    }

    #[test]
    fn the_same_file_twice_is_planned_once_and_clashing_ids_are_refused() {
        let dir = tree();
        let a = dir.path().join("a.png").display().to_string();
        let inputs = Inputs {
            sources: vec![a.clone(), a.clone()],
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert_eq!(plan.items.len(), 1);
        assert_eq!(plan.duplicates, std::slice::from_ref(&a));

        // a.png as a file argument and icons/a.png below a directory argument: both `a.png`.
        std::fs::copy(dir.path().join("a.png"), dir.path().join("icons/a.png")).unwrap();
        let inputs = Inputs {
            sources: vec![a, dir.path().join("icons").display().to_string()],
            id_from: IdFrom::Path,
            filter: Filter::new(&["a.png".into()], &[]).unwrap(),
            ..Inputs::default()
        };
        let err = run(&inputs).unwrap_err();
        assert!(err.to_string().contains("both get the id 'a.png'"), "{err}");
    }
}
