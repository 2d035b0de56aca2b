//! How an emulator is set up: storage, credentials, the batch host's limits, and the faults it
//! injects.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// The account that `preload` fills, and the one the docs use in their examples.
pub const DEFAULT_ACCOUNT_ID: &str = "023e105f4ecef8ad9ca31a8372d0c353";

/// How the emulator is set up.
#[derive(Clone, Debug)]
pub struct EmulatorConfig {
    /// `None` keeps everything in memory; `Some` loads at start and writes through, atomically.
    /// One emulator at a time uses a directory: starting waits while another holds it (see
    /// [`crate::start_waiting`]), and is refused while a serving one does ([`crate::DataDirServed`]).
    pub data_dir: Option<PathBuf>,
    /// `None` accepts any well-formed credentials (but some are required: none is 400 / 9106,
    /// a malformed `Authorization` header 400 / 6003).
    pub token: Option<String>,
    pub faults: Faults,
    /// Requests per second allowed per batch token; beyond it the batch host answers 429.
    pub batch_rate_per_second: u32,
    pub batch_token_ttl: Duration,
    /// Synthetic images created at start in [`DEFAULT_ACCOUNT_ID`], for listing benchmarks.
    pub preload: usize,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            data_dir: None,
            token: None,
            faults: Faults::default(),
            // The batch host's documented limit: "Each token is subject to a rate limit of 200
            // requests per second" (https://developers.cloudflare.com/images/upload-images/images-batch/).
            batch_rate_per_second: 200,
            batch_token_ttl: Duration::from_secs(3600),
            preload: 0,
        }
    }
}

/// Faults injected into answers, so clients can be tested against a misbehaving network.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// Added to every request.
    pub latency: Duration,
    /// Share of requests answered 5xx (502/503/504/500).
    pub fail_rate: f64,
    /// N requests per window per credentials, then 429 until the window ends. Every API answer
    /// says where its credentials stand in the `Ratelimit` headers; without a limit they
    /// announce the API's documented 1200 per 300 s, all of it left, and nothing is refused.
    pub rate_limit: Option<RateLimit>,
    /// Share of API requests answered 429 at random (with `Retry-After: 1`), as when other
    /// clients of the same user spend the shared budget.
    pub throttle_rate: f64,
    /// Share of requests whose connection is closed without an answer; for uploads, half
    /// before storing and half after.
    pub drop_rate: f64,
    /// Share of blob and delivery bodies cut short (full Content-Length announced, fewer bytes sent).
    pub truncate_rate: f64,
    /// Error answers as an HTML page (text/html), as a proxy in front of the API would send.
    pub html_errors: bool,
    /// Reproducible fault decisions.
    pub seed: Option<u64>,
}

/// A request budget: `requests` per `window`, counted per set of credentials in a fixed window
/// that starts with the first request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub requests: u32,
    pub window: Duration,
}

impl FromStr for RateLimit {
    type Err = String;

    /// Parses `N/SECONDS`, e.g. `1200/300` for the API's documented 1200 requests per 5 minutes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (n, secs) = s
            .split_once('/')
            .ok_or_else(|| format!("expected REQUESTS/SECONDS (e.g. 1200/300), got {s:?}"))?;
        let requests: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("invalid request count {n:?}"))?;
        let secs: u64 = secs
            .trim()
            .parse()
            .map_err(|_| format!("invalid window in seconds {secs:?}"))?;
        if requests == 0 || secs == 0 {
            return Err("requests and seconds must both be at least 1".to_string());
        }
        Ok(RateLimit {
            requests,
            window: Duration::from_secs(secs),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limit_parses_requests_per_seconds() {
        let r: RateLimit = "1200/300".parse().unwrap();
        assert_eq!(r.requests, 1200);
        assert_eq!(r.window, Duration::from_secs(300));
        assert!("1200".parse::<RateLimit>().is_err());
        assert!("0/5".parse::<RateLimit>().is_err());
        assert!("x/5".parse::<RateLimit>().is_err());
    }
}
