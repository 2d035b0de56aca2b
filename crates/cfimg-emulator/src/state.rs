//! What every request handler shares: the store, the configuration and the server's origin.

use std::sync::Arc;

use super::EmulatorConfig;
use super::batch::BatchLimiter;
use super::faults::FaultState;
use super::record::Recorder;
use super::store::Store;

pub struct AppState {
    pub store: Store,
    pub config: EmulatorConfig,
    /// `http://HOST:PORT`, used to build delivery and upload URLs.
    pub origin: String,
    pub recorder: Recorder,
    pub faults: FaultState,
    /// For uploads by URL: the emulator fetches the image itself, as the API does.
    pub http: reqwest::Client,
    pub batch_limiter: BatchLimiter,
}

pub type SharedState = Arc<AppState>;
