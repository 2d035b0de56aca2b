//! Where a bulk job's requests go: the API itself, or the batch host with one or more batch
//! tokens, each renewed before it expires (and once more if the host refuses it anyway).

use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::api::batch::DEFAULT_BATCH_URL;
use crate::api::{ApiError, Client, DEFAULT_API_URL, Rate};
use crate::error::CliError;

/// The batch host when none is named: with `--local` the embedded emulator, which serves the
/// batch routes at the root of its origin; with Cloudflare's API, Cloudflare's batch host.
/// With any other API URL (an emulator, a proxy, a test double) the public batch host would
/// be the wrong place, and would get the requests a token it never issued: refused, before
/// any request, with a hint to name the host.
pub fn default_url(local: bool, api: &Client) -> Result<String, CliError> {
    let base = &api.config().base_url;
    if local {
        Ok(base.strip_suffix("/client/v4").unwrap_or(base).to_string())
    } else if base == DEFAULT_API_URL {
        Ok(DEFAULT_BATCH_URL.to_string())
    } else {
        Err(CliError::usage(format!(
            "--batch needs --batch-url when the API is not Cloudflare's own ({base})"
        ))
        .with_hint(format!(
            "name the batch host that goes with {base} with --batch-url or {} (for `cfimg emulator`, its origin: {})",
            crate::config::vars::BATCH_URL.var,
            base.strip_suffix("/client/v4").unwrap_or(base)
        )))
    }
}

/// Where a job's requests go.
pub enum Target {
    /// The account's API (`/accounts/{id}/images/...`), under the global rate limit.
    Api(Client),
    /// The batch host with one or more batch tokens, each under its own limit.
    Batch(BatchPool),
}

/// The client to send one item's requests with, and which token it carries.
pub struct Route {
    pub client: Client,
    /// Which of the pool's tokens (0 for the API).
    slot: usize,
    /// Which renewal of that token.
    generation: u64,
}

impl Target {
    /// The client for the next item: the API's, or the next batch token's in turn (renewed
    /// first if it is about to expire).
    pub fn route(&self) -> Result<Route, ApiError> {
        match self {
            Target::Api(client) => Ok(Route {
                client: client.clone(),
                slot: 0,
                generation: 0,
            }),
            Target::Batch(pool) => pool.route(),
        }
    }

    /// After the batch host refused the token `route` carried: fetch a new one, unless another
    /// worker already did since. True when a retry may help: false for the API, and when the
    /// token refused was itself fetched because the host refused its predecessor (one renewal
    /// per refusal streak; a host that refuses fresh tokens will not accept a third one).
    pub fn renew(&self, route: &Route) -> bool {
        match self {
            Target::Api(_) => false,
            Target::Batch(pool) => pool.renew(route),
        }
    }

    /// How many batch tokens requests are spread over (0 for the API).
    pub fn tokens(&self) -> usize {
        match self {
            Target::Api(_) => 0,
            Target::Batch(pool) => pool.slots.len(),
        }
    }
}

struct Current {
    client: Client,
    expires_at: jiff::Timestamp,
    /// Renew this long before `expires_at`.
    margin: Duration,
    generation: u64,
    /// This token replaced one the host refused.
    after_refusal: bool,
}

/// Batch tokens, each with its own client and limiter: the host's limit is per token, so N
/// tokens carry N times the requests. Requests take the tokens in turn, and each token is
/// renewed on its own.
pub struct BatchPool {
    api: Client,
    slots: Vec<RwLock<Current>>,
    next: AtomicUsize,
}

impl BatchPool {
    /// Fetch `tokens` tokens (at least one). `api` is the account's API client (the token
    /// requests count toward the global limit; the batch requests do not). Each token's
    /// requests are kept under `rate`, with a little room to spare (see [`with_headroom`]).
    pub fn start(
        api: &Client,
        batch_url: &str,
        rate: Rate,
        tokens: usize,
    ) -> Result<Self, ApiError> {
        let rate = with_headroom(rate);
        let mut slots = Vec::new();
        for _ in 0..tokens.max(1) {
            let token = api.batch_token()?;
            slots.push(RwLock::new(Current {
                client: api.for_batch_host(batch_url, token.token, rate),
                margin: margin(token.expires_at),
                expires_at: token.expires_at,
                generation: 1,
                after_refusal: false,
            }));
        }
        Ok(BatchPool {
            api: api.clone(),
            slots,
            next: AtomicUsize::new(0),
        })
    }

    fn route(&self) -> Result<Route, ApiError> {
        let slot = self.next.fetch_add(1, Ordering::Relaxed) % self.slots.len();
        let lock = &self.slots[slot];
        {
            let current = lock.read().unwrap_or_else(|e| e.into_inner());
            if !due(&current) {
                return Ok(Route {
                    client: current.client.clone(),
                    slot,
                    generation: current.generation,
                });
            }
        }
        let mut current = lock.write().unwrap_or_else(|e| e.into_inner());
        // Another worker may have renewed while this one waited for the lock.
        if due(&current) {
            self.replace(&mut current)?;
        }
        Ok(Route {
            client: current.client.clone(),
            slot,
            generation: current.generation,
        })
    }

    fn renew(&self, route: &Route) -> bool {
        let mut current = self.slots[route.slot]
            .write()
            .unwrap_or_else(|e| e.into_inner());
        if current.generation != route.generation {
            // Another worker renewed meanwhile: try its token.
            return true;
        }
        if current.after_refusal || self.replace(&mut current).is_err() {
            return false;
        }
        current.after_refusal = true;
        true
    }

    fn replace(&self, current: &mut Current) -> Result<(), ApiError> {
        let token = self.api.batch_token()?;
        // Same limiter: the host's budget is per token, but requests under the old token may
        // still be in flight, and one shared budget can only err on the safe side.
        current.client = current.client.with_token(token.token);
        current.margin = margin(token.expires_at);
        current.expires_at = token.expires_at;
        current.generation += 1;
        current.after_refusal = false;
        Ok(())
    }
}

/// The same number of requests in a window 2% longer. Our window counts from when a request
/// leaves; the host's counts from when requests arrive, so a run paced at exactly the limit
/// sees the spread of arrival times (a connection being opened, a busy machine) land a few
/// requests in the host's previous window, each drawing a 429, and each 429 stops that token's
/// requests for a whole second (`Retry-After` is in whole seconds). 2% leaves 20 ms a second
/// for that spread: in bench/ (50 ms latency, 1, 2 and 4 tokens, deletes and 64 KiB uploads)
/// no run drew a 429, and 98% of the limit is sustained. 5%, the earlier margin, capped runs
/// at 95.2%, too close to the 95% the batch mode promises.
pub fn with_headroom(rate: Rate) -> Rate {
    Rate {
        limit: rate.limit,
        window: rate.window.mul_f64(1.02),
    }
}

fn due(current: &Current) -> bool {
    let renew_at =
        current.expires_at - jiff::SignedDuration::try_from(current.margin).unwrap_or_default();
    jiff::Timestamp::now() >= renew_at
}

/// A minute before expiry, or a quarter of the token's life when it is short, so an upload
/// that starts just before the deadline still finishes under a valid token.
fn margin(expires_at: jiff::Timestamp) -> Duration {
    let life = jiff::Timestamp::now()
        .duration_until(expires_at)
        .unsigned_abs();
    (life / 4).min(Duration::from_secs(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margin_is_a_minute_or_a_quarter_of_a_short_life() {
        let now = jiff::Timestamp::now();
        let hour = margin(now + jiff::SignedDuration::from_secs(3600));
        assert_eq!(hour, Duration::from_secs(60));
        let short = margin(now + jiff::SignedDuration::from_secs(8));
        assert!(short <= Duration::from_secs(2) && short > Duration::from_millis(1900));
    }
}
