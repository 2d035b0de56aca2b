//! Variants: named resizing presets, `/images/v1/variants`.

use std::collections::BTreeMap;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ApiError, Call, Client};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantOptions {
    pub fit: String,
    /// The spec says `number`: kept as the API wrote it.
    pub width: serde_json::Number,
    pub height: serde_json::Number,
    pub metadata: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub id: String,
    pub options: VariantOptions,
    #[serde(rename = "neverRequireSignedURLs", default)]
    pub never_require_signed_urls: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `PATCH` body: options are required by the API, the flag is optional.
#[derive(Clone, Debug, Serialize)]
pub struct VariantUpdate {
    pub options: VariantOptions,
    #[serde(
        rename = "neverRequireSignedURLs",
        skip_serializing_if = "Option::is_none"
    )]
    pub never_require_signed_urls: Option<bool>,
}

#[derive(Deserialize)]
struct VariantList {
    /// A map keyed by variant name, not an array.
    #[serde(default)]
    variants: BTreeMap<String, Variant>,
}

#[derive(Deserialize)]
struct OneVariant {
    variant: Variant,
}

fn variant_path(id: &str) -> String {
    format!(
        "/images/v1/variants/{}",
        crate::image_id::api_path_segment(id)
    )
}

impl Client {
    /// Every variant, sorted by name.
    pub fn list_variants(&self) -> Result<Vec<Variant>, ApiError> {
        let list: VariantList = self.request(Call::new(Method::GET, "/images/v1/variants"))?;
        Ok(list.variants.into_values().collect())
    }

    pub fn get_variant(&self, id: &str) -> Result<Variant, ApiError> {
        let one: OneVariant = self.request(Call::new(Method::GET, variant_path(id)))?;
        Ok(one.variant)
    }

    /// Creating a named variant twice cannot make two, so it may be retried.
    pub fn create_variant(&self, variant: &Variant) -> Result<Variant, ApiError> {
        let body = serde_json::to_value(variant).map_err(|e| ApiError::Body(e.to_string()))?;
        let one: OneVariant = self.request(
            Call::new(Method::POST, "/images/v1/variants")
                .json(body)
                .replay(super::Replay::CreateWithId),
        )?;
        Ok(one.variant)
    }

    pub fn update_variant(&self, id: &str, update: &VariantUpdate) -> Result<Variant, ApiError> {
        let body = serde_json::to_value(update).map_err(|e| ApiError::Body(e.to_string()))?;
        let one: OneVariant =
            self.request(Call::new(Method::PATCH, variant_path(id)).json(body))?;
        Ok(one.variant)
    }

    pub fn delete_variant(&self, id: &str) -> Result<(), ApiError> {
        self.request_ok(Call::new(Method::DELETE, variant_path(id)).json(Value::Object(Map::new())))
    }
}
