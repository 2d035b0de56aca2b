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
    /// The spec says `number`; read leniently as float, shown as integers.
    pub allowed: f64,
    pub current: f64,
}

impl Client {
    pub fn stats(&self) -> Result<Stats, ApiError> {
        self.request(Call::new(Method::GET, "/images/v1/stats"))
    }
}
