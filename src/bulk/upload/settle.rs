//! What earlier runs settled, from the `--manifest` file: each item's verdict, decided before
//! anything is sent (so `--dry-run` can show it), and the result reported for an item the
//! manifest settled without a request.

use std::path::Path;

use crate::error::CliError;
use crate::output::ErrorReport;
use crate::ui::Ui;

use super::manifest::{self, Record, Verdict};
use super::plan::Item;
use super::report::{ItemResult, Reason, Status};

/// Per item: what the manifest says, and the content hash its new line will carry.
pub struct Earlier {
    pub verdicts: Vec<Verdict>,
    /// Empty without a manifest: nothing is recorded, so nothing is hashed.
    pub hashes: Vec<String>,
}

/// Read the manifest, if there is one, and judge every item against it.
pub fn earlier(manifest: Option<&Path>, items: &[Item], ui: &Ui) -> Result<Earlier, CliError> {
    let Some(path) = manifest else {
        return Ok(Earlier {
            verdicts: vec![Verdict::Upload; items.len()],
            hashes: Vec::new(),
        });
    };
    let record = Record::read(path)?;
    if record.torn_last_line() {
        ui.warn(&format!(
            "{}: ignoring its torn last line (a run killed while writing leaves one)",
            path.display()
        ));
    }
    let hashes = manifest::hash_items(items).map_err(|p| CliError::failed(p.join("; ")))?;
    let verdicts = items
        .iter()
        .zip(&hashes)
        .map(|(item, hash)| record.verdict(&item.label, hash, item.id.as_deref()))
        .collect();
    Ok(Earlier { verdicts, hashes })
}

/// The indices of the items still to send (a changed file is sent: its id may be free).
pub fn pending(verdicts: &[Verdict]) -> Vec<usize> {
    (0..verdicts.len())
        .filter(|&i| matches!(verdicts[i], Verdict::Upload | Verdict::Changed(_)))
        .collect()
}

/// The result of an item the manifest settled, if it did.
pub fn settled(item: &Item, verdict: &Verdict) -> Option<ItemResult> {
    let (status, entry) = match verdict {
        Verdict::Upload | Verdict::Changed(_) => return None,
        Verdict::Done(entry) => (Status::Skipped, entry),
        Verdict::Unknown(entry) => (Status::Unknown, entry),
    };
    let mut result = ItemResult::of_source(item.label.clone(), status);
    result.id = entry.id.clone();
    result.bytes = Some(item.bytes()).filter(|b| *b > 0);
    result.reason = Some(Reason::Manifest);
    if status == Status::Unknown {
        result.error = Some(ErrorReport::message(
            "an earlier run could not tell whether this upload was stored, and without a custom id sending it again could store it twice; check with `cfimg images list`, then remove its line from the manifest",
        ));
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::upload::manifest::Entry;
    use crate::bulk::upload::plan::ItemSource;

    fn item(label: &str) -> Item {
        Item {
            source: ItemSource::Url(label.to_string()),
            label: label.to_string(),
            id: None,
        }
    }

    fn entry(id: &str, status: Status) -> Entry {
        Entry::about(id, status)
    }

    #[test]
    fn only_upload_verdicts_are_pending() {
        let verdicts = [
            Verdict::Done(entry("a", Status::Uploaded)),
            Verdict::Upload,
            Verdict::Unknown(entry("c", Status::Unknown)),
            Verdict::Upload,
            Verdict::Changed(entry("e", Status::Uploaded)),
        ];
        assert_eq!(pending(&verdicts), [1, 3, 4]);
    }

    #[test]
    fn settled_results_carry_the_recorded_id() {
        assert!(settled(&item("new"), &Verdict::Upload).is_none());

        let done = settled(&item("a"), &Verdict::Done(entry("x", Status::Uploaded))).unwrap();
        assert_eq!(
            (
                done.status,
                done.id.as_deref(),
                done.reason,
                done.error.is_none()
            ),
            (Status::Skipped, Some("x"), Some(Reason::Manifest), true)
        );

        let unknown = settled(&item("b"), &Verdict::Unknown(entry("y", Status::Unknown))).unwrap();
        assert_eq!(
            (unknown.status, unknown.id.as_deref(), unknown.reason),
            (Status::Unknown, Some("y"), Some(Reason::Manifest))
        );
        assert!(unknown.error.unwrap().message.contains("remove its line"));
    }

    #[test]
    fn without_a_manifest_everything_is_uploaded_and_nothing_hashed() {
        let ui = Ui::detect(true, 0, &crate::config::Env::default());
        let earlier = earlier(None, &[item("a"), item("b")], &ui).unwrap();
        assert_eq!(earlier.verdicts, [Verdict::Upload, Verdict::Upload]);
        assert!(earlier.hashes.is_empty());
    }
}
