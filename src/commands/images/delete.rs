//! `cfimg images delete`: one image, the ids named, or every image a selection picks, through
//! the bulk engine. Shows the plan, asks on a terminal (for more than 100 images, the count is
//! typed), needs `--yes` anywhere else, and refuses with `--max N` when more match.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::bulk::action::Action;
use crate::bulk::budget::Budget;
use crate::bulk::consent::{self, Plan};
use crate::bulk::delete::{self, Delete, Deleted, Reason};
use crate::bulk::job::Job;
use crate::bulk::journal::{Record, Writer};
use crate::bulk::options::BulkArgs;
use crate::bulk::report::{self, Planned};
use crate::bulk::sink::{Progress, Sink};
use crate::context::Context;
use crate::error::name_not_found;
use crate::select::{FilterArgs, SelectArgs, Selection};
use crate::ui::Work;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images delete cats/1\n  \
    cfimg images delete --creator ci --uploaded-before 30d --dry-run\n  \
    cfimg images delete --meta env=staging --max 500 --yes --manifest deleted.ndjson\n  \
    cfimg images delete --id-prefix tmp/ --batch -j 32 --yes\n  \
    cfimg images list --all --ndjson | jq 'select(.meta.draft)' | cfimg images delete --ids-from - --yes\n\n\
An image already gone counts as deleted, so a re-run or a retry is not a failure; only a\n\
single id named on its own that does not exist is an error (exit 4). A query with no filter\n\
needs --all. More than 100 images: the prompt asks you to type how many.")]
pub struct DeleteArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Every image in the account (a selection with no filter must say so)
    #[arg(long, conflicts_with_all = ["ids", "ids_from"], help_heading = "Selection")]
    pub all: bool,

    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,

    /// Refuse, deleting nothing, when more than N images match
    #[arg(long, value_name = "N")]
    pub max: Option<u64>,

    /// List what would be deleted and the requests it would take; delete nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Record each deleted image (with its metadata, file name, creator and privacy) in this NDJSON file, and resume from it
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

pub fn run(args: DeleteArgs, ctx: &mut Context) -> Result<()> {
    let selection = args
        .filters
        .selection(&args.select, jiff::Timestamp::now())?;
    super::check_narrowed(&selection, args.all, "delete", "--meta")?;
    // One id named on its own is a person's "delete this": gone is "not found", as for `get`.
    let single = args.select.ids.len() == 1
        && args.select.ids_from.is_none()
        && args.manifest.is_none()
        && !args.dry_run;
    let batch_url = args.bulk.batch_url(&ctx.env)?;
    if !args.dry_run {
        let what = match &selection {
            Selection::Ids(ids) if ids.len() == 1 => format!("image '{}'", ids[0]),
            Selection::Ids(ids) => format!("{} images", ids.len()),
            Selection::Query(_) => "the images that match".to_string(),
        };
        consent::required(&ctx.ui, args.yes, "delete", &what)?;
    }
    let record = match &args.manifest {
        Some(path) => {
            let record = Record::<delete::Entry>::read(path, "nothing was deleted")?;
            if record.torn_last_line {
                ctx.ui.warn(&format!(
                    "{}: ignoring its torn last line (a run killed while writing leaves one)",
                    path.display()
                ));
            }
            Some(record)
        }
        None => None,
    };

    let api = args.bulk.api(ctx.client()?);
    let picks = super::pick(selection, &api, &ctx.ui)?;
    let action = Delete {
        audit: args.manifest.is_some(),
        single,
    };
    let (todo, settled) = match &record {
        Some(record) => delete::resume(&action, picks.picked, record),
        None => (picks.picked, Vec::new()),
    };
    let ids: Vec<&str> = todo.iter().map(|p| p.id.as_str()).collect();
    let plan = Plan {
        verb: "delete",
        done: "deleted",
        one: "image",
        many: "images",
        ids: &ids,
        listed: picks.listed,
    };
    consent::within_max(&plan, args.max)?;
    if !single && !todo.is_empty() {
        ctx.ui.status(&plan.summary());
    }
    let settled_ids: Vec<String> = settled.iter().filter_map(|s| s.id.clone()).collect();
    let all_ids = || {
        ids.iter()
            .copied()
            .chain(settled_ids.iter().map(String::as_str))
    };

    if args.dry_run {
        let mut stream = ctx.out.stream(report::plan_layout::<Reason>(all_ids()));
        for item in &todo {
            stream.item(&Planned {
                id: &item.id,
                status: "delete",
                reason: None,
                image: item.image.as_ref(),
            })?;
        }
        stream.finish()?;
        ctx.ui.status(&format!(
            "dry run: {} to delete{}; nothing was deleted",
            todo.len(),
            if settled.is_empty() {
                String::new()
            } else {
                format!(", {} deleted by an earlier run", settled.len())
            }
        ));
        let reads = if action.audit {
            todo.iter().filter(|p| p.image.is_none()).count() as u64
        } else {
            0
        };
        let budget = Budget::on_images(picks.requests, reads, todo.len() as u64, "deletes");
        args.bulk.show_budget(&ctx.ui, &budget);
        return Ok(());
    }

    let layout = delete::results_layout(all_ids());
    if todo.is_empty() && settled.is_empty() {
        ctx.ui.status("no images match; nothing to delete");
        ctx.out.stream(layout).finish()?;
        return Ok(());
    }
    if !todo.is_empty() && !consent::ask(&ctx.ui, &plan, args.yes)? {
        // Declining is an answer, not a failure.
        ctx.ui.status("nothing deleted");
        ctx.out.stream(layout).finish()?;
        return Ok(());
    }

    let target = args.bulk.target(&api, batch_url, ctx.global.local)?;
    let mut sink = Sink::new(&ctx.out, &ctx.ui, &action, false, layout);
    // One image named: its error is the one line the run ends with, not a warning too.
    sink.warn_failures = !single;
    sink.keep = single;
    if let Some(path) = &args.manifest {
        sink.journal = Some(Writer::open_for_run(path)?);
    }
    if !single {
        sink.progress = ctx
            .ui
            .bulk_progress(Work {
                noun: "images",
                verb: "deleting",
                items: todo.len() as u64,
                bytes: 0,
            })
            .map_or(Progress::None, Progress::Bulk);
    }
    let started = Instant::now();
    for (offset, result) in settled.into_iter().enumerate() {
        sink.report(todo.len() + offset, result);
    }
    let indices: Vec<usize> = (0..todo.len()).collect();
    let job = Job {
        action: &action,
        items: &todo,
        todo: &indices,
        target: &target,
        concurrency: args.bulk.concurrency as usize,
        work: "deletes",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    if single && ended.not_started == 0 {
        return single_outcome(ended.kept.first(), ids[0]);
    }
    let counts = action.summary(&ended.tally);
    ended.conclude(&ctx.ui, &counts, "images")
}

/// One image named on its own: its error, if it failed, as the one line the run ends with.
fn single_outcome(result: Option<&Deleted>, id: &str) -> Result<()> {
    let Some(cause) = result
        .and_then(|r| r.error.as_ref())
        .and_then(|e| e.cause.clone())
    else {
        return Ok(());
    };
    Err(name_not_found(
        cause,
        &format!("image '{id}'"),
        "list the account's images with `cfimg images list`",
    ))
}
