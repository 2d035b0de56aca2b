//! The id map: ids the API picked (UUIDs) cannot be chosen in another account, so an image
//! under one gets a new id there, and this file says which: one line `{"old", "new", "time"}`
//! per image, appended as each upload is answered (the bulk engine's journal, so a kill leaves
//! every whole line). A re-run reads it first and does not send an image it maps again, which
//! would store a second copy under yet another id.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::bulk::journal::{Keyed, Record, Writer};
use crate::error::CliError;

/// One image that got a new id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapped {
    pub old: String,
    pub new: String,
}

impl Keyed for Mapped {
    fn key(&self) -> &str {
        &self.old
    }
}

/// The map at `path` (empty when there is none yet).
pub fn read(path: &Path) -> Result<Record<Mapped>, CliError> {
    Record::read(path, "nothing was sent")
}

/// Open the map for appending.
pub fn open(path: &Path) -> Result<Writer, CliError> {
    Writer::open(path)
        .map_err(|e| CliError::failed(format!("cannot open the id map {}: {e}", path.display())))
}
