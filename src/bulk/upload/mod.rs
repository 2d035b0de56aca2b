//! Uploading: what to send (`plan`, from what `read` takes in), what earlier runs did
//! (`manifest`) and already settled (`settle`), how one item is sent (`action`: the upload job
//! on the bulk engine), what a taken id means (`taken`: our own image, proven by
//! `provenance`, an older version, or someone else's), the per-file results and how they are
//! shown (`report`), one image versus many (`single`), and the `--dry-run` plan (`dry_run`).
//! Workers, pacing, batch tokens, Ctrl-C, the manifest file and the summary are the bulk
//! engine's. Commands only glue these together.

pub mod action;
pub mod dry_run;
pub mod manifest;
pub mod plan;
pub mod provenance;
pub mod read;
pub mod report;
pub mod settle;
pub mod single;
pub mod taken;
