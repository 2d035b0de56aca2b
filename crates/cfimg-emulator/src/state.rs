//! What every request handler shares: the store, the configuration and the server's origin.
//!
//! It is built from the modules below the handlers only (store, faults, counters, the request
//! log), so nothing it holds depends on a handler or a middleware.

use std::sync::Arc;

use crate::config::EmulatorConfig;
use crate::faults::FaultState;
use crate::record::Recorder;
use crate::render_cache::RenderCache;
use crate::store::Store;
use crate::window::FixedWindows;

pub struct AppState {
    pub store: Store,
    pub config: EmulatorConfig,
    /// `http://HOST:PORT`, used to build delivery and upload URLs.
    pub origin: String,
    pub recorder: Recorder,
    pub faults: FaultState,
    /// For uploads by URL: the emulator fetches the image itself, as the API does.
    pub http: reqwest::Client,
    /// Requests per batch token in the current second.
    pub batch_windows: FixedWindows,
    /// Rendered variants, and the limit on renderings at once.
    pub renders: RenderCache,
}

pub type SharedState = Arc<AppState>;
