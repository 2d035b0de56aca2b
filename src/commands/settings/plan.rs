//! `cfimg settings plan [FILE] [--prune] [--check]`: what apply would change.

use anyhow::Result;
use clap::Args;

use super::{Compared, Target, compare, count};
use crate::context::Context;
use crate::error::{CliError, Exit};
use crate::settings::plan::Plan;

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub target: Target,
    /// Exit with 6 when there are changes to make (0 when the account matches the file)
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: PlanArgs, ctx: &mut Context) -> Result<()> {
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
