//! The config file as text: read and checked key by key (errors name the key and its line,
//! never a value, which may be a secret), and edited in place with `toml_edit`, so comments,
//! order and formatting survive every change cfimg makes; written atomically, through a
//! symbolic link to the file it points at.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, ImDocument, Item, Table, TableLike, Value};

use super::{ConfigError, ConfigFile, Profile};

/// The keys a `[profiles.NAME]` table takes.
pub const PROFILE_KEYS: &[&str] = &[
    "account_id",
    "api_token",
    "api_key",
    "email",
    "api_url",
    "account_hash",
    "delivery_url",
    "signing_key",
];

/// The config file, parsed for reading and kept as a document for editing.
pub struct ConfigDocument {
    path: PathBuf,
    doc: DocumentMut,
    file: ConfigFile,
    /// The comments of a file that has nothing else yet, kept above what is added to it
    /// (`toml_edit` would otherwise keep them after the new tables, as trailing text).
    header: String,
}

impl ConfigDocument {
    /// Read and check the file; a file that does not exist is an empty document.
    pub fn open(path: &Path) -> Result<Self, ConfigError> {
        let text = read_text(path)?.unwrap_or_default();
        let (doc, file) = parse(path, &text)?;
        let mut doc = doc.into_mut();
        let mut header = String::new();
        if doc.as_table().is_empty() {
            header = doc.trailing().as_str().unwrap_or_default().to_string();
            doc.set_trailing("");
        }
        Ok(ConfigDocument {
            path: path.to_path_buf(),
            doc,
            file,
            header,
        })
    }

    pub fn file(&self) -> &ConfigFile {
        &self.file
    }

    /// Make the profile `name` hold exactly `profile`'s values. Keys whose value stays the same
    /// are not touched, so their comments and spacing stay as they are.
    pub fn set_profile(&mut self, name: &str, profile: &Profile) -> Result<(), ConfigError> {
        let old = self.file.profiles.get(name).cloned().unwrap_or_default();
        let table = self.profile_table(name)?;
        for key in PROFILE_KEYS {
            let (before, after) = (field(&old, key), field(profile, key));
            if before == after {
                continue;
            }
            match after {
                Some(value) => {
                    match table.get_mut(key) {
                        // Keep the key's own decoration (`account_id   = …  # note`).
                        Some(Item::Value(existing)) => {
                            let decor = existing.decor().clone();
                            *existing = Value::from(value.as_str());
                            *existing.decor_mut() = decor;
                        }
                        _ => {
                            table.insert(key, toml_edit::value(value.as_str()));
                        }
                    }
                }
                None => {
                    table.remove(key);
                }
            }
        }
        self.file.profiles.insert(name.to_string(), profile.clone());
        Ok(())
    }

    /// Set or clear `default_profile`.
    pub fn set_default_profile(&mut self, name: Option<&str>) {
        let root = self.doc.as_table_mut();
        match name {
            Some(name) => match root.get_mut("default_profile") {
                Some(Item::Value(existing)) => {
                    let decor = existing.decor().clone();
                    *existing = Value::from(name);
                    *existing.decor_mut() = decor;
                }
                // Top-level values are written before any table: at the top.
                _ => {
                    root.insert("default_profile", toml_edit::value(name));
                }
            },
            None => {
                root.remove("default_profile");
            }
        }
        self.file.default_profile = name.map(str::to_string);
    }

    /// Remove the profile `name` (its table and the comments inside it); false if there was none.
    pub fn remove_profile(&mut self, name: &str) -> bool {
        if self.file.profiles.remove(name).is_none() {
            return false;
        }
        if let Some(profiles) = self
            .doc
            .as_table_mut()
            .get_mut("profiles")
            .and_then(Item::as_table_like_mut)
        {
            profiles.remove(name);
        }
        true
    }

    /// The document as it will be written.
    pub fn text(&self) -> String {
        format!("{}{}", self.header, self.doc)
    }

    /// Write the document; see [`write_private`].
    pub fn save(&self) -> Result<(), ConfigError> {
        write_private(&self.path, &self.text())
    }

    /// The table of profile `name`, created (as `[profiles.NAME]`, at the end) when missing.
    fn profile_table(&mut self, name: &str) -> Result<&mut dyn TableLike, ConfigError> {
        let root = self.doc.as_table_mut();
        if !root.contains_key("profiles") {
            // `[profiles]` itself stays unwritten: only `[profiles.NAME]` headers appear.
            let mut profiles = Table::new();
            profiles.set_implicit(true);
            root.insert("profiles", Item::Table(profiles));
        }
        let not_a_table = || ConfigError::Invalid {
            path: self.path.clone(),
            reason: format!("`profiles.{name}` is not a table"),
            hint: None,
        };
        let profiles = root
            .get_mut("profiles")
            .and_then(Item::as_table_like_mut)
            .ok_or_else(not_a_table)?;
        if !profiles.contains_key(name) {
            profiles.insert(name, Item::Table(Table::new()));
        }
        profiles
            .get_mut(name)
            .and_then(Item::as_table_like_mut)
            .ok_or_else(not_a_table)
    }
}

fn field(profile: &Profile, key: &str) -> Option<String> {
    match key {
        "account_id" => profile.account_id.clone(),
        "api_token" => profile.api_token.clone(),
        "api_key" => profile.api_key.clone(),
        "email" => profile.email.clone(),
        "api_url" => profile.api_url.clone(),
        "account_hash" => profile.account_hash.clone(),
        "delivery_url" => profile.delivery_url.clone(),
        "signing_key" => profile.signing_key.clone(),
        _ => None,
    }
}

fn field_mut<'a>(profile: &'a mut Profile, key: &str) -> Option<&'a mut Option<String>> {
    Some(match key {
        "account_id" => &mut profile.account_id,
        "api_token" => &mut profile.api_token,
        "api_key" => &mut profile.api_key,
        "email" => &mut profile.email,
        "api_url" => &mut profile.api_url,
        "account_hash" => &mut profile.account_hash,
        "delivery_url" => &mut profile.delivery_url,
        "signing_key" => &mut profile.signing_key,
        _ => return None,
    })
}

/// The file's text, or `None` when there is no file.
pub fn read_text(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Unreadable {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Parse and check the text: TOML syntax (duplicate keys included), then every key and type.
pub fn parse<'t>(
    path: &Path,
    text: &'t str,
) -> Result<(ImDocument<&'t str>, ConfigFile), ConfigError> {
    let doc = ImDocument::parse(text).map_err(|e| {
        // The parser's messages describe the syntax and never quote the text, so a token on a
        // broken line does not end up on the screen.
        let message = e.message().trim().replace('\n', "; ");
        let hint = message
            .starts_with("duplicate key")
            .then(|| "each key may appear once in a table: keep one of them".to_string());
        Problem::new(message, e.span().map(|s| s.start), hint).into_error(path, text)
    })?;
    let file = read_document(doc.as_table()).map_err(|p| p.into_error(path, text))?;
    Ok((doc, file))
}

/// What is wrong, where.
struct Problem {
    reason: String,
    offset: Option<usize>,
    hint: Option<String>,
}

impl Problem {
    fn new(reason: String, offset: Option<usize>, hint: Option<String>) -> Self {
        Problem {
            reason,
            offset,
            hint,
        }
    }

    fn into_error(self, path: &Path, text: &str) -> ConfigError {
        let reason = match self.offset {
            Some(offset) => format!("{} (line {})", self.reason, line_of(text, offset)),
            None => self.reason,
        };
        ConfigError::Invalid {
            path: path.to_path_buf(),
            reason,
            hint: self.hint,
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Where a key starts in the text, when the parser kept it.
fn key_offset(table: &dyn TableLike, key: &str) -> Option<usize> {
    table
        .get_key_value(key)
        .and_then(|(k, item)| k.span().or_else(|| item.span()))
        .map(|s| s.start)
}

fn read_document(root: &Table) -> Result<ConfigFile, Problem> {
    let mut file = ConfigFile::default();
    for (key, item) in root.iter() {
        let at = key_offset(root, key);
        match key {
            "default_profile" => {
                file.default_profile = Some(string(item, "`default_profile`", at)?);
            }
            "profiles" => {
                let profiles = item.as_table_like().ok_or_else(|| {
                    Problem::new(
                        "`profiles` must hold one table per profile, written [profiles.NAME]"
                            .into(),
                        at,
                        None,
                    )
                })?;
                file.profiles = read_profiles(profiles)?;
            }
            other if PROFILE_KEYS.contains(&other) => {
                return Err(Problem::new(
                    format!("unknown key `{other}` at the top level"),
                    at,
                    Some(format!(
                        "`{other}` is a profile setting: put it under a profile's table, [profiles.default] or another [profiles.NAME]"
                    )),
                ));
            }
            other => {
                return Err(Problem::new(
                    format!("unknown key `{other}` at the top level"),
                    at,
                    Some("the top level takes `default_profile` and [profiles.NAME] tables".into()),
                ));
            }
        }
    }
    Ok(file)
}

fn read_profiles(profiles: &dyn TableLike) -> Result<BTreeMap<String, Profile>, Problem> {
    let mut out = BTreeMap::new();
    for (name, item) in profiles.iter() {
        let at = key_offset(profiles, name);
        let table = item.as_table_like().ok_or_else(|| {
            Problem::new(
                format!("`profiles.{name}` must be a table, written [profiles.{name}]"),
                at,
                None,
            )
        })?;
        let mut profile = Profile::default();
        for (key, item) in table.iter() {
            let at = key_offset(table, key);
            let Some(slot) = field_mut(&mut profile, key) else {
                return Err(Problem::new(
                    format!("unknown key `{key}` in [profiles.{name}]"),
                    at,
                    Some(format!("a profile takes {}", PROFILE_KEYS.join(", "))),
                ));
            };
            *slot = Some(string(item, &format!("`{key}` in [profiles.{name}]"), at)?);
        }
        out.insert(name.to_string(), profile);
    }
    Ok(out)
}

/// A string value; anything else is described without being quoted.
fn string(item: &Item, what: &str, at: Option<usize>) -> Result<String, Problem> {
    item.as_str()
        .map(str::to_string)
        .ok_or_else(|| Problem::new(format!("{what} must be a string in quotes"), at, None))
}

/// The file a write lands in: `path`, or the file its symbolic links lead to, so a config
/// kept elsewhere (a dotfiles repository) stays linked instead of being replaced by a copy.
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut target = path.to_path_buf();
    // As many hops as the kernel follows before it calls it a loop.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(target),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Write `text` atomically (temp file in the target's directory, then rename), readable by the
/// owner only, so a crash never leaves half a file and a token never sits world-readable.
pub fn write_private(path: &Path, text: &str) -> Result<(), ConfigError> {
    let write_err = |target: &Path, source: std::io::Error| ConfigError::Write {
        path: path.to_path_buf(),
        target: (target != path).then(|| target.to_path_buf()),
        source,
    };
    let target = write_target(path).map_err(|e| write_err(path, e))?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir).map_err(|e| write_err(&target, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".config.toml.")
        .tempfile_in(dir)
        .map_err(|e| write_err(&target, e))?;
    // tempfile creates files 0600 on Unix; say so explicitly, it is the point.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| write_err(&target, e))?;
    }
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| write_err(&target, e))?;
    temp.persist(&target)
        .map_err(|e| write_err(&target, e.error))?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> String {
        match parse(Path::new("c.toml"), text) {
            Err(ConfigError::Invalid { reason, hint, .. }) => {
                format!("{reason} | {}", hint.unwrap_or_default())
            }
            other => panic!("expected an invalid file, got {:?}", other.map(|(_, f)| f)),
        }
    }

    #[test]
    fn a_profile_key_at_the_top_level_says_where_it_belongs() {
        let text = problem("api_token = \"abc-secret\"\n");
        assert!(
            text.contains("unknown key `api_token` at the top level (line 1)"),
            "{text}"
        );
        assert!(text.contains("[profiles.default]"), "{text}");
        assert!(!text.contains("abc-secret"), "{text}");
        assert!(!text.contains("in quotes"), "{text}");
    }

    #[test]
    fn duplicate_keys_are_named_with_their_line() {
        let text = problem("[profiles.p]\napi_token = \"a-secret\"\napi_token = \"b-secret\"\n");
        assert!(text.contains("duplicate key `api_token`"), "{text}");
        assert!(text.contains("(line 3)"), "{text}");
        assert!(!text.contains("secret"), "{text}");
        assert!(!text.contains("in quotes"), "{text}");
    }

    #[test]
    fn wrong_types_and_unknown_keys_are_named() {
        let text = problem("[profiles.p]\napi_token = 98765432109876\n");
        assert!(
            text.contains("`api_token` in [profiles.p] must be a string in quotes (line 2)"),
            "{text}"
        );
        assert!(!text.contains("98765432109876"), "{text}");
        let text = problem("[profiles.x]\naccount_idd = \"1\"\n");
        assert!(
            text.contains("unknown key `account_idd` in [profiles.x] (line 2)"),
            "{text}"
        );
        assert!(text.contains("a profile takes account_id"), "{text}");
        let text = problem("default_profile = 3\n");
        assert!(
            text.contains("`default_profile` must be a string"),
            "{text}"
        );
        let text = problem("profiles = 3\n");
        assert!(text.contains("`profiles` must hold"), "{text}");
    }

    #[test]
    fn edits_keep_comments_order_and_formatting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# my cfimg settings\n\
            default_profile = \"prod\"  # used unless --profile says otherwise\n\
            \n\
            # production\n\
            [profiles.prod]\n\
            account_id   = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"  # the main account\n\
            api_token    = \"old\"\n\
            \n\
            # staging, keep\n\
            [profiles.staging]\n\
            account_id = \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n";
        std::fs::write(&path, original).unwrap();
        let mut doc = ConfigDocument::open(&path).unwrap();
        let mut prod = doc.file().profiles["prod"].clone();
        prod.api_token = Some("new".into());
        doc.set_profile("prod", &prod).unwrap();
        doc.set_profile(
            "loc",
            &Profile {
                account_id: Some("cccccccccccccccccccccccccccccccc".into()),
                ..Profile::default()
            },
        )
        .unwrap();
        doc.set_default_profile(Some("loc"));
        doc.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "# my cfimg settings\n\
            default_profile = \"loc\"  # used unless --profile says otherwise\n\
            \n\
            # production\n\
            [profiles.prod]\n\
            account_id   = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"  # the main account\n\
            api_token    = \"new\"\n\
            \n\
            # staging, keep\n\
            [profiles.staging]\n\
            account_id = \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n\
            \n\
            [profiles.loc]\n\
            account_id = \"cccccccccccccccccccccccccccccccc\"\n"
        );
    }

    #[test]
    fn a_new_file_gets_plain_profile_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.toml");
        let mut doc = ConfigDocument::open(&path).unwrap();
        doc.set_profile(
            "prod",
            &Profile {
                account_id: Some("a".into()),
                api_token: Some("t".into()),
                ..Profile::default()
            },
        )
        .unwrap();
        doc.set_default_profile(Some("prod"));
        assert_eq!(
            doc.text(),
            "default_profile = \"prod\"\n\n[profiles.prod]\naccount_id = \"a\"\napi_token = \"t\"\n"
        );
        assert!(doc.remove_profile("prod"));
        doc.set_default_profile(None);
        assert!(!doc.remove_profile("prod"));
        assert!(!doc.text().contains("prod"), "{}", doc.text());
    }

    #[cfg(unix)]
    #[test]
    fn writes_go_through_symbolic_links() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("dotfiles")).unwrap();
        let real = dir.path().join("dotfiles/cfimg.toml");
        std::fs::write(&real, "# mine\n").unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink("dotfiles/cfimg.toml", &link).unwrap();
        write_private(&link, "# mine\n[profiles.p]\n").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(&real).unwrap(),
            "# mine\n[profiles.p]\n"
        );
    }
}
