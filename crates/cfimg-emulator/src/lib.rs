//! A local, faithful implementation of the Cloudflare Images REST API: its public face
//! (configuration, start, the handle of a running server) and the module tree behind it.
//!
//! It follows the wire rules of the public API: the same paths under
//! `/client/v4/accounts/{account_id}/images/...`, the same envelope, field spellings, error codes,
//! pagination, direct-upload target, delivery URLs with signed-URL checks and the batch host paths
//! (<https://developers.cloudflare.com/api/resources/images/>).
//!
//! # Why this crate knows nothing of `cfimg`
//!
//! The `cfimg` client and this emulator each implement Cloudflare's rules, deliberately apart:
//! if both sides used one piece of code, a bug in it would make the client and the emulator
//! agree on the same wrong answer, and the tests (the real client against the emulator) would
//! pass. So this crate depends on nothing of `cfimg`, which the dependency direction enforces,
//! and code that looks alike on both sides is meant to. The pairs, emulator side first:
//!
//! | rule | here | in `cfimg` |
//! |---|---|---|
//! | custom id rules, ids in delivery and upload URLs | `form::check_custom_id`, `model::delivery_id`, `direct_upload` | `image_id.rs` |
//! | image formats from their first bytes, the 10 MB limit | `sniff.rs`, `form::MAX_IMAGE_BYTES` | `image_file.rs` |
//! | metadata (one JSON object, 1024 bytes) and the v2 list filters | `form::check_metadata`, `filters.rs` | `metadata.rs` |
//! | signed delivery URLs (HMAC-SHA256 of `path?query`) | `delivery` (signature check) | `signing.rs` |
//! | the response envelope | `envelope.rs` (writes it) | `api/envelope.rs` (reads it) |
//! | the rate-limit answer (429, `Retry-After`) | `faults.rs` | `api/retry.rs`, `api/throttle.rs` |

mod auth;
mod batch;
mod conn;
mod delivery;
mod direct_upload;
mod envelope;
mod faults;
mod filters;
mod form;
mod images;
mod keys;
mod lock;
mod model;
mod persist;
mod query;
mod record;
mod router;
pub mod sample;
mod server;
mod sniff;
mod state;
mod store;
mod variants;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

pub use lock::{DataDirServed, Holder as DataDirHolder};
pub use record::RecordedRequest;

/// The account that `preload` fills, and the one the docs use in their examples.
pub const DEFAULT_ACCOUNT_ID: &str = "023e105f4ecef8ad9ca31a8372d0c353";

/// How the emulator is set up.
#[derive(Clone, Debug)]
pub struct EmulatorConfig {
    /// `None` keeps everything in memory; `Some` loads at start and writes through, atomically.
    /// One emulator at a time uses a directory: starting waits while another holds it (see
    /// [`start_waiting`]), and is refused while a serving one does ([`DataDirServed`]).
    pub data_dir: Option<PathBuf>,
    /// `None` accepts any credentials (but some are required).
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
            // The documented limit of the batch host.
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
    /// N requests per window per credentials, then 429.
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

/// A request budget: `requests` per `window`, counted per set of credentials.
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

/// A running emulator; dropping it shuts the server down.
pub struct RunningEmulator {
    origin: String,
    state: Arc<state::AppState>,
    server: Option<server::ServerHandle>,
    /// Released after the server has stopped (fields drop after `Drop::drop`).
    data_dir_lock: Option<lock::DataDirLock>,
}

impl RunningEmulator {
    /// `http://127.0.0.1:PORT`
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The API base URL to give a client: origin + `/client/v4`.
    pub fn base_url(&self) -> String {
        format!("{}/client/v4", self.origin)
    }

    /// Every request received, on any path, including those answered by a fault.
    pub fn request_count(&self) -> usize {
        self.state.recorder.count()
    }

    /// The requests received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.recorder.all()
    }

    /// Stored images of an account (drafts not counted).
    pub fn image_count(&self, account_id: &str) -> usize {
        self.state.store.image_count(account_id)
    }

    /// `(id, filename)` of every stored image of an account (drafts not included), oldest
    /// first: what a test needs to tell which file became which image, and how often.
    pub fn image_names(&self, account_id: &str) -> Vec<(String, String)> {
        self.state.store.image_names(account_id)
    }

    /// The values of every signing key the emulator holds, in any account.
    pub fn signing_key_values(&self) -> Vec<String> {
        self.state.store.all_key_values()
    }

    /// Where the emulator keeps its data, if anywhere.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.state.store.data_dir()
    }

    /// Tells other emulators that would use the same data directory (`--local` commands) that
    /// this one serves it, and where: they are refused with this address instead of waiting
    /// for it to stop.
    pub fn announce_serving(&self) -> std::io::Result<()> {
        match &self.data_dir_lock {
            Some(lock) => lock.announce_serving(&self.base_url()),
            None => Ok(()),
        }
    }

    pub fn shutdown(mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

/// Start on a background thread with its own tokio runtime; returns once it is listening.
/// With a data directory another emulator holds, it waits in silence (see [`start_waiting`]).
pub fn start(config: EmulatorConfig, listen: SocketAddr) -> anyhow::Result<RunningEmulator> {
    start_waiting(config, listen, |_| {})
}

/// [`start`], and when the data directory is held by another emulator that does not serve (a
/// `--local` command), `waiting` hears once, after a short wait, who holds it (`None` when it
/// did not say); starting goes on when that one is done.
pub fn start_waiting(
    config: EmulatorConfig,
    listen: SocketAddr,
    waiting: impl FnMut(Option<&DataDirHolder>),
) -> anyhow::Result<RunningEmulator> {
    let data_dir_lock = match &config.data_dir {
        Some(dir) => Some(lock::DataDirLock::acquire(dir, waiting)?),
        None => None,
    };
    let mut running = server::start(config, listen)?;
    running.data_dir_lock = data_dir_lock;
    Ok(running)
}

/// The account hash used in delivery URLs for an account id: deterministic, 22 characters of
/// base64url like the real ones (which are not derived from the id in any published way).
pub fn account_hash(account_id: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(format!("cfimg-emulator/account-hash/{account_id}"));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
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

    #[test]
    fn account_hash_is_22_chars_of_base64url_and_stable() {
        let h = account_hash(DEFAULT_ACCOUNT_ID);
        assert_eq!(h.len(), 22);
        assert!(
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(h, account_hash(DEFAULT_ACCOUNT_ID));
        assert_ne!(h, account_hash("00000000000000000000000000000000"));
    }
}
