//! `cfimg config init | show | list | use | remove | path`. Every change goes through
//! `config::ConfigDocument`, which edits the file in place and keeps what people wrote in it.

mod profiles;
mod settings;

use std::io::Read;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::api::{ApiError, Auth, AuthRefusal, DEFAULT_API_URL, Secret};
use crate::config::{self, ConfigDocument, ConfigFile, Profile};
use crate::context::Context;
use crate::error::{CliError, Exit};
use crate::output::Human;

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
        ConfigCommand::Show => settings::show(ctx),
        ConfigCommand::List => settings::list(ctx),
        ConfigCommand::Use { name } => profiles::use_profile(&name, ctx),
        ConfigCommand::Remove { name, yes } => profiles::remove(&name, yes, ctx),
        ConfigCommand::Path => {
            let path = config::config_path(&ctx.overrides(), &ctx.env)?.value;
            let object =
                serde_json::json!({ "path": path.to_string_lossy(), "exists": path.exists() });
            // Bare for a person, so `$EDITOR "$(cfimg config path)"` works.
            ctx.out
                .show(&object, || Human::Line(path.display().to_string()))?;
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
        .or_else(|| ctx.env.get(config::vars::API_URL.var).map(str::to_string))
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
    // What was saved, never the token: a script may log this.
    ctx.out.show(
        &serde_json::json!({
            "config_file": path.value,
            "profile": name,
            "created": !replaced,
            "default_profile": is_default,
        }),
        || Human::Nothing,
    )?;
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
        Err(e) if e.is_auth() => Err(token_refused(e, account_id, unchecked).into()),
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

/// `config init`'s answer to the API refusing the token, in any of its ways (exit 3).
fn token_refused(e: ApiError, account_id: &str, unchecked: &str) -> CliError {
    let (message, hint) = match e.auth_refusal() {
        Some(AuthRefusal::Malformed) => (
            format!("the API could not read the token: {e}"),
            format!(
                "paste the whole token, without quotes or spaces, as the dashboard showed it when it was created, {unchecked}"
            ),
        ),
        Some(AuthRefusal::Missing) => (
            format!("the token did not reach the API: {e}"),
            format!(
                "something between cfimg and the API (a proxy) drops the Authorization header: check --api-url and the proxy settings, {unchecked}"
            ),
        ),
        Some(AuthRefusal::NotAccepted) => (
            format!("the API did not accept the token: {e}"),
            format!(
                "paste the whole token, as the dashboard showed it when it was created, {unchecked}"
            ),
        ),
        Some(AuthRefusal::Refused) | None => (
            format!("the token may not read images in account {account_id}: {e}"),
            format!(
                "give the token the \"Images Read\" permission (and \"Images Write\" to upload, edit and delete) for this account, or check that it is the whole token; {unchecked}"
            ),
        ),
    };
    CliError::new(Exit::Config, message)
        .with_hint(hint)
        .caused_by(e)
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
