//! Usage statistics, `/images/v1/stats`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::{ApiError, Call, Client};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub count: StatsCount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatsCount {
    /// The spec says `number`: kept as the API wrote it, so `--json` prints it unchanged.
    pub allowed: serde_json::Number,
    pub current: serde_json::Number,
}

impl Client {
    pub fn stats(&self) -> Result<Stats, ApiError> {
        self.request(Call::new(Method::GET, "/images/v1/stats"))
    }
}
