//! Uploading: what to send (`plan`), what earlier runs did (`manifest`), where to send it
//! (`batch`), sending it with workers (`engine`), the per-file results (`report`), Ctrl-C
//! (`interrupt`), and where results go (`sink`). Commands only glue these together.

pub mod batch;
pub mod engine;
pub mod interrupt;
pub mod manifest;
pub mod plan;
pub mod report;
pub mod sink;
