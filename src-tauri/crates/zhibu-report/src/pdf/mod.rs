//! PDF 台账: each document lays out what core gathered for it
//! (`zhibu_core::export::Model`) as its template's data, the engine typesets
//! it, and `save` writes the file so that a pulled USB stick leaves no
//! half-written PDF behind.

pub mod development;
pub mod dues;
pub mod engine;
mod fonts;
pub mod minutes;
pub mod roster;
pub mod sheets;
pub mod signin;
pub mod stats;
pub mod tables;

use std::path::Path;

use chrono::NaiveDate;
pub use engine::{render, render_with, Job, Picture, Rendered, Step};
use zhibu_core::export::{Exported, Model};

/// Lays out what `model` holds for its template (photos are read later,
/// while typesetting).
pub fn job(model: &Model, today: NaiveDate) -> Job {
    match model {
        Model::Minutes(book) => minutes::job(book, today),
        Model::Roster(sheet) => roster::job(sheet, today),
        Model::Dues(sheets) => dues::job(sheets, today),
        Model::DuesNotice(notice) => dues::notice_job(notice, today),
        Model::Signin(sheet) => signin::job(sheet, today),
        Model::Development(record) => development::job(record, today),
        Model::MemberSheets(sheets) => sheets::job(sheets, today),
        Model::Stats(report) => stats::job(report, today),
    }
}

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
