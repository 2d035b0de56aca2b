//! `cfimg images export DIR`: every original a selection picks (every image, by default),
//! through `blob`, into a folder with an index, through the bulk engine; a re-run fetches only
//! what is new, and says what was deleted from the account since.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::api::{Client, Rate};
use crate::bulk::action::Action;
use crate::bulk::budget::{about, wait};
use crate::bulk::job::Job;
use crate::bulk::journal::Writer;
use crate::bulk::report::{self, Planned};
use crate::bulk::sink::{Progress, Sink};
use crate::bulk::target::Target;
use crate::bulk::transfer::export::{self, Export, Exported, Status};
use crate::bulk::transfer::index::{self, Line};
use crate::context::Context;
use crate::error::CliError;
use crate::select::{FilterArgs, SelectArgs, Selection};
use crate::text::grouped;
use crate::ui::Work;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images export backup/\n  \
    cfimg images export backup/ --dry-run\n  \
    cfimg images export backup/ --creator ci --uploaded-after 30d -j 8\n  \
    cfimg images export backup/ --prune\n\n\
Each original is written as DIR/<id> (a / in an id makes a folder; the detected format's\n\
extension is added when the id has none), and DIR/index.ndjson gets one line per image: id,\n\
filename, meta, creator, requireSignedURLs, uploaded, size, sha256 (of the file on disk) and\n\
path. Files are written whole or not at all, and a line is added only once its file is in\n\
place, so a run stopped at any point resumes where it was. A re-run fetches only images that\n\
are new or were uploaded again since; images deleted from the account since are reported\n\
`gone` and kept, unless --prune.\n\n\
Downloads are not on the batch host: every one counts toward the API's global limit of\n\
1,200 requests per 5 minutes, so 100,000 images take about 7 hours. The run says how long\n\
before it starts (and --dry-run says it without downloading anything).")]
pub struct ExportArgs {
    /// The folder to export into: new, empty, or an earlier export
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Remove the files (and index lines) of images deleted from the account since the last export
    #[arg(long)]
    pub prune: bool,

    /// List what would be fetched, what is unchanged and what is gone, and the time the rate limit implies; fetch nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub pace: PaceArgs,
}

/// The pacing flags of a job whose requests cannot go through the batch host (downloads).
#[derive(Clone, Debug, Args)]
#[command(next_help_heading = "Bulk options")]
pub struct PaceArgs {
    /// Work on this many images at once (one request each in flight)
    #[arg(short = 'j', long = "concurrency", value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Keep to this many API requests per this many seconds [default: 1200/300, the API's limit]
    #[arg(long, value_name = "N/SECONDS")]
    pub rate: Option<Rate>,
}

impl PaceArgs {
    /// The global limit the run keeps to.
    pub fn rate(&self) -> Rate {
        self.rate.unwrap_or(Rate::CLOUDFLARE_API)
    }

    /// The account's client under `--rate`, if given.
    pub fn client(&self, client: Client) -> Client {
        match self.rate {
            Some(rate) => client.with_rate(Some(rate)),
            None => client,
        }
    }

    /// What `requests` API requests (`parts` says which) take at the run's rate, as a
    /// status line says it: `1,203 API requests (3 listing, 1,200 downloads): ≈ 5 min at …`.
    pub fn cost(&self, requests: u64, parts: &str) -> String {
        let rate = self.rate();
        format!(
            "{} API requests ({parts}): {} at {} per {}",
            grouped(requests),
            about(wait(requests, rate)),
            grouped(rate.limit.into()),
            window(rate)
        )
    }
}

/// A rate's window as a line says it: `5 min`, `minute`, `30 s`.
fn window(rate: Rate) -> String {
    let secs = rate.window.as_secs_f64();
    if secs == 1.0 {
        "second".to_string()
    } else if secs == 60.0 {
        "minute".to_string()
    } else if secs >= 60.0 && secs % 60.0 == 0.0 {
        format!("{} min", secs / 60.0)
    } else {
        format!("{secs} s")
    }
}

pub fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    let selection = args
        .filters
        .selection(&args.select, jiff::Timestamp::now())?;
    let dir = args.dir.clone();
    check_dir(&dir)?;
    let record = if dir.is_dir() {
        let ui = ctx.ui.clone();
        index::read(&dir, |w| ui.warn(w))?
    } else {
        Default::default()
    };
    // Which indexed images the listing would have shown, were they still there: all of them
    // when the whole account is listed; with filters, only the account can say.
    let (is_query, whole_account) = match &selection {
        Selection::Query(query) => (true, query.is_everything()),
        Selection::Ids(_) => (false, false),
    };
    let client = args.pace.client(ctx.client()?);
    let picks = super::pick(selection, &client, &ctx.ui)?;
    let listed: HashSet<String> = picks.picked.iter().map(|p| p.id.clone()).collect();
    let mut requests = picks.requests;
    let mut gone: Vec<&Line> = Vec::new();
    if is_query {
        let mut missing: Vec<&Line> = record
            .entries()
            .filter(|l| !listed.contains(&l.id))
            .collect();
        missing.sort_by(|a, b| a.id.cmp(&b.id));
        for line in missing {
            if whole_account {
                gone.push(line);
                continue;
            }
            // Not listed under the filters: deleted, or no longer matching them.
            requests += 1;
            match client.get_image(&line.id) {
                Err(e) if e.is_not_found() => gone.push(line),
                Err(e) => return Err(super::get::not_found_names(e, &line.id)),
                Ok(_) => {}
            }
        }
    }
    let (todo, unchanged) = export::plan(&dir, picks.picked, &record);
    let downloads = todo.len() as u64 + todo.iter().filter(|p| p.image.is_none()).count() as u64;

    if args.dry_run {
        let ids = todo
            .iter()
            .map(|p| p.id.as_str())
            .chain(unchanged.iter().map(|u| u.id.as_str()))
            .chain(gone.iter().map(|l| l.id.as_str()));
        let mut stream = ctx.out.stream(report::plan_layout::<()>(ids));
        let gone_word = if args.prune { "prune" } else { "gone" };
        let planned = todo
            .iter()
            .map(|p| (p.id.as_str(), "export", p.image.as_ref()))
            .chain(unchanged.iter().map(|u| (u.id.as_str(), "unchanged", None)))
            .chain(gone.iter().map(|l| (l.id.as_str(), gone_word, None)));
        for (id, status, image) in planned {
            stream.item(&Planned::<()> {
                id,
                status,
                reason: None,
                image,
            })?;
        }
        stream.finish()?;
        ctx.ui.status(&format!(
            "dry run: {} to export, {} unchanged, {} deleted from the account since the last export{}; nothing was fetched",
            grouped(todo.len() as u64),
            grouped(unchanged.len() as u64),
            grouped(gone.len() as u64),
            if gone.is_empty() {
                ""
            } else if args.prune {
                " (--prune removes them)"
            } else {
                " (kept; --prune removes them)"
            }
        ));
        let parts = format!(
            "{} listing, {} downloads",
            grouped(requests),
            grouped(downloads)
        );
        ctx.ui.status(&format!(
            "budget: {}; downloads are not on the batch host",
            args.pace.cost(requests + downloads, &parts)
        ));
        return Ok(());
    }

    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::failed(format!("cannot create {}: {e}", dir.display())))?;
    // The index first, even empty: a folder this run wrote anything in is an export, and a
    // run killed from here on is resumed, not refused as a folder of other files.
    let index_path = dir.join(index::INDEX);
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&index_path)
        .map_err(|e| {
            CliError::failed(format!(
                "cannot write the index {}: {e}",
                index_path.display()
            ))
        })?;
    export::clear_partial(&dir).map_err(|e| {
        CliError::failed(format!(
            "cannot prepare {}: {e}",
            dir.join(index::PARTIAL).display()
        ))
    })?;
    let mut settled: Vec<Exported> = unchanged;
    let mut pruned_ids = HashSet::new();
    for line in &gone {
        if !args.prune {
            settled.push(Exported::settled(line, Status::Gone));
            continue;
        }
        export::prune(&dir, line).map_err(CliError::failed)?;
        pruned_ids.insert(line.id.clone());
        settled.push(Exported::settled(line, Status::Pruned));
    }
    if !pruned_ids.is_empty() {
        index::rewrite(
            &dir,
            record.entries().filter(|l| !pruned_ids.contains(&l.id)),
        )?;
    }
    if !todo.is_empty() {
        ctx.ui.status(&format!(
            "exporting {} images to {}{}: {}",
            grouped(todo.len() as u64),
            dir.display(),
            if settled.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} unchanged)",
                    grouped((settled.len() - gone.len()) as u64)
                )
            },
            args.pace.cost(downloads, "downloads")
        ));
    }

    let action = Export::new(
        dir.clone(),
        record.entries().filter(|l| !pruned_ids.contains(&l.id)),
    );
    let settled_ids: Vec<String> = settled.iter().map(|s| s.id.clone()).collect();
    let ids = todo
        .iter()
        .map(|p| p.id.as_str())
        .chain(settled_ids.iter().map(String::as_str));
    let mut sink = Sink::new(
        &ctx.out,
        &ctx.ui,
        &action,
        false,
        export::results_layout(ids),
    );
    sink.journal = Some(Writer::open(&dir.join(index::INDEX)).map_err(|e| {
        CliError::failed(format!(
            "cannot open the index {}: {e}",
            dir.join(index::INDEX).display()
        ))
    })?);
    sink.progress = Progress::paced(
        &ctx.ui,
        Work {
            noun: "images",
            verb: "fetching",
            items: todo.len() as u64,
            bytes: 0,
        },
        args.pace.rate(),
    );
    let started = Instant::now();
    for (offset, result) in settled.into_iter().enumerate() {
        sink.report(todo.len() + offset, result);
    }
    let indices: Vec<usize> = (0..todo.len()).collect();
    let target = Target::Api(client);
    let job = Job {
        action: &action,
        items: &todo,
        todo: &indices,
        target: &target,
        concurrency: args.pace.concurrency as usize,
        work: "downloads",
    };
    let ended = job.run(sink, &ctx.ui, started)?;
    compact(&dir, |w| ctx.ui.warn(w))?;
    let counts = action.summary(&ended.tally);
    ended.conclude(&ctx.ui, &counts, "images")
}

/// A folder to export into must be new, empty, or an earlier export: anything else could have
/// files an export would overwrite.
fn check_dir(dir: &Path) -> Result<(), CliError> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(CliError::usage(format!(
            "{} is not a folder",
            dir.display()
        )));
    }
    let mut entries = std::fs::read_dir(dir)
        .map_err(|e| CliError::failed(format!("cannot read {}: {e}", dir.display())))?;
    if entries.next().is_some() && !dir.join(index::INDEX).exists() {
        return Err(CliError::usage(format!(
            "{} is not empty and holds no {}, so it is not an export",
            dir.display(),
            index::INDEX
        ))
        .with_hint("export into a new or empty folder, or into an earlier export"));
    }
    Ok(())
}

/// The index with one line per image, rewritten atomically, and the folder for partial
/// downloads removed (it is empty once a run ends).
fn compact(dir: &Path, warn: impl Fn(&str)) -> Result<()> {
    let record = index::read(dir, &warn)?;
    index::rewrite(dir, record.entries())?;
    // Fails only when something is left in it (a second Ctrl-C cut a download short): then it
    // stays, and the next run empties it first.
    let _ = std::fs::remove_dir(dir.join(index::PARTIAL));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cost_line_says_what_the_global_limit_makes_a_large_export_take() {
        let pace = PaceArgs {
            concurrency: 4,
            rate: None,
        };
        assert_eq!(
            pace.cost(100_100, "100 listing, 100,000 downloads"),
            "100,100 API requests (100 listing, 100,000 downloads): ≈ 6 h 55 min at 1,200 per 5 min"
        );
        assert_eq!(
            pace.cost(1_000, "downloads"),
            "1,000 API requests (downloads): no wait at 1,200 per 5 min"
        );
        let custom = PaceArgs {
            concurrency: 4,
            rate: Some("10/30".parse().unwrap()),
        };
        assert_eq!(
            custom.cost(25, "downloads"),
            "25 API requests (downloads): ≈ 60 s at 10 per 30 s"
        );
    }
}
