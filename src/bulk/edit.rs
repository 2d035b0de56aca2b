//! Editing images: the edit job's action on the bulk engine, and its results.
//!
//! A merge (`--set-meta`, `--unset-meta`) needs each image's metadata: taken from the listing
//! when a query found the image (no extra request), read with a GET for an id named. An image
//! whose metadata, privacy and creator are already as asked is `skipped` (reason `unchanged`)
//! without a PATCH, so running the same edit again costs only the listing.

use serde::Serialize;
use serde_json::Value;

use crate::api::ApiError;
use crate::api::images::{Image, ImageUpdate};
use crate::metadata::{self, Metadata};
use crate::output::{ErrorReport, Layout};
use crate::select::Picked;

use super::action::{Action, Attempt, Class, Count, Retry, Tally};
use super::report::{self, ItemResult, Planned};

/// What to change on every image.
#[derive(Clone, Debug, Default)]
pub struct Change {
    /// Keys to add or change and keys to remove, keeping the others (`--set-meta`,
    /// `--unset-meta`): merged into each image's own metadata.
    pub merge: Option<(Metadata, Vec<String>)>,
    /// What is sent as it is: the whole new metadata (`--metadata`, `--meta`), privacy,
    /// creator.
    pub update: ImageUpdate,
}

impl Change {
    /// Whether the change merges into each image's metadata, and so needs it.
    pub fn merges(&self) -> bool {
        self.merge.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.merge.is_none() && self.update.is_empty()
    }

    /// The update for an image whose metadata is `current`; `Err` when the merge cannot be made
    /// (the metadata is not an object, or the result is over the size limit).
    pub fn update(&self, current: Option<&Value>) -> Result<ImageUpdate, metadata::MetadataError> {
        let mut update = self.update.clone();
        if let Some((set, unset)) = &self.merge {
            update.metadata = Some(metadata::merge(current, set.clone(), unset)?);
        }
        Ok(update)
    }
}

/// Whether `update` leaves `image` as it is.
fn changes_nothing(update: &ImageUpdate, image: &Image) -> bool {
    let meta_same = update.metadata.as_ref().is_none_or(|m| {
        let current = match &image.meta {
            Some(Value::Object(o)) => o.clone(),
            None | Some(Value::Null) => Metadata::new(),
            Some(_) => return false,
        };
        *m == current
    });
    let privacy_same = update
        .require_signed_urls
        .is_none_or(|p| p == image.require_signed_urls);
    let creator_same = update
        .creator
        .as_ref()
        .is_none_or(|c| image.creator.as_deref().unwrap_or("") == c);
    meta_same && privacy_same && creator_same
}

pub struct Edit<'a> {
    pub change: &'a Change,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Edited,
    Skipped,
    Failed,
}

/// Why an image was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// It already was as asked: no PATCH.
    Unchanged,
}

/// One image's result: a line of `--ndjson`, an element of `--json`. Its `image` is the image
/// as the API returned it after the edit (its id may be new: the API documents that a privacy
/// change can give an image a new id).
pub type Edited = ItemResult<Status, Reason>;

impl report::Status for Status {
    fn word(self) -> &'static str {
        match self {
            Status::Edited => "edited",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
        }
    }

    fn class(self) -> Class {
        match self {
            Status::Edited => Class::Done,
            Status::Skipped => Class::Skipped,
            Status::Failed => Class::Failed,
        }
    }
}

impl Action for Edit<'_> {
    type Item = Picked;
    type Result = Edited;
    /// An edit keeps no manifest: doing it again is harmless, and an image already as asked
    /// costs no PATCH.
    type Entry = ();

    /// A PATCH repeated sets the same values again.
    fn retry(&self, _item: &Picked) -> Retry {
        Retry::Safe
    }

    fn perform(&self, _index: usize, item: &Picked, attempt: &Attempt<'_, ()>) -> Edited {
        let client = attempt.client;
        let read;
        let current = match &item.image {
            Some(image) => Some(image),
            // Without the image, only a merge needs to read it first: a replace does not.
            None if self.change.merges() => match client.get_image(&item.id) {
                Ok(image) => {
                    read = image;
                    Some(&read)
                }
                Err(e) => {
                    return Edited::of_image(&item.id, Status::Failed)
                        .failing(ErrorReport::from(&e));
                }
            },
            None => None,
        };
        let update = match self.change.update(current.and_then(|i| i.meta.as_ref())) {
            Ok(update) => update,
            Err(e) => {
                return Edited::of_image(&item.id, Status::Failed).failing(ErrorReport::message(
                    format!("cannot merge into its metadata: {e}"),
                ));
            }
        };
        if current.is_some_and(|image| changes_nothing(&update, image)) {
            return Edited::of_image(&item.id, Status::Skipped).because(Reason::Unchanged);
        }
        match client.update_image(&item.id, &update) {
            Ok(image) => {
                let mut result = Edited::of_image(&item.id, Status::Edited);
                result.image = Some(image);
                result
            }
            Err(e) => Edited::of_image(&item.id, Status::Failed).failing(ErrorReport::from(&e)),
        }
    }

    fn unsent(&self, _index: usize, item: &Picked, error: &ApiError) -> Edited {
        Edited::of_image(&item.id, Status::Failed).failing(ErrorReport::from(error))
    }

    fn entry(&self, _index: usize, _item: &Picked, _result: &Edited) -> Option<()> {
        None
    }

    fn summary(&self, tally: &Tally) -> String {
        tally.line(&[
            Count::Always("edited"),
            Count::IfAny("skipped", "already as asked"),
            Count::Always("failed"),
        ])
    }
}

/// An edit's results as a table shows them; the note says when the API gave an image a new id.
pub fn results_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Edited> {
    report::image_results(
        &["edited", "skipped", "failed"],
        ids,
        |result: &Edited| match (&result.image, result.reason) {
            (Some(image), _) if Some(image.id.as_str()) != result.id.as_deref() => {
                format!("(now {})", image.id)
            }
            (_, Some(Reason::Unchanged)) => "(already as asked)".to_string(),
            _ => String::new(),
        },
    )
}

/// What the run would do with `item`, as far as the plan can tell without a request: `edit`,
/// or `skip` for an image the listing shows already as asked.
pub fn plan<'a>(change: &Change, item: &'a Picked) -> Planned<'a, Reason> {
    let unchanged = item.image.as_ref().is_some_and(|image| {
        change
            .update(image.meta.as_ref())
            .is_ok_and(|u| changes_nothing(&u, image))
    });
    Planned {
        id: &item.id,
        status: if unchanged { "skip" } else { "edit" },
        reason: unchanged.then_some(Reason::Unchanged),
        image: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(meta: Value, private: bool, creator: Option<&str>) -> Image {
        serde_json::from_value(serde_json::json!({
            "id": "a",
            "meta": meta,
            "requireSignedURLs": private,
            "creator": creator,
            "variants": [],
        }))
        .unwrap()
    }

    fn set(pairs: &[(&str, Value)]) -> Metadata {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn a_merge_keeps_other_keys_and_an_edit_already_made_changes_nothing() {
        let change = Change {
            merge: Some((set(&[("team", "web".into())]), vec!["draft".into()])),
            ..Change::default()
        };
        let before = image(serde_json::json!({"a": 1, "draft": true}), false, None);
        let update = change.update(before.meta.as_ref()).unwrap();
        assert_eq!(
            Value::Object(update.metadata.clone().unwrap()),
            serde_json::json!({"a": 1, "team": "web"})
        );
        assert!(!changes_nothing(&update, &before));
        let after = image(serde_json::json!({"a": 1, "team": "web"}), false, None);
        assert!(changes_nothing(
            &change.update(after.meta.as_ref()).unwrap(),
            &after
        ));
        assert_eq!(plan(&change, &Picked::from(after)).status, "skip");
        assert_eq!(plan(&change, &Picked::from(before)).status, "edit");
        // Without the image, the plan cannot tell.
        assert_eq!(plan(&change, &Picked::id("x")).status, "edit");
    }

    #[test]
    fn privacy_and_creator_count_as_changes() {
        let change = Change {
            update: ImageUpdate {
                require_signed_urls: Some(true),
                creator: Some("ci".into()),
                ..ImageUpdate::default()
            },
            ..Change::default()
        };
        let update = change.update(None).unwrap();
        assert!(!changes_nothing(
            &update,
            &image(Value::Null, false, Some("ci"))
        ));
        assert!(!changes_nothing(&update, &image(Value::Null, true, None)));
        assert!(changes_nothing(
            &update,
            &image(Value::Null, true, Some("ci"))
        ));
        assert!(!change.merges() && !change.is_empty());
        assert!(Change::default().is_empty());
    }
}
