//! Sends planned items with a pool of workers over one shared client (one connection pool,
//! one rate limiter), reporting each result the moment it is known.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};

use crate::api::ApiError;
use crate::api::images::{ProgressFn, UploadRequest, UploadSource};

use super::batch::Target;
use super::manifest::Verdict;
use super::plan::{Item, ItemSource};
use super::report::{ItemResult, Status};
use super::taken::{self, Outcome, Policy};

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
    /// What the manifest said of each item, by index (all `Upload` without a manifest): a
    /// `Changed` item's id may hold its older version.
    pub earlier: &'a [Verdict],
    /// `--replace`: a changed item's older image is deleted and the file uploaded again.
    pub replace: bool,
    /// Set from outside (Ctrl-C) to stop handing out new items; those in flight finish.
    pub stop: &'a AtomicBool,
}

/// How a run ended.
pub struct Ran {
    /// How many items were started (the rest were left by Ctrl-C or a refusal).
    pub begun: usize,
    /// The API refused the credentials: the run stopped handing out items at the first
    /// refusal, since every other request would be refused the same way.
    pub refused: Option<ApiError>,
}

impl Engine<'_> {
    /// Upload the items at `indices` (indices into `items`).
    pub fn run(&self, items: &[Item], indices: &[usize], listener: &dyn Listener) -> Ran {
        let next = AtomicUsize::new(0);
        let refused: Mutex<Option<ApiError>> = Mutex::new(None);
        let halted = AtomicBool::new(false);
        let workers = self.concurrency.clamp(1, indices.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        if self.stop.load(Ordering::SeqCst) || halted.load(Ordering::SeqCst) {
                            break;
                        }
                        let n = next.fetch_add(1, Ordering::SeqCst);
                        let Some(&index) = indices.get(n) else { break };
                        let item = &items[index];
                        listener.started(index, item);
                        let progress = listener.progress(index, item);
                        let result = self.upload_one(index, item, progress);
                        if let Some(cause) = refusal(&result) {
                            halted.store(true, Ordering::SeqCst);
                            refused
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get_or_insert_with(|| cause.clone());
                        }
                        listener.finished(index, item, result);
                    }
                });
            }
        });
        Ran {
            begun: next.load(Ordering::SeqCst).min(indices.len()),
            refused: refused.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }

    fn upload_one(&self, index: usize, item: &Item, progress: Option<ProgressFn>) -> ItemResult {
        let request = self.request(item, progress);
        let policy = Policy {
            skip_existing: self.skip_existing,
            changed: matches!(self.earlier.get(index), Some(Verdict::Changed(_))),
            replace: self.replace,
        };
        let mut result = ItemResult::new(item.label.clone(), Status::Failed);
        result.bytes = Some(item.bytes()).filter(|b| *b > 0);
        result.id = item.id.clone();
        match self.send(&request, policy) {
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
            Outcome::Changed(report) => {
                result.status = Status::Changed;
                result.error = Some(report);
            }
            Outcome::Unknown(report) => {
                result.status = Status::Unknown;
                result.error = Some(report);
            }
            Outcome::Failed(report) => {
                result.status = Status::Failed;
                result.error = Some(report);
            }
        }
        result
    }

    fn request(&self, item: &Item, progress: Option<ProgressFn>) -> UploadRequest {
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
        request
    }

    fn send(&self, request: &UploadRequest, policy: Policy) -> Outcome {
        let mut renewed = false;
        loop {
            let (client, generation) = match self.target.client() {
                Ok(client) => client,
                Err(error) => return Outcome::from_error(&error),
            };
            let started = jiff::Timestamp::now();
            match client.upload_image(request) {
                Ok(image) => return Outcome::Uploaded(image, None),
                // The batch host refused its token (expired early, revoked): one new token.
                Err(e)
                    if e.is_auth()
                        && !renewed
                        && matches!(self.target, Target::Batch(_))
                        && self.target.renew(generation) =>
                {
                    renewed = true;
                }
                Err(e) if e.is_conflict() && request.id.is_some() => {
                    return taken::resolve(policy, &client, request, e, started);
                }
                Err(e) => return Outcome::from_error(&e),
            }
        }
    }
}

/// The refusal of the credentials behind a failed result, if that is what it was.
fn refusal(result: &ItemResult) -> Option<&ApiError> {
    result
        .error
        .as_ref()
        .and_then(|e| e.cause.as_ref())
        .filter(|e| e.is_auth())
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
