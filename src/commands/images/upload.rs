//! `cfimg images upload`: one image or many, from files, directories, URLs or stdin.

use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use crate::commands::Context;
use crate::error::{CliError, Exit, PartialFailure};
use crate::output::Mode;
use crate::upload::engine::{Common, Engine};
use crate::upload::plan::{ItemSource, plan};
use crate::upload::report::{ItemResult, Status, Totals};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images upload logo.png --meta team=web\n  \
    cfimg images upload https://example.com/cat.jpg --id cats/1\n  \
    cfimg images upload ./assets -j 8 --ndjson > results.ndjson\n  \
    curl -s https://example.com/a.png | cfimg images upload -")]
pub struct UploadArgs {
    /// Image files, directories (searched recursively), http(s) URLs the API fetches, or - for stdin
    #[arg(value_name = "PATH|URL|-", required = true)]
    pub sources: Vec<String>,

    /// Custom id for the image (one image only); may contain slashes, not a UUID
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Metadata as a JSON object, at most 1024 bytes
    #[arg(long, value_name = "JSON", conflicts_with = "meta")]
    pub metadata: Option<String>,

    /// One metadata entry, key=value (a string) or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Make the image private: reachable only through signed URLs
    #[arg(long)]
    pub require_signed_urls: bool,

    /// Creator to record (your own user id, for filtering)
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,

    /// Print each uploaded image's delivery URL (its `public` variant, else its first), one a line
    #[arg(long)]
    pub print_urls: bool,

    /// Upload this many files at once
    #[arg(short = 'j', long = "concurrency", value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

pub fn run(args: UploadArgs, ctx: &mut Context) -> Result<()> {
    let metadata = super::metadata_from_args(args.metadata.as_deref(), &args.meta)?;
    if let Some(creator) = &args.creator {
        if creator.chars().count() > 1024 {
            return Err(CliError::usage("--creator may be at most 1024 characters").into());
        }
    }
    if args.require_signed_urls && args.id.is_some() {
        return Err(CliError::usage(
            "an image with a custom id cannot require signed URLs (the API does not allow private custom ids)",
        )
        .into());
    }
    let mut read_stdin = || {
        let mut data = Vec::new();
        std::io::stdin()
            .take(crate::image_file::MAX_FILE_BYTES + 1)
            .read_to_end(&mut data)?;
        Ok(data)
    };
    let planned = plan(&args.sources, args.id.as_deref(), &mut read_stdin).map_err(|e| {
        let exit = Exit::Error;
        CliError::new(exit, e.to_string())
    })?;
    for path in &planned.ignored {
        ctx.ui.status(&format!(
            "skipping {}: not an image of a supported format",
            path.display()
        ));
    }
    let single = planned.items.len() == 1
        && args.sources.len() == 1
        && !std::path::Path::new(&args.sources[0]).is_dir();

    let client = ctx.client()?;
    let common = Common {
        metadata,
        require_signed_urls: args.require_signed_urls,
        creator: args.creator.clone(),
    };
    let bar = match (&planned.items[..], single) {
        ([item], true) => match &item.source {
            ItemSource::File { info, .. } => ctx.ui.bytes_progress(info.bytes, &item.label),
            _ => None,
        },
        _ => None,
    };
    let progress = bar.clone().map(|bar| {
        std::sync::Arc::new(move |n: u64| bar.set_position(n)) as crate::api::images::ProgressFn
    });
    let stop = AtomicBool::new(false);
    let engine = Engine {
        client: &client,
        common: &common,
        concurrency: args.concurrency as usize,
        stop: &stop,
        progress,
    };

    let started = Instant::now();
    let state = Mutex::new((Totals::default(), Vec::<ItemResult>::new(), None));
    let out = &ctx.out;
    let ui = &ctx.ui;
    let print_urls = args.print_urls;
    engine.run(&planned.items, &|result: ItemResult| {
        let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
        state.0.add(&result);
        let write = match out.mode {
            Mode::Ndjson => out.json(&result),
            Mode::Table if print_urls => match result.image.as_ref().and_then(delivery_url) {
                Some(url) => out.line(url),
                None => Ok(()),
            },
            Mode::Table if !single => out.line(&result_line(&result)),
            _ => Ok(()),
        };
        if let Err(e) = write {
            state.2.get_or_insert(e);
        }
        if !single && result.status != Status::Uploaded {
            if let Some(error) = &result.error {
                ui.warn(&format!("{}: {}", result.source, error.message));
            }
        }
        if out.mode == Mode::Json || single {
            state.1.push(result);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let (totals, results, write_error) = state.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = write_error {
        return Err(e.into());
    }

    if single {
        let result = results.into_iter().next().expect("one item, one result");
        return match (result.image, result.error) {
            (Some(image), _) => {
                match ctx.out.mode {
                    Mode::Ndjson => {}
                    Mode::Table if print_urls => {}
                    _ => ctx.out.image(&image)?,
                }
                Ok(())
            }
            (None, Some(error)) => {
                let mut err =
                    CliError::new(Exit::Error, format!("{}: {}", result.source, error.message));
                if result.status == Status::Unknown {
                    err = err.with_hint("the image may have been stored anyway: check `cfimg images list` before uploading it again");
                } else if error.status == Some(409) {
                    err = err.with_hint(
                        "an image with this id exists; pick another --id or delete it first",
                    );
                }
                Err(err.into())
            }
            (None, None) => unreachable!("a result is an image or an error"),
        };
    }

    if ctx.out.mode == Mode::Json {
        ctx.out.json(&results)?;
    }
    ctx.ui.status(&summary(&totals, started.elapsed()));
    if totals.not_ok() > 0 {
        return Err(PartialFailure {
            failed: totals.not_ok(),
            total: totals.total(),
        }
        .into());
    }
    Ok(())
}

/// The URL to show for an uploaded image: its `public` variant, else its first.
fn delivery_url(image: &crate::api::images::Image) -> Option<&str> {
    image
        .variants
        .iter()
        .find(|v| v.ends_with("/public"))
        .or_else(|| image.variants.first())
        .map(String::as_str)
}

fn result_line(result: &ItemResult) -> String {
    let status = match result.status {
        Status::Uploaded => "uploaded",
        Status::Skipped => "skipped",
        Status::Failed => "failed",
        Status::Unknown => "unknown",
    };
    format!(
        "{status:<8}  {}  {}",
        result.id.as_deref().unwrap_or("-"),
        result.source
    )
}

fn summary(totals: &Totals, elapsed: std::time::Duration) -> String {
    let mut text = format!(
        "{} uploaded, {} skipped, {} failed",
        totals.uploaded, totals.skipped, totals.failed
    );
    if totals.unknown > 0 {
        text.push_str(&format!(
            ", {} unknown (check before re-running)",
            totals.unknown
        ));
    }
    text.push_str(&format!(" in {:.1} s", elapsed.as_secs_f64()));
    text
}
