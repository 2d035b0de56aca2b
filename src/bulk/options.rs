//! The flags every bulk job takes, in one place so they read the same on every command: how
//! many requests at once, the client-side rate, and the batch host with its tokens. And the
//! one way they become a target.

use anyhow::Result;
use clap::Args;

use crate::api::{Client, Rate};
use crate::config::Env;
use crate::config::vars::BATCH_URL;
use crate::error::CliError;

use super::target::{self, BatchPool, Target};

#[derive(Clone, Debug, Args)]
#[command(next_help_heading = "Bulk options")]
pub struct BulkArgs {
    /// Work on this many items at once (one request each in flight)
    #[arg(short = 'j', long = "concurrency", value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Keep to this many API requests per this many seconds [default: 1200/300, the API's limit]
    #[arg(long, value_name = "N/SECONDS")]
    pub rate: Option<Rate>,

    /// Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)
    #[arg(long)]
    pub batch: bool,

    /// With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own
    #[arg(long, value_name = "N", default_value_t = 1, requires = "batch", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub batch_tokens: u16,

    /// The batch host [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]
    #[arg(long, value_name = "URL", value_parser = parse_http_url)]
    pub batch_url: Option<String>,
}

fn parse_http_url(s: &str) -> Result<String, String> {
    if s.starts_with("http://") || s.starts_with("https://") {
        Ok(s.trim_end_matches('/').to_string())
    } else {
        Err("use an http:// or https:// URL".into())
    }
}

impl BulkArgs {
    /// `--batch-url`, else `CFIMG_BATCH_URL`, checked as the flag is (whether or not `--batch`
    /// is given, as when clap read the variable: a bad setting is found on the first run).
    pub fn batch_url(&self, env: &Env) -> Result<Option<String>, CliError> {
        if let Some(url) = &self.batch_url {
            return Ok(Some(url.clone()));
        }
        env.get(BATCH_URL.var)
            .map(|value| {
                parse_http_url(value).map_err(|e| {
                    CliError::usage(format!(
                        "invalid value '{value}' for ${}: {e}",
                        BATCH_URL.var
                    ))
                })
            })
            .transpose()
    }

    /// The account's client under `--rate`, if given: listings, reads and batch tokens go
    /// through it whatever the target.
    pub fn api(&self, client: Client) -> Client {
        match self.rate {
            Some(rate) => client.with_rate(Some(rate)),
            None => client,
        }
    }

    /// Where the items' requests go: the API, or with `--batch` the batch host with
    /// `--batch-tokens` tokens, fetched now (one API request each). `batch_url` is what
    /// [`BulkArgs::batch_url`] found; `local` is `--local`.
    pub fn target(&self, api: &Client, batch_url: Option<String>, local: bool) -> Result<Target> {
        if !self.batch {
            return Ok(Target::Api(api.clone()));
        }
        let batch_url = match batch_url {
            Some(url) => url,
            None => target::default_url(local, api)?,
        };
        let pool = BatchPool::start(api, &batch_url, Rate::BATCH, self.batch_tokens as usize)?;
        Ok(Target::Batch(pool))
    }

    /// Show what a run would cost (`--dry-run`): the requests, and how long the limits make
    /// them take at the `--rate` and with the `--batch-tokens` given.
    pub fn show_budget(&self, ui: &crate::ui::Ui, budget: &super::budget::Budget) {
        let tokens = self.batch.then_some(self.batch_tokens);
        ui.status(&budget.line(self.api_rate(), tokens));
    }

    /// The global limit the run keeps to.
    pub fn api_rate(&self) -> Rate {
        self.rate.unwrap_or(Rate::CLOUDFLARE_API)
    }
}
