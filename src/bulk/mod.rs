//! The one engine for every bulk job. A job is an action (`action::Action`: how to do one
//! item, whether doing it again is safe, what its manifest line holds) over a list of items it
//! planned itself; the engine owns the rest, the same for every job:
//!
//! - `options`: the flags every bulk job takes (`-j`, `--rate`, `--batch`, `--batch-tokens`,
//!   `--batch-url`), and the target they make;
//! - `target`: where requests go, the API (one shared limiter, one 429 pause) or the batch
//!   host with one or more tokens, each paced and renewed on its own;
//! - `job`: a planned job run, start to exit code;
//! - `engine`: the workers, renewal of a refused token, the stop at the first refusal of the
//!   credentials, and Ctrl-C (`interrupt`);
//! - `journal`: the `--manifest` file a re-run resumes from;
//! - `report`: the shape of every job's results, and the tables of jobs on images;
//! - `sink`: results as they come (stdout, warnings, progress, manifest lines, the tally);
//! - `summary`: the closing line and the exit code (0, 3, 5 or 130);
//! - `budget`: what a run will cost in requests and time, for `--dry-run`;
//! - `consent`: the plan shown, and the question asked, before anything is destroyed.
//!
//! The jobs: `upload` (files to images), `delete` and `edit` (images picked by
//! `select`), `transfer` (export to a folder, import from one, copy between accounts), and
//! `sync` (the images under a prefix made to match a directory).

pub mod action;
pub mod budget;
pub mod consent;
pub mod delete;
pub mod edit;
pub mod engine;
pub mod interrupt;
pub mod job;
pub mod journal;
pub mod options;
pub mod report;
pub mod sink;
pub mod summary;
pub mod sync;
pub mod target;
pub mod transfer;
pub mod upload;
