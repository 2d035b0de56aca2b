//! `cfimg settings apply [FILE] [--prune] [--yes]`: make the account match the file.

use anyhow::Result;
use clap::Args;

use super::{Compared, Target, compare, count};
use crate::context::Context;
use crate::error::{CliError, Exit, PartialFailure};
use crate::output::ChangeResult;
use crate::settings::apply::{self, Ended, Outcome};
use crate::settings::plan::{Action, Change};

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub target: Target,
    /// Apply without asking
    #[arg(short, long)]
    pub yes: bool,
}

pub fn run(args: ApplyArgs, ctx: &mut Context) -> Result<()> {
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
    if !crate::commands::delete::ask(ctx, args.yes, &question, refusal)? {
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
fn what(change: &Change) -> String {
    format!(
        "{} {} '{}'",
        change.action.word(),
        change.kind.word(),
        change.name
    )
}
