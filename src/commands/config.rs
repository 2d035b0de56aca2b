//! `cfimg config init | show | path`.

use std::io::Read;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::api::{ApiError, Auth, DEFAULT_API_URL, Secret};
use crate::commands::Context;
use crate::config::{self, ConfigFile, Profile};
use crate::error::{CliError, Exit};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Save a profile: account id and token, checked with one API call before saving
    Init(InitArgs),
    /// Show every resolved setting and where it came from (token masked)
    #[command(after_help = "Examples:\n  \
        cfimg config show\n  \
        cfimg --profile ci config show --json | jq -r .account_id.value")]
    Show,
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
        ConfigCommand::Path => {
            let path = config::config_path(&ctx.overrides(), &ctx.env)?.value;
            if ctx.out.is_table() {
                // Bare, so `$EDITOR "$(cfimg config path)"` works.
                ctx.out.line(&path.display().to_string())?;
            } else {
                let exists = path.exists();
                let path = path.to_string_lossy();
                ctx.out
                    .json(&serde_json::json!({ "path": path, "exists": exists }))?;
            }
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
    let path = config::config_path(&ctx.overrides(), &ctx.env)?.value;
    let (mut file, _) = config::load(&path)?;
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
    let replaced = file.profiles.insert(name.clone(), profile).is_some();
    let make_default = choose_default(&args, ctx, &file, &name)?;
    if make_default {
        file.default_profile = Some(name.clone());
    }
    save(&path, &file)?;
    ctx.ui.status(&format!(
        "{} profile '{name}' in {}{}",
        if replaced { "updated" } else { "saved" },
        path.display(),
        if file.default_profile.as_deref() == Some(name.as_str()) {
            " (the default profile)"
        } else {
            ""
        }
    ));
    if file.default_profile.as_deref() != Some(name.as_str()) && name != "default" {
        ctx.ui.hint(&format!(
            "use it with --profile {name} or CFIMG_PROFILE={name}, or make it the default with `cfimg --profile {name} config init --default`"
        ));
    }
    Ok(())
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

fn save(path: &std::path::Path, file: &ConfigFile) -> Result<()> {
    Ok(config::save(path, file)?)
}

#[derive(Serialize)]
struct Setting {
    name: &'static str,
    value: Option<String>,
    source: Option<String>,
}

fn show(ctx: &mut Context) -> Result<()> {
    let resolved = ctx.config()?.clone();
    let auth = resolved.auth.as_ref().map(|a| {
        let value = match &a.value {
            crate::api::Auth::Token(t) => format!("token {}", t.masked()),
            crate::api::Auth::GlobalKey { email, key } => {
                format!("global API key {} for {email}", key.masked())
            }
        };
        (value, a.source.to_string())
    });
    let mut settings = vec![Setting {
        name: "config_file",
        value: Some(resolved.path.value.display().to_string()),
        source: Some(resolved.path.source.to_string()),
    }];
    if let Some(mode) = file_mode(&resolved.path.value) {
        settings.push(Setting {
            name: "file_mode",
            value: Some(mode),
            source: None,
        });
    }
    for (name, value) in [
        ("profile", &resolved.profile),
        ("account_id", &resolved.account_id),
        ("api_url", &Some(resolved.api_url.clone())),
        ("account_hash", &resolved.account_hash),
        ("delivery_url", &resolved.delivery_url),
    ] {
        settings.push(Setting {
            name,
            value: value.as_ref().map(|s| s.value.clone()),
            source: value.as_ref().map(|s| s.source.to_string()),
        });
    }
    settings.push(Setting {
        name: "credentials",
        value: auth.as_ref().map(|a| a.0.clone()),
        source: auth.map(|a| a.1),
    });
    settings.push(Setting {
        name: "signing_key",
        value: resolved.signing_key.as_ref().map(|k| k.value.masked()),
        source: resolved.signing_key.as_ref().map(|k| k.source.to_string()),
    });
    if ctx.out.is_table() {
        let rows = settings
            .iter()
            .map(|s| {
                vec![
                    s.name.to_string(),
                    s.value.clone().unwrap_or_else(|| "(not set)".into()),
                    // `$NAME` says "environment variable" in the width of a narrow terminal.
                    s.source
                        .clone()
                        .unwrap_or_default()
                        .replace("environment variable ", "$"),
                ]
            })
            .collect();
        ctx.out.rows(&["SETTING", "VALUE", "FROM"], &[0, 1], rows)?;
    } else {
        let map: serde_json::Map<String, serde_json::Value> = settings
            .iter()
            .map(|s| {
                (
                    s.name.to_string(),
                    serde_json::json!({"value": s.value, "source": s.source}),
                )
            })
            .collect();
        ctx.out.json(&map)?;
    }
    if !resolved.path.value.exists() {
        ctx.ui
            .hint("the config file does not exist yet: `cfimg config init` creates it");
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
