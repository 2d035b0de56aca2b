//! `cfimg images copy --to-profile NAME`: the images a selection picks (every image, by
//! default) from this account into the account of another profile, each original streamed
//! from this account's `blob` into the other's upload, never written to disk. Each account
//! keeps to its own rate limit; ids, the id map and resume are as for `images import`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::api::Client;
use crate::bulk::job::Job;
use crate::bulk::journal::Writer;
use crate::bulk::sink::{Progress, Sink};
use crate::bulk::target::Target;
use crate::bulk::transfer::idmap;
use crate::bulk::transfer::send::{self, From, Item, Send};
use crate::config::Overrides;
use crate::context::Context;
use crate::error::CliError;
use crate::select::{FilterArgs, SelectArgs};
use crate::text::grouped;
use crate::ui::Work;

use super::export::PaceArgs;
use super::import;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg --profile staging images copy --to-profile production --meta release=42\n  \
    cfimg images copy --to-profile local-emulator --creator ci -j 8\n  \
    cfimg images copy --to-profile backup --skip-existing --manifest copy.ndjson\n\n\
The profile named by --to-profile gives the other account (its account id, credentials and\n\
api_url, which may be an emulator's). Each image keeps its id when it was chosen; an id the\n\
API picked (a UUID) cannot be chosen, so such an image gets a new id there, which the id map\n\
records. A re-run sends no image the id map or --manifest records as sent.")]
pub struct CopyArgs {
    /// The profile of the account to copy into
    #[arg(long, value_name = "NAME")]
    pub to_profile: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Count an image whose id already exists in the other account as skipped, not failed
    #[arg(long)]
    pub skip_existing: bool,

    /// Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Where to write the new ids of images whose ids the API picked [default: id-map.<FROM_ACCOUNT>.<TO_ACCOUNT>.ndjson]
    #[arg(long, value_name = "FILE")]
    pub id_map: Option<PathBuf>,

    /// List what would be copied or skipped; copy nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub pace: PaceArgs,
}

pub fn run(args: CopyArgs, ctx: &mut Context) -> Result<()> {
    let selection = args
        .filters
        .selection(&args.select, jiff::Timestamp::now())?;
    let source = args.pace.client(ctx.client()?);
    let destination = args.pace.client(destination(&args.to_profile, ctx)?);
    let (from, to) = (source.config(), destination.config());
    if from.base_url == to.base_url && from.account_id == to.account_id {
        return Err(CliError::usage(format!(
            "profile '{}' is this same account ({}): there is nothing to copy",
            args.to_profile, to.account_id
        ))
        .with_hint("name the profile of another account, or choose this one with --profile")
        .into());
    }
    let manifest = import::read_manifest(args.manifest.as_deref(), &ctx.ui)?;
    let map_path = args.id_map.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "id-map.{}.{}.ndjson",
            from.account_id, to.account_id
        ))
    });
    let map = idmap::read(&map_path)?;

    let picks = super::pick(selection, &source, &ctx.ui)?;
    let items: Vec<Item> = picks
        .picked
        .into_iter()
        .map(|p| Item {
            label: p.id.clone(),
            id: p.id,
            image: p.image,
            from: From::Account(source.clone()),
        })
        .collect();
    let (todo, settled) = send::resume(&items, manifest.as_ref(), &map);
    if args.dry_run {
        let reads = todo.iter().filter(|&&i| items[i].image.is_none()).count() as u64;
        return import::dry_run(&items, &todo, &settled, ctx, |budget| {
            let downloads = budget.work + reads;
            let parts = format!(
                "{} listing, {} downloads",
                grouped(picks.requests),
                grouped(downloads)
            );
            ctx.ui.status(&format!(
                "budget: this account {}; the other {}",
                args.pace.cost(picks.requests + downloads, &parts),
                args.pace.cost(budget.work, "uploads")
            ));
        });
    }
    if !todo.is_empty() {
        ctx.ui.status(&format!(
            "copying {} images into the account of profile '{}': {}",
            grouped(todo.len() as u64),
            args.to_profile,
            args.pace
                .cost(todo.len() as u64, "downloads; as many uploads there")
        ));
    }

    let id_map = import::open_id_map(&items, &todo, &map_path)?;
    let action = Send {
        skip_existing: args.skip_existing,
        id_map: id_map.as_ref(),
        id_map_error: Default::default(),
    };
    let mut sink = Sink::new(
        &ctx.out,
        &ctx.ui,
        &action,
        false,
        send::results_layout(&items),
    );
    if let Some(path) = &args.manifest {
        sink.journal = Some(Writer::open_for_run(path)?);
    }
    sink.progress = Progress::paced(
        &ctx.ui,
        Work {
            noun: "images",
            verb: "copying",
            items: todo.len() as u64,
            bytes: 0,
        },
        args.pace.rate(),
    );
    let started = Instant::now();
    for (index, result) in settled {
        sink.report(index, result);
    }
    let target = Target::Api(destination);
    let job = Job {
        action: &action,
        items: &items,
        todo: &todo,
        target: &target,
        concurrency: args.pace.concurrency as usize,
        work: "copies",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    import::finish(ended, &action, &map_path, &ctx.ui)
}

/// The client of profile `name`'s account: its settings as `--profile NAME` would resolve
/// them (the profile beats the environment; this command's `--account-id` and `--api-url`
/// are the source's), with this run's timeout, retries and log, and a limiter of its own.
fn destination(name: &str, ctx: &Context) -> Result<Client> {
    let overrides = Overrides {
        config: ctx.global.config.clone(),
        profile: Some(name.to_string()),
        profile_flag: Some("--to-profile"),
        ..Overrides::default()
    };
    let resolved = crate::config::resolve(&overrides, &ctx.env)?;
    let account_id = resolved.require_account_id()?.to_string();
    let auth = resolved.require_auth()?.clone();
    ctx.client_for(resolved.api_url.value.clone(), account_id, auth)
}
