//! Uploading: what to send (`plan`), sending it with workers (`engine`), and the per-file
//! results (`report`). Commands only glue these together.

pub mod engine;
pub mod plan;
pub mod report;
