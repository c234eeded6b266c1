//! 支部台账's domain core: the rules, the SQLite store and the use cases.
//! It depends on neither Tauri nor GTK/WebKit, so every use case runs and is
//! tested without a window (the app and `zhibu-cli` are thin shells over it).

pub mod backup;
pub mod clock;
pub mod crashlog;
pub mod demo;
pub mod development;
pub mod dues;
pub mod error;
pub mod export;
pub mod files;
pub mod idcard;
pub mod ids;
pub mod info;
mod labels;
pub mod lock;
pub mod meetings;
pub mod members;
pub mod money;
pub mod month;
pub mod org;
pub mod paths;
pub mod settings;
pub mod stats;
pub mod store;
pub mod table;
pub mod task;
pub mod text;
pub mod todo;

#[cfg(test)]
mod bindings;

pub use error::{Error, ErrorKind, ErrorPayload, Result};
pub use store::Store;
