//! Making a plan's changes, in its order, with a result for each; whatever fails on the way,
//! the account is never left without a signing key.

use std::collections::BTreeSet;

use crate::api::{ApiError, Client};

use super::plan::{Change, Plan, Request};

/// What became of one change.
#[derive(Debug)]
pub enum Outcome {
    Applied,
    Failed(ApiError),
    /// Not sent, for the reason given.
    Skipped(&'static str),
}

/// Why a key delete is not sent: the plan deletes only keys the file does not name after
/// creating those it names, but a create may have failed (a cap on keys, say).
pub const LAST_KEY: &str =
    "it is the account's last signing key (a key the file names could not be created)";

/// How a run ended.
pub enum Ended {
    /// Every change was tried; this many failed or were skipped.
    Tried { failed: usize },
    /// The API refused the credentials at `change` (which is reported): the rest, `not_tried`,
    /// would be refused the same way.
    Refused { error: ApiError, not_tried: usize },
}

/// Make each change of `plan` through `client`, telling `report` what became of it as it
/// happens. `keys` are the account's signing key names before the run.
pub fn apply<'p, E>(
    client: &Client,
    plan: &'p Plan,
    keys: &[String],
    mut report: impl FnMut(&'p Change, &Outcome) -> Result<(), E>,
) -> Result<Ended, E> {
    let mut keys: BTreeSet<String> = keys.iter().cloned().collect();
    let mut failed = 0;
    for (tried, change) in (1..).zip(&plan.changes) {
        let outcome = make(client, change, &mut keys);
        report(change, &outcome)?;
        match outcome {
            Outcome::Applied => {}
            Outcome::Failed(error) if error.is_auth() => {
                return Ok(Ended::Refused {
                    error,
                    not_tried: plan.changes.len() - tried,
                });
            }
            Outcome::Failed(_) | Outcome::Skipped(_) => failed += 1,
        }
    }
    Ok(Ended::Tried { failed })
}

/// Send one change. Key calls answer with every key there is, which keeps `keys` up to date.
fn make(client: &Client, change: &Change, keys: &mut BTreeSet<String>) -> Outcome {
    let name = change.name.as_str();
    let sent = match &change.request {
        Request::CreateVariant(variant) => client.create_variant(variant).map(drop),
        Request::UpdateVariant(update) => client.update_variant(name, update).map(drop),
        Request::DeleteVariant => client.delete_variant(name),
        Request::Config(setting) => client.patch_account_config(*setting).map(drop),
        Request::PutKey => client
            .put_key(name)
            .map(|left| *keys = left.into_iter().map(|k| k.name).collect()),
        Request::DeleteKey => {
            if !may_delete_key(keys, name) {
                return Outcome::Skipped(LAST_KEY);
            }
            client
                .delete_key(name)
                .map(|left| *keys = left.into_iter().map(|k| k.name).collect())
        }
    };
    match sent {
        Ok(()) => Outcome::Applied,
        Err(error) => Outcome::Failed(error),
    }
}

/// A key may go when another one stays.
fn may_delete_key(keys: &BTreeSet<String>, name: &str) -> bool {
    keys.iter().any(|k| k != name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_key_is_never_deleted() {
        let keys = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
        assert!(may_delete_key(&keys(&["default", "old"]), "old"));
        assert!(!may_delete_key(&keys(&["old"]), "old"));
        // A key already gone leaves the others; deleting it is the API's to refuse (404).
        assert!(may_delete_key(&keys(&["default"]), "old"));
        assert!(!may_delete_key(&keys(&[]), "old"));
    }
}
