//! Uploading: what to send (`plan`, from what `read` takes in), what earlier runs did
//! (`manifest`) and already settled (`settle`), where to send it (`batch`), sending it with
//! workers (`engine`), what a taken id means (`taken`: our own image, proven by
//! `provenance`, an older version, or someone else's), the per-file results (`report`),
//! Ctrl-C (`interrupt`), where results go (`sink`), one image versus many (`single`), and how
//! a run ends: the `--dry-run` plan (`dry_run`) or the closing line and exit (`summary`).
//! Commands only glue these together.

pub mod batch;
pub mod dry_run;
pub mod engine;
pub mod interrupt;
pub mod manifest;
pub mod plan;
pub mod provenance;
pub mod read;
pub mod report;
pub mod settle;
pub mod single;
pub mod sink;
pub mod summary;
pub mod taken;
