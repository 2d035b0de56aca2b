//! TODO
pub mod emulator;
