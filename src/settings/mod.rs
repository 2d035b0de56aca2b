//! Settings as code: an account's variants, signing key names and options in one file
//! (`file`), what it would take to make an account match it (`plan`), doing that (`apply`), and
//! writing an account's settings as such a file (`export`).

pub mod apply;
pub mod export;
pub mod file;
pub mod plan;
