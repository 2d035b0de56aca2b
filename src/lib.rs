//! cfimg: a command-line tool for Cloudflare Images.
//!
//! The binary in `main.rs` only calls [`run`]. Everything else is private to the crate, so the
//! compiler reports code nothing uses; the integration tests drive the real binary, and reach
//! into the library only for the command-line definition (`cli`, for the `--help` snapshots)
//! and the generated files (`docs`, for completions and man pages). The emulator behind
//! `cfimg emulator` and `--local` is the crate `cfimg_emulator` (crates/cfimg-emulator).

pub(crate) mod api;
#[cfg(test)]
mod arbitrary;
pub(crate) mod bulk;
pub mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod context;
pub(crate) mod delivery;
pub mod docs;
pub(crate) mod error;
pub(crate) mod image_file;
pub(crate) mod image_id;
pub(crate) mod metadata;
pub(crate) mod output;
mod run;
pub(crate) mod select;
pub(crate) mod settings;
pub(crate) mod signing;
pub(crate) mod text;
pub(crate) mod timespec;
pub(crate) mod ui;

pub use run::run;
