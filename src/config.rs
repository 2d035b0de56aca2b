//! The profile file and how every setting is resolved, with where each value came from.
//!
//! Precedence, most explicit first: command-line flags (an explicit `--profile` counts as one:
//! its values beat the environment), then environment variables, then the profile chosen by
//! `CFIMG_PROFILE`, then `default_profile`, then the profile named `default`.

mod file;
mod network;
pub mod vars;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::api::{Auth, DEFAULT_API_URL, Secret};

pub use file::{ConfigDocument, write_target};
pub use network::resolve as network;

/// The environment variables we read, captured once so the rest of the program (and its
/// tests) never touch the process environment. (`vars` says why every variable is read from
/// here, and none through clap.)
#[derive(Clone, Debug, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
}

impl Env {
    /// Names this program reads. Only these are captured.
    pub const NAMES: &'static [&'static str] = &[
        vars::PROFILE.var,
        vars::CONFIG.var,
        vars::ACCOUNT_ID.var,
        vars::API_URL.var,
        vars::BATCH_URL.var,
        vars::EMULATOR_TOKEN.var,
        "CFIMG_SIGNING_KEY",
        "CLOUDFLARE_API_TOKEN",
        "CLOUDFLARE_API_KEY",
        "CLOUDFLARE_EMAIL",
        // Which certificate authorities HTTPS trusts, as OpenSSL and curl read them.
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        // Proxies, in both spellings, as curl reads them.
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        // Colour, as most tools read it (see `ui::ColourChoice`).
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        // The terminal's width, for tables, as shells export it.
        "COLUMNS",
    ];

    pub fn from_process() -> Self {
        Env {
            vars: Self::NAMES
                .iter()
                .filter_map(|name| std::env::var(name).ok().map(|v| (name.to_string(), v)))
                .collect(),
        }
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Env {
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// A variable's value; set-but-empty counts as unset, as most tools treat it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }
}

/// `config.toml`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One `[profiles.NAME]` table.
#[derive(Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_token: Option<String>,
    /// Legacy global API key, used with `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    /// Delivery URLs without an API call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_hash: Option<String>,
    /// A custom delivery domain, e.g. `https://example.com/cdn-cgi/imagedelivery`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_url: Option<String>,
    /// A signing key value for signed URLs, so they can be made offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "****");
        f.debug_struct("Profile")
            .field("account_id", &self.account_id)
            .field("api_token", &hidden(&self.api_token))
            .field("api_key", &hidden(&self.api_key))
            .field("email", &self.email)
            .field("api_url", &self.api_url)
            .field("account_hash", &self.account_hash)
            .field("delivery_url", &self.delivery_url)
            .field("signing_key", &hidden(&self.signing_key))
            .finish()
    }
}

/// Where a resolved value came from, said the way a person would look for it: the flag as
/// typed, the variable as `$NAME`, the profile by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// `--account-id`
    Flag(&'static str),
    /// `$CLOUDFLARE_ACCOUNT_ID`
    Env(&'static str),
    /// A value set in `[profiles.NAME]`: `profile prod`.
    Profile(String),
    /// The profile chosen by the file's `default_profile`.
    DefaultProfile(PathBuf),
    /// The profile chosen because it is named `default` and nothing else chose one.
    ProfileNamedDefault,
    /// cfimg's own default.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(name) => f.write_str(name),
            Source::Env(name) => write!(f, "${name}"),
            Source::Profile(name) => write!(f, "profile {name}"),
            Source::DefaultProfile(path) => {
                write!(f, "the default_profile in {}", path.display())
            }
            Source::ProfileNamedDefault => {
                f.write_str("the profile named default (no default_profile is set)")
            }
            Source::Default => f.write_str("built-in default"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// Setting flags a command has of its own (`images url --account-hash`, `--delivery-url`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingFlags {
    pub account_hash: Option<String>,
    pub delivery_url: Option<String>,
}

/// What the command line says, before resolution: the global flags, and the setting flags of
/// the command being run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub profile: Option<String>,
    /// The flag that named `profile`, for messages: `--profile` unless a command names a
    /// second account (`images copy --to-profile`).
    pub profile_flag: Option<&'static str>,
    pub account_id: Option<String>,
    pub api_url: Option<String>,
    pub account_hash: Option<String>,
    pub delivery_url: Option<String>,
}

/// Every setting, resolved, with its source.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub path: Sourced<PathBuf>,
    pub profile: Option<Sourced<String>>,
    pub account_id: Option<Sourced<String>>,
    pub auth: Option<Sourced<Auth>>,
    pub api_url: Sourced<String>,
    pub account_hash: Option<Sourced<String>>,
    pub delivery_url: Option<Sourced<String>>,
    pub signing_key: Option<Sourced<Secret>>,
    /// Things worth a warning on stderr (a config file others can read).
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config file {path} is not valid: {reason}")]
    Invalid {
        path: PathBuf,
        reason: String,
        /// What to change, when the problem says more than "fix the file".
        hint: Option<String>,
    },
    /// A file named by `--config` or `CFIMG_CONFIG` that is not there: a typo, most likely,
    /// which must not quietly run with no configuration.
    #[error("config file {path} ({from}) does not exist")]
    Missing { path: PathBuf, from: Source },
    #[error("{}", unknown_profile(name, from, path, known))]
    UnknownProfile {
        name: String,
        from: Source,
        path: PathBuf,
        known: Vec<String>,
    },
    #[error(
        "account id '{value}' ({from}) is not an account id: it is 32 hexadecimal characters, shown on the dashboard's Overview page"
    )]
    BadAccountId { value: String, from: Source },
    #[error("API URL '{value}' ({from}) is not an http:// or https:// URL")]
    BadApiUrl { value: String, from: Source },
    #[error(
        "the {what} ({from}) has characters an HTTP header cannot carry (a space, a line break or a non-ASCII letter): copy it again"
    )]
    BadCredential { what: &'static str, from: Source },
    #[error(
        "no account id: pass --account-id, set CLOUDFLARE_ACCOUNT_ID, or run `cfimg config init`"
    )]
    NoAccountId,
    #[error(
        "no API token: set CLOUDFLARE_API_TOKEN, or run `cfimg config init` to save one in a profile"
    )]
    NoCredentials,
    #[error("cannot write config file {path}{}", linked_to(.target))]
    Write {
        path: PathBuf,
        /// The file a symbolic link at `path` leads to, where the write went.
        target: Option<PathBuf>,
        #[source]
        source: std::io::Error,
    },
    #[error("no config directory could be found: set CFIMG_CONFIG or pass --config PATH")]
    NoConfigDir,
    #[error("${variable} names {path}, which {reason}")]
    Certificates {
        variable: &'static str,
        path: PathBuf,
        reason: String,
    },
    #[error("${variable} is not a proxy URL")]
    BadProxy { variable: &'static str },
}

fn linked_to(target: &Option<PathBuf>) -> String {
    target
        .as_ref()
        .map(|t| format!(" (a link to {})", t.display()))
        .unwrap_or_default()
}

fn unknown_profile(name: &str, from: &Source, path: &Path, known: &[String]) -> String {
    match from {
        Source::DefaultProfile(_) => format!(
            "default_profile names profile '{name}', which is not in {}{}",
            path.display(),
            known_profiles(known)
        ),
        _ => format!(
            "profile '{name}' ({from}) is not in {}{}",
            path.display(),
            known_profiles(known)
        ),
    }
}

fn known_profiles(known: &[String]) -> String {
    if known.is_empty() {
        "; it has no profiles yet: run `cfimg config init`".to_string()
    } else {
        format!("; its profiles: {}", known.join(", "))
    }
}

/// The default location, `config.toml` in the platform's config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cfimg").map(|d| d.config_dir().join("config.toml"))
}

/// Where `--local` keeps the embedded emulator's data.
pub fn local_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cfimg").map(|d| d.data_dir().join("emulator"))
}

pub fn is_account_id(value: &str) -> bool {
    value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Which config file: `--config`, then `CFIMG_CONFIG`, then the platform default.
pub fn config_path(overrides: &Overrides, env: &Env) -> Result<Sourced<PathBuf>, ConfigError> {
    if let Some(path) = &overrides.config {
        return Ok(Sourced::new(path.clone(), Source::Flag("--config")));
    }
    if let Some(path) = env.get(vars::CONFIG.var) {
        return Ok(Sourced::new(
            PathBuf::from(path),
            Source::Env(vars::CONFIG.var),
        ));
    }
    default_path()
        .map(|p| Sourced::new(p, Source::Default))
        .ok_or(ConfigError::NoConfigDir)
}

/// The config file to read: [`config_path`], which must exist when `--config` or
/// `CFIMG_CONFIG` named it (the default location may be missing: that is no configuration).
pub fn existing_config_path(
    overrides: &Overrides,
    env: &Env,
) -> Result<Sourced<PathBuf>, ConfigError> {
    let path = config_path(overrides, env)?;
    if path.source != Source::Default && !path.value.exists() {
        return Err(ConfigError::Missing {
            path: path.value,
            from: path.source,
        });
    }
    Ok(path)
}

/// Read and check the config file; a missing file is an empty configuration. Also returns
/// warnings about the file (others can read it).
pub fn load(path: &Path) -> Result<(ConfigFile, Vec<String>), ConfigError> {
    let Some(text) = file::read_text(path)? else {
        return Ok((ConfigFile::default(), Vec::new()));
    };
    let (_, file) = file::parse(path, &text)?;
    Ok((file, permission_warnings(path)))
}

#[cfg(unix)]
fn permission_warnings(path: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().mode() & 0o077 != 0 => vec![format!(
            "config file {} can be read by other users (mode {:o}) and may hold a token; fix it with: chmod 600 {}",
            path.display(),
            meta.permissions().mode() & 0o777,
            shell_quote(&path.display().to_string())
        )],
        _ => Vec::new(),
    }
}

#[cfg(not(unix))]
fn permission_warnings(_path: &Path) -> Vec<String> {
    Vec::new()
}

pub(crate) fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+~".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Resolve every setting from the command line, the environment and the profile file.
pub fn resolve(overrides: &Overrides, env: &Env) -> Result<Resolved, ConfigError> {
    let path = existing_config_path(overrides, env)?;
    let (file, warnings) = load(&path.value)?;
    let profile = choose_profile(overrides, env, &file, &path.value);
    let chosen = match &profile {
        Some(name) => Some(ChosenProfile {
            values: file
                .profiles
                .get(&name.value)
                .ok_or_else(|| ConfigError::UnknownProfile {
                    name: name.value.clone(),
                    from: name.source.clone(),
                    path: path.value.clone(),
                    known: file.profiles.keys().cloned().collect(),
                })?,
            source: Source::Profile(name.value.clone()),
            explicit: matches!(name.source, Source::Flag(_)),
        }),
        None => None,
    };
    let layers = Layers {
        flags: overrides,
        env,
        profile: chosen,
    };
    Ok(Resolved {
        // Checked in this order, so the first problem reported is the same every time.
        account_id: account_id(&layers)?,
        api_url: api_url(&layers)?,
        auth: auth(&layers)?,
        account_hash: account_hash(&layers),
        delivery_url: delivery_url(&layers),
        signing_key: signing_key(&layers),
        profile,
        path,
        warnings,
    })
}

/// Which profile: `--profile`, then `CFIMG_PROFILE`, then the file's `default_profile`, then
/// the profile named `default` if there is one.
fn choose_profile(
    overrides: &Overrides,
    env: &Env,
    file: &ConfigFile,
    path: &Path,
) -> Option<Sourced<String>> {
    flag(
        &overrides.profile,
        overrides.profile_flag.unwrap_or("--profile"),
    )
    .or_else(|| env_text(env, vars::PROFILE.var))
    .or_else(|| {
        file.default_profile
            .clone()
            .map(|name| Sourced::new(name, Source::DefaultProfile(path.to_path_buf())))
    })
    .or_else(|| {
        file.profiles
            .contains_key("default")
            .then(|| Sourced::new("default".to_string(), Source::ProfileNamedDefault))
    })
}

/// The places a setting's value can come from, for one run.
struct Layers<'a> {
    flags: &'a Overrides,
    env: &'a Env,
    profile: Option<ChosenProfile<'a>>,
}

struct ChosenProfile<'a> {
    values: &'a Profile,
    /// `profile NAME`, the source its values are shown with.
    source: Source,
    /// Named by `--profile`: its values then beat the environment.
    explicit: bool,
}

impl Layers<'_> {
    /// The one precedence rule, for every setting: its flag; then the profile `--profile`
    /// named; then the environment; then the profile chosen otherwise (`CFIMG_PROFILE`,
    /// `default_profile`, the profile named `default`). A setting with a built-in default
    /// falls back to it after all of these.
    fn pick<T>(
        &self,
        flag: Option<Sourced<T>>,
        env: Option<Sourced<T>>,
        from_profile: impl FnOnce(&Profile) -> Option<T>,
    ) -> Option<Sourced<T>> {
        let (profile, explicit) = match &self.profile {
            Some(p) => (
                from_profile(p.values).map(|v| Sourced::new(v, p.source.clone())),
                p.explicit,
            ),
            None => (None, false),
        };
        let (first, second) = if explicit {
            (profile, env)
        } else {
            (env, profile)
        };
        flag.or(first).or(second)
    }

    fn env(&self, name: &'static str) -> Option<Sourced<String>> {
        env_text(self.env, name)
    }
}

/// A flag's value with the flag as its source.
fn flag(value: &Option<String>, name: &'static str) -> Option<Sourced<String>> {
    value.clone().map(|v| Sourced::new(v, Source::Flag(name)))
}

fn env_text(env: &Env, name: &'static str) -> Option<Sourced<String>> {
    env.get(name)
        .map(|v| Sourced::new(v.to_string(), Source::Env(name)))
}

/// A text value of the profile; one left blank counts as unset.
fn profile_text(value: &Option<String>) -> Option<String> {
    value.clone().filter(|v| !v.trim().is_empty())
}

fn account_id(layers: &Layers) -> Result<Option<Sourced<String>>, ConfigError> {
    let id = layers.pick(
        flag(&layers.flags.account_id, "--account-id"),
        layers.env(vars::ACCOUNT_ID.var),
        |p| profile_text(&p.account_id),
    );
    match id {
        Some(id) if !is_account_id(&id.value) => Err(ConfigError::BadAccountId {
            value: id.value,
            from: id.source,
        }),
        id => Ok(id),
    }
}

fn api_url(layers: &Layers) -> Result<Sourced<String>, ConfigError> {
    let url = layers
        .pick(
            flag(&layers.flags.api_url, "--api-url"),
            layers.env(vars::API_URL.var),
            |p| profile_text(&p.api_url),
        )
        .unwrap_or_else(|| Sourced::new(DEFAULT_API_URL.to_string(), Source::Default));
    if url.value.starts_with("http://") || url.value.starts_with("https://") {
        Ok(url)
    } else {
        Err(ConfigError::BadApiUrl {
            value: url.value,
            from: url.source,
        })
    }
}

/// An API token, or the legacy key and email pair; no flag takes a secret.
fn auth(layers: &Layers) -> Result<Option<Sourced<Auth>>, ConfigError> {
    let env = layers.env;
    let from_env = match (
        env.get("CLOUDFLARE_API_TOKEN"),
        env.get("CLOUDFLARE_API_KEY"),
        env.get("CLOUDFLARE_EMAIL"),
    ) {
        (Some(token), _, _) => Some(Sourced::new(
            Auth::Token(Secret::new(token.trim())),
            Source::Env("CLOUDFLARE_API_TOKEN"),
        )),
        (None, Some(key), Some(email)) => Some(Sourced::new(
            Auth::GlobalKey {
                email: email.trim().to_string(),
                key: Secret::new(key.trim()),
            },
            Source::Env("CLOUDFLARE_API_KEY"),
        )),
        _ => None,
    };
    let auth = layers.pick(None, from_env, |p| {
        match (profile_text(&p.api_token), &p.api_key, &p.email) {
            (Some(token), _, _) => Some(Auth::Token(Secret::new(token.trim()))),
            (None, Some(key), Some(email)) => Some(Auth::GlobalKey {
                email: email.clone(),
                key: Secret::new(key.trim()),
            }),
            _ => None,
        }
    });
    if let Some(auth) = &auth {
        check_header_safe(auth)?;
    }
    Ok(auth)
}

/// Delivery URLs without an API call: `images url --account-hash`, or the profile's.
fn account_hash(layers: &Layers) -> Option<Sourced<String>> {
    layers.pick(
        flag(&layers.flags.account_hash, "--account-hash"),
        None,
        |p| profile_text(&p.account_hash),
    )
}

/// A custom delivery domain: `images url --delivery-url`, or the profile's.
fn delivery_url(layers: &Layers) -> Option<Sourced<String>> {
    layers.pick(
        flag(&layers.flags.delivery_url, "--delivery-url"),
        None,
        |p| profile_text(&p.delivery_url),
    )
}

/// A signing key value, to sign URLs offline. No flag takes a secret (`images url --key NAME`
/// names a key the API holds instead, and is the command's own choice).
fn signing_key(layers: &Layers) -> Option<Sourced<Secret>> {
    layers
        .pick(None, layers.env("CFIMG_SIGNING_KEY"), |p| {
            profile_text(&p.signing_key)
        })
        .map(|s| Sourced::new(Secret::new(s.value), s.source))
}

/// Credentials travel in headers; one that cannot (a pasted line break, a curly quote) would
/// otherwise fail every request with a transport error that names no cause, or be retried.
fn check_header_safe(auth: &Sourced<Auth>) -> Result<(), ConfigError> {
    let fits = |v: &str| v.bytes().all(|b| b.is_ascii_graphic());
    let bad = match &auth.value {
        Auth::Token(token) => (!fits(token.expose())).then_some("API token"),
        Auth::GlobalKey { email, key } => {
            if !fits(key.expose()) {
                Some("API key")
            } else if !fits(email) {
                Some("email")
            } else {
                None
            }
        }
    };
    match bad {
        Some(what) => Err(ConfigError::BadCredential {
            what,
            from: auth.source.clone(),
        }),
        None => Ok(()),
    }
}

impl Resolved {
    pub fn require_account_id(&self) -> Result<&str, ConfigError> {
        self.account_id
            .as_ref()
            .map(|s| s.value.as_str())
            .ok_or(ConfigError::NoAccountId)
    }

    pub fn require_auth(&self) -> Result<&Auth, ConfigError> {
        self.auth
            .as_ref()
            .map(|s| &s.value)
            .ok_or(ConfigError::NoCredentials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    const C: &str = "cccccccccccccccccccccccccccccccc";

    fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn two_profiles() -> (tempfile::TempDir, PathBuf) {
        write_config(&format!(
            "default_profile = \"prod\"\n\
             [profiles.prod]\naccount_id = \"{A}\"\napi_token = \"prod-token\"\n\
             [profiles.staging]\naccount_id = \"{B}\"\napi_token = \"staging-token\"\n"
        ))
    }

    fn overrides(path: &Path) -> Overrides {
        Overrides {
            config: Some(path.to_path_buf()),
            ..Overrides::default()
        }
    }

    #[test]
    fn default_profile_is_used_when_nothing_else_says() {
        let (_d, path) = two_profiles();
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        assert_eq!(r.account_id.unwrap().value, A);
        assert_eq!(r.profile.unwrap().value, "prod");
    }

    #[test]
    fn environment_beats_an_implicit_profile() {
        let (_d, path) = two_profiles();
        let env = Env::from_pairs([
            ("CLOUDFLARE_ACCOUNT_ID", C),
            ("CLOUDFLARE_API_TOKEN", "env"),
        ]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(r.account_id.as_ref().unwrap().value, C);
        assert_eq!(
            r.account_id.unwrap().source,
            Source::Env("CLOUDFLARE_ACCOUNT_ID")
        );
        assert_eq!(r.auth.unwrap().value, Auth::Token(Secret::new("env")));
    }

    #[test]
    fn an_explicit_profile_beats_the_environment_but_not_flags() {
        let (_d, path) = two_profiles();
        let env = Env::from_pairs([
            ("CLOUDFLARE_ACCOUNT_ID", C),
            ("CLOUDFLARE_API_TOKEN", "env"),
        ]);
        let mut o = overrides(&path);
        o.profile = Some("staging".into());
        let r = resolve(&o, &env).unwrap();
        assert_eq!(r.account_id.unwrap().value, B);
        assert_eq!(
            r.auth.unwrap().value,
            Auth::Token(Secret::new("staging-token"))
        );
        o.account_id = Some(A.into());
        let r = resolve(&o, &env).unwrap();
        assert_eq!(r.account_id.unwrap().source, Source::Flag("--account-id"));
    }

    #[test]
    fn cfimg_profile_picks_a_profile_below_the_environment() {
        let (_d, path) = two_profiles();
        let env = Env::from_pairs([("CFIMG_PROFILE", "staging")]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(r.account_id.unwrap().value, B);
        let env = Env::from_pairs([("CFIMG_PROFILE", "staging"), ("CLOUDFLARE_ACCOUNT_ID", C)]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(r.account_id.unwrap().value, C);
    }

    #[test]
    fn a_profile_named_default_is_the_last_resort() {
        let (_d, path) = write_config(&format!("[profiles.default]\naccount_id = \"{A}\"\n"));
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        assert_eq!(r.account_id.unwrap().value, A);
    }

    #[test]
    fn unknown_profiles_are_errors_that_list_the_known_ones() {
        let (_d, path) = two_profiles();
        let mut o = overrides(&path);
        o.profile = Some("nope".into());
        let err = resolve(&o, &Env::default()).unwrap_err().to_string();
        assert!(err.contains("profile 'nope'"), "{err}");
        assert!(err.contains("prod, staging"), "{err}");
    }

    #[test]
    fn legacy_key_pair_is_read_from_the_environment() {
        let (_d, path) = write_config("");
        let env = Env::from_pairs([
            ("CLOUDFLARE_API_KEY", "k"),
            ("CLOUDFLARE_EMAIL", "me@example.com"),
        ]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert!(matches!(r.auth.unwrap().value, Auth::GlobalKey { .. }));
    }

    #[test]
    fn malformed_files_and_values_are_reported() {
        let (_d, path) = write_config("default_profile = [");
        assert!(matches!(
            resolve(&overrides(&path), &Env::default()),
            Err(ConfigError::Invalid { .. })
        ));
        let (_d, path) = write_config("[profiles.x]\naccount_idd = \"1\"\n");
        let err = resolve(&overrides(&path), &Env::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("account_idd"), "{err}");
        let (_d, path) = write_config("");
        let env = Env::from_pairs([("CLOUDFLARE_ACCOUNT_ID", "xyz")]);
        assert!(matches!(
            resolve(&overrides(&path), &env),
            Err(ConfigError::BadAccountId { .. })
        ));
    }

    #[test]
    fn an_empty_file_is_an_empty_configuration() {
        let (_d, path) = write_config("# nothing yet\n");
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        assert!(r.account_id.is_none());
        assert_eq!(r.api_url.value, DEFAULT_API_URL);
        assert!(r.require_auth().is_err());
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_private_and_loose_ones_are_flagged() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        let mut doc = ConfigDocument::open(&path).unwrap();
        doc.set_profile(
            "p",
            &Profile {
                api_token: Some("t".into()),
                ..Profile::default()
            },
        )
        .unwrap();
        doc.save().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
        assert!(load(&path).unwrap().1.is_empty());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let warnings = load(&path).unwrap().1;
        assert!(warnings[0].contains("chmod 600"), "{warnings:?}");
    }

    #[test]
    fn errors_on_a_secret_line_do_not_quote_the_value() {
        for text in [
            "[profiles.p]\napi_token = 98765432109876\n",
            "[profiles.p]\napi_key = 98765432109876\n",
            "[profiles.p]\nsigning_key = [98765432109876]\n",
            "[profiles.p]\napi_token = 98765432109876abc\n",
            "[profiles.p]\napi_token = \"98765432109876\n",
            "api_token = \"98765432109876\"\n",
            "[profiles.p]\napi_token = \"98765432109876\"\napi_token = \"98765432109876\"\n",
        ] {
            let (_d, path) = write_config(text);
            let err = resolve(&overrides(&path), &Env::default())
                .unwrap_err()
                .to_string();
            assert!(!err.contains("98765432109876"), "{err}");
            assert!(err.contains("(line "), "{err}");
        }
    }

    #[test]
    fn a_named_config_file_must_exist_but_the_default_may_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("typo.toml");
        let err = resolve(&overrides(&missing), &Env::default()).unwrap_err();
        assert!(matches!(err, ConfigError::Missing { .. }), "{err}");
        assert!(
            err.to_string().contains("(--config) does not exist"),
            "{err}"
        );
        let env = Env::from_pairs([("CFIMG_CONFIG", missing.to_str().unwrap())]);
        let err = resolve(&Overrides::default(), &env).unwrap_err();
        assert!(
            err.to_string().contains("($CFIMG_CONFIG) does not exist"),
            "{err}"
        );
    }

    #[test]
    fn sources_read_plainly() {
        assert_eq!(Source::Flag("--account-id").to_string(), "--account-id");
        assert_eq!(
            Source::Env("CLOUDFLARE_ACCOUNT_ID").to_string(),
            "$CLOUDFLARE_ACCOUNT_ID"
        );
        assert_eq!(Source::Profile("prod".into()).to_string(), "profile prod");
        assert_eq!(
            Source::DefaultProfile("/c.toml".into()).to_string(),
            "the default_profile in /c.toml"
        );
        assert_eq!(Source::Default.to_string(), "built-in default");
    }

    #[test]
    fn a_default_profile_that_is_missing_says_so() {
        let (_d, path) = write_config("default_profile = \"missing\"\n[profiles.prod]\n");
        let err = resolve(&overrides(&path), &Env::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("default_profile names profile 'missing', which is not in"),
            "{err}"
        );
        assert!(err.contains("its profiles: prod"), "{err}");
    }

    #[test]
    fn credentials_a_header_cannot_carry_are_refused_without_quoting_them() {
        let (_d, path) = write_config("");
        for token in ["abc\ndef-secret", "tök-secret", "two words-secret"] {
            let env = Env::from_pairs([("CLOUDFLARE_API_TOKEN", token)]);
            let err = resolve(&overrides(&path), &env).unwrap_err();
            assert!(matches!(err, ConfigError::BadCredential { .. }), "{err}");
            assert!(!err.to_string().contains("secret"), "{err}");
        }
        // Surrounding white space, as a pasted line brings, is not part of the token.
        let env = Env::from_pairs([("CLOUDFLARE_API_TOKEN", " tok\n")]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(r.auth.unwrap().value, Auth::Token(Secret::new("tok")));
    }

    #[test]
    fn debug_output_hides_secrets() {
        let p = Profile {
            api_token: Some("very-secret".into()),
            signing_key: Some("also-secret".into()),
            ..Profile::default()
        };
        let shown = format!("{p:?}");
        assert!(!shown.contains("secret"), "{shown}");
    }

    fn delivery_profiles() -> (tempfile::TempDir, PathBuf) {
        write_config(
            "default_profile = \"prod\"\n\
             [profiles.prod]\naccount_hash = \"prod-hash\"\n\
             delivery_url = \"https://prod.example/cdn-cgi/imagedelivery\"\n\
             signing_key = \"prod-signing-key\"\n\
             [profiles.staging]\naccount_hash = \"staging-hash\"\n\
             signing_key = \"staging-signing-key\"\n",
        )
    }

    #[test]
    fn delivery_settings_come_from_the_profile_and_their_flags_beat_it() {
        let (_d, path) = delivery_profiles();
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        let hash = r.account_hash.unwrap();
        assert_eq!(hash.value, "prod-hash");
        assert_eq!(hash.source, Source::Profile("prod".into()));
        assert_eq!(
            r.delivery_url.unwrap().value,
            "https://prod.example/cdn-cgi/imagedelivery"
        );

        let mut o = overrides(&path);
        o.profile = Some("staging".into());
        o.account_hash = Some("flag-hash".into());
        o.delivery_url = Some("https://flag.example/cdn-cgi/imagedelivery".into());
        let r = resolve(&o, &Env::default()).unwrap();
        let hash = r.account_hash.unwrap();
        assert_eq!(
            (hash.value.as_str(), hash.source),
            ("flag-hash", Source::Flag("--account-hash"))
        );
        let base = r.delivery_url.unwrap();
        assert_eq!(
            (base.value.as_str(), base.source),
            (
                "https://flag.example/cdn-cgi/imagedelivery",
                Source::Flag("--delivery-url")
            )
        );
        // staging sets no delivery_url: nothing falls through from another profile.
        o.delivery_url = None;
        assert!(resolve(&o, &Env::default()).unwrap().delivery_url.is_none());
    }

    #[test]
    fn the_signing_key_follows_the_same_layers() {
        let (_d, path) = delivery_profiles();
        let env = Env::from_pairs([("CFIMG_SIGNING_KEY", "env-signing-key")]);
        // Above a profile chosen by default_profile …
        let r = resolve(&overrides(&path), &env).unwrap();
        let key = r.signing_key.unwrap();
        assert_eq!(key.value, Secret::new("env-signing-key"));
        assert_eq!(key.source, Source::Env("CFIMG_SIGNING_KEY"));
        // … or by CFIMG_PROFILE …
        let env = Env::from_pairs([
            ("CFIMG_SIGNING_KEY", "env-signing-key"),
            ("CFIMG_PROFILE", "staging"),
        ]);
        let r = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(r.signing_key.unwrap().value, Secret::new("env-signing-key"));
        // … but below the profile --profile names.
        let mut o = overrides(&path);
        o.profile = Some("staging".into());
        let r = resolve(&o, &env).unwrap();
        let key = r.signing_key.unwrap();
        assert_eq!(key.value, Secret::new("staging-signing-key"));
        assert_eq!(key.source, Source::Profile("staging".into()));
    }

    #[test]
    fn blank_profile_values_count_as_unset() {
        let (_d, path) = write_config(
            "[profiles.default]\naccount_hash = \" \"\nsigning_key = \"\"\napi_url = \"\"\n",
        );
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        assert!(r.account_hash.is_none());
        assert!(r.signing_key.is_none());
        assert_eq!(r.api_url.source, Source::Default);
    }

    #[test]
    fn missing_account_and_credentials_are_typed_errors() {
        let (_d, path) = write_config("");
        let r = resolve(&overrides(&path), &Env::default()).unwrap();
        let err = r.require_account_id().unwrap_err();
        assert!(matches!(err, ConfigError::NoAccountId));
        assert_eq!(
            err.to_string(),
            "no account id: pass --account-id, set CLOUDFLARE_ACCOUNT_ID, or run `cfimg config init`"
        );
        let err = r.require_auth().unwrap_err();
        assert!(matches!(err, ConfigError::NoCredentials));
        assert_eq!(
            err.to_string(),
            "no API token: set CLOUDFLARE_API_TOKEN, or run `cfimg config init` to save one in a profile"
        );
    }

    #[test]
    fn an_explicit_profile_beats_the_environment_for_every_setting() {
        let (_d, path) = write_config(&format!(
            "[profiles.p]\naccount_id = \"{A}\"\napi_token = \"profile-token\"\n\
             api_url = \"https://profile.test/client/v4\"\nsigning_key = \"profile-key\"\n"
        ));
        let env = Env::from_pairs([
            ("CLOUDFLARE_ACCOUNT_ID", C),
            ("CLOUDFLARE_API_TOKEN", "env-token"),
            ("CLOUDFLARE_API_BASE_URL", "https://env.test/client/v4"),
            ("CFIMG_SIGNING_KEY", "env-key"),
        ]);
        let mut o = overrides(&path);
        let implicit = resolve(&o, &env).unwrap();
        o.profile = Some("p".into());
        let explicit = resolve(&o, &env).unwrap();
        let profile = Source::Profile("p".into());
        let sources = |r: &Resolved| {
            [
                r.account_id.as_ref().unwrap().source.clone(),
                r.auth.as_ref().unwrap().source.clone(),
                r.api_url.source.clone(),
                r.signing_key.as_ref().unwrap().source.clone(),
            ]
        };
        assert_eq!(sources(&explicit), [(); 4].map(|_| profile.clone()));
        assert_eq!(
            sources(&implicit),
            [
                Source::Env("CLOUDFLARE_ACCOUNT_ID"),
                Source::Env("CLOUDFLARE_API_TOKEN"),
                Source::Env("CLOUDFLARE_API_BASE_URL"),
                Source::Env("CFIMG_SIGNING_KEY"),
            ]
        );
    }
}

/// What users trust us with: `Debug` of the resolved configuration and of the client shows no
/// token, key or signing key (the integration tests check every run's output besides).
#[cfg(test)]
mod secrets_in_debug {
    use super::*;
    use crate::api::{Auth, Client, ClientConfig, Secret};

    const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
    const PROFILE_TOKEN: &str = "profile-token-SECRET-0123456789";
    const LEGACY_KEY: &str = "legacy-global-key-SECRET-abcdef";
    const SIGNING_KEY: &str = "signing-key-SECRET-Oix0bbNaT8Rge9Pu";
    const ENV_SIGNING_KEY: &str = "env-signing-key-SECRET-0123456789";

    #[test]
    fn debug_of_the_config_and_the_client_shows_no_secret() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            format!(
                "default_profile = \"main\"\n\n[profiles.main]\naccount_id = \"{ACCOUNT}\"\n\
                 api_token = \"{PROFILE_TOKEN}\"\napi_url = \"http://127.0.0.1:9/client/v4\"\n\
                 signing_key = \"{SIGNING_KEY}\"\n\n[profiles.legacy]\naccount_id = \"{ACCOUNT}\"\n\
                 api_key = \"{LEGACY_KEY}\"\nemail = \"me@example.com\"\n"
            ),
        )
        .unwrap();
        let env = Env::from_pairs([("CFIMG_SIGNING_KEY", ENV_SIGNING_KEY)]);
        let overrides = Overrides {
            config: Some(path.clone()),
            ..Overrides::default()
        };
        let resolved = resolve(&overrides, &env).unwrap();
        let mut legacy = overrides.clone();
        legacy.profile = Some("legacy".into());
        let resolved_legacy = resolve(&legacy, &Env::default()).unwrap();

        let auth = resolved.auth.as_ref().unwrap().value.clone();
        assert_eq!(
            auth.secrets(),
            vec![PROFILE_TOKEN],
            "the profile's token is used"
        );
        let config = ClientConfig::new("http://127.0.0.1:9/client/v4", ACCOUNT, auth);
        let client = Client::new(config.clone()).unwrap();
        let legacy_client = Client::new(ClientConfig::new(
            "http://127.0.0.1:9/client/v4",
            ACCOUNT,
            Auth::GlobalKey {
                email: "me@example.com".into(),
                key: Secret::new(LEGACY_KEY),
            },
        ))
        .unwrap();

        let shown = [
            format!("{resolved:?}"),
            format!("{resolved:#?}"),
            format!("{resolved_legacy:#?}"),
            format!("{config:?}"),
            format!("{config:#?}"),
            format!("{client:?}"),
            format!("{client:#?}"),
            format!("{legacy_client:#?}"),
            format!("{:?}", resolved.signing_key),
        ];
        for text in &shown {
            for secret in [PROFILE_TOKEN, LEGACY_KEY, SIGNING_KEY, ENV_SIGNING_KEY] {
                assert!(!text.contains(secret), "{secret} shown in:\n{text}");
            }
        }
        // Still useful for debugging: the non-secret parts are there.
        assert!(shown[0].contains(ACCOUNT), "{}", shown[0]);
        assert!(shown[5].contains("127.0.0.1:9"), "{}", shown[5]);
        assert!(shown[7].contains("me@example.com"), "{}", shown[7]);
    }
}
