//! PDF 台账: each document gathers its record into JSON (`minutes` …), the
//! engine typesets it with its template, and `save` writes the file so that
//! a pulled USB stick leaves no half-written PDF behind.

pub mod engine;
mod fonts;
pub mod minutes;

use std::path::Path;

pub use engine::{render, render_with, Job, Picture, Rendered, Step};
use zhibu_core::export::Exported;

/// Writes `rendered` to `target` through a temporary file, flushed, then
/// renamed into place.
pub fn save(rendered: Rendered, target: &Path) -> zhibu_core::Result<Exported> {
    zhibu_core::files::write_durably(target, &rendered.pdf)?;
    Ok(Exported {
        path: target.display().to_string(),
        pages: u32::try_from(rendered.pages).unwrap_or(u32::MAX),
        bytes: rendered.pdf.len() as u64,
        missing: rendered.missing,
    })
}
