//! Signing keys for signed delivery URLs, `/images/v1/keys`.

use std::fmt;

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::{ApiError, Call, Client};

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigningKey {
    pub name: String,
    /// The secret itself; used as raw UTF-8 bytes for HMAC.
    pub value: String,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("name", &self.name)
            .field("value", &"****")
            .finish()
    }
}

#[derive(Deserialize)]
struct Keys {
    #[serde(default)]
    keys: Vec<SigningKey>,
}

fn key_path(name: &str) -> String {
    format!(
        "/images/v1/keys/{}",
        crate::image_id::api_path_segment(name)
    )
}

impl Client {
    pub fn list_keys(&self) -> Result<Vec<SigningKey>, ApiError> {
        Ok(self
            .request::<Keys>(Call::new(Method::GET, "/images/v1/keys"))?
            .keys)
    }

    /// Create a key, or give an existing one a new value. Returns all keys.
    pub fn put_key(&self, name: &str) -> Result<Vec<SigningKey>, ApiError> {
        Ok(self
            .request::<Keys>(Call::new(Method::PUT, key_path(name)))?
            .keys)
    }

    /// Delete a key. Returns the keys left (the API makes a new `default` after the last).
    pub fn delete_key(&self, name: &str) -> Result<Vec<SigningKey>, ApiError> {
        Ok(self
            .request::<Keys>(Call::new(Method::DELETE, key_path(name)))?
            .keys)
    }
}
