//! Files a clerk exchanges with the app: Excel rosters read and written,
//! and the PDF 台账 typeset. Everything about what the records mean lives in
//! zhibu-core; this crate only moves them between files and memory.

pub mod error;
pub mod pdf;
pub mod xlsx;

pub use error::{Error, Result};
