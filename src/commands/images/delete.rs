//! `cfimg images delete ID...`: asks on a terminal, needs `--yes` anywhere else.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::commands::Context;
use crate::error::PartialFailure;
use crate::output::Mode;
use crate::upload::report::ErrorReport;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images delete cats/1\n  \
    cfimg images list --all --ndjson --meta build=old | jq -r .id | xargs -r cfimg images delete --yes")]
pub struct DeleteArgs {
    /// Image ids
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Serialize)]
struct Deleted {
    id: String,
    deleted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorReport>,
}

pub fn run(args: DeleteArgs, ctx: &mut Context) -> Result<()> {
    crate::commands::confirm_delete(ctx, args.yes, &describe(&args.ids))?;
    let client = ctx.client()?;
    let mut results = Vec::new();
    let mut failed = 0;
    let mut last_error = None;
    for id in &args.ids {
        let outcome = client.delete_image(id);
        let result = Deleted {
            id: id.clone(),
            deleted: outcome.is_ok(),
            error: outcome.as_ref().err().map(ErrorReport::from),
        };
        match ctx.out.mode {
            Mode::Ndjson => ctx.out.json(&result)?,
            Mode::Table => match &outcome {
                Ok(()) => ctx.out.line(&format!("deleted  {id}"))?,
                Err(e) => ctx.ui.warn(&format!("{id}: {e}")),
            },
            Mode::Json => {}
        }
        if let Err(e) = outcome {
            failed += 1;
            last_error = Some(e);
        }
        results.push(result);
    }
    if ctx.out.mode == Mode::Json {
        ctx.out.json(&results)?;
    }
    match (failed, last_error) {
        (0, _) => Ok(()),
        (_, Some(e)) if args.ids.len() == 1 => Err(super::get::not_found_names(e, &args.ids[0])),
        _ => Err(PartialFailure {
            failed,
            total: args.ids.len(),
        }
        .into()),
    }
}

fn describe(ids: &[String]) -> String {
    match ids {
        [one] => format!("image '{one}'"),
        many => format!("{} images", many.len()),
    }
}
