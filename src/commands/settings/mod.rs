//! `cfimg settings export | plan | apply | schema`: an account's variants, signing key names
//! and options as a file to keep in version control, review and apply. The file, the plan and
//! the export are `crate::settings`; this is the glue, a file per verb, and what the verbs
//! share: reading the file and the account, and comparing them.

pub mod apply;
pub mod export;
pub mod plan;

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::api::Client;
use crate::api::config::{AccountConfig, is_unreadable};
use crate::context::Context;
use crate::error::CliError;
use crate::settings::file::{self, DEFAULT_FILE, KeyName, ReadError, SettingsFile};
use crate::settings::plan::{Current, Plan};

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Write the account's variants, signing key names and options as a settings file
    #[command(after_help = "Examples:\n  \
        cfimg settings export -o cfimg-settings.toml\n  \
        cfimg settings export | less\n  \
        cfimg --json settings export | jq '.variants | keys'")]
    Export(export::ExportArgs),
    /// Show what `settings apply` would change, field by field; --check exits 6 if anything
    #[command(after_help = "Examples:\n  \
        cfimg settings plan\n  \
        cfimg settings plan cfimg-settings.toml --prune\n  \
        cfimg settings plan cfimg-settings.toml --check     # in CI: exit 6 when the account drifted\n  \
        cfimg --json settings plan | jq '.changes[] | .action + \" \" + .name'")]
    Plan(plan::PlanArgs),
    /// Make the account match a settings file (asks first on a terminal; --yes elsewhere)
    #[command(after_help = "Examples:\n  \
        cfimg settings apply\n  \
        cfimg settings apply cfimg-settings.toml --prune --yes\n  \
        cfimg settings apply --rotate backup     # give the key `backup` a new value\n\n\
        Creates and updates come first, deletes last. Applying a file the account already\n\
        matches sends nothing but the reads.")]
    Apply(apply::ApplyArgs),
    /// Print the settings file's JSON Schema, for editors to complete and check the file
    #[command(after_help = "Example:\n  \
        cfimg settings schema > cfimg-settings.schema.json\n\n\
        An exported file's first line, `#:schema ./cfimg-settings.schema.json`, points editors\n\
        that read it (taplo, Even Better TOML) at this file beside it.")]
    Schema,
}

/// What `plan` and `apply` compare the account with.
#[derive(Debug, Args)]
pub struct Target {
    /// The settings file
    #[arg(value_name = "FILE", default_value = DEFAULT_FILE)]
    pub file: PathBuf,
    /// Also delete variants and keys the file does not name (not `public` unless it says so)
    #[arg(long)]
    pub prune: bool,
    /// Give the signing key NAME a new value; URLs signed with the old one stop working
    #[arg(long, value_name = "NAME")]
    pub rotate: Vec<String>,
}

pub fn run(command: SettingsCommand, ctx: &mut Context) -> Result<()> {
    match command {
        SettingsCommand::Export(args) => export::run(args, ctx),
        SettingsCommand::Plan(args) => plan::run(args, ctx),
        SettingsCommand::Apply(args) => apply::run(args, ctx),
        // JSON already, so the same text whatever the output flags: the checked-in file.
        SettingsCommand::Schema => Ok(ctx.out.bytes(file::schema_json().as_bytes())?),
    }
}

/// A settings file compared with the account.
struct Compared {
    /// The file's name as messages show it.
    pub target: String,
    pub plan: Plan,
    pub current: Current,
    pub client: Client,
}

/// Read the file (before anything is sent, so a bad file costs no request), then the account,
/// and compare.
fn compare(target: &Target, ctx: &mut Context) -> Result<Compared> {
    let shown = target.file.display().to_string();
    let settings = read_file(&target.file, &shown)?;
    let rotate: Vec<KeyName> = crate::settings::plan::check_rotate(&settings, &target.rotate)
        .map_err(|e| {
            CliError::usage(e).with_hint(format!(
                "add the key to `keys` in {shown}, or leave --rotate out"
            ))
        })?;
    let client = ctx.client()?;
    let (current, unreadable) = read_account(&client)?;
    if let Some(why) = unreadable.filter(|_| !settings.account.is_empty()) {
        ctx.ui.warn(&format!(
            "the account options could not be read ({why}): those in the file are set on every apply, and `plan --check` cannot compare them"
        ));
    }
    let plan = crate::settings::plan::plan(&settings, &current, target.prune, &rotate);
    for kept in &plan.kept {
        ctx.ui.status(&format!(
            "keeping {} '{}': {}",
            kept.kind.word(),
            kept.name,
            kept.reason
        ));
    }
    Ok(Compared {
        target: shown,
        plan,
        current,
        client,
    })
}

fn read_file(path: &Path, shown: &str) -> Result<SettingsFile> {
    file::read(path).map_err(|e| {
        match e {
            ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                CliError::failed(format!("cannot read {shown}: there is no such file")).with_hint(
                    format!("write one from the account with `cfimg settings export -o {shown}`"),
                )
            }
            ReadError::Io(e) => CliError::failed(format!("cannot read {shown}: {e}")),
            ReadError::Invalid(problem) => {
                CliError::failed(format!("{shown}, {problem}; nothing was sent"))
                    .with_hint("`cfimg settings schema` describes every key the file takes")
            }
        }
        .into()
    })
}

/// The account's variants, key names and options. Options the API will not show (it may have
/// no `GET` for them) are unknown, with the API's answer as the reason.
fn read_account(client: &Client) -> Result<(Current, Option<String>)> {
    let variants = client.list_variants()?;
    let keys = client.list_keys()?.into_iter().map(|k| k.name).collect();
    let (options, unreadable) = match client.get_account_config() {
        Ok(options) => (options, None),
        Err(e) if is_unreadable(&e) => (AccountConfig::default(), Some(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    Ok((
        Current {
            variants,
            keys,
            options,
        },
        unreadable,
    ))
}

/// `1 change`, `2 changes`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
