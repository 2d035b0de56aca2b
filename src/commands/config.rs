//! `cfimg config init | show | path`.

use std::io::Read;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::commands::Context;
use crate::config::{self, ConfigFile, Profile};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Save a profile: account id and token (asked for, or read from stdin)
    Init(InitArgs),
    /// Show every resolved setting and where it came from (token masked)
    Show,
    /// Print the config file's path
    Path,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg config init\n  \
    printf '%s' \"$TOKEN\" | cfimg config init --profile ci --account-id 023e105f4ecef8ad9ca31a8372d0c353 --token-stdin")]
pub struct InitArgs {
    /// Read the API token from stdin instead of prompting (never pass it as a flag)
    #[arg(long)]
    pub token_stdin: bool,

    /// The account hash for delivery URLs (from any image's variant URL)
    #[arg(long, value_name = "HASH")]
    pub account_hash: Option<String>,

    /// Make this profile the default one
    #[arg(long)]
    pub default: bool,
}

pub fn run(command: ConfigCommand, ctx: &mut Context) -> Result<()> {
    match command {
        ConfigCommand::Init(args) => init(args, ctx),
        ConfigCommand::Show => show(ctx),
        ConfigCommand::Path => {
            let path = config::config_path(&ctx.overrides(), &ctx.env)?;
            ctx.out.line(&path.value.display().to_string())?;
            Ok(())
        }
    }
}

fn init(args: InitArgs, ctx: &mut Context) -> Result<()> {
    let path = config::config_path(&ctx.overrides(), &ctx.env)?.value;
    let (mut file, _) = config::load(&path)?;
    let name = ctx
        .global
        .profile
        .clone()
        .unwrap_or_else(|| "default".into());
    let account_id = match &ctx.global.account_id {
        Some(id) => id.clone(),
        None if ctx.ui.can_prompt() => {
            let id = ctx
                .ui
                .input("Account id (32 hex characters, from the dashboard)")?;
            if !config::is_account_id(&id) {
                return Err(CliError::usage(format!("'{id}' is not an account id"))
                    .with_hint("it is 32 hexadecimal characters, on the dashboard's Overview page")
                    .into());
            }
            id
        }
        None => {
            return Err(CliError::usage("no account id given")
                .with_hint("pass --account-id ID")
                .into());
        }
    };
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
        return Err(CliError::usage("the token is empty or contains white space").into());
    }
    let existing = file.profiles.get(&name).cloned().unwrap_or_default();
    let profile = Profile {
        account_id: Some(account_id),
        api_token: Some(token),
        api_key: None,
        email: None,
        account_hash: args.account_hash.or(existing.account_hash.clone()),
        ..existing
    };
    let replaced = file.profiles.insert(name.clone(), profile).is_some();
    if args.default || file.default_profile.is_none() && file.profiles.len() == 1 {
        file.default_profile = Some(name.clone());
    }
    save(&path, &file)?;
    ctx.ui.status(&format!(
        "{} profile '{name}' in {}",
        if replaced { "updated" } else { "saved" },
        path.display()
    ));
    Ok(())
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
    let path_note = if resolved.path.value.exists() {
        String::new()
    } else {
        " (does not exist yet)".into()
    };
    let mut settings = vec![Setting {
        name: "config_file",
        value: Some(format!("{}{path_note}", resolved.path.value.display())),
        source: Some(resolved.path.source.to_string()),
    }];
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
                    s.source.clone().unwrap_or_default(),
                ]
            })
            .collect();
        ctx.out.rows(&["SETTING", "VALUE", "FROM"], rows)?;
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
    Ok(())
}
