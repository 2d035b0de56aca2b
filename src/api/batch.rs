//! The batch API's token: `GET /images/v1/batch_token`. The calls themselves are the usual
//! ones, sent through a client made by [`Client::for_batch_host`].

use reqwest::Method;
use serde::Deserialize;

use super::{ApiError, Call, Client, Secret};

/// The batch host Cloudflare documents (docs/api-notes.md#batch-api); `--batch-url` replaces it
/// (the emulator serves the batch routes at the root of its own origin).
pub const DEFAULT_BATCH_URL: &str = "https://batch.imagedelivery.net";

/// A token for the batch host and when it stops working.
#[derive(Clone, Debug)]
pub struct BatchToken {
    pub token: Secret,
    pub expires_at: jiff::Timestamp,
}

#[derive(Deserialize)]
struct Wire {
    token: String,
    #[serde(rename = "expiresAt")]
    expires_at: String,
}

impl Client {
    /// Ask the API for a batch token. A plain GET, so it is retried like any read.
    pub fn batch_token(&self) -> Result<BatchToken, ApiError> {
        let wire: Wire = self.request(Call::new(Method::GET, "/images/v1/batch_token"))?;
        let expires_at =
            wire.expires_at
                .parse::<jiff::Timestamp>()
                .map_err(|e| ApiError::Decode {
                    status: 200,
                    reason: format!("batch token expiresAt {:?}: {e}", wire.expires_at),
                })?;
        Ok(BatchToken {
            token: Secret::new(wire.token),
            expires_at,
        })
    }
}
