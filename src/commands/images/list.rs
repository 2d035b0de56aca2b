//! `cfimg images list`: the v2 listing (continuation tokens) by default, streamed page by
//! page; `--page N` reads the deprecated v1 listing.

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::api::images::{self, ListV1, ListV2};
use crate::context::Context;
use crate::error::CliError;
use crate::metadata::{MetaFilter, parse_filter, validate_filters};

/// The page size asked for when following pages: the most the v2 description promises.
const FOLLOW_PAGE_SIZE: u32 = 1000;
const MIN_PAGE_SIZE: u32 = 10;
const MAX_PAGE_SIZE: u32 = 10_000;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SortOrder {
    Asc,
    Desc,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images list\n  \
    cfimg images list --all --ndjson | jq -r .id\n  \
    cfimg images list --meta 'team=web' --meta 'size[gt]=100'\n  \
    cfimg images list --limit 25 --sort-order asc")]
pub struct ListArgs {
    /// Follow continuation tokens until every image is listed
    #[arg(long)]
    pub all: bool,

    /// Stop after N images (follows pages as needed, requests no more than it needs)
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<u64>,

    /// Images per request, 10 to 10000 [default: the API's]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(MIN_PAGE_SIZE as i64..=MAX_PAGE_SIZE as i64))]
    pub per_page: Option<u32>,

    /// Start from this token (printed by an earlier listing)
    #[arg(long, value_name = "TOKEN", conflicts_with = "page")]
    pub continuation_token: Option<String>,

    /// Order by upload time
    #[arg(long, value_enum, conflicts_with = "page")]
    pub sort_order: Option<SortOrder>,

    /// Only images with this creator ("" for images without one)
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,

    /// Metadata filter `key[op]=value` (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match
    #[arg(long = "meta", value_name = "FILTER", conflicts_with = "page")]
    pub filters: Vec<String>,

    /// Read page N of the deprecated v1 listing instead
    #[arg(long, value_name = "N", conflicts_with_all = ["all", "limit"], value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
}

pub fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let filters = parse_filters(&args.filters)?;
    if let Some(page) = args.page {
        return run_v1(&args, page, ctx);
    }
    let client = ctx.client()?;
    let following = args.all || args.limit.is_some();
    // Never ask for more than `--limit` needs, but never below the API's minimum.
    let per_page = match (args.per_page, args.limit) {
        (Some(n), _) => Some(n),
        (None, Some(limit)) => Some((limit.min(FOLLOW_PAGE_SIZE as u64) as u32).max(MIN_PAGE_SIZE)),
        (None, None) if following => Some(FOLLOW_PAGE_SIZE),
        (None, None) => None,
    };
    let mut params = ListV2 {
        per_page,
        continuation_token: args.continuation_token.clone(),
        sort_order: args.sort_order.map(|o| match o {
            SortOrder::Asc => images::SortOrder::Asc,
            SortOrder::Desc => images::SortOrder::Desc,
        }),
        creator: args.creator.clone(),
        filters,
    };
    let mut writer = ctx.out.image_list();
    let mut remaining = args.limit.unwrap_or(u64::MAX);
    let next = loop {
        let page = client.list_images_v2(&params)?;
        let take = page
            .images
            .len()
            .min(remaining.min(usize::MAX as u64) as usize);
        for image in &page.images[..take] {
            writer.item(image)?;
        }
        writer.page_end()?;
        remaining -= take as u64;
        let next = page.continuation_token.filter(|t| !t.is_empty());
        // Stop on the last page, once the limit is out, or after one page unless following.
        if next.is_none() || remaining == 0 || !following {
            break if take < page.images.len() { None } else { next };
        }
        params.continuation_token = next;
    };
    // `--json` carries the token in the document, as the API does; elsewhere it is a hint.
    let in_data = writer.finish_with(&[("continuation_token", next.clone().into())])?;
    if let Some(token) = next.filter(|_| !in_data) {
        ctx.ui.hint(&format!(
            "more images: add --all, or --continuation-token {token}"
        ));
    }
    Ok(())
}

fn parse_limit(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("use a whole number of at least 1".into()),
    }
}

fn parse_filters(raw: &[String]) -> Result<Vec<MetaFilter>> {
    let filters = raw
        .iter()
        .map(|s| parse_filter(s).map_err(|e| CliError::usage(format!("--meta '{s}': {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    validate_filters(&filters).map_err(|e| CliError::usage(format!("--meta: {e}")))?;
    Ok(filters)
}

fn run_v1(args: &ListArgs, page: u32, ctx: &mut Context) -> Result<()> {
    ctx.ui.warn(
        "--page reads the deprecated v1 listing; without it, `images list` pages with continuation tokens",
    );
    let client = ctx.client()?;
    let images = client.list_images_v1(&ListV1 {
        page,
        per_page: args.per_page,
        creator: args.creator.clone(),
    })?;
    let mut writer = ctx.out.image_list();
    for image in &images {
        writer.item(image)?;
    }
    writer.finish_with(&[("continuation_token", serde_json::Value::Null)])?;
    Ok(())
}
