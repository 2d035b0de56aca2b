//! `cfimg config init | show | list | use | remove | path`. Every change goes through
//! `config::ConfigDocument`, which edits the file in place and keeps what people wrote in it.

use std::io::Read;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::api::{ApiError, Auth, DEFAULT_API_URL, Secret};
use crate::commands::Context;
use crate::config::{self, ConfigDocument, ConfigFile, Profile, Resolved};
use crate::error::{CliError, Exit};
use crate::output::Mode;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Save a profile: account id and token, checked with one API call before saving
    Init(InitArgs),
    /// Show every resolved setting and where it came from (token masked)
    #[command(after_help = "Examples:\n  \
        cfimg config show\n  \
        cfimg --profile ci config show --json | jq -r .account_id.value")]
    Show,
    /// List the profiles, which one is the default, and each value with where it comes from
    #[command(
        after_help = "Each profile is shown as `cfimg --profile NAME` would use it: values \
from the profile, else from the environment, else built in. Secrets are masked.\n\n\
Examples:\n  \
        cfimg config list\n  \
        cfimg config list --json | jq -r '.profiles[].name'"
    )]
    List,
    /// Make a profile the default one (default_profile in the config file)
    #[command(after_help = "Example:\n  cfimg config use staging")]
    Use {
        /// Profile name, as in [profiles.NAME]
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Remove a profile from the config file (asks first on a terminal; --yes elsewhere)
    #[command(after_help = "Examples:\n  cfimg config remove old\n  cfimg config remove old --yes")]
    Remove {
        /// Profile name, as in [profiles.NAME]
        #[arg(value_name = "NAME")]
        name: String,
        /// Remove without asking
        #[arg(short, long)]
        yes: bool,
    },
    /// Print the config file's path
    #[command(after_help = "Example:\n  $EDITOR \"$(cfimg config path)\"")]
    Path,
}

#[derive(Debug, Args)]
#[command(
    after_help = "On a terminal it asks for the profile name, the account id and the token \
(hidden), and offers to make the profile the default. Anywhere else it takes them from \
--profile, --account-id and --token-stdin, and never asks.\n\n\
Examples:\n  \
    cfimg config init\n  \
    printf '%s' \"$TOKEN\" | cfimg config init --profile ci --account-id \"$ACCOUNT_ID\" --token-stdin\n  \
    cfimg config init --profile local --api-url http://127.0.0.1:8787/client/v4 --no-verify"
)]
pub struct InitArgs {
    /// Read the API token from stdin instead of asking (no flag takes a secret)
    #[arg(long)]
    pub token_stdin: bool,

    /// The account hash for delivery URLs (from any image's variant URL)
    #[arg(long, value_name = "HASH")]
    pub account_hash: Option<String>,

    /// Make this profile the default one
    #[arg(long)]
    pub default: bool,

    /// Save without checking the token with the API (offline, say)
    #[arg(long)]
    pub no_verify: bool,
}

pub fn run(command: ConfigCommand, ctx: &mut Context) -> Result<()> {
    match command {
        ConfigCommand::Init(args) => init(args, ctx),
        ConfigCommand::Show => show(ctx),
        ConfigCommand::List => list(ctx),
        ConfigCommand::Use { name } => use_profile(&name, ctx),
        ConfigCommand::Remove { name, yes } => remove(&name, yes, ctx),
        ConfigCommand::Path => {
            let path = config::config_path(&ctx.overrides(), &ctx.env)?;
            ctx.out.line(&path.value.display().to_string())?;
            Ok(())
        }
    }
}

/// Profile names go into TOML table names and onto command lines: keep them plain.
fn check_profile_name(name: &str) -> Result<(), String> {
    if !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        Ok(())
    } else {
        Err(format!(
            "'{name}' is not a profile name: use 1 to 64 letters, digits, '-', '_' or '.'"
        ))
    }
}

fn check_account_id(id: &str) -> Result<(), String> {
    if config::is_account_id(id) {
        Ok(())
    } else {
        Err(format!(
            "'{id}' is not an account id: it is 32 hexadecimal characters, on the dashboard's Overview page"
        ))
    }
}

fn init(args: InitArgs, ctx: &mut Context) -> Result<()> {
    // The one command that may create the file `--config` names.
    let path = config::config_path(&ctx.overrides(), &ctx.env)?;
    let mut doc = ConfigDocument::open(&path.value)?;
    let file = doc.file().clone();
    let name = match &ctx.global.profile {
        Some(name) => name.clone(),
        None if ctx.ui.can_prompt() => {
            ctx.ui
                .input("Profile name", Some("default"), check_profile_name)?
        }
        None => "default".to_string(),
    };
    check_profile_name(&name).map_err(CliError::usage)?;
    let existing = file.profiles.get(&name).cloned().unwrap_or_default();

    let account_id = match &ctx.global.account_id {
        Some(id) => id.clone(),
        None if ctx.ui.can_prompt() => ctx.ui.input(
            "Account id (32 hex characters, on the dashboard's Overview page)",
            existing.account_id.as_deref(),
            check_account_id,
        )?,
        None => {
            return Err(CliError::usage("no account id given")
                .with_hint(
                    "pass --account-id ID (32 hex characters, on the dashboard's Overview page)",
                )
                .into());
        }
    };
    let token = read_token(&args, ctx)?;

    // The API the token is checked against is the one the profile will be used with.
    let api_url = ctx
        .global
        .api_url
        .clone()
        .or_else(|| ctx.env.get("CLOUDFLARE_API_BASE_URL").map(str::to_string))
        .or_else(|| existing.api_url.clone())
        .unwrap_or_else(|| DEFAULT_API_URL.to_string());
    if args.no_verify {
        ctx.ui.status("not checking the token (--no-verify)");
    } else {
        verify(ctx, &api_url, &account_id, &token)?;
    }

    let profile = Profile {
        account_id: Some(account_id),
        api_token: Some(token),
        api_key: None,
        email: None,
        account_hash: args.account_hash.clone().or(existing.account_hash.clone()),
        // An explicit --api-url is part of what was set up (an emulator, a proxy).
        api_url: ctx.global.api_url.clone().or(existing.api_url.clone()),
        ..existing
    };
    let replaced = file.profiles.contains_key(&name);
    doc.set_profile(&name, &profile)?;
    if choose_default(&args, ctx, doc.file(), &name)? {
        doc.set_default_profile(Some(&name));
    }
    doc.save()?;
    let is_default = doc.file().default_profile.as_deref() == Some(name.as_str());
    ctx.ui.status(&format!(
        "{} profile '{name}' in {}{}",
        if replaced { "updated" } else { "saved" },
        path.value.display(),
        if is_default {
            " (the default profile)"
        } else {
            ""
        }
    ));
    if !is_default && name != "default" {
        ctx.ui.hint(&format!(
            "use it with --profile {name} or CFIMG_PROFILE={name}, or make it the default with `{}`",
            config_command(&path, &format!("use {name}"))
        ));
    }
    Ok(())
}

/// `cfimg config SUBCOMMAND` as the user should type it: with `--config PATH` when the file
/// was named by that flag, since the suggestion would otherwise edit another file.
fn config_command(path: &config::Sourced<std::path::PathBuf>, subcommand: &str) -> String {
    match path.source {
        config::Source::Flag(_) => format!(
            "cfimg --config {} config {subcommand}",
            config::shell_quote(&path.value.display().to_string())
        ),
        _ => format!("cfimg config {subcommand}"),
    }
}

fn read_token(args: &InitArgs, ctx: &Context) -> Result<String> {
    let token = if args.token_stdin {
        let mut text = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut text)
            .map_err(|e| CliError::failed(format!("cannot read the token from stdin: {e}")))?;
        text.trim().to_string()
    } else if ctx.ui.can_prompt() {
        ctx.ui
            .password("API token (input hidden)")?
            .trim()
            .to_string()
    } else {
        return Err(CliError::usage("no terminal to ask for the token on")
            .with_hint("pipe it in with --token-stdin")
            .into());
    };
    if token.is_empty() || token.chars().any(char::is_whitespace) {
        return Err(
            CliError::usage("the token is empty or contains white space")
                .with_hint(
                    "paste the whole token, as the dashboard shows it once after creating it",
                )
                .into(),
        );
    }
    Ok(token)
}

/// One read-only call (`GET …/images/v1/stats`) tells whether the token works for the account.
/// Writes cannot be tested without writing, so success says what else the token needs.
fn verify(ctx: &Context, api_url: &str, account_id: &str, token: &str) -> Result<()> {
    ctx.ui
        .status(&format!("checking the token against {api_url} …"));
    let client = ctx.client_for(
        api_url.to_string(),
        account_id.to_string(),
        Auth::Token(Secret::new(token)),
    )?;
    let unchecked = "or pass --no-verify to save it unchecked";
    match client.stats() {
        Ok(stats) => {
            ctx.ui.status(&format!(
                "the token can read images in account {account_id} ({} stored); uploading, editing and deleting also need the \"Images Write\" permission",
                stats.count.current
            ));
            Ok(())
        }
        Err(e @ ApiError::Api { status: 401, .. }) => Err(CliError::new(
            Exit::Config,
            format!("the API did not accept the token: {e}"),
        )
        .with_hint(format!(
            "paste the whole token, as the dashboard showed it when it was created, {unchecked}"
        ))
        .caused_by(e)
        .into()),
        Err(e) if e.is_auth() => Err(CliError::new(
            Exit::Config,
            format!("the token may not read images in account {account_id}: {e}"),
        )
        .with_hint(format!(
            "give the token the \"Images Read\" permission (and \"Images Write\" to upload, edit and delete) for this account, or check that it is the whole token; {unchecked}"
        ))
        .caused_by(e)
        .into()),
        Err(e) if e.is_not_found() => Err(CliError::new(
            Exit::Config,
            format!("account {account_id} was not found: {e}"),
        )
        .with_hint(format!(
            "check the account id on the dashboard's Overview page, {unchecked}"
        ))
        .caused_by(e)
        .into()),
        Err(e @ ApiError::Transport { .. }) => Err(CliError::failed(format!(
            "could not check the token: {e}"
        ))
        .with_hint(format!(
            "check the network, or the API URL (--api-url, CLOUDFLARE_API_BASE_URL), {unchecked}"
        ))
        .caused_by(e)
        .into()),
        Err(e) => Err(anyhow::Error::from(e).context("could not check the token")),
    }
}

/// `--default` says yes; a first profile becomes the default by itself; otherwise a person at
/// a terminal is asked, and a script leaves the default as it was.
fn choose_default(args: &InitArgs, ctx: &Context, file: &ConfigFile, name: &str) -> Result<bool> {
    let current = file.default_profile.as_deref();
    if args.default {
        return Ok(true);
    }
    if current == Some(name) {
        return Ok(false);
    }
    if current.is_none() && file.profiles.len() == 1 {
        return Ok(true);
    }
    if !ctx.ui.can_prompt() {
        return Ok(false);
    }
    let question = match current {
        Some(other) => format!("Make '{name}' the default profile instead of '{other}'?"),
        None => format!("Make '{name}' the default profile?"),
    };
    Ok(ctx.ui.confirm_or(&question, current.is_none())?)
}

#[derive(Serialize)]
struct Setting {
    name: &'static str,
    value: Option<String>,
    source: Option<String>,
}

impl Setting {
    fn new<T: ToString>(name: &'static str, value: Option<&config::Sourced<T>>) -> Self {
        Setting {
            name,
            value: value.map(|s| s.value.to_string()),
            source: value.map(|s| s.source.to_string()),
        }
    }
}

/// The settings a command runs with, secrets masked.
fn settings(resolved: &Resolved) -> Vec<Setting> {
    let credentials = resolved.auth.as_ref().map(|a| config::Sourced {
        value: match &a.value {
            Auth::Token(t) => format!("token {}", t.masked()),
            Auth::GlobalKey { email, key } => {
                format!("global API key {} for {email}", key.masked())
            }
        },
        source: a.source.clone(),
    });
    let signing_key = resolved.signing_key.as_ref().map(|k| config::Sourced {
        value: k.value.masked(),
        source: k.source.clone(),
    });
    vec![
        Setting::new("account_id", resolved.account_id.as_ref()),
        Setting::new("api_url", Some(&resolved.api_url)),
        Setting::new("account_hash", resolved.account_hash.as_ref()),
        Setting::new("delivery_url", resolved.delivery_url.as_ref()),
        Setting::new("credentials", credentials.as_ref()),
        Setting::new("signing_key", signing_key.as_ref()),
    ]
}

fn settings_json(settings: &[Setting]) -> serde_json::Map<String, serde_json::Value> {
    settings
        .iter()
        .map(|s| {
            (
                s.name.to_string(),
                serde_json::json!({"value": s.value, "source": s.source}),
            )
        })
        .collect()
}

fn show(ctx: &mut Context) -> Result<()> {
    let resolved = ctx.config()?.clone();
    let mut rows = vec![Setting {
        name: "config_file",
        value: Some(resolved.path.value.display().to_string()),
        source: Some(resolved.path.source.to_string()),
    }];
    if let Some(mode) = file_mode(&resolved.path.value) {
        rows.push(Setting {
            name: "file_mode",
            value: Some(mode),
            source: None,
        });
    }
    rows.push(Setting::new("profile", resolved.profile.as_ref()));
    rows.extend(settings(&resolved));
    if ctx.out.is_table() {
        let table = rows
            .iter()
            .map(|s| {
                vec![
                    s.name.to_string(),
                    s.value.clone().unwrap_or_else(|| "(not set)".into()),
                    s.source.clone().unwrap_or_default(),
                ]
            })
            .collect();
        ctx.out
            .rows(&["SETTING", "VALUE", "FROM"], &[0, 1], table)?;
    } else {
        ctx.out.json(&settings_json(&rows))?;
    }
    if !resolved.path.value.exists() {
        ctx.ui
            .hint("the config file does not exist yet: `cfimg config init` creates it");
    }
    Ok(())
}

/// Every profile, each resolved as `cfimg --profile NAME` would resolve it (the run's other
/// flags and the environment included), so each value says where it would come from.
fn list(ctx: &mut Context) -> Result<()> {
    let overrides = ctx.overrides();
    let path = config::existing_config_path(&overrides, &ctx.env)?;
    let (file, warnings) = config::load(&path.value)?;
    for warning in &warnings {
        ctx.ui.warn(warning);
    }
    let mut profiles = Vec::new();
    for name in file.profiles.keys() {
        let mut as_named = overrides.clone();
        as_named.profile = Some(name.clone());
        // A profile that cannot be used (an account id that is not one) is listed with what
        // is wrong, rather than hiding the others.
        let (settings, problem) = match config::resolve(&as_named, &ctx.env) {
            Ok(resolved) => (settings(&resolved), None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        profiles.push((name.clone(), settings, problem));
    }
    let is_default = |name: &str| file.default_profile.as_deref() == Some(name);
    match ctx.out.mode {
        Mode::Table => {
            let mut rows = Vec::new();
            for (name, settings, problem) in &profiles {
                let mut label = if is_default(name) {
                    format!("{name} (default)")
                } else {
                    name.clone()
                };
                if let Some(problem) = problem {
                    rows.push(vec![
                        label.clone(),
                        "problem".into(),
                        problem.clone(),
                        String::new(),
                    ]);
                }
                for s in settings.iter().filter(|s| s.value.is_some()) {
                    rows.push(vec![
                        std::mem::take(&mut label),
                        s.name.to_string(),
                        s.value.clone().unwrap_or_default(),
                        s.source.clone().unwrap_or_default(),
                    ]);
                }
            }
            if !rows.is_empty() {
                ctx.out
                    .rows(&["PROFILE", "SETTING", "VALUE", "FROM"], &[0, 2], rows)?;
            }
        }
        Mode::Json | Mode::Ndjson => {
            let objects: Vec<serde_json::Value> = profiles
                .iter()
                .map(|(name, settings, problem)| {
                    serde_json::json!({
                        "name": name,
                        "default": is_default(name),
                        "settings": settings_json(settings),
                        "problem": problem,
                    })
                })
                .collect();
            if ctx.out.mode == Mode::Ndjson {
                for object in &objects {
                    ctx.out.json(object)?;
                }
            } else {
                ctx.out.json(&serde_json::json!({
                    "config_file": path.value,
                    "default_profile": file.default_profile,
                    "profiles": objects,
                }))?;
            }
        }
    }
    if file.profiles.is_empty() {
        ctx.ui.hint(&format!(
            "{} has no profiles yet: `{}` creates one",
            path.value.display(),
            config_command(&path, "init")
        ));
    } else if let Some(name) = &file.default_profile {
        if !file.profiles.contains_key(name) {
            ctx.ui.warn(&format!(
                "default_profile names profile '{name}', which is not in the file: set another with `{}`",
                config_command(&path, "use NAME")
            ));
        }
    }
    Ok(())
}

/// The document at the config path, which must hold profile `name`.
fn open_with_profile(
    ctx: &Context,
    name: &str,
) -> Result<(config::Sourced<std::path::PathBuf>, ConfigDocument)> {
    let path = config::existing_config_path(&ctx.overrides(), &ctx.env)?;
    let doc = ConfigDocument::open(&path.value)?;
    if doc.file().profiles.contains_key(name) {
        return Ok((path, doc));
    }
    let known: Vec<&str> = doc.file().profiles.keys().map(String::as_str).collect();
    let hint = if known.is_empty() {
        format!(
            "it has no profiles yet: `{}` creates one",
            config_command(&path, &format!("init --profile {name}"))
        )
    } else {
        format!("its profiles: {}", known.join(", "))
    };
    Err(CliError::new(
        Exit::Config,
        format!("profile '{name}' is not in {}", path.value.display()),
    )
    .with_hint(hint)
    .into())
}

fn use_profile(name: &str, ctx: &mut Context) -> Result<()> {
    let (path, mut doc) = open_with_profile(ctx, name)?;
    let previous = doc.file().default_profile.clone();
    if previous.as_deref() == Some(name) {
        ctx.ui.status(&format!(
            "'{name}' already is the default profile in {}",
            path.value.display()
        ));
    } else {
        doc.set_default_profile(Some(name));
        doc.save()?;
        ctx.ui.status(&format!(
            "'{name}' is now the default profile in {}{}",
            path.value.display(),
            previous
                .as_ref()
                .map(|p| format!(" (was '{p}')"))
                .unwrap_or_default()
        ));
    }
    if !ctx.out.is_table() {
        ctx.out.json(&serde_json::json!({
            "config_file": path.value,
            "default_profile": name,
            "previous_default_profile": previous,
        }))?;
    }
    Ok(())
}

fn remove(name: &str, yes: bool, ctx: &mut Context) -> Result<()> {
    let (path, mut doc) = open_with_profile(ctx, name)?;
    super::confirm_delete(
        ctx,
        yes,
        &format!("profile '{name}' from {}", path.value.display()),
    )?;
    doc.remove_profile(name);
    let was_default = doc.file().default_profile.as_deref() == Some(name);
    if was_default {
        // A default naming a profile that is gone would break every command.
        doc.set_default_profile(None);
    }
    doc.save()?;
    ctx.ui.status(&format!(
        "removed profile '{name}' from {}",
        path.value.display()
    ));
    if was_default {
        let others: Vec<&str> = doc.file().profiles.keys().map(String::as_str).collect();
        if !others.is_empty() {
            ctx.ui.hint(&format!(
                "it was the default profile, and now none is set: choose one of {} with `{}`",
                others.join(", "),
                config_command(&path, "use NAME")
            ));
        }
    }
    if !ctx.out.is_table() {
        ctx.out.json(&serde_json::json!({
            "config_file": path.value,
            "removed": name,
            "default_profile": doc.file().default_profile,
        }))?;
    }
    Ok(())
}

/// The file's permission bits, and the command that fixes them when others can read it.
#[cfg(unix)]
fn file_mode(path: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    Some(if mode & 0o077 == 0 {
        format!("{mode:o}")
    } else {
        format!("{mode:o}, readable by others: chmod 600 {}", path.display())
    })
}

#[cfg(not(unix))]
fn file_mode(_path: &std::path::Path) -> Option<String> {
    None
}
