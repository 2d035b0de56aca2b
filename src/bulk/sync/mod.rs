//! `images sync`: make the images under a prefix match the files of a directory, with the
//! account as the only record. Each image sync uploads carries its file's content hash in its
//! metadata (`key`), so a run from a fresh machine lists the images under the prefix once and
//! knows, without a request per image, which files are new, changed, changed in metadata only,
//! or unchanged, and which images have no file left (`plan`). The files are found and hashed
//! by `local` (with `cache`, an optional hash cache by size and modification time, and a
//! `--shard` slice); the work is one job on the bulk engine (`action`: upload, replace as a
//! delete and an upload back to back in one worker, update, delete an extra, adopt); `report`
//! shows the plan (`--dry-run`) and the results.

pub mod action;
pub mod cache;
pub mod key;
pub mod local;
pub mod plan;
pub mod report;
