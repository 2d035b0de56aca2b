//! `cfimg images list`: the v2 listing (continuation tokens) by default, streamed page by
//! page, with the selection's filters (`select`); `--page N` reads the deprecated v1 listing;
//! `--count` prints only how many match.

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::api::images::{self, ListV1};
use crate::context::Context;
use crate::select::{FOLLOW_PAGE_SIZE, FilterArgs, Listing, Query, SelectArgs, Selection};
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
    cfimg images list --all --uploaded-before 30d --filename '*.tmp.png'\n  \
    cfimg images list --creator ci --private --count\n  \
    cfimg images list --limit 25 --sort-order asc\n\n\
--creator and --meta are filters the API applies; --uploaded-before, --uploaded-after,\n\
--filename, --id-prefix, --private and --public are checked here on each image as the pages\n\
come, so without --all (or --limit, or --count) only the first page is searched.")]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Follow continuation tokens until every image is listed
    #[arg(long)]
    pub all: bool,

    /// Print only how many images match (follows every page)
    #[arg(long, conflicts_with_all = ["limit", "page"])]
    pub count: bool,

    /// Stop after N images (follows pages as needed, requests no more than it needs)
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<u64>,

    /// Images per request, 10 to 10000 [default: the API's]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(MIN_PAGE_SIZE as i64..=MAX_PAGE_SIZE as i64))]
    pub per_page: Option<u32>,

    /// Start from this token (printed by an earlier listing)
    #[arg(long, value_name = "TOKEN", conflicts_with_all = ["page", "ids", "ids_from"])]
    pub continuation_token: Option<String>,

    /// Order by upload time
    #[arg(long, value_enum, conflicts_with_all = ["page", "ids", "ids_from"])]
    pub sort_order: Option<SortOrder>,

    /// Read page N of the deprecated v1 listing instead
    #[arg(long, value_name = "N", conflicts_with_all = ["all", "limit", "ids", "ids_from", "filters"], value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
}

pub fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let selection = args
        .filters
        .selection(&args.select, jiff::Timestamp::now())?;
    let query = match selection {
        Selection::Ids(ids) => return list_ids(&args, &ids, ctx),
        Selection::Query(query) => query,
    };
    if let Some(page) = args.page {
        return run_v1(&args, &query, page, ctx);
    }
    let client = ctx.client()?;
    let following = args.all || args.limit.is_some() || args.count;
    // Never ask for more than `--limit` needs, but never below the API's minimum.
    let per_page = match (args.per_page, args.limit) {
        (Some(n), _) => Some(n),
        (None, Some(limit)) => Some((limit.min(FOLLOW_PAGE_SIZE as u64) as u32).max(MIN_PAGE_SIZE)),
        (None, None) if following => Some(FOLLOW_PAGE_SIZE),
        (None, None) => None,
    };
    let mut pages = query.pages(
        &client,
        Listing {
            per_page,
            continuation_token: args.continuation_token.clone(),
            sort_order: args.sort_order.map(|o| match o {
                SortOrder::Asc => images::SortOrder::Asc,
                SortOrder::Desc => images::SortOrder::Desc,
            }),
        },
    );
    if args.count {
        let mut count = 0u64;
        while let Some(page) = pages.next()? {
            count += page.matched.len() as u64;
        }
        ctx.out.count(count)?;
        return Ok(());
    }
    let mut writer = ctx.out.image_list();
    let mut remaining = args.limit.unwrap_or(u64::MAX);
    let next = loop {
        let Some(page) = pages.next()? else {
            break None;
        };
        let take = page
            .matched
            .len()
            .min(remaining.min(usize::MAX as u64) as usize);
        for image in &page.matched[..take] {
            writer.item(image)?;
        }
        writer.page_end()?;
        remaining -= take as u64;
        // Stop on the last page, once the limit is out, or after one page unless following.
        if page.next.is_none() || remaining == 0 || !following {
            break if take < page.matched.len() {
                None
            } else {
                page.next
            };
        }
    };
    // `--json` carries the token in the document, as the API does; elsewhere it is a hint.
    let in_data = writer.finish_with(&[("continuation_token", next.clone().into())])?;
    if let Some(token) = next.filter(|_| !in_data) {
        let searched = if query.is_everything() {
            ""
        } else {
            " (the filters searched only this page)"
        };
        ctx.ui.hint(&format!(
            "more images{searched}: add --all, or --continuation-token {token}"
        ));
    }
    Ok(())
}

/// Ids named: each image that exists, read one by one, in the order named (a listing of
/// those ids: one that is not there is left out, with a note).
fn list_ids(args: &ListArgs, ids: &[String], ctx: &mut Context) -> Result<()> {
    let client = ctx.client()?;
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for id in ids {
        match client.get_image(id) {
            Ok(image) => found.push(image),
            Err(e) if e.is_not_found() => missing.push(id.as_str()),
            Err(e) => return Err(e.into()),
        }
    }
    if !missing.is_empty() {
        ctx.ui.status(&format!(
            "{} of the {} ids named {} not there: {}",
            missing.len(),
            ids.len(),
            if missing.len() == 1 { "is" } else { "are" },
            missing.join(", ")
        ));
    }
    if args.count {
        ctx.out.count(found.len() as u64)?;
        return Ok(());
    }
    let mut writer = ctx.out.image_list();
    for image in &found {
        writer.item(image)?;
    }
    writer.finish_with(&[("continuation_token", serde_json::Value::Null)])?;
    Ok(())
}

fn parse_limit(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("use a whole number of at least 1".into()),
    }
}

fn run_v1(args: &ListArgs, query: &Query, page: u32, ctx: &mut Context) -> Result<()> {
    ctx.ui.warn(
        "--page reads the deprecated v1 listing; without it, `images list` pages with continuation tokens",
    );
    let client = ctx.client()?;
    let images = client.list_images_v1(&ListV1 {
        page,
        per_page: args.per_page,
        creator: query.creator.clone(),
    })?;
    let matched: Vec<_> = images.iter().filter(|i| query.matches(i)).collect();
    if args.count {
        ctx.out.count(matched.len() as u64)?;
        return Ok(());
    }
    let mut writer = ctx.out.image_list();
    for image in matched {
        writer.item(image)?;
    }
    writer.finish_with(&[("continuation_token", serde_json::Value::Null)])?;
    Ok(())
}
