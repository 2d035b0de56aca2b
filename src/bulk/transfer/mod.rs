//! Moving images out of an account and into one, with what each holds kept together (id,
//! file name, metadata, creator, privacy): `export` (originals to a folder, with its `index`),
//! `send` (the one action that uploads an image as it was, for `import` from such a folder and
//! `copy` from another account, streamed by `stream`), and `idmap` (the new ids given to images
//! whose ids the API picked, which cannot be chosen again).
//!
//! The workers, pacing, Ctrl-C, the manifest file and the summary are the bulk engine's.

pub mod export;
pub mod idmap;
pub mod index;
pub mod send;
pub mod stream;
