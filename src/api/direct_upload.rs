//! Direct creator uploads: one-time upload URLs, `POST /images/v2/direct_upload`.

use reqwest::Method;
use reqwest::blocking::multipart::Form;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ApiError, Call, Client, Replay};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectUpload {
    pub id: String,
    #[serde(rename = "uploadURL")]
    pub upload_url: String,
}

#[derive(Clone, Debug, Default)]
pub struct DirectUploadRequest {
    /// RFC 3339.
    pub expiry: Option<String>,
    pub id: Option<String>,
    pub metadata: Option<Map<String, Value>>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
}

impl DirectUploadRequest {
    /// Multipart, like the upload: `metadata` is one JSON text part.
    fn form(&self) -> Form {
        let mut form = Form::new();
        if let Some(expiry) = &self.expiry {
            form = form.text("expiry", expiry.clone());
        }
        let no_options = self.expiry.is_none()
            && self.id.is_none()
            && self.metadata.is_none()
            && !self.require_signed_urls
            && self.creator.is_none();
        if no_options {
            // A multipart body needs at least one part (RFC 2046), and a strict form parser
            // (the emulator's) refuses one without: say the default out loud.
            form = form.text("requireSignedURLs", "false");
        }
        super::images::image_fields(
            form,
            self.id.as_deref(),
            self.metadata.as_ref(),
            self.require_signed_urls,
            self.creator.as_deref(),
        )
    }
}

impl Client {
    pub fn create_direct_upload(
        &self,
        request: &DirectUploadRequest,
    ) -> Result<DirectUpload, ApiError> {
        let build = || Ok(request.form());
        // A repeat without an id would leave a second, unused draft behind: harmless, but
        // only worth it when the first surely failed, which is what CreateUnsafe means.
        let replay = if request.id.is_some() {
            Replay::CreateWithId
        } else {
            Replay::CreateUnsafe
        };
        self.request(
            Call::new(Method::POST, "/images/v2/direct_upload")
                .form(&build)
                .replay(replay),
        )
    }
}
