//! A local, faithful implementation of the Cloudflare Images REST API: its public face
//! (configuration, start, the handle of a running server) and the module tree behind it.
//!
//! It follows the wire rules of the public API: the same paths under
//! `/client/v4/accounts/{account_id}/images/...`, the same envelope, field spellings, error codes
//! and statuses (the auth layer's 400s among them), rate-limit headers, pagination,
//! direct-upload target (with its plain-text refusals), delivery URLs with signed-URL checks and
//! the batch host paths (<https://developers.cloudflare.com/api/resources/images/>). Where the
//! real API's answer is not known, the constructor in `envelope.rs` says what was chosen.
//!
//! # Why this crate knows nothing of `cfimg`
//!
//! The `cfimg` client and this emulator each implement Cloudflare's rules, deliberately apart:
//! if both sides used one piece of code, a bug in it would make the client and the emulator
//! agree on the same wrong answer, and the tests (the real client against the emulator) would
//! pass. So this crate depends on nothing of `cfimg`, which the dependency direction enforces,
//! and code that looks alike on both sides is meant to. The pairs (the client's files are under
//! the `cfimg` package's `src/`):
//!
//! | rule | here | in `cfimg` |
//! |---|---|---|
//! | custom id rules, ids in delivery and upload URLs | `form::check_custom_id`, `model::delivery_id`, `direct_upload` | `image_id.rs` |
//! | image formats from their first bytes, the 10 MB limit | `sniff.rs`, `form::MAX_IMAGE_BYTES` | `image_file.rs` |
//! | metadata (one JSON object, 1024 bytes) and the v2 list filters | `form::check_metadata`, `filters.rs` | `metadata.rs` |
//! | signed delivery URLs (HMAC-SHA256 of `path?query`) | `delivery/signature.rs` | `signing.rs` |
//! | the response envelope | `envelope.rs` (writes it) | `api/envelope.rs` (reads it) |
//! | the rate limit (`Ratelimit` headers, 429, `Retry-After`) | `faults.rs`, `window.rs` | `api/ratelimit.rs`, `api/retry.rs`, `api/throttle.rs` |
//! | the auth layer's refusals (9106, 6003/6111, 10000) | `auth.rs` | `api/error.rs` |

// The modules, in three layers. A module uses modules of its own layer or of the layers above
// it, never of one below: so `state`, what every handler shares, depends on no handler or
// middleware.
//
// Data: the configuration, the stored records, their files, the store and its errors.
mod config;
mod lock;
mod model;
mod persist;
pub mod sample;
mod sniff;
mod store;
// Variant transformations on image bytes: pure, used by delivery and the gallery.
mod transform;
// The wire: the envelope and every refusal's status and code, query strings, request counters,
// fault decisions, the request log, and the shared state.
mod conn;
mod envelope;
mod faults;
mod query;
mod record;
mod render_cache;
mod state;
mod window;
// Requests: reading forms and filters, the middleware (auth, faults), the handlers, the routes
// and the server.
mod auth;
mod batch;
mod delivery;
mod direct_upload;
mod fault_layer;
mod filters;
mod form;
mod gallery;
mod images;
mod keys;
mod router;
mod server;
mod settings;
mod variants;

use std::net::SocketAddr;

pub use config::{DEFAULT_ACCOUNT_ID, EmulatorConfig, Faults, RateLimit};
pub use lock::{DataDirServed, Holder as DataDirHolder};
pub use model::account_hash;
pub use record::RecordedRequest;

/// A running emulator; dropping it shuts the server down.
pub struct RunningEmulator {
    origin: String,
    state: state::SharedState,
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
    let serving = server::start(config, listen)?;
    Ok(RunningEmulator {
        origin: serving.origin,
        state: serving.state,
        server: Some(serving.handle),
        data_dir_lock,
    })
}
