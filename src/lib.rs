//! cfimg: a command-line tool for Cloudflare Images.
//!
//! The binary in `main.rs` is a thin shell over this library, so the integration tests can reach
//! every layer: arguments → configuration → command → API client → output. The emulator behind
//! `cfimg emulator` and `--local` is the crate `cfimg_emulator` (crates/cfimg-emulator).

pub mod api;
pub mod bulk;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod delivery;
pub mod docs;
pub mod error;
pub mod image_file;
pub mod image_id;
pub mod metadata;
pub mod output;
pub mod select;
pub mod settings;
pub mod signing;
pub mod text;
pub mod timespec;
pub mod ui;
