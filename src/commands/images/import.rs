//! `cfimg images import DIR`: the images of an export folder (or any folder with such an
//! index) uploaded as they were, through the bulk engine: custom ids kept, new ids for ids the
//! API picked (written to the id map), with their file names, metadata, creator and privacy.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::bulk::action::Action;
use crate::bulk::budget::Budget;
use crate::bulk::job::Job;
use crate::bulk::journal::{Record, Writer};
use crate::bulk::options::BulkArgs;
use crate::bulk::report::{self, Planned};
use crate::bulk::sink::{Progress, Sink};
use crate::bulk::transfer::send::{self, Entry, From, Item, Send};
use crate::bulk::transfer::{idmap, index};
use crate::bulk::upload::report::ItemResult;
use crate::context::Context;
use crate::error::CliError;
use crate::image_file::inspect_path;
use crate::ui::{Ui, Work};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images export backup/ && cfimg --profile staging images import backup/\n  \
    cfimg images import backup/ --skip-existing --manifest import.ndjson -j 16\n  \
    cfimg images import backup/ --batch -j 32 --dry-run\n\n\
Each image keeps its id when it was chosen (a custom id); an id the API picked (a UUID)\n\
cannot be chosen, so such an image gets a new id, and the id map (one {\"old\", \"new\"} line\n\
each) says which. A re-run sends no image the id map or --manifest records as sent. Each\n\
file is checked against the index's size and SHA-256 before it is sent.")]
pub struct ImportArgs {
    /// The folder: an export, or any folder with an index.ndjson of that shape
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Count an image whose id already exists as skipped, not failed
    #[arg(long)]
    pub skip_existing: bool,

    /// Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Where to write the new ids of images whose ids the API picked [default: DIR/id-map.<ACCOUNT_ID>.ndjson]
    #[arg(long, value_name = "FILE")]
    pub id_map: Option<PathBuf>,

    /// Check the folder and print what would be sent or skipped; send nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

pub fn run(args: ImportArgs, ctx: &mut Context) -> Result<()> {
    let dir = &args.dir;
    if !dir.join(index::INDEX).is_file() {
        return Err(CliError::usage(format!(
            "{} holds no {}: import takes a folder `cfimg images export` wrote",
            dir.display(),
            index::INDEX
        ))
        .with_hint("export first with `cfimg images export DIR`")
        .into());
    }
    let batch_url = args.bulk.batch_url(&ctx.env)?;
    let items = {
        let ui = ctx.ui.clone();
        let record = index::read(dir, |w| ui.warn(w))?;
        items(dir, &record, &ctx.ui)?
    };
    let manifest = read_manifest(args.manifest.as_deref(), &ctx.ui)?;
    let api = args.bulk.api(ctx.client()?);
    let map_path = args
        .id_map
        .clone()
        .unwrap_or_else(|| dir.join(format!("id-map.{}.ndjson", api.config().account_id)));
    let map = idmap::read(&map_path)?;
    let (todo, settled) = send::resume(&items, manifest.as_ref(), &map);

    if args.dry_run {
        return dry_run(&items, &todo, &settled, ctx, |budget| {
            args.bulk.show_budget(&ctx.ui, budget)
        });
    }
    let target = args.bulk.target(&api, batch_url, ctx.global.local)?;
    let id_map = open_id_map(&items, &todo, &map_path)?;
    let action = Send {
        skip_existing: args.skip_existing,
        id_map: id_map.as_ref(),
        id_map_error: Default::default(),
    };
    let bytes = todo.iter().map(|&i| action.bytes(&items[i])).sum();
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
    sink.progress = ctx
        .ui
        .bulk_progress(Work {
            noun: "files",
            verb: "sending",
            items: todo.len() as u64,
            bytes,
        })
        .map_or(Progress::None, Progress::Bulk);
    let started = Instant::now();
    for (index, result) in settled {
        sink.report(index, result);
    }
    let job = Job {
        action: &action,
        items: &items,
        todo: &todo,
        target: &target,
        concurrency: args.bulk.concurrency as usize,
        work: "uploads",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    finish(ended, &action, &map_path, &ctx.ui)
}

/// The items of an index, by id, each file checked first: inside the folder, there, an image
/// of a supported format, and of the size the index gives. Any problem stops the run before
/// anything is sent.
fn items(dir: &Path, record: &Record<index::Line>, ui: &Ui) -> Result<Vec<Item>> {
    let mut lines: Vec<&index::Line> = record.entries().collect();
    lines.sort_by(|a, b| a.id.cmp(&b.id));
    let mut items = Vec::with_capacity(lines.len());
    let mut problems = Vec::new();
    for line in lines {
        let path = match line.file_in(dir) {
            Ok(path) => path,
            Err(why) => {
                problems.push(format!("{}: {why}", line.id));
                continue;
            }
        };
        let info = match inspect_path(&path) {
            Ok(info) => info,
            Err(e) => {
                problems.push(format!("{}: {e}", line.id));
                continue;
            }
        };
        if let Some(size) = line.size
            && size != info.bytes
        {
            problems.push(format!(
                "{}: {} has {} bytes, and the index says {size}",
                line.id,
                path.display(),
                info.bytes
            ));
            continue;
        }
        items.push(Item {
            id: line.id.clone(),
            label: line.path.clone(),
            image: Some(line.image()),
            from: From::File {
                path,
                format: info.format,
                size: info.bytes,
                sha256: line.sha256.clone(),
            },
        });
    }
    match problems.as_slice() {
        [] => Ok(items),
        [one] => Err(CliError::failed(format!("{one}; nothing was sent")).into()),
        many => {
            for problem in many {
                ui.warn(problem);
            }
            Err(CliError::failed(format!(
                "{} problems with the files of {}; nothing was sent",
                many.len(),
                dir.display()
            ))
            .into())
        }
    }
}

/// The `--manifest` of earlier runs, if one is named.
pub(crate) fn read_manifest(path: Option<&Path>, ui: &Ui) -> Result<Option<Record<Entry>>> {
    let Some(path) = path else { return Ok(None) };
    let record = Record::<Entry>::read(path, "nothing was sent")?;
    if record.torn_last_line {
        ui.warn(&format!(
            "{}: ignoring its torn last line (a run killed while writing leaves one)",
            path.display()
        ));
    }
    Ok(Some(record))
}

/// The id map, opened for appending when the run will send an image under an id the API picks.
pub(crate) fn open_id_map(items: &[Item], todo: &[usize], path: &Path) -> Result<Option<Writer>> {
    if todo.iter().all(|&i| items[i].keeps_id()) {
        return Ok(None);
    }
    Ok(Some(idmap::open(path)?))
}

/// `--dry-run`: each image as the run would take it, and what it would cost (`budget` shows
/// the cost line).
pub(crate) fn dry_run(
    items: &[Item],
    todo: &[usize],
    settled: &[(usize, ItemResult)],
    ctx: &Context,
    budget: impl FnOnce(&Budget),
) -> Result<()> {
    let mut stream = ctx.out.stream(report::plan_layout::<()>(
        items.iter().map(|i| i.id.as_str()),
    ));
    for &i in todo {
        let status = if items[i].keeps_id() {
            "upload"
        } else {
            "upload as new id"
        };
        stream.item(&Planned::<()> {
            id: &items[i].id,
            status,
            reason: None,
            image: items[i].image.as_ref(),
        })?;
    }
    for (i, result) in settled {
        use crate::bulk::action::Outcome as _;
        stream.item(&Planned::<()> {
            id: &items[*i].id,
            status: result.status(),
            reason: None,
            image: items[*i].image.as_ref(),
        })?;
    }
    stream.finish()?;
    let renamed = todo.iter().filter(|&&i| !items[i].keeps_id()).count();
    ctx.ui.status(&format!(
        "dry run: {} to send ({renamed} under new ids), {} sent by an earlier run; nothing was sent",
        todo.len(),
        settled.len()
    ));
    budget(&Budget {
        api: 0,
        api_what: "listing",
        work: todo.len() as u64,
        work_what: "uploads".to_string(),
    });
    Ok(())
}

/// The summary and exit; a failure to write the id map fails the run even when every image
/// was sent, since the new ids would be known only from the results.
pub(crate) fn finish(
    ended: crate::bulk::job::Ended<ItemResult>,
    action: &Send<'_>,
    map_path: &Path,
    ui: &Ui,
) -> Result<()> {
    let counts = action.summary(&ended.tally);
    let concluded = ended.conclude(ui, &counts, "images");
    let map_error = action
        .id_map_error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match (concluded, map_error) {
        (result, None) => result,
        (Ok(()), Some(e)) => Err(CliError::failed(format!(
            "cannot write the id map {}: {e}; the new ids are in the results (and the manifest)",
            map_path.display()
        ))
        .into()),
        (Err(error), Some(e)) => {
            ui.warn(&format!(
                "cannot write the id map {}: {e}; the new ids are in the results (and the manifest)",
                map_path.display()
            ));
            Err(error)
        }
    }
}
