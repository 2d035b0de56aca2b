//! `cfimg settings export | plan | apply | schema`: an account's variants, signing key names
//! and options as a file to keep in version control, review and apply. The file, the plan and
//! the export are `crate::settings`; this is the glue.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::api::Client;
use crate::api::config::{AccountConfig, is_unreadable};
use crate::context::Context;
use crate::error::{CliError, Exit, PartialFailure};
use crate::output::{ChangeResult, Human};
use crate::settings::apply::{self, Ended, Outcome};
use crate::settings::export;
use crate::settings::file::{self, DEFAULT_FILE, KeyName, ReadError, SettingsFile};
use crate::settings::plan::{self, Action, Current, Plan};

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Write the account's variants, signing key names and options as a settings file
    #[command(after_help = "Examples:\n  \
        cfimg settings export -o cfimg-settings.toml\n  \
        cfimg settings export | less\n  \
        cfimg --json settings export | jq '.variants | keys'")]
    Export(ExportArgs),
    /// Show what `settings apply` would change, field by field; --check exits 6 if anything
    #[command(after_help = "Examples:\n  \
        cfimg settings plan\n  \
        cfimg settings plan cfimg-settings.toml --prune\n  \
        cfimg settings plan cfimg-settings.toml --check     # in CI: exit 6 when the account drifted\n  \
        cfimg --json settings plan | jq '.changes[] | .action + \" \" + .name'")]
    Plan(PlanArgs),
    /// Make the account match a settings file (asks first on a terminal; --yes elsewhere)
    #[command(after_help = "Examples:\n  \
        cfimg settings apply\n  \
        cfimg settings apply cfimg-settings.toml --prune --yes\n  \
        cfimg settings apply --rotate backup     # give the key `backup` a new value\n\n\
        Creates and updates come first, deletes last. Applying a file the account already\n\
        matches sends nothing but the reads.")]
    Apply(ApplyArgs),
    /// Print the settings file's JSON Schema, for editors to complete and check the file
    #[command(after_help = "Example:\n  \
        cfimg settings schema > cfimg-settings.schema.json\n\n\
        An exported file's first line, `#:schema ./cfimg-settings.schema.json`, points editors\n\
        that read it (taplo, Even Better TOML) at this file beside it.")]
    Schema,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to FILE (atomically, replacing it) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub target: Target,
    /// Exit with 6 when there are changes to make (0 when the account matches the file)
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub target: Target,
    /// Apply without asking
    #[arg(short, long)]
    pub yes: bool,
}

pub fn run(command: SettingsCommand, ctx: &mut Context) -> Result<()> {
    match command {
        SettingsCommand::Export(args) => export(args, ctx),
        SettingsCommand::Plan(args) => plan(args, ctx),
        SettingsCommand::Apply(args) => apply(args, ctx),
        // JSON already, so the same text whatever the output flags: the checked-in file.
        SettingsCommand::Schema => Ok(ctx.out.bytes(file::schema_json().as_bytes())?),
    }
}

/// What `export -o FILE` wrote, for `--json`.
#[derive(Serialize)]
struct Written {
    path: String,
    variants: usize,
    keys: usize,
}

fn export(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    if let Some(path) = args.output.as_deref().filter(|p| p.is_dir()) {
        return Err(CliError::usage(format!(
            "{} is a directory, and -o takes a file",
            path.display()
        ))
        .with_hint(format!(
            "name the file, e.g. -o {}",
            path.join(DEFAULT_FILE).display()
        ))
        .into());
    }
    let client = ctx.client()?;
    let (current, unreadable) = read_account(&client)?;
    let settings = export::to_file(&current)
        .map_err(|e| CliError::failed(format!("cannot export the settings: {e}")))?;
    if let Some(why) = &unreadable {
        ctx.ui.warn(&format!(
            "the account options could not be read ({why}): the file shows them commented out"
        ));
    }
    let name = args
        .output
        .as_deref()
        .and_then(Path::file_name)
        .map_or_else(
            || DEFAULT_FILE.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
    let text = export::to_text(&settings, &name, unreadable.as_deref());
    match &args.output {
        Some(path) => {
            export::write_file(path, &text)
                .map_err(|e| CliError::failed(format!("cannot write {}: {e}", path.display())))?;
            let written = Written {
                path: path.display().to_string(),
                variants: settings.variants.len(),
                keys: settings.keys.len(),
            };
            ctx.ui.status(&format!(
                "wrote {} ({}, {})",
                written.path,
                count(written.variants, "variant", "variants"),
                count(written.keys, "signing key", "signing keys")
            ));
            ctx.out.show(&written, || Human::Nothing)?;
        }
        // A script that asked for JSON gets the same settings in the shape the schema gives.
        None if ctx.out.is_json() => ctx.out.show(&settings, || Human::Nothing)?,
        None => ctx.out.bytes(text.as_bytes())?,
    }
    Ok(())
}

fn plan(args: PlanArgs, ctx: &mut Context) -> Result<()> {
    let Compared { target, plan, .. } = compare(&args.target, ctx)?;
    ctx.out.plan(&plan)?;
    say_summary(ctx, &plan, &target);
    let pending = plan.pending();
    if args.check && pending > 0 {
        return Err(CliError::new(
            Exit::Pending,
            format!(
                "{} pending: the account differs from {target}",
                count(pending, "change", "changes")
            ),
        )
        .with_hint(format!(
            "make them with `cfimg settings apply {target}`, or take the account's settings into the file with `cfimg settings export -o {target}`"
        ))
        .into());
    }
    Ok(())
}

fn apply(args: ApplyArgs, ctx: &mut Context) -> Result<()> {
    let Compared {
        target,
        plan,
        current,
        client,
    } = compare(&args.target, ctx)?;
    if plan.changes.is_empty() {
        ctx.ui
            .status(&format!("no changes: the account already matches {target}"));
        return Ok(ctx.out.change_results().finish()?);
    }
    let prompting = !args.yes && ctx.ui.can_prompt();
    // What is about to happen, on stderr: the context of the question, and a record in a log.
    if prompting || !ctx.ui.quiet {
        ctx.ui.raw(ctx.out.plan_preview(&plan).trim_end());
    }
    let destructive = plan
        .changes
        .iter()
        .any(|c| matches!(c.action, Action::Delete | Action::Rotate));
    let question = format!(
        "Apply these changes ({})?{}",
        plan.summary(),
        if destructive {
            " Deletes and rotations cannot be undone"
        } else {
            ""
        }
    );
    let refusal = CliError::usage(format!(
        "refusing to apply {} without confirmation",
        count(plan.changes.len(), "change", "changes")
    ))
    .with_hint(format!(
        "review them with `cfimg settings plan {target}`, then pass --yes to apply without a prompt"
    ));
    if !super::delete::ask(ctx, args.yes, &question, refusal)? {
        ctx.ui.status("nothing changed");
        let mut results = ctx.out.change_results();
        for change in &plan.changes {
            results.item(&ChangeResult::declined(change))?;
        }
        return Ok(results.finish()?);
    }
    let mut results = ctx.out.change_results();
    let ui = &ctx.ui;
    let ended = apply::apply(&client, &plan, &current.keys, |change, outcome| {
        match outcome {
            Outcome::Failed(e) => ui.warn(&format!("{}: {e}", what(change))),
            Outcome::Skipped(why) => ui.warn(&format!("{}: not sent: {why}", what(change))),
            Outcome::Applied => {}
        }
        results.item(&ChangeResult::of(change, outcome))
    })?;
    results.finish()?;
    match ended {
        Ended::Tried { failed: 0 } => {
            ctx.ui.status(&format!("applied: {}", plan.summary()));
            Ok(())
        }
        Ended::Tried { failed } => Err(PartialFailure {
            failed,
            total: plan.changes.len(),
        }
        .into()),
        Ended::Refused { error, not_tried } => Err(CliError::new(
            Exit::Config,
            format!(
                "the API refused the credentials ({error}); stopped there, {not_tried} of {} changes not tried",
                plan.changes.len()
            ),
        )
        .caused_by(error)
        .into()),
    }
}

/// `create variant 'thumb'`, for warnings.
fn what(change: &plan::Change) -> String {
    format!(
        "{} {} '{}'",
        change.action.word(),
        change.kind.word(),
        change.name
    )
}

/// A settings file compared with the account.
struct Compared {
    /// The file's name as messages show it.
    target: String,
    plan: Plan,
    current: Current,
    client: Client,
}

/// Read the file (before anything is sent, so a bad file costs no request), then the account,
/// and compare.
fn compare(target: &Target, ctx: &mut Context) -> Result<Compared> {
    let shown = target.file.display().to_string();
    let settings = read_file(&target.file, &shown)?;
    let rotate: Vec<KeyName> = plan::check_rotate(&settings, &target.rotate).map_err(|e| {
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
    let plan = plan::plan(&settings, &current, target.prune, &rotate);
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

/// `plan: 1 to create, 2 to update` or `no changes`, on stderr.
fn say_summary(ctx: &Context, plan: &Plan, target: &str) {
    if plan.changes.is_empty() {
        ctx.ui
            .status(&format!("no changes: the account matches {target}"));
    } else {
        ctx.ui.status(&format!(
            "plan: {}; `cfimg settings apply {target}` makes them",
            plan.summary()
        ));
    }
}

/// `1 change`, `2 changes`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
