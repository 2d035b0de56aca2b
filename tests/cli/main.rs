//! The command-line tests: the real `cfimg` binary against the emulator, a module per area.
//!
//! They are one test binary rather than one per file, so the whole stack is linked once, not
//! once per file. Its tests run as threads of one process: a test must not change what the
//! process shares (environment variables, the working directory, signal handlers); the harness
//! in `common` gives every run its own environment, home and working directory instead.
//! `cargo test --test cli upload::` runs one area; a test's name runs that test.
//!
//! Each module imports the harness as `use crate::common;` and names its items `common::…`.

mod common;

mod auth;
mod bad_inputs;
mod bulk_delete;
mod bulk_edit;
mod config;
mod download_faults;
mod emulator_command;
mod error_report;
mod export;
mod gallery;
mod generated_docs;
mod help;
mod images;
mod json;
mod messages;
mod network;
mod rate_limit;
mod resources;
mod secrets;
mod select;
mod settings;
mod sync;
mod terminal;
mod upload;
mod upload_faults;
mod upload_inputs;
mod urls;
