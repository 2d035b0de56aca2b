//! `cfimg images sync DIR --prefix P`: make the images whose ids start with P match the files
//! of DIR. The plan is `bulk::sync`'s; this is the flags, the order of the steps (scan and
//! hash, list, compare, consent, run), and what is said along the way.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::bulk::action::Action;
use crate::bulk::budget::Budget;
use crate::bulk::consent;
use crate::bulk::job::Job;
use crate::bulk::options::BulkArgs;
use crate::bulk::sink::{Progress, Sink};
use crate::bulk::sync::action::{self, Choices, SyncJob, Work};
use crate::bulk::sync::cache::{self, Cache};
use crate::bulk::sync::key::{self, HASH_KEY};
use crate::bulk::sync::local::{self, Scope, Shard};
use crate::bulk::sync::plan::{self, Kind, Wanted};
use crate::bulk::sync::report::{self, Intent};
use crate::bulk::upload::plan::Filter;
use crate::context::Context;
use crate::error::CliError;
use crate::image_id::validate_id_prefix;
use crate::select::{Query, Selection};
use crate::text::grouped;
use crate::ui::Work as Shown;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images sync ./dist --prefix assets/ --dry-run\n  \
    cfimg images sync ./dist --prefix assets/ -j 16\n  \
    cfimg images sync ./dist --prefix assets/ --delete --max-delete 50 --yes\n  \
    cfimg images sync ./dist --prefix assets/ --include '*.webp' --meta team=web --batch -j 32\n  \
    cfimg images sync ./dist --prefix assets/ --shard 2/4 --batch   # job 2 of a 4-job matrix\n\n\
Each uploaded image carries its file's SHA-256 in its metadata, under the key cfimg:sha256, so\n\
a run on a fresh machine needs only the listing to know what changed: an unchanged folder\n\
costs the listing requests and nothing else. A changed file is replaced: its image is deleted\n\
and the file uploaded right after, in the same worker, so its id answers 404 only between the\n\
two requests (never all deletes first); --no-replace reports such files as failures instead.\n\
Images under the prefix with no file are reported, and deleted only with --delete. An image\n\
without the hash key is left alone (unknown) unless its file name shows it holds another file,\n\
or --adopt reads it. Images whose ids do not start with the prefix are never touched.")]
pub struct SyncArgs {
    /// The directory whose files the images are to match (searched recursively)
    #[arg(value_name = "DIR")]
    pub dir: String,

    /// The images to sync: those whose ids start with TEXT; each file's id is TEXT followed by its path below DIR (end it with / for a folder)
    #[arg(long, value_name = "TEXT", required = true)]
    pub prefix: String,

    /// Take only files matching PATTERN (a glob; without a / it matches the file name); images whose paths it leaves out are not compared either; repeatable
    #[arg(long, value_name = "PATTERN")]
    pub include: Vec<String>,

    /// Leave out files and directories matching PATTERN, and the images at such paths; repeatable
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,

    /// Delete the images under the prefix that no file matches (asks on a terminal; --yes elsewhere)
    #[arg(long)]
    pub delete: bool,

    /// With --delete: refuse, sending nothing, when more than N images would be deleted
    #[arg(long, value_name = "N", requires = "delete")]
    pub max_delete: Option<u64>,

    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,

    /// Report changed files as failures instead of replacing their images (delete, then upload)
    #[arg(long)]
    pub no_replace: bool,

    /// Read the bytes of images under the prefix that have no content hash: the file's content is tagged with its hash, other content replaced
    #[arg(long)]
    pub adopt: bool,

    /// Print the plan (new, changed, metadata, unchanged, extra, unknown) and the requests it would take; send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Take only the K-th of N slices of the files (and of the images under the prefix), by a stable hash of the path: N CI jobs split one sync
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,

    /// Cache the files' content hashes in this NDJSON file, and hash again only files whose size or time changed (a cache only: the account is the record)
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Metadata as a JSON object, set exactly on every image beside the content hash (at most 1024 bytes with it) [default: keep each image's own]
    #[arg(long, value_name = "JSON", conflicts_with = "meta")]
    pub metadata: Option<String>,

    /// One metadata entry, key=value (a string) or key:=json; repeatable; as --metadata
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Creator to record on every image [default: keep each image's own]
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// The checks made before anything is read or sent.
fn check(args: &SyncArgs) -> Result<Wanted> {
    if args.prefix.is_empty() {
        return Err(CliError::usage(
            "--prefix must not be empty: a sync owns the images under its prefix, and an empty one is the whole account",
        )
        .with_hint("give the folder the images live in, such as --prefix assets/")
        .into());
    }
    validate_id_prefix(&args.prefix)
        .map_err(|why| CliError::usage(format!("--prefix '{}': {why}", args.prefix)))?;
    if !std::path::Path::new(&args.dir).is_dir() {
        return Err(CliError::usage(format!(
            "{}: not a directory; sync makes the images match a directory's files",
            args.dir
        ))
        .into());
    }
    if let Some(creator) = &args.creator
        && creator.chars().count() > 1024
    {
        return Err(CliError::usage("--creator may be at most 1024 characters").into());
    }
    let metadata = super::metadata_from_args(args.metadata.as_deref(), &args.meta)?;
    if let Some(user) = &metadata {
        if user.contains_key(HASH_KEY) {
            return Err(CliError::usage(format!(
                "metadata key {HASH_KEY:?} is sync's own (each image's content hash); use another key"
            ))
            .into());
        }
        // The hash's value is always 64 characters: any file's is as long as this one.
        key::check_size(&key::with_hash(user.clone(), &"0".repeat(64)))
            .map_err(|why| CliError::usage(format!("--meta: {why}")))?;
    }
    Ok(Wanted {
        metadata,
        creator: args.creator.clone(),
    })
}

pub fn run(args: SyncArgs, ctx: &mut Context) -> Result<()> {
    // The summary's time is the whole run's: finding, hashing and listing included.
    let started = Instant::now();
    let wanted = check(&args)?;
    let batch_url = args.bulk.batch_url(&ctx.env)?;
    if !args.prefix.ends_with('/') {
        ctx.ui.warn(&format!(
            "--prefix '{}' does not end with /: every image whose id starts with it is synced, '{}-old/…' as much as '{}/…'",
            args.prefix, args.prefix, args.prefix
        ));
    }
    if args.delete && !args.dry_run {
        consent::required(&ctx.ui, args.yes, "delete", "the images that have no file")?;
    }
    let scope = Scope {
        filter: Filter::new(&args.include, &args.exclude).map_err(CliError::usage)?,
        shard: args.shard,
    };
    let cached = match &args.manifest {
        Some(path) => Cache::read(path)?,
        None => Cache::default(),
    };
    // The files are found and hashed while the listing is out: the one is local work, the
    // other waits on the network, so a no-change run takes about as long as its listing.
    let api = args.bulk.api(ctx.client()?);
    let query = Query {
        id_prefix: Some(args.prefix.clone()),
        ..Query::default()
    };
    let (scanned, picks) = std::thread::scope(|scope_| {
        let scan = scope_.spawn(|| local::scan(&args.dir, &args.prefix, &scope, &cached));
        let picks = super::pick(Selection::Query(query), &api, &ctx.ui);
        (scan.join().expect("the scan does not panic"), picks)
    });
    let found = scanned.map_err(|e| {
        if e.problems.len() > 1 {
            for problem in &e.problems {
                ctx.ui.error(problem, None);
            }
        }
        CliError::failed(e.to_string())
    })?;
    let picks = picks?;
    for path in &found.ignored {
        ctx.ui.status(&format!(
            "skipping {}: not an image of a supported format",
            path.display()
        ));
    }
    if let Some(path) = &args.manifest
        && !args.dry_run
    {
        cache::write(path, &found.cache)?;
    }
    let files = found.files.len();
    ctx.ui.status(&format!(
        "{} file{}, {} hashed ({} from the cache)",
        grouped(files as u64),
        if files == 1 { "" } else { "s" },
        grouped(found.hashed as u64),
        grouped((found.files.len() - found.hashed) as u64)
    ));
    let images = picks.picked.into_iter().filter_map(|p| p.image).collect();
    let plan = plan::compare(found.files, images, &args.prefix, &scope, &wanted);
    let extras: Vec<&str> = plan.of(Kind::Extra).map(|e| e.id.as_str()).collect();
    if args.delete
        && let Some(max) = args.max_delete
        && extras.len() as u64 > max
    {
        return Err(CliError::failed(format!(
            "{} images under '{}' have no file, more than --max-delete {}; nothing was sent",
            grouped(extras.len() as u64),
            args.prefix,
            grouped(max)
        ))
        .with_hint(format!(
            "check DIR and --prefix (--dry-run lists them), or raise --max-delete if you mean all {}",
            grouped(extras.len() as u64)
        ))
        .into());
    }
    let intent = Intent {
        delete: args.delete,
        no_replace: args.no_replace,
        adopt: args.adopt,
    };

    if args.dry_run {
        report::print_plan(&ctx.out, &plan, intent, &args.prefix)?;
        ctx.ui.status(&format!(
            "dry run: {}; nothing was sent",
            report::counts_line(&plan)
        ));
        let writes = (plan.count(Kind::New)
            + if args.no_replace {
                0
            } else {
                2 * plan.count(Kind::Changed)
            }
            + plan.count(Kind::Metadata)
            + if args.delete {
                plan.count(Kind::Extra)
            } else {
                0
            }) as u64;
        let reads = if args.adopt {
            plan.count(Kind::Unknown)
        } else {
            0
        } as u64;
        let budget = Budget::on_images(picks.requests, reads, writes, "writes");
        args.bulk.show_budget(&ctx.ui, &budget);
        return Ok(());
    }

    let extra_ids: Vec<String> = extras.iter().map(|s| s.to_string()).collect();
    let mut delete = args.delete;
    if delete && !extra_ids.is_empty() {
        let ids: Vec<&str> = extra_ids.iter().map(String::as_str).collect();
        let question = consent::Plan {
            verb: "delete",
            done: "deleted",
            one: "image",
            many: "images",
            ids: &ids,
            listed: None,
        };
        ctx.ui
            .status(&format!("no file for {}", question.summary()));
        if !consent::ask(&ctx.ui, &question, args.yes)? {
            ctx.ui.status("keeping the images that have no file");
            delete = false;
        }
    }
    let choices = Choices {
        delete,
        no_replace: args.no_replace,
        adopt: args.adopt,
    };
    let ids: Vec<String> = plan.entries.iter().map(|e| e.id.clone()).collect();
    let (items, settled) = action::work(plan, &wanted, choices);

    let target = args.bulk.target(&api, batch_url, ctx.global.local)?;
    let sync = SyncJob {
        api: &api,
        prefix: &args.prefix,
        no_replace: args.no_replace,
    };
    let layout = report::results_layout(ids.iter().map(String::as_str));
    let mut sink = Sink::new(&ctx.out, &ctx.ui, &sync, false, layout);
    let bytes = items.iter().map(|i| sync.bytes(i)).sum();
    sink.progress = ctx
        .ui
        .bulk_progress(Shown {
            noun: "images",
            verb: "syncing",
            items: items.len() as u64,
            bytes,
        })
        .map_or(Progress::None, Progress::Bulk);
    for (offset, result) in settled.into_iter().enumerate() {
        // An unchanged file is the common case: it is a line of the results, not a warning.
        sink.report(items.len() + offset, result);
    }
    let todo: Vec<usize> = (0..items.len()).collect();
    let replaces = items
        .iter()
        .filter(|i| matches!(i.work, Work::Replace { .. }))
        .count();
    if replaces > 0 {
        ctx.ui.status(&format!(
            "replacing {replaces} changed file(s): each id is missing between its delete and its upload"
        ));
    }
    let job = Job {
        action: &sync,
        items: &items,
        todo: &todo,
        target: &target,
        concurrency: args.bulk.concurrency as usize,
        work: "uploads and deletes",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    let counts = sync.summary(&ended.tally);
    ended.conclude(&ctx.ui, &counts, "images")
}
