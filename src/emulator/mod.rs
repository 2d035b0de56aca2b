//! TEMPORARY stand-in until the emulator branch lands.
#![allow(dead_code, unused_variables)]
use std::path::PathBuf;
use std::time::Duration;
#[derive(Clone, Debug, Default)]
pub struct Faults {}
#[derive(Default)]
pub struct EmulatorConfig {
    pub data_dir: Option<PathBuf>,
    pub token: Option<String>,
    pub faults: Faults,
    pub batch_rate_per_second: u32,
    pub batch_token_ttl: Duration,
    pub preload: usize,
}
#[derive(Debug)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub content_type: Option<String>,
    pub parts: Vec<String>,
}
pub struct RunningEmulator {}
impl RunningEmulator {
    pub fn base_url(&self) -> String {
        todo!()
    }
    pub fn request_count(&self) -> usize {
        0
    }
    pub fn requests(&self) -> Vec<RecordedRequest> {
        vec![]
    }
    pub fn image_count(&self, a: &str) -> usize {
        0
    }
}
pub fn start(
    config: EmulatorConfig,
    listen: std::net::SocketAddr,
) -> anyhow::Result<RunningEmulator> {
    anyhow::bail!("not yet")
}
