//! Sends planned items with a pool of workers over one shared client (one connection pool,
//! one rate limiter), reporting each result the moment it is known.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::{Map, Value};

use crate::api::ApiError;
use crate::api::images::{Image, ProgressFn, UploadRequest, UploadSource};

use super::batch::Target;
use super::plan::{Item, ItemSource};
use super::provenance;
use super::report::{ErrorReport, ItemResult, Status};

/// Settings that apply to every image of a run.
#[derive(Clone, Debug, Default)]
pub struct Common {
    pub metadata: Option<Map<String, Value>>,
    pub require_signed_urls: bool,
    pub creator: Option<String>,
}

/// Told about each item as it starts and finishes, from worker threads.
pub trait Listener: Sync {
    /// Item `index` is about to be sent.
    fn started(&self, _index: usize, _item: &Item) {}
    /// A callback for the bytes of item `index` read so far (restarting at 0 on a retry).
    fn progress(&self, _index: usize, _item: &Item) -> Option<ProgressFn> {
        None
    }
    /// Item `index` is done.
    fn finished(&self, index: usize, item: &Item, result: ItemResult);
}

pub struct Engine<'a> {
    pub target: &'a Target,
    pub common: &'a Common,
    pub concurrency: usize,
    /// A 409 for a custom id means "already there": skipped, not failed.
    pub skip_existing: bool,
    /// Set from outside (Ctrl-C) to stop handing out new items; those in flight finish.
    pub stop: &'a AtomicBool,
}

impl Engine<'_> {
    /// Upload the items at `indices` (indices into `items`); returns how many were started.
    pub fn run(&self, items: &[Item], indices: &[usize], listener: &dyn Listener) -> usize {
        let next = AtomicUsize::new(0);
        let workers = self.concurrency.clamp(1, indices.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        if self.stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let n = next.fetch_add(1, Ordering::SeqCst);
                        let Some(&index) = indices.get(n) else { break };
                        let item = &items[index];
                        listener.started(index, item);
                        let progress = listener.progress(index, item);
                        let result = self.upload_one(item, progress);
                        listener.finished(index, item, result);
                    }
                });
            }
        });
        next.load(Ordering::SeqCst).min(indices.len())
    }

    fn upload_one(&self, item: &Item, progress: Option<ProgressFn>) -> ItemResult {
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
        request.progress = progress;

        let mut result = ItemResult::new(item.label.clone(), Status::Failed);
        result.bytes = Some(item.bytes()).filter(|b| *b > 0);
        result.id = item.id.clone();
        let mut renewed = false;
        let outcome = loop {
            let (client, generation) = match self.target.client() {
                Ok(client) => client,
                Err(error) => break Outcome::Error(error),
            };
            let started = jiff::Timestamp::now();
            match client.upload_image(&request) {
                Ok(image) => break Outcome::Uploaded(image, None),
                // The batch host refused its token (expired early, revoked): one new token.
                Err(e)
                    if e.is_auth()
                        && !renewed
                        && matches!(self.target, Target::Batch(_))
                        && self.target.renew(generation) =>
                {
                    renewed = true;
                }
                Err(e) if e.is_conflict() && item.id.is_some() => {
                    break self.conflict(item, &request, &client, e, started);
                }
                Err(e) => break Outcome::Error(e),
            }
        };
        match outcome {
            Outcome::Uploaded(image, reason) => {
                result.status = Status::Uploaded;
                result.id = Some(image.id.clone());
                result.reason = reason;
                result.image = Some(image);
            }
            Outcome::Skipped(reason) => {
                result.status = Status::Skipped;
                result.reason = Some(reason);
            }
            Outcome::Unknown(report) => {
                result.status = Status::Unknown;
                result.error = Some(report);
            }
            Outcome::Error(error) => {
                result.status = if error.outcome_unknown() {
                    Status::Unknown
                } else {
                    Status::Failed
                };
                result.error = Some(ErrorReport::from(&error));
            }
        }
        result
    }

    /// The id is taken. After an attempt whose fate we never learnt, it may be our own
    /// upload: it counts as uploaded (reason `confirmed`) only when the stored image is
    /// provably the one this request sent (see `provenance`). Otherwise the id is held by an
    /// image that is not this file: with `--skip-existing` it is skipped; without, a plain
    /// 409 failed, and one after a lost answer is `unknown` (never `uploaded`).
    fn conflict(
        &self,
        item: &Item,
        request: &UploadRequest,
        client: &crate::api::Client,
        error: ApiError,
        started: jiff::Timestamp,
    ) -> Outcome {
        let id = item.id.as_deref().unwrap_or_default();
        let mut not_ours = None;
        if let ApiError::Api {
            after_uncertain_attempt: true,
            ..
        } = error
        {
            let why = match client.get_image(id) {
                Ok(image) => match provenance::check(&image, request, started) {
                    Ok(()) => return Outcome::Uploaded(image, Some("confirmed")),
                    Err(why) => format!(
                        "an answer was lost and a retry found the id taken, by an image that is not this file: {why}"
                    ),
                },
                // It exists (409) but cannot be read back: we cannot say whose it is.
                Err(get_error) => format!(
                    "an answer was lost and a retry found the id taken, and reading the image back failed: {get_error}"
                ),
            };
            not_ours = Some(why);
        }
        if self.skip_existing {
            return Outcome::Skipped("exists");
        }
        match not_ours {
            Some(why) => Outcome::Unknown(ErrorReport {
                message: why,
                ..ErrorReport::from(&error)
            }),
            None => Outcome::Error(error),
        }
    }
}

enum Outcome {
    Uploaded(Image, Option<&'static str>),
    Skipped(&'static str),
    /// We cannot tell whether the image is ours.
    Unknown(ErrorReport),
    Error(ApiError),
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
