//! One module per area; each command parses, calls the core, returns.

pub mod app;
pub mod backup;
pub mod development;
pub mod dues;
pub mod export;
pub mod meetings;
pub mod members;
pub mod org;
pub mod stats;
pub mod task;
pub mod todo;
