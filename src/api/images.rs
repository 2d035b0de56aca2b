//! Images: the `Image` model and the calls on `/images/v1` and `/images/v2`.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use reqwest::Method;
use reqwest::blocking::multipart::{Form, Part};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ApiError, Call, Client, Replay};
use crate::image_id::api_path_segment;
use crate::metadata::MetaFilter;

/// An image as the API describes it. Field names are the wire names, and fields we do not
/// know are kept, so `--json` prints what the API said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Responses say `meta`; some of Cloudflare's doc examples say `metadata`, so both are
    /// read (the wire has been seen to use `meta`, and that is what we print;
    /// docs/api-notes.md#requests-on-the-wire).
    #[serde(default, alias = "metadata", skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
    #[serde(rename = "requireSignedURLs", default)]
    pub require_signed_urls: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded: Option<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Only on direct-upload placeholders that have not received their file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of the v2 listing. The continuation token lives inside `result`.
#[derive(Clone, Debug, Deserialize)]
pub struct ImagePage {
    #[serde(default)]
    pub images: Vec<Image>,
    #[serde(default)]
    pub continuation_token: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ListV2 {
    pub per_page: Option<u32>,
    pub continuation_token: Option<String>,
    pub sort_order: Option<SortOrder>,
    pub creator: Option<String>,
    /// Metadata filters, checked (`metadata::validate_filters`); all must match.
    pub filters: Vec<MetaFilter>,
}

/// The order of the v2 listing, by upload time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortOrder {
    Asc,
    Desc,
}

impl SortOrder {
    /// The value of the `sort_order` query parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct ListV1 {
    pub page: u32,
    pub per_page: Option<u32>,
    pub creator: Option<String>,
}

/// Where an upload's bytes come from.
#[derive(Clone)]
pub enum UploadSource {
    /// A file streamed from disk.
    File {
        path: PathBuf,
        file_name: String,
        content_type: String,
        len: u64,
    },
    /// Bytes already in memory (stdin).
    Bytes {
        data: Arc<[u8]>,
        file_name: String,
        content_type: String,
    },
    /// A URL the API fetches itself.
    Url(String),
    /// Bytes read from a stream opened anew for every attempt (another account's `blob`),
    /// never held whole.
    Stream { open: OpenStream, file_name: String },
}

/// A stream opened for one attempt of an [`UploadSource::Stream`].
pub struct Opened {
    pub reader: Box<dyn Read + Send>,
    /// Exactly how many bytes `reader` gives.
    pub len: u64,
    pub content_type: String,
}

/// Opens the stream of an [`UploadSource::Stream`].
pub type OpenStream = Arc<dyn Fn() -> Result<Opened, ApiError> + Send + Sync>;

/// Called with the number of bytes read so far from the file being sent.
pub type ProgressFn = Arc<dyn Fn(u64) + Send + Sync>;

#[derive(Clone)]
pub struct UploadRequest {
    pub source: UploadSource,
    pub id: Option<String>,
    pub metadata: Option<Map<String, Value>>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
    pub progress: Option<ProgressFn>,
}

impl UploadRequest {
    pub fn new(source: UploadSource) -> Self {
        UploadRequest {
            source,
            id: None,
            metadata: None,
            require_signed_urls: false,
            creator: None,
            progress: None,
        }
    }

    /// The multipart body as the API wants it (docs/api-notes.md#requests-on-the-wire): `file`
    /// or `url`, then `id`, `metadata` as ONE text part holding a JSON object,
    /// `requireSignedURLs` as `true`, and `creator`. Built anew for every attempt because the
    /// file part is a one-shot reader.
    pub fn form(&self) -> Result<Form, ApiError> {
        let mut form = Form::new();
        form = match &self.source {
            UploadSource::File {
                path,
                file_name,
                content_type,
                len,
            } => {
                let file = std::fs::File::open(path)
                    .map_err(|e| ApiError::Body(format!("cannot read {}: {e}", path.display())))?;
                let reader = CountingReader {
                    inner: file,
                    read: 0,
                    progress: self.progress.clone(),
                };
                let part = Part::reader_with_length(reader, *len)
                    .file_name(file_name.clone())
                    .mime_str(content_type)
                    .map_err(|e| ApiError::Body(format!("bad content type: {e}")))?;
                form.part("file", part)
            }
            UploadSource::Bytes {
                data,
                file_name,
                content_type,
            } => {
                let part = Part::bytes(data.to_vec())
                    .file_name(file_name.clone())
                    .mime_str(content_type)
                    .map_err(|e| ApiError::Body(format!("bad content type: {e}")))?;
                form.part("file", part)
            }
            UploadSource::Url(url) => form.text("url", url.clone()),
            UploadSource::Stream { open, file_name } => {
                let opened = open()?;
                let reader = CountingReader {
                    inner: opened.reader,
                    read: 0,
                    progress: self.progress.clone(),
                };
                let part = Part::reader_with_length(reader, opened.len)
                    .file_name(file_name.clone())
                    .mime_str(&opened.content_type)
                    .map_err(|e| ApiError::Body(format!("bad content type: {e}")))?;
                form.part("file", part)
            }
        };
        Ok(image_fields(
            form,
            self.id.as_deref(),
            self.metadata.as_ref(),
            self.require_signed_urls,
            self.creator.as_deref(),
        ))
    }
}

/// The text parts an upload and a direct upload share (docs/api-notes.md#requests-on-the-wire):
/// `metadata` as ONE part holding a JSON object, `requireSignedURLs` as the text `true`.
pub(crate) fn image_fields(
    mut form: Form,
    id: Option<&str>,
    metadata: Option<&Map<String, Value>>,
    require_signed_urls: bool,
    creator: Option<&str>,
) -> Form {
    if let Some(id) = id {
        form = form.text("id", id.to_string());
    }
    if let Some(metadata) = metadata {
        form = form.text("metadata", Value::Object(metadata.clone()).to_string());
    }
    if require_signed_urls {
        form = form.text("requireSignedURLs", "true");
    }
    if let Some(creator) = creator {
        form = form.text("creator", creator.to_string());
    }
    form
}

struct CountingReader<R> {
    inner: R,
    read: u64,
    progress: Option<ProgressFn>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if let Some(progress) = &self.progress {
            progress(self.read);
        }
        Ok(n)
    }
}

/// The body of `PATCH /images/v1/{id}`; absent fields are left unchanged.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ImageUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    #[serde(rename = "requireSignedURLs", skip_serializing_if = "Option::is_none")]
    pub require_signed_urls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
}

impl ImageUpdate {
    pub fn is_empty(&self) -> bool {
        self.metadata.is_none() && self.require_signed_urls.is_none() && self.creator.is_none()
    }
}

#[derive(Deserialize)]
struct ImagesV1 {
    #[serde(default)]
    images: Vec<Image>,
}

fn image_path(id: &str) -> String {
    format!("/images/v1/{}", api_path_segment(id))
}

impl Client {
    pub fn get_image(&self, id: &str) -> Result<Image, ApiError> {
        self.request(Call::new(Method::GET, image_path(id)))
    }

    pub fn list_images_v2(&self, params: &ListV2) -> Result<ImagePage, ApiError> {
        let mut call = Call::new(Method::GET, "/images/v2");
        if let Some(token) = &params.continuation_token {
            call = call.query("continuation_token", token);
        }
        if let Some(per_page) = params.per_page {
            call = call.query("per_page", per_page.to_string());
        }
        if let Some(order) = params.sort_order {
            call = call.query("sort_order", order.as_str());
        }
        if let Some(creator) = &params.creator {
            call = call.query("creator", creator);
        }
        for filter in &params.filters {
            let (key, value) = filter.query_pair();
            call = call.query(key, value);
        }
        self.request(call)
    }

    /// One page of the deprecated v1 listing.
    pub fn list_images_v1(&self, params: &ListV1) -> Result<Vec<Image>, ApiError> {
        let mut call = Call::new(Method::GET, "/images/v1").query("page", params.page.to_string());
        if let Some(per_page) = params.per_page {
            call = call.query("per_page", per_page.to_string());
        }
        if let Some(creator) = &params.creator {
            call = call.query("creator", creator);
        }
        self.request::<ImagesV1>(call).map(|r| r.images)
    }

    /// Upload one image. Retried only where a repeat cannot create a second image: with a
    /// custom id, or when the first attempt surely did not reach the server.
    pub fn upload_image(&self, upload: &UploadRequest) -> Result<Image, ApiError> {
        let replay = if upload.id.is_some() {
            Replay::CreateWithId
        } else {
            Replay::CreateUnsafe
        };
        let build = || upload.form();
        self.request(
            Call::new(Method::POST, "/images/v1")
                .form(&build)
                .replay(replay),
        )
    }

    pub fn update_image(&self, id: &str, update: &ImageUpdate) -> Result<Image, ApiError> {
        let body = serde_json::to_value(update).map_err(|e| ApiError::Body(e.to_string()))?;
        self.request(Call::new(Method::PATCH, image_path(id)).json(body))
    }

    pub fn delete_image(&self, id: &str) -> Result<(), ApiError> {
        // The OpenAPI description declares a required (empty) JSON body on this DELETE; `{}`
        // satisfies it and the API ignores it (docs/api-notes.md#requests-on-the-wire).
        self.request_ok(Call::new(Method::DELETE, image_path(id)).json(Value::Object(Map::new())))
    }

    /// The original bytes, handed to `read` with the response; a body cut short is fetched
    /// again (see `Client::request_read`), so `read` starts over on every call.
    pub fn image_blob<R>(
        &self,
        id: &str,
        read: impl FnMut(reqwest::blocking::Response) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let mut call = Call::new(Method::GET, format!("{}/blob", image_path(id)));
        call.accept = Some("image/*");
        self.request_read(call, read)
    }
}
