//! `cfimg images upload`: one image or many, from files, directories, lists, URLs or stdin.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::bulk::action::Action;
use crate::bulk::budget::Budget;
use crate::bulk::job::Job;
use crate::bulk::journal::Writer;
use crate::bulk::options::BulkArgs;
use crate::bulk::sink::Sink;
use crate::bulk::upload::action::{Common, Upload};
use crate::bulk::upload::plan::{Filter, IdFrom, Inputs, PlanError, check_arguments, plan};
use crate::bulk::upload::report::{self, ItemResult, Status};
use crate::bulk::upload::settle::{self, Earlier};
use crate::bulk::upload::{dry_run, read, single};
use crate::context::Context;
use crate::error::CliError;
use crate::output::ErrorReport;
use crate::ui::Ui;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images upload logo.png --meta team=web\n  \
    cfimg images upload https://example.com/cat.jpg --id cats/1\n  \
    cfimg images upload ./dist --include '*.png' --exclude drafts -j 16 --ndjson > results.ndjson\n  \
    cfimg images upload ./dist --id-from path --skip-existing --manifest upload.ndjson\n  \
    cfimg images upload ./dist --id-from path --skip-existing --manifest upload.ndjson --replace\n  \
    find dist -name '*.webp' | cfimg images upload --files-from - --batch -j 32\n  \
    curl -s https://example.com/a.png | cfimg images upload -")]
pub struct UploadArgs {
    /// Image files, directories (searched recursively), http(s) URLs the API fetches, or - for stdin
    #[arg(value_name = "PATH|URL|-", required_unless_present = "files_from")]
    pub sources: Vec<String>,

    /// Also upload the paths in FILE, one a line (- reads them from stdin); a listed path that does not exist fails on its own
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<String>,

    /// Skip paths that do not exist, with a note each (listed or named directly), instead of failing them
    #[arg(long)]
    pub ignore_missing: bool,

    /// In directories, take only files matching PATTERN (a glob; without a / it matches the file name); repeatable
    #[arg(long, value_name = "PATTERN")]
    pub include: Vec<String>,

    /// In directories, leave out files and directories matching PATTERN; repeatable
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,

    /// Custom id for the image (one image only); may contain slashes, not a UUID
    #[arg(long, value_name = "ID", conflicts_with = "id_from")]
    pub id: Option<String>,

    /// Custom ids: none (the API picks), or path (below the directory argument, a file argument's name, a --files-from line; after --prefix) [default: none, or path with --prefix]
    #[arg(long, value_name = "SOURCE", value_enum)]
    pub id_from: Option<IdFrom>,

    /// Put this in front of every id from the paths, as is (end it with / for a folder); implies --id-from path
    #[arg(long, value_name = "TEXT", conflicts_with = "id")]
    pub prefix: Option<String>,

    /// Count an image whose id already exists as skipped, not failed (a file --manifest knows changed is reported `changed`: see --replace)
    #[arg(long)]
    pub skip_existing: bool,

    /// With --manifest: when a file changed since it was uploaded and its id holds the older image, delete that image and upload the file right after (the id is missing only in between); without --replace such a file is reported `changed`, a failure
    #[arg(long)]
    pub replace: bool,

    /// Record every finished file in this NDJSON file, and skip files an earlier run recorded with the same content
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Check everything and print what would be uploaded or skipped; send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Metadata as a JSON object, at most 1024 bytes
    #[arg(long, value_name = "JSON", conflicts_with = "meta")]
    pub metadata: Option<String>,

    /// One metadata entry, key=value (a string) or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Make the image private: reachable only through signed URLs
    #[arg(long, overrides_with = "no_require_signed_urls")]
    pub require_signed_urls: bool,

    /// Keep the image public (the default)
    #[arg(long, overrides_with = "require_signed_urls")]
    pub no_require_signed_urls: bool,

    /// Creator to record (your own user id, for filtering)
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,

    /// Print each uploaded image's delivery URL (its `public` variant, else its first), one a line
    #[arg(long)]
    pub print_urls: bool,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// `--id-from` as given, or `path` when only `--prefix` is: a prefix only means something for
/// ids made from paths. An explicit `--id-from none` with a prefix is a contradiction.
fn id_from(args: &UploadArgs) -> Result<IdFrom, CliError> {
    match (args.id_from, &args.prefix) {
        (Some(IdFrom::None), Some(_)) => Err(CliError::usage(
            "--prefix goes in front of ids made from paths, and --id-from none makes none",
        )
        .with_hint("drop --id-from none (--prefix implies --id-from path), or drop --prefix")),
        (Some(id_from), _) => Ok(id_from),
        (None, Some(_)) => Ok(IdFrom::Path),
        (None, None) => Ok(IdFrom::None),
    }
}

/// The error for inputs that failed their checks. Several problems are each shown on their
/// own `error:` line first, so every one stays one line, and the run ends with their count.
fn refuse(ui: &Ui, error: PlanError) -> CliError {
    if error.problems.len() > 1 {
        for problem in &error.problems {
            ui.error(problem, None);
        }
    }
    CliError::failed(error.to_string())
}

/// The result of a listed path that does not exist.
fn missing_result(label: String) -> ItemResult {
    let mut result = ItemResult::of_source(label, Status::Failed);
    result.error = Some(ErrorReport::message(
        "no such file; it was listed but is not there (pass --ignore-missing to skip such paths)",
    ));
    result
}

pub fn run(args: UploadArgs, ctx: &mut Context) -> Result<()> {
    let batch_url = args.bulk.batch_url(&ctx.env)?;
    let metadata = super::metadata_from_args(args.metadata.as_deref(), &args.meta)?;
    if let Some(creator) = &args.creator
        && creator.chars().count() > 1024
    {
        return Err(CliError::usage("--creator may be at most 1024 characters").into());
    }
    let id_from = id_from(&args)?;
    if args.require_signed_urls && (args.id.is_some() || id_from == IdFrom::Path) {
        return Err(CliError::usage(
            "an image with a custom id cannot require signed URLs (the API does not allow private custom ids)",
        )
        .into());
    }
    if args.files_from.as_deref() == Some("-") && args.sources.iter().any(|s| s == "-") {
        return Err(CliError::usage(
            "stdin cannot hold both an image (-) and a list of paths (--files-from -)",
        )
        .into());
    }
    if args.replace && args.manifest.is_none() {
        // Without a record of what was uploaded, a taken id cannot be told apart from an
        // older version of the file: replacing every taken id would delete images this run
        // knows nothing about (someone else's, or last week's under the same name).
        return Err(CliError::usage(
            "--replace needs --manifest: only the manifest tells a file that changed from one whose id is taken by another image",
        )
        .with_hint("add --manifest FILE (a run records what it uploads; later runs replace the files that changed), or delete the image first with `cfimg images delete ID`")
        .into());
    }
    if args.skip_existing && args.id.is_none() && id_from == IdFrom::None {
        ctx.ui.warn("--skip-existing has no effect without custom ids (--id-from path or --id): the API picks new ids, which never exist yet");
    }
    if args.replace && args.id.is_none() && id_from == IdFrom::None {
        ctx.ui.warn("--replace has no effect without custom ids (--id-from path or --id): a changed file gets a new image under a new id");
    }
    let mut inputs = Inputs {
        sources: args.sources.clone(),
        listed: Vec::new(),
        custom_id: args.id.clone(),
        id_from,
        prefix: args.prefix.clone().unwrap_or_default(),
        filter: Filter::new(&args.include, &args.exclude).map_err(CliError::usage)?,
        ignore_missing: args.ignore_missing,
    };
    check_arguments(&inputs, args.files_from.is_some()).map_err(CliError::usage)?;
    if let Some(list) = &args.files_from {
        inputs.listed = read::list(list)?;
    }
    let planned = plan(&inputs, &mut read::stdin_image).map_err(|e| refuse(&ctx.ui, e))?;
    for path in &planned.ignored {
        ctx.ui.status(&format!(
            "skipping {}: not an image of a supported format",
            path.display()
        ));
    }
    for label in &planned.duplicates {
        ctx.ui
            .status(&format!("skipping {label}: named twice, uploaded once"));
    }
    // A path that is gone (a file deleted since `git diff --name-only` listed it) is skipped
    // with a note under --ignore-missing, and otherwise fails on its own while the rest go.
    let missing = if args.ignore_missing {
        for label in &planned.missing {
            ctx.ui.status(&format!(
                "skipping {label}: no such file (--ignore-missing)"
            ));
        }
        Vec::new()
    } else {
        planned.missing.clone()
    };
    if planned.items.is_empty() && missing.is_empty() {
        // Nothing to do is success: a CI job whose change touched no images has done its job.
        ctx.ui.status(&planned.nothing_to_upload());
        if !args.dry_run {
            // The results of nothing: an empty `--json` array, no lines.
            ctx.out
                .stream(report::results_layout(&[], &[], false))
                .finish()?;
            return Ok(());
        }
    }
    let items = planned.items;
    let single = single::is_single(
        &items,
        &args.sources,
        args.files_from.is_some(),
        args.manifest.is_some(),
    );
    // What earlier runs did: decided before anything is sent, so --dry-run can show it.
    let Earlier { verdicts, hashes } = settle::earlier(args.manifest.as_deref(), &items, &ctx.ui)?;

    if args.dry_run {
        for label in &missing {
            ctx.ui.warn(&format!(
                "{label}: no such file; a real run reports it as failed (--ignore-missing skips it)"
            ));
        }
        dry_run::print(&ctx.out, &ctx.ui, &items, &verdicts)?;
        let budget = Budget {
            api: 0,
            api_what: "",
            work: settle::pending(&verdicts).len() as u64,
            work_what: "uploads".to_string(),
        };
        args.bulk.show_budget(&ctx.ui, &budget);
        return Ok(());
    }

    let api = args.bulk.api(ctx.client()?);
    let target = args.bulk.target(&api, batch_url, ctx.global.local)?;
    let common = Common {
        metadata,
        require_signed_urls: args.require_signed_urls,
        creator: args.creator.clone(),
    };
    let action = Upload {
        common: &common,
        skip_existing: args.skip_existing,
        earlier: &verdicts,
        replace: args.replace,
        hashes: &hashes,
    };

    let results = report::results_layout(&items, &verdicts, args.print_urls);
    let mut sink = Sink::new(&ctx.out, &ctx.ui, &action, single, results);
    let to_send = settle::pending(&verdicts);
    sink.progress = single::progress(&ctx.ui, &items, &to_send, single);
    if let Some(path) = &args.manifest {
        sink.journal = Some(Writer::open_for_run(path)?);
    }

    let started = Instant::now();
    // Paths that were gone are reported after the items, in the order they were listed.
    for (offset, label) in missing.into_iter().enumerate() {
        sink.report(items.len() + offset, missing_result(label));
    }
    for (index, (item, verdict)) in items.iter().zip(&verdicts).enumerate() {
        if let Some(result) = settle::settled(item, verdict) {
            sink.report(index, result);
        }
    }
    let job = Job {
        action: &action,
        items: &items,
        todo: &to_send,
        target: &target,
        concurrency: args.bulk.concurrency as usize,
        work: "uploads",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    if single && ended.not_started == 0 {
        let result = ended.kept.into_iter().next().expect("one item, one result");
        return single::finish(&ctx.out, &ctx.ui, &api, result, args.print_urls);
    }
    let counts = action.summary(&ended.tally);
    ended.conclude(&ctx.ui, &counts, "files")
}
