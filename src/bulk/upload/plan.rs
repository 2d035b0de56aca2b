//! From the arguments of `images upload` to a checked list of items, before any request:
//! the arguments go together, every file exists, is an image of a supported format within the
//! API's limits, every URL is one the API can fetch, and every custom id is valid and unique
//! in the run.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobMatcher};

use crate::image_file::{self, ImageInfo};
use crate::image_id::{validate_custom_id, validate_id_prefix};

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
    /// Files reached twice (two arguments naming the same file); uploaded once.
    pub duplicates: Vec<String>,
    /// Paths that do not exist and are not fatal: lines of `--files-from` (a file deleted since
    /// the list was made), and with `--ignore-missing` any path. Each is reported on its own,
    /// as a failure or, with `--ignore-missing`, as a note.
    pub missing: Vec<String>,
}

impl Plan {
    /// Why there is nothing to upload, for the note that ends such a run.
    pub fn nothing_to_upload(&self) -> String {
        if !self.ignored.is_empty() {
            format!(
                "nothing to upload: the {} file(s) found are not images of a supported format ({})",
                self.ignored.len(),
                image_file::SUPPORTED
            )
        } else if !self.missing.is_empty() {
            format!(
                "nothing to upload: the {} path(s) given do not exist",
                self.missing.len()
            )
        } else {
            "nothing to upload: no images were found".to_string()
        }
    }
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

    /// No patterns at all: every file is taken.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
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
    /// `--ignore-missing`: a path that does not exist is skipped with a note, wherever it
    /// was named. Without it, a missing path on the command line stops the run before
    /// anything is sent, and a missing `--files-from` line fails on its own.
    pub ignore_missing: bool,
}

/// Arguments that cannot go together, found before anything is read: each is a usage mistake
/// (exit 2), not a problem with a file. `files_from` says whether `--files-from` was given,
/// since its lines are not read yet.
pub fn check_arguments(inputs: &Inputs, files_from: bool) -> Result<(), String> {
    let stdin_count = inputs.sources.iter().filter(|s| *s == "-").count();
    if stdin_count > 1 {
        return Err(format!(
            "- (stdin) is named {stdin_count} times, but stdin holds one image; name it once"
        ));
    }
    if let Some(id) = &inputs.custom_id {
        validate_custom_id(id).map_err(|e| format!("--id '{id}': {e}"))?;
        if files_from {
            return Err(
                "--id names one image, and --files-from lists many; use --id-from path".into(),
            );
        }
        if inputs.sources.len() > 1 {
            return Err(format!(
                "--id names one image, but {} inputs are given; use --id-from path for many",
                inputs.sources.len()
            ));
        }
        if let Some(dir) = inputs.sources.iter().find(|s| Path::new(s).is_dir()) {
            return Err(format!(
                "--id names one image, but {dir} is a directory; use --id-from path, or name the file"
            ));
        }
    }
    if inputs.id_from == IdFrom::Path {
        validate_id_prefix(&inputs.prefix)
            .map_err(|why| format!("--prefix '{}': {why}", inputs.prefix))?;
        if stdin_count > 0 {
            return Err(
                "--id-from path needs files, and stdin (-) has no path; upload it on its own with --id"
                    .into(),
            );
        }
        if let Some(url) = inputs.sources.iter().find(|s| looks_like_url(s)) {
            return Err(format!(
                "--id-from path needs files, and {url} is a URL; upload it on its own with --id"
            ));
        }
    }
    if !inputs.filter.is_empty()
        && !files_from
        && !inputs.sources.iter().any(|s| Path::new(s).is_dir())
    {
        return Err(
            "--include and --exclude choose files inside directories, and no directory is given; files named directly are always taken"
                .into(),
        );
    }
    Ok(())
}

/// True for arguments written as a URL (`scheme://…`, the scheme in any letter case): they
/// are never looked up as paths, so `HTTPS://x/a.png` or `ftp://…` get a word about the URL
/// rather than "no such file". A file whose name really looks like that can be given as
/// `./name`. One-letter schemes are left out, as `C://…` is a Windows path.
pub fn looks_like_url(arg: &str) -> bool {
    let Some((scheme, _)) = arg.split_once("://") else {
        return false;
    };
    scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Checks a URL the API is to fetch, and returns it as it will be sent: normalised (scheme and
/// host in lower case, spaces in the path percent-encoded). Only http and https are taken;
/// the API's documentation names https URLs and says nothing of http, so http is let through
/// and left for the API to judge.
pub fn check_url(arg: &str) -> Result<String, String> {
    // URL parsers drop tabs and newlines silently; in an argument they are a pasting accident.
    if let Some(c) = arg.chars().find(|c| c.is_control()) {
        return Err(format!(
            "{arg}: not a valid URL: it contains the control character U+{:04X}",
            u32::from(c)
        ));
    }
    let url = url::Url::parse(arg).map_err(|e| {
        use url::ParseError as E;
        let why = match e {
            E::EmptyHost => "it has no host".to_string(),
            E::IdnaError | E::InvalidDomainCharacter => {
                "the host is not a valid domain name".to_string()
            }
            E::InvalidPort => "the port is not a number from 0 to 65535".to_string(),
            E::InvalidIpv4Address | E::InvalidIpv6Address => {
                "the host is not a valid IP address".to_string()
            }
            other => other.to_string(),
        };
        format!("{arg}: not a valid URL: {why}")
    })?;
    match url.scheme() {
        "http" | "https" => {}
        "file" => {
            let path = url
                .to_file_path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|()| url.path().to_string());
            return Err(format!(
                "{arg}: file:// URLs are not fetched; give the path itself ({path})"
            ));
        }
        other => {
            return Err(format!(
                "{arg}: {other}:// URLs cannot be uploaded; the API fetches only http:// and https:// URLs, so download the file and upload it"
            ));
        }
    }
    // URL parsers repair `http:///a.png` into the host `a.png`; the user left the host out.
    let after_scheme = arg.split_once("://").map_or("", |(_, rest)| rest);
    if after_scheme.starts_with(['/', '\\']) {
        return Err(format!("{arg}: not a valid URL: it has no host"));
    }
    if let Some(url::Host::Domain(host)) = url.host() {
        let labels = host.strip_suffix('.').unwrap_or(host);
        let valid_label = |label: &str| {
            !label.is_empty()
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if !labels.split('.').all(valid_label) {
            return Err(format!(
                "{arg}: not a valid URL: the host is not a valid domain name"
            ));
        }
    }
    Ok(url.into())
}

/// Everything wrong with the inputs, one problem each; nothing is sent when this is not empty.
#[derive(Debug, thiserror::Error)]
#[error("{}", match .problems.as_slice() {
    [one] => one.clone(),
    many => format!("{} problems with the inputs; nothing was sent", many.len()),
})]
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
        } else if looks_like_url(input) {
            match check_url(input) {
                Ok(url) => planner.plan.items.push(Item {
                    source: ItemSource::Url(url),
                    label: input.clone(),
                    id: None,
                }),
                Err(problem) => planner.problems.push(problem),
            }
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
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(PlanError { problems })
    }
}

impl Planner<'_> {
    fn stdin(&mut self, read_stdin: &mut dyn FnMut() -> std::io::Result<Vec<u8>>) {
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
                        // Only --id-from path makes an id of it.
                        Err(why) if self.inputs.id_from == IdFrom::Path => {
                            self.problems.push(format!("{input}: {why}"));
                            return;
                        }
                        Err(_) => input.to_string(),
                    },
                };
                self.push(path, input.to_string(), info, &relative);
            }
            Err(image_file::ImageFileError::NotFound { .. })
                if self.inputs.ignore_missing || matches!(origin, Origin::Listed) =>
            {
                self.plan.missing.push(input.to_string());
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

    #[test]
    fn url_arguments_are_told_apart_from_paths_in_any_case() {
        for arg in [
            "https://x/a.png",
            "HTTPS://X/a.png",
            "Http://x",
            "ftp://x/a.png",
            "file:///tmp/a.png",
            "s3+https://b/k",
        ] {
            assert!(looks_like_url(arg), "{arg}");
        }
        for arg in [
            "a.png",
            "dir/a.png",
            "C://x/a.png",
            "./http://x",
            "http:/x",
            "1a://x",
            "",
        ] {
            assert!(!looks_like_url(arg), "{arg}");
        }
    }

    #[test]
    fn only_valid_http_and_https_urls_are_sent_and_they_are_normalised() {
        assert_eq!(
            check_url("https://example.com/a.png").unwrap(),
            "https://example.com/a.png"
        );
        assert_eq!(check_url("HTTPS://X/a.png").unwrap(), "https://x/a.png");
        assert_eq!(
            check_url("http://example.com/a.png").unwrap(),
            "http://example.com/a.png"
        );
        assert_eq!(
            check_url("https://example.com/a b.png").unwrap(),
            "https://example.com/a%20b.png"
        );
        assert_eq!(
            check_url("https://127.0.0.1:8080/a").unwrap(),
            "https://127.0.0.1:8080/a"
        );
        assert_eq!(
            check_url("https://example.com./a").unwrap(),
            "https://example.com./a"
        );
        for (arg, why) in [
            (
                "http://exa mple.com/a.png",
                "the host is not a valid domain name",
            ),
            (
                "http://exa%20mple.com/a.png",
                "the host is not a valid domain name",
            ),
            ("http://a..b/a.png", "the host is not a valid domain name"),
            ("http://./a.png", "the host is not a valid domain name"),
            ("https:///a.png", "it has no host"),
            ("https://x/a\tb.png", "the control character U+0009"),
            ("https://x:99999/a.png", "the port is not a number"),
            (
                "ftp://example.com/a.png",
                "ftp:// URLs cannot be uploaded; the API fetches only http:// and https:// URLs",
            ),
            ("FTP://example.com/a.png", "ftp:// URLs cannot be uploaded"),
            (
                "file:///tmp/a.png",
                "file:// URLs are not fetched; give the path itself (/tmp/a.png)",
            ),
        ] {
            let err = check_url(arg).unwrap_err();
            assert!(err.starts_with(&format!("{arg}: ")), "{err}");
            assert!(err.contains(why), "{arg}: {err}");
        }
    }

    #[test]
    fn argument_combinations_that_cannot_work_are_refused_before_reading() {
        let dir = tree();
        let d = dir.path().display().to_string();
        let a = dir.path().join("a.png").display().to_string();
        let check = |sources: &[&str], f: &dyn Fn(&mut Inputs), files_from: bool| {
            let mut inputs = Inputs {
                sources: sources.iter().map(|s| s.to_string()).collect(),
                ..Inputs::default()
            };
            f(&mut inputs);
            check_arguments(&inputs, files_from)
        };
        let with_id = |i: &mut Inputs| i.custom_id = Some("x".into());
        let by_path = |i: &mut Inputs| i.id_from = IdFrom::Path;
        let none = |_: &mut Inputs| {};
        assert!(check(&[&a], &with_id, false).is_ok());
        assert!(check(&["https://e.com/a.png"], &with_id, false).is_ok());
        assert!(check(&["-"], &with_id, false).is_ok());
        assert!(check(&[&a, &d], &by_path, true).is_ok());
        for (sources, f, files_from, why) in [
            (
                vec!["-", "-"],
                &none as &dyn Fn(&mut Inputs),
                false,
                "named 2 times",
            ),
            (
                vec![a.as_str(), a.as_str()],
                &with_id,
                false,
                "2 inputs are given",
            ),
            (vec![d.as_str()], &with_id, false, "is a directory"),
            (vec![a.as_str()], &with_id, true, "--files-from lists many"),
            (vec!["-"], &by_path, false, "stdin (-) has no path"),
            (vec!["HTTPS://e.com/a.png"], &by_path, false, "is a URL"),
        ] {
            let err = check(&sources, f, files_from).unwrap_err();
            assert!(err.contains(why), "{sources:?}: {err}");
        }
        let bad_id = |i: &mut Inputs| i.custom_id = Some("a/./b".into());
        assert!(
            check(&[&a], &bad_id, false)
                .unwrap_err()
                .contains("'.' segment")
        );
        let bad_prefix = |i: &mut Inputs| {
            i.id_from = IdFrom::Path;
            i.prefix = "../".into();
        };
        assert!(
            check(&[&d], &bad_prefix, false)
                .unwrap_err()
                .starts_with("--prefix '../': ")
        );
        let filtered = |i: &mut Inputs| i.filter = Filter::new(&["*.png".into()], &[]).unwrap();
        assert!(
            check(&[&a], &filtered, false)
                .unwrap_err()
                .contains("no directory")
        );
        assert!(check(&[&d], &filtered, false).is_ok());
        assert!(check(&[], &filtered, true).is_ok());
    }

    #[test]
    fn missing_paths_fail_up_front_unless_listed_or_ignored() {
        let dir = tree();
        let gone = dir.path().join("gone.png").display().to_string();
        let a = dir.path().join("a.png").display().to_string();
        // Named directly: the run stops before anything is sent.
        let inputs = Inputs {
            sources: vec![a.clone(), gone.clone()],
            ..Inputs::default()
        };
        let err = run(&inputs).unwrap_err();
        assert_eq!(
            err.problems,
            [format!("{gone}: no such file; check the path")]
        );
        // Listed: the others go, the missing path is reported on its own.
        let inputs = Inputs {
            listed: vec![gone.clone(), a.clone()],
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert_eq!(
            (plan.items.len(), plan.missing.clone()),
            (1, vec![gone.clone()])
        );
        // --ignore-missing: anywhere.
        let inputs = Inputs {
            sources: vec![gone.clone()],
            ignore_missing: true,
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert!(plan.items.is_empty());
        assert_eq!(plan.missing, [gone]);
        assert_eq!(
            plan.nothing_to_upload(),
            "nothing to upload: the 1 path(s) given do not exist"
        );
    }

    #[test]
    fn an_empty_directory_is_an_empty_plan_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = Inputs {
            sources: vec![dir.path().display().to_string()],
            ..Inputs::default()
        };
        let plan = run(&inputs).unwrap();
        assert!(plan.items.is_empty());
        assert_eq!(
            plan.nothing_to_upload(),
            "nothing to upload: no images were found"
        );
        std::fs::write(dir.path().join("notes.txt"), "text").unwrap();
        let plan = run(&inputs).unwrap();
        assert!(plan.nothing_to_upload().starts_with(
            "nothing to upload: the 1 file(s) found are not images of a supported format"
        ));
    }

    #[test]
    fn several_problems_are_counted_one_is_itself() {
        let one = PlanError {
            problems: vec!["a: no such file".into()],
        };
        assert_eq!(one.to_string(), "a: no such file");
        let two = PlanError {
            problems: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            two.to_string(),
            "2 problems with the inputs; nothing was sent"
        );
    }
}
