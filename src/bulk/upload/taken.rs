//! An upload met its custom id taken (409): what that means for the file. It may be our own
//! upload after a lost answer (confirmed only with proof, see `provenance`), an older version
//! of a file the manifest knows changed (`changed`, or deleted and uploaded again with
//! `--replace`), or someone else's image (`skipped` with `--skip-existing`, else a failure, or
//! `unknown` after a lost answer).

use jiff::Timestamp;

use crate::api::images::{Image, UploadRequest};
use crate::api::{ApiError, Client};

use super::provenance;
use super::report::Reason;
use crate::output::ErrorReport;

/// What became of one upload, before it is put in the shape of a result.
pub enum Outcome {
    Uploaded(Image, Option<Reason>),
    Skipped(Reason),
    /// The id holds an older version of the file; nothing was stored.
    Changed(ErrorReport),
    /// We cannot tell whether the image was stored, or whether the image there is ours.
    Unknown(ErrorReport),
    Failed(ErrorReport),
}

impl Outcome {
    /// A request that failed: `unknown` when it may have been carried out anyway.
    pub fn from_error(error: &ApiError) -> Self {
        let report = ErrorReport::from(error);
        if error.outcome_unknown() {
            Outcome::Unknown(report)
        } else {
            Outcome::Failed(report)
        }
    }
}

/// How the run treats a taken id.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// `--skip-existing`: someone else's image under the id is skipped, not failed.
    pub skip_existing: bool,
    /// The manifest says the id holds an older version of this file.
    pub changed: bool,
    /// `--replace`: such an older version is deleted and the file uploaded again.
    pub replace: bool,
}

/// What `changed` says: the file's new content did not go anywhere.
const CHANGED: &str = "the file changed since the manifest recorded it, and its id still holds the older image; nothing was uploaded (--replace deletes the older image and uploads this file)";

/// Decide for an upload of `request` that began at `started` and was refused with `conflict`.
pub fn resolve(
    policy: Policy,
    client: &Client,
    request: &UploadRequest,
    conflict: ApiError,
    started: Timestamp,
) -> Outcome {
    let mut not_ours = None;
    if after_lost_answer(&conflict) {
        match confirm(client, request, started) {
            Ok(image) => return Outcome::Uploaded(image, Some(Reason::Confirmed)),
            Err(why) => not_ours = Some(why),
        }
    }
    if policy.changed {
        return if policy.replace {
            replace(client, request)
        } else {
            Outcome::Changed(report(&conflict, CHANGED.to_string()))
        };
    }
    if policy.skip_existing {
        return Outcome::Skipped(Reason::Exists);
    }
    match not_ours {
        Some(why) => Outcome::Unknown(report(&conflict, why)),
        None => Outcome::Failed(ErrorReport::from(&conflict)),
    }
}

/// An earlier attempt of the request got no answer, so it may be what took the id.
fn after_lost_answer(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Api {
            after_uncertain_attempt: true,
            ..
        }
    )
}

/// Read the image under the id back: ours, or why it cannot be said to be.
fn confirm(client: &Client, request: &UploadRequest, started: Timestamp) -> Result<Image, String> {
    let id = request.id.as_deref().unwrap_or_default();
    match client.get_image(id) {
        Ok(image) => match provenance::check(&image, request, started) {
            Ok(()) => Ok(image),
            Err(why) => Err(format!(
                "an answer was lost and a retry found the id taken, by an image that is not this file: {why}"
            )),
        },
        // It exists (409) but cannot be read back: we cannot say whose it is.
        Err(e) => Err(format!(
            "an answer was lost and a retry found the id taken, and reading the image back failed: {e}"
        )),
    }
}

/// Delete the older image and upload the file at once, so the id is missing only for the
/// moment between the two requests.
fn replace(client: &Client, request: &UploadRequest) -> Outcome {
    let id = request.id.as_deref().unwrap_or_default();
    match client.delete_image(id) {
        Ok(()) => {}
        // Gone already (someone else deleted it, or a lost answer did): the id is free.
        Err(e) if e.is_not_found() => {}
        Err(e) => {
            return Outcome::Failed(report(
                &e,
                format!("cannot delete the older image to replace it: {e}"),
            ));
        }
    }
    let started = Timestamp::now();
    match client.upload_image(request) {
        Ok(image) => Outcome::Uploaded(image, Some(Reason::Replaced)),
        Err(e) if e.is_conflict() => {
            if after_lost_answer(&e)
                && let Ok(image) = confirm(client, request, started)
            {
                return Outcome::Uploaded(image, Some(Reason::Replaced));
            }
            let why = format!(
                "the older image was deleted, but the id was taken again before this file could be uploaded: {e}"
            );
            if after_lost_answer(&e) {
                Outcome::Unknown(report(&e, why))
            } else {
                Outcome::Failed(report(&e, why))
            }
        }
        Err(e) => {
            let why = format!(
                "the older image was deleted, but uploading this file failed, so the id is free now (run again to upload it): {e}"
            );
            match Outcome::from_error(&e) {
                Outcome::Unknown(_) => Outcome::Unknown(report(&e, why)),
                _ => Outcome::Failed(report(&e, why)),
            }
        }
    }
}

/// The API's error (status, codes) with a message that says what it meant here.
fn report(error: &ApiError, message: String) -> ErrorReport {
    ErrorReport {
        message,
        ..ErrorReport::from(error)
    }
}
