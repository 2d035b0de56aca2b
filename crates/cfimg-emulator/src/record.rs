//! The log of received requests, so tests can check what a client sent (or that it sent nothing).

use std::sync::Mutex;

/// One request as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    /// The path as sent, still percent-encoded (`/…/images/v1/a%2Fb`).
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    pub content_type: Option<String>,
    /// For multipart requests, the names of the parts in the order they came.
    pub part_names: Vec<String>,
    /// The status of the answer, once it is made; `None` before, and for a request whose
    /// connection was dropped without an answer. Tests count the 429s a client met with it.
    pub status: Option<u16>,
}

/// Marks a response that is never sent: its connection is closed instead.
#[derive(Clone, Copy, Debug)]
pub struct Unanswered;

#[derive(Default)]
pub struct Recorder {
    log: Mutex<Vec<RecordedRequest>>,
}

/// Which entry of the log a request is, so its multipart part names can be added as they are read.
#[derive(Clone, Copy, Debug)]
pub struct RecordSlot(pub usize);

impl Recorder {
    pub fn push(&self, req: RecordedRequest) -> RecordSlot {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.push(req);
        RecordSlot(log.len() - 1)
    }

    pub fn add_part(&self, slot: RecordSlot, name: &str) {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = log.get_mut(slot.0) {
            r.part_names.push(name.to_string());
        }
    }

    pub fn set_status(&self, slot: RecordSlot, status: u16) {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = log.get_mut(slot.0) {
            r.status = Some(status);
        }
    }

    pub fn count(&self) -> usize {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn all(&self) -> Vec<RecordedRequest> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
