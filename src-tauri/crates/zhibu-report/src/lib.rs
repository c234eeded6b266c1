//! Files a clerk exchanges with the app: Excel rosters read and written here
//! (and the PDF 台账 later). Everything about what the cells mean lives in
//! zhibu-core; this crate only moves cells between files and memory.

pub mod error;
pub mod xlsx;

pub use error::{Error, Result};
