//! `cfimg images edit`: PATCH metadata, privacy and creator of one image (printed as `images
//! get` would), or of the ids named or every image a selection picks, through the bulk engine
//! (a result per image).

use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::api::Client;
use crate::api::images::ImageUpdate;
use crate::bulk::action::Action;
use crate::bulk::budget::Budget;
use crate::bulk::consent::{self, Plan};
use crate::bulk::edit::{self, Change, Edit};
use crate::bulk::job::Job;
use crate::bulk::options::BulkArgs;
use crate::bulk::report::{self, Planned};
use crate::bulk::sink::{Progress, Sink};
use crate::context::Context;
use crate::error::CliError;
use crate::select::{Picked, SelectArgs};
use crate::ui::Work;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images edit cats/1 --set-meta alt='A cat' --unset-meta draft\n  \
    cfimg images edit cats/1 --meta alt='A cat' --meta width:=640\n  \
    cfimg images edit 083eb7b2-5392-4565-b69e-aff66acddd00 --require-signed-urls\n  \
    cfimg images edit --where-meta env=staging --set-meta env=archived --dry-run\n  \
    cfimg images edit --where-creator ci --uploaded-before 90d --require-signed-urls --batch\n  \
    cfimg images list --all --ndjson | jq 'select(.meta.v == 1)' | cfimg images edit --ids-from - --set-meta v:=2\n\n\
--set-meta and --unset-meta read the image's metadata, change those keys and write it back\n\
(one GET, one PATCH; none of the GET when a selection listed the image, and no PATCH when it\n\
is already as asked); --metadata and --meta replace all of it.\n\n\
Here --meta and --creator set values, as on `images upload`, so the filters that pick images\n\
by them are spelled --where-meta and --where-creator; `images list` and `images delete` take\n\
those spellings too, beside their --meta and --creator, so one spelling works everywhere.")]
pub struct EditArgs {
    /// Only images with this creator ("" for images without one) [server-side]
    #[arg(long = "where-creator", value_name = "C", help_heading = "Selection")]
    pub creator: Option<String>,

    /// Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]
    #[arg(long = "where-meta", value_name = "FILTER", help_heading = "Selection")]
    pub filters: Vec<String>,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Every image in the account (a selection with no filter must say so)
    #[arg(long, conflicts_with_all = ["ids", "ids_from"], help_heading = "Selection")]
    pub all: bool,

    /// Replace the metadata with this JSON object (at most 1024 bytes)
    #[arg(long, value_name = "JSON", conflicts_with_all = ["meta", "set_meta", "unset_meta"])]
    pub metadata: Option<String>,

    /// Replace the metadata with these entries, key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE", conflicts_with_all = ["set_meta", "unset_meta"])]
    pub meta: Vec<String>,

    /// Add or change one metadata entry, keeping the others: key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub set_meta: Vec<String>,

    /// Remove one metadata entry, keeping the others; repeatable
    #[arg(long, value_name = "KEY")]
    pub unset_meta: Vec<String>,

    /// Make the image private: reachable only through signed URLs
    #[arg(long, overrides_with = "no_require_signed_urls")]
    pub require_signed_urls: bool,

    /// Make the image public
    #[arg(long, overrides_with = "require_signed_urls")]
    pub no_require_signed_urls: bool,

    /// Set the creator
    #[arg(long = "creator", value_name = "C")]
    pub set_creator: Option<String>,

    /// Refuse, editing nothing, when more than N images match
    #[arg(long, value_name = "N")]
    pub max: Option<u64>,

    /// List what would be edited and the requests it would take; edit nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

pub fn run(args: EditArgs, ctx: &mut Context) -> Result<()> {
    let change = change(&args)?;
    // The switches once took a value (`--require-signed-urls true`); now that edit takes
    // several ids, such a value would be taken for an image id, and the edit made to the
    // other ids: refuse it before anything is sent.
    if change.update.require_signed_urls.is_some()
        && let Some(word) = args
            .select
            .ids
            .iter()
            .find(|id| *id == "true" || *id == "false")
    {
        return Err(CliError::usage(format!(
                "'{word}' looks like a value for --require-signed-urls, which takes none"
            ))
            .with_hint("--require-signed-urls makes images private, --no-require-signed-urls public (to edit an image whose id is the word, pass it with --ids-from)")
            .into());
    }
    let selection = args.select.selection(
        args.creator.as_deref(),
        &args.filters,
        "--where-meta",
        jiff::Timestamp::now(),
    )?;
    super::check_narrowed(&selection, args.all, "edit", "--where-meta")?;
    let single = args.select.ids.len() == 1
        && args.select.ids_from.is_none()
        && !args.dry_run
        && args.max.is_none()
        && !args.bulk.batch;
    if single {
        let client = args.bulk.api(ctx.client()?);
        return edit_one(&args.select.ids[0], &change, &client, ctx);
    }
    let batch_url = args.bulk.batch_url(&ctx.env)?;
    let api = args.bulk.api(ctx.client()?);
    let picks = super::pick(selection, &api, &ctx.ui)?;
    let ids: Vec<&str> = picks.picked.iter().map(|p| p.id.as_str()).collect();
    let plan = Plan {
        verb: "edit",
        done: "edited",
        one: "image",
        many: "images",
        ids: &ids,
        listed: picks.listed,
    };
    consent::within_max(&plan, args.max)?;
    if !ids.is_empty() {
        ctx.ui.status(&plan.summary());
    }
    if args.dry_run {
        return dry_run(&args, &change, &picks, ctx);
    }
    let layout = edit::results_layout(ids.iter().copied());
    if picks.picked.is_empty() {
        ctx.ui.status("no images match; nothing to edit");
        ctx.out.stream(layout).finish()?;
        return Ok(());
    }
    let target = args.bulk.target(&api, batch_url, ctx.global.local)?;
    let action = Edit { change: &change };
    let mut sink = Sink::new(&ctx.out, &ctx.ui, &action, false, layout);
    sink.progress = ctx
        .ui
        .bulk_progress(Work {
            noun: "images",
            verb: "editing",
            items: picks.picked.len() as u64,
            bytes: 0,
        })
        .map_or(Progress::None, Progress::Bulk);
    let indices: Vec<usize> = (0..picks.picked.len()).collect();
    let job = Job {
        action: &action,
        items: &picks.picked,
        todo: &indices,
        target: &target,
        concurrency: args.bulk.concurrency as usize,
        work: "edits",
    };
    let ended = job.run(sink, &ctx.ui, Instant::now())?;
    let counts = action.summary(&ended.tally);
    ended.conclude(&ctx.ui, &counts, "images")
}

/// The change the flags ask for, checked before any request.
fn change(args: &EditArgs) -> Result<Change> {
    let set = crate::metadata::parse_pairs(&args.set_meta)
        .map_err(|e| CliError::usage(format!("--set-meta: {e}")))?;
    let merging = !args.set_meta.is_empty() || !args.unset_meta.is_empty();
    let change = Change {
        merge: merging.then(|| (set, args.unset_meta.clone())),
        update: ImageUpdate {
            metadata: super::metadata_from_args(args.metadata.as_deref(), &args.meta)?,
            require_signed_urls: crate::commands::args::switch_pair(
                args.require_signed_urls,
                args.no_require_signed_urls,
            ),
            creator: args.set_creator.clone(),
        },
    };
    if change.is_empty() {
        return Err(CliError::usage("nothing to change")
            .with_hint(
                "pass --set-meta, --unset-meta, --metadata, --meta, --require-signed-urls, --no-require-signed-urls or --creator",
            )
            .into());
    }
    Ok(change)
}

/// One image named on its own: edit it and print it, as `images get` would.
fn edit_one(id: &str, change: &Change, client: &Client, ctx: &mut Context) -> Result<()> {
    let update = if change.merges() {
        // The API replaces metadata whole, so a merge is a read, then a write of the result;
        // a change someone else makes in between is overwritten.
        let current = client
            .get_image(id)
            .map_err(|e| super::get::not_found_names(e, id))?;
        change.update(current.meta.as_ref()).map_err(|e| {
            CliError::usage(format!("cannot merge into the metadata of '{id}': {e}"))
        })?
    } else {
        change.update.clone()
    };
    let image = client
        .update_image(id, &update)
        .map_err(|e| super::get::not_found_names(e, id))?;
    if image.id != id {
        // The API documents that a privacy change can give the image a new id.
        ctx.ui.warn(&format!(
            "the API gave the image a new id: {} (was {id})",
            image.id
        ));
    }
    ctx.out.image(&image)?;
    Ok(())
}

/// `--dry-run`: each image as the run would take it, and what the run would cost.
fn dry_run(args: &EditArgs, change: &Change, picks: &super::Picks, ctx: &Context) -> Result<()> {
    let planned: Vec<Planned<'_, edit::Reason>> = picks
        .picked
        .iter()
        .map(|p: &Picked| edit::plan(change, p))
        .collect();
    let mut stream = ctx
        .out
        .stream(report::plan_layout(planned.iter().map(|p| p.id)));
    for p in &planned {
        stream.item(p)?;
    }
    stream.finish()?;
    let edits = planned.iter().filter(|p| p.status == "edit").count();
    ctx.ui.status(&format!(
        "dry run: {edits} to edit, {} already as asked; nothing was changed",
        planned.len() - edits
    ));
    let reads = if change.merges() {
        picks.picked.iter().filter(|p| p.image.is_none()).count()
    } else {
        0
    };
    let budget = Budget::on_images(picks.requests, reads as u64, edits as u64, "edits");
    args.bulk.show_budget(&ctx.ui, &budget);
    Ok(())
}
