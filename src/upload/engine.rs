//! Sends planned items with a pool of workers over one shared client (one connection pool,
//! one rate limiter), reporting each result the moment it is known.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::{Map, Value};

use crate::api::Client;
use crate::api::images::{ProgressFn, UploadRequest, UploadSource};

use super::plan::{Item, ItemSource};
use super::report::{ErrorReport, ItemResult, Status};

/// Settings that apply to every image of a run.
#[derive(Clone, Debug, Default)]
pub struct Common {
    pub metadata: Option<Map<String, Value>>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
}

pub struct Engine<'a> {
    pub client: &'a Client,
    pub common: &'a Common,
    pub concurrency: usize,
    /// Set from outside (Ctrl-C) to stop handing out new items; those in flight finish.
    pub stop: &'a AtomicBool,
    /// Progress of one item's bytes, for a single-file progress bar.
    pub progress: Option<ProgressFn>,
}

impl Engine<'_> {
    /// Upload every item; `on_result` is called once per finished item, from worker threads.
    pub fn run(&self, items: &[Item], on_result: &(dyn Fn(ItemResult) + Sync)) {
        let next = AtomicUsize::new(0);
        let workers = self.concurrency.clamp(1, items.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        if self.stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(item) = items.get(i) else { break };
                        on_result(self.upload_one(item));
                    }
                });
            }
        });
    }

    fn upload_one(&self, item: &Item) -> ItemResult {
        let source = match &item.source {
            ItemSource::File { path, info } => UploadSource::File {
                path: path.clone(),
                file_name: file_name(path, info.format.extension()),
                content_type: info.format.content_type().to_string(),
                len: info.bytes,
            },
            ItemSource::Stdin { data, info } => UploadSource::Bytes {
                data: Arc::clone(data),
                file_name: format!("stdin.{}", info.format.extension()),
                content_type: info.format.content_type().to_string(),
            },
            ItemSource::Url(url) => UploadSource::Url(url.clone()),
        };
        let mut request = UploadRequest::new(source);
        request.id = item.id.clone();
        request.metadata = self.common.metadata.clone();
        request.require_signed_urls = self.common.require_signed_urls;
        request.creator = self.common.creator.clone();
        request.progress = self.progress.clone();
        let bytes = Some(item.bytes()).filter(|b| *b > 0);
        match self.client.upload_image(&request) {
            Ok(image) => ItemResult {
                source: item.label.clone(),
                status: Status::Uploaded,
                id: Some(image.id.clone()),
                bytes,
                image: Some(image),
                error: None,
            },
            Err(error) => ItemResult {
                source: item.label.clone(),
                status: if error.outcome_unknown() {
                    Status::Unknown
                } else {
                    Status::Failed
                },
                id: item.id.clone(),
                bytes,
                image: None,
                error: Some(ErrorReport::from(&error)),
            },
        }
    }
}

/// The file name sent with the file part: the file's own name, or a neutral one with the
/// right extension when the path has none usable.
fn file_name(path: &std::path::Path, extension: &str) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("image.{extension}"))
}
