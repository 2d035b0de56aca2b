//! Which images a command acts on: the one selection `images list`, `images delete` and
//! `images edit` share (and the account-wide jobs to come).
//!
//! A selection is either an explicit set of ids (arguments, `--ids-from FILE|-`: one id a line,
//! or NDJSON lines with an `"id"` such as `images list --ndjson` prints), or a query: the
//! server-side filters the listing takes (`--creator`, metadata filters), and client-side ones
//! checked on each image while paging (`--uploaded-before`, `--uploaded-after`, `--filename`,
//! `--id-prefix`, `--private`/`--public`). A query with a time bound pages in the order that
//! lets it stop at the first image past the bound, instead of listing the whole account.

use std::io::BufRead;

use clap::Args;
use globset::{GlobBuilder, GlobMatcher};
use jiff::Timestamp;

use crate::api::images::{Image, ListV2, SortOrder};
use crate::api::{ApiError, Client};
use crate::error::CliError;
use crate::metadata::{MetaFilter, parse_filter, validate_filters};

/// The page size asked for when following pages: the most the v2 description promises.
pub const FOLLOW_PAGE_SIZE: u32 = 1000;

/// The flags that pick images. The server-side filters are each command's own flags, with
/// the field names `filters` and `creator` (`--meta` and `--creator` on `list` and `delete`;
/// `--where-meta` and `--where-creator` on `edit`, where `--meta` and `--creator` set
/// values), passed to [`SelectArgs::selection`] beside these.
#[derive(Clone, Debug, Default, Args)]
pub struct SelectArgs {
    /// Image ids (instead of a query)
    #[arg(value_name = "ID", value_parser = crate::image_id::parse_image_id,
          conflicts_with_all = QUERY_FLAGS)]
    pub ids: Vec<String>,

    /// Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)
    #[arg(long, value_name = "FILE|-", conflicts_with_all = QUERY_FLAGS, help_heading = "Selection")]
    pub ids_from: Option<String>,

    /// Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)
    #[arg(long, value_name = "T", help_heading = "Selection")]
    pub uploaded_before: Option<String>,

    /// Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)
    #[arg(long, value_name = "T", help_heading = "Selection")]
    pub uploaded_after: Option<String>,

    /// Only images whose file name matches GLOB (* and ? and [abc]; case matters)
    #[arg(long, value_name = "GLOB", help_heading = "Selection")]
    pub filename: Option<String>,

    /// Only images whose id starts with P
    #[arg(long, value_name = "P", help_heading = "Selection")]
    pub id_prefix: Option<String>,

    /// Only private images (that require signed URLs)
    #[arg(long, conflicts_with = "public", help_heading = "Selection")]
    pub private: bool,

    /// Only public images
    #[arg(long, help_heading = "Selection")]
    pub public: bool,
}

/// The server-side filters as `images list` and `images delete` spell them. (`images edit`,
/// where `--meta` and `--creator` set values, spells them `--where-meta` and `--where-creator`,
/// which these take too, so one spelling works on every command.)
#[derive(Clone, Debug, Default, Args)]
pub struct FilterArgs {
    /// Only images with this creator ("" for images without one) [server-side]
    #[arg(
        long,
        visible_alias = "where-creator",
        value_name = "C",
        help_heading = "Selection"
    )]
    pub creator: Option<String>,

    /// Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]
    #[arg(
        long = "meta",
        visible_alias = "where-meta",
        value_name = "FILTER",
        help_heading = "Selection"
    )]
    pub filters: Vec<String>,
}

/// The flags of a query, which an explicit set of ids cannot be combined with. `filters` is
/// the field every command gives its metadata-filter flag.
const QUERY_FLAGS: [&str; 8] = [
    "creator",
    "filters",
    "uploaded_before",
    "uploaded_after",
    "filename",
    "id_prefix",
    "private",
    "public",
];

/// Which images.
#[derive(Debug)]
pub enum Selection {
    /// Ids named on the command line or read from `--ids-from`, in order, each once.
    Ids(Vec<String>),
    /// The images a listing finds.
    Query(Query),
}

/// What the listing asks the API for, and what is checked on each image it returns.
#[derive(Debug, Default)]
pub struct Query {
    pub creator: Option<String>,
    pub filters: Vec<MetaFilter>,
    pub uploaded_before: Option<Timestamp>,
    pub uploaded_after: Option<Timestamp>,
    pub filename: Option<GlobMatcher>,
    pub id_prefix: Option<String>,
    /// `Some(true)` only private images, `Some(false)` only public ones.
    pub private: Option<bool>,
}

impl FilterArgs {
    /// The selection `select` and these filters make (see [`SelectArgs::selection`]).
    pub fn selection(&self, select: &SelectArgs, now: Timestamp) -> Result<Selection, CliError> {
        select.selection(self.creator.as_deref(), &self.filters, "--meta", now)
    }
}

impl SelectArgs {
    /// Whether ids were named (as arguments or with `--ids-from`).
    pub fn names_ids(&self) -> bool {
        !self.ids.is_empty() || self.ids_from.is_some()
    }

    /// The selection these flags and the command's metadata filters (`filters`, given with
    /// `flag`) make. Times are read against `now`. Bad values are usage errors, found before
    /// any request; `--ids-from` is read here.
    pub fn selection(
        &self,
        creator: Option<&str>,
        filters: &[String],
        flag: &str,
        now: Timestamp,
    ) -> Result<Selection, CliError> {
        if self.names_ids() {
            let mut ids = self.ids.clone();
            if let Some(from) = &self.ids_from {
                ids.extend(read_ids(from)?);
            }
            return Ok(Selection::Ids(distinct(ids)));
        }
        let filters = filters
            .iter()
            .map(|s| parse_filter(s).map_err(|e| CliError::usage(format!("{flag} '{s}': {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        validate_filters(&filters).map_err(|e| CliError::usage(format!("{flag}: {e}")))?;
        let time = |flag: &str, value: &Option<String>| {
            value
                .as_deref()
                .map(|v| {
                    crate::timespec::parse_time_or_age(v, now)
                        .map_err(|e| CliError::usage(format!("{flag}: {e}")))
                })
                .transpose()
        };
        let uploaded_before = time("--uploaded-before", &self.uploaded_before)?;
        let uploaded_after = time("--uploaded-after", &self.uploaded_after)?;
        if let (Some(before), Some(after)) = (uploaded_before, uploaded_after)
            && before <= after
        {
            return Err(CliError::usage(format!(
                    "--uploaded-before {before} is not after --uploaded-after {after}: no image can match both"
                ))
                .with_hint("an age counts back from now: --uploaded-after 30d --uploaded-before 7d is between 30 and 7 days ago"));
        }
        let filename = self
            .filename
            .as_deref()
            .map(|glob| {
                GlobBuilder::new(glob)
                    .literal_separator(false)
                    .build()
                    .map(|g| g.compile_matcher())
                    .map_err(|e| CliError::usage(format!("--filename '{glob}': {}", e.kind())))
            })
            .transpose()?;
        let private = match (self.private, self.public) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        };
        Ok(Selection::Query(Query {
            creator: creator.map(str::to_string),
            filters,
            uploaded_before,
            uploaded_after,
            filename,
            id_prefix: self.id_prefix.clone(),
            private,
        }))
    }
}

/// Each id once, in the order first named.
fn distinct(ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

/// The ids in `--ids-from FILE` (or stdin for `-`).
pub fn read_ids(from: &str) -> Result<Vec<String>, CliError> {
    read_ids_checked(from, |_| Ok(()))
}

/// The ids in `--ids-from FILE`, each also passed through `check` (a refusal names its line).
pub fn read_ids_checked(
    from: &str,
    check: impl Fn(&str) -> Result<(), String>,
) -> Result<Vec<String>, CliError> {
    let reader: Box<dyn BufRead> = if from == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(from).map_err(
            |e| CliError::failed(format!("cannot read ids from {from}: {e}")),
        )?))
    };
    ids_in(reader, from, check)
}

/// The ids of an open list: a line is an id as it is (blank lines skipped, a trailing `\r`
/// dropped), or a JSON object whose `"id"` is taken, so the NDJSON of `images list` (filtered
/// by `jq`, say) can be piped in whole. `from` names the list in errors.
pub fn ids_in(
    reader: impl BufRead,
    from: &str,
    check: impl Fn(&str) -> Result<(), String>,
) -> Result<Vec<String>, CliError> {
    let named = |from: &str| {
        if from == "-" {
            "stdin".to_string()
        } else {
            from.to_string()
        }
    };
    let mut ids = Vec::new();
    for (number, line) in reader.lines().enumerate() {
        let line = line
            .map_err(|e| CliError::failed(format!("cannot read ids from {}: {e}", named(from))))?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        let at = || format!("{}, line {}", named(from), number + 1);
        if line.trim().is_empty() {
            continue;
        }
        let id = if line.trim_start().starts_with('{') {
            let value: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| CliError::usage(format!("{}: not a JSON object ({e})", at())))?;
            match value.get("id") {
                Some(serde_json::Value::String(id)) => id.clone(),
                _ => {
                    return Err(CliError::usage(format!(
                        "{}: a JSON object without an \"id\" string",
                        at()
                    ))
                    .with_hint("give one id a line, or JSON objects such as `cfimg images list --ndjson` prints"));
                }
            }
        } else {
            // An id is taken as written: ids may hold spaces, but not at their ends.
            line.trim().to_string()
        };
        let id = crate::image_id::parse_image_id(&id)
            .and_then(|id| check(&id).map(|()| id))
            .map_err(|e| CliError::usage(format!("{}: {e}", at())))?;
        ids.push(id);
    }
    Ok(ids)
}

impl Query {
    /// Whether nothing narrows the query: every image matches.
    pub fn is_everything(&self) -> bool {
        self.creator.is_none()
            && self.filters.is_empty()
            && self.uploaded_before.is_none()
            && self.uploaded_after.is_none()
            && self.filename.is_none()
            && self.id_prefix.is_none()
            && self.private.is_none()
    }

    /// The order that lets a time bound end the listing early, for a job that does not care
    /// about order: oldest first for `--uploaded-before` alone, else the API's newest first.
    pub fn efficient_order(&self) -> Option<SortOrder> {
        match (self.uploaded_before, self.uploaded_after) {
            (Some(_), None) => Some(SortOrder::Asc),
            _ => None,
        }
    }

    /// Whether `image` passes the client-side checks (the server applied the rest). An image
    /// without an upload time or a file name does not pass a check on it.
    pub fn matches(&self, image: &Image) -> bool {
        let uploaded = || uploaded(image);
        if let Some(before) = self.uploaded_before
            && uploaded().is_none_or(|t| t >= before)
        {
            return false;
        }
        if let Some(after) = self.uploaded_after
            && uploaded().is_none_or(|t| t <= after)
        {
            return false;
        }
        if let Some(glob) = &self.filename
            && !image.filename.as_deref().is_some_and(|n| glob.is_match(n))
        {
            return false;
        }
        if let Some(prefix) = &self.id_prefix
            && !image.id.starts_with(prefix.as_str())
        {
            return false;
        }
        if let Some(private) = self.private
            && image.require_signed_urls != private
        {
            return false;
        }
        true
    }

    /// Whether, listing in `order`, `image` and every image after it are past a time bound.
    fn past_bound(&self, image: &Image, order: Option<SortOrder>) -> bool {
        let Some(uploaded) = uploaded(image) else {
            return false;
        };
        match order {
            Some(SortOrder::Asc) => self.uploaded_before.is_some_and(|b| uploaded >= b),
            // The API lists newest first unless asked otherwise.
            Some(SortOrder::Desc) | None => self.uploaded_after.is_some_and(|a| uploaded <= a),
        }
    }

    /// Page through the images this query selects.
    pub fn pages<'a>(&'a self, client: &'a Client, listing: Listing) -> Pages<'a> {
        Pages {
            client,
            query: self,
            params: ListV2 {
                per_page: listing.per_page,
                continuation_token: listing.continuation_token,
                sort_order: listing.sort_order,
                creator: self.creator.clone(),
                filters: self.filters.clone(),
            },
            finished: false,
            listed: 0,
            requests: 0,
        }
    }

    /// Every image the query selects, listed in the order that ends soonest. Each image is
    /// kept without its variant URLs, which no job needs and which are most of its size.
    /// `seen` is told the running counts (listed, matched) after each page.
    pub fn collect(
        &self,
        client: &Client,
        mut seen: impl FnMut(u64, usize),
    ) -> Result<Found, ApiError> {
        let mut pages = self.pages(
            client,
            Listing {
                per_page: Some(FOLLOW_PAGE_SIZE),
                sort_order: self.efficient_order(),
                continuation_token: None,
            },
        );
        let mut images = Vec::new();
        while let Some(page) = pages.next()? {
            images.extend(page.matched.into_iter().map(|mut image| {
                image.variants = Vec::new();
                image
            }));
            seen(pages.listed, images.len());
        }
        Ok(Found {
            images,
            listed: pages.listed,
            requests: pages.requests,
        })
    }
}

fn uploaded(image: &Image) -> Option<Timestamp> {
    image.uploaded.as_deref().and_then(|t| t.parse().ok())
}

/// How to page: the page size, the order, and where to start.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    pub per_page: Option<u32>,
    pub sort_order: Option<SortOrder>,
    pub continuation_token: Option<String>,
}

/// One image a job acts on: its id, and the image as the listing (or a manifest) showed it,
/// when it did: a job that needs what the image holds reads it then without a request.
#[derive(Clone, Debug)]
pub struct Picked {
    pub id: String,
    pub image: Option<Image>,
}

impl Picked {
    pub fn id(id: impl Into<String>) -> Self {
        Picked {
            id: id.into(),
            image: None,
        }
    }
}

impl From<Image> for Picked {
    fn from(image: Image) -> Self {
        Picked {
            id: image.id.clone(),
            image: Some(image),
        }
    }
}

/// The images a query found.
pub struct Found {
    pub images: Vec<Image>,
    /// How many images the listing went through.
    pub listed: u64,
    /// How many listing requests it took.
    pub requests: u64,
}

/// The pages of a query's listing, each with the images that matched.
pub struct Pages<'a> {
    client: &'a Client,
    query: &'a Query,
    params: ListV2,
    finished: bool,
    /// Images listed so far.
    pub listed: u64,
    /// Requests made so far.
    pub requests: u64,
}

/// One page of a query's listing.
pub struct Page {
    pub matched: Vec<Image>,
    /// How many images the page held.
    pub listed: usize,
    /// Where the next page starts, if there is one the query needs.
    pub next: Option<String>,
}

impl Pages<'_> {
    /// The next page, or `None` after the last (or once a time bound was passed).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Page>, ApiError> {
        if self.finished {
            return Ok(None);
        }
        let page = self.client.list_images_v2(&self.params)?;
        self.requests += 1;
        self.listed += page.images.len() as u64;
        let listed = page.images.len();
        let mut matched = Vec::new();
        let mut past = false;
        for image in page.images {
            if self.query.past_bound(&image, self.params.sort_order) {
                past = true;
                break;
            }
            if self.query.matches(&image) {
                matched.push(image);
            }
        }
        let next = page
            .continuation_token
            .filter(|t| !t.is_empty() && !past && listed > 0);
        self.finished = next.is_none();
        self.params.continuation_token = next.clone();
        Ok(Some(Page {
            matched,
            listed,
            next,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(id: &str, filename: &str, uploaded: &str, private: bool) -> Image {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "filename": filename,
            "uploaded": uploaded,
            "requireSignedURLs": private,
            "variants": [],
        }))
        .unwrap()
    }

    fn now() -> Timestamp {
        "2030-01-31T00:00:00Z".parse().unwrap()
    }

    fn query(args: SelectArgs) -> Query {
        match args.selection(None, &[], "--meta", now()).unwrap() {
            Selection::Query(q) => q,
            Selection::Ids(ids) => panic!("ids {ids:?}"),
        }
    }

    #[test]
    fn client_side_filters_check_each_image() {
        let old = image("cats/1", "a.png", "2030-01-01T00:00:00Z", false);
        let new = image("dogs/2", "b.jpg", "2030-01-30T00:00:00Z", true);
        let q = query(SelectArgs {
            uploaded_before: Some("7d".into()),
            ..Default::default()
        });
        assert!(q.matches(&old) && !q.matches(&new));
        let q = query(SelectArgs {
            uploaded_after: Some("2030-01-15T00:00:00Z".into()),
            ..Default::default()
        });
        assert!(!q.matches(&old) && q.matches(&new));
        let q = query(SelectArgs {
            filename: Some("*.png".into()),
            ..Default::default()
        });
        assert!(q.matches(&old) && !q.matches(&new));
        let q = query(SelectArgs {
            id_prefix: Some("dogs/".into()),
            ..Default::default()
        });
        assert!(!q.matches(&old) && q.matches(&new));
        let q = query(SelectArgs {
            private: true,
            ..Default::default()
        });
        assert!(!q.matches(&old) && q.matches(&new));
        let q = query(SelectArgs {
            public: true,
            ..Default::default()
        });
        assert!(q.matches(&old) && !q.matches(&new));
        assert!(query(SelectArgs::default()).is_everything());
        // No upload time: no match on a time bound.
        let mut undated = old.clone();
        undated.uploaded = None;
        let q = query(SelectArgs {
            uploaded_before: Some("1d".into()),
            ..Default::default()
        });
        assert!(!q.matches(&undated));
    }

    #[test]
    fn a_time_bound_stops_the_listing_in_the_order_that_reaches_it() {
        let old = image("a", "a.png", "2030-01-01T00:00:00Z", false);
        let new = image("b", "b.png", "2030-01-30T00:00:00Z", false);
        let before = query(SelectArgs {
            uploaded_before: Some("7d".into()),
            ..Default::default()
        });
        assert_eq!(before.efficient_order(), Some(SortOrder::Asc));
        assert!(before.past_bound(&new, Some(SortOrder::Asc)));
        assert!(!before.past_bound(&old, Some(SortOrder::Asc)));
        // Newest first, `before` never ends the listing early.
        assert!(!before.past_bound(&old, None));
        let after = query(SelectArgs {
            uploaded_after: Some("7d".into()),
            ..Default::default()
        });
        assert_eq!(after.efficient_order(), None);
        assert!(after.past_bound(&old, None));
        assert!(!after.past_bound(&new, None));
    }

    #[test]
    fn a_time_bound_ends_the_listing_at_the_first_page_past_it() {
        use crate::api::{Auth, ClientConfig, Secret};
        let emulator = cfimg_emulator::start(
            cfimg_emulator::EmulatorConfig {
                preload: 2500,
                ..Default::default()
            },
            ([127, 0, 0, 1], 0).into(),
        )
        .unwrap();
        let client = Client::new(ClientConfig::new(
            emulator.base_url(),
            cfimg_emulator::DEFAULT_ACCOUNT_ID,
            Auth::Token(Secret::new("t")),
        ))
        .unwrap();
        let time_at = |order, index: usize| -> Timestamp {
            let page = client
                .list_images_v2(&ListV2 {
                    per_page: Some(FOLLOW_PAGE_SIZE),
                    sort_order: Some(order),
                    ..ListV2::default()
                })
                .unwrap();
            page.images[index]
                .uploaded
                .as_deref()
                .unwrap()
                .parse()
                .unwrap()
        };
        // The 300 oldest: one page, oldest first, and no second page though 2,500 exist.
        let before = Query {
            uploaded_before: Some(time_at(SortOrder::Asc, 300)),
            ..Query::default()
        };
        let found = before.collect(&client, |_, _| {}).unwrap();
        assert_eq!((found.images.len(), found.requests), (300, 1));
        // The 300 newest: newest first, the API's own order.
        let after = Query {
            uploaded_after: Some(time_at(SortOrder::Desc, 300)),
            ..Query::default()
        };
        let found = after.collect(&client, |_, _| {}).unwrap();
        assert_eq!((found.images.len(), found.requests), (300, 1));
        // Without a bound, every page.
        let found = Query::default().collect(&client, |_, _| {}).unwrap();
        assert_eq!(found.images.len(), 2500);
        assert!(found.requests >= 3, "{}", found.requests);
    }

    #[test]
    fn bounds_that_exclude_each_other_are_refused() {
        let err = SelectArgs {
            uploaded_before: Some("30d".into()),
            uploaded_after: Some("7d".into()),
            ..Default::default()
        }
        .selection(None, &[], "--meta", now())
        .unwrap_err();
        assert!(
            err.message.contains("no image can match both"),
            "{}",
            err.message
        );
        let err = SelectArgs {
            filename: Some("[a".into()),
            ..Default::default()
        }
        .selection(None, &[], "--meta", now())
        .unwrap_err();
        assert!(
            err.message.starts_with("--filename '[a': "),
            "{}",
            err.message
        );
        let err = SelectArgs::default()
            .selection(None, &["x[nope]=1".into()], "--where-meta", now())
            .unwrap_err();
        assert!(
            err.message.starts_with("--where-meta 'x[nope]=1': "),
            "{}",
            err.message
        );
    }

    #[test]
    fn ids_come_one_a_line_or_from_ndjson_objects() {
        let text = "cats/1\n\n{\"id\":\"cats/2\",\"filename\":\"b.png\"}\r\n  with space  \n";
        let ids = ids_in(text.as_bytes(), "-", |_| Ok(())).unwrap();
        assert_eq!(ids, ["cats/1", "cats/2", "with space"]);
        let err = ids_in("a\n{\"name\":\"x\"}\n".as_bytes(), "-", |_| Ok(())).unwrap_err();
        assert_eq!(
            err.message,
            "stdin, line 2: a JSON object without an \"id\" string"
        );
        let err = ids_in("{broken\n".as_bytes(), "ids.txt", |_| Ok(())).unwrap_err();
        assert!(
            err.message
                .starts_with("ids.txt, line 1: not a JSON object"),
            "{}",
            err.message
        );
        let err = ids_in("..\n".as_bytes(), "ids.txt", |_| Ok(())).unwrap_err();
        assert!(
            err.message.contains("cannot be an image id"),
            "{}",
            err.message
        );
        assert_eq!(
            distinct(vec!["a".into(), "b".into(), "a".into()]),
            ["a", "b"]
        );
    }
}
