//! PDF 台账: each document gathers its record into JSON (`minutes` …), the
//! engine typesets it with its template, and `save` writes the file so that
//! a pulled USB stick leaves no half-written PDF behind.

pub mod development;
pub mod dues;
pub mod engine;
mod fonts;
pub mod minutes;
pub mod roster;
pub mod signin;
pub mod tables;

use std::path::Path;

use chrono::NaiveDate;
pub use engine::{render, render_with, Job, Picture, Rendered, Step};
use rusqlite::Connection;
use zhibu_core::export::{Document, Exported};
use zhibu_core::org;

/// Gathers what `doc` prints (photos are read later, while typesetting).
pub fn job(
    conn: &Connection,
    data_dir: &Path,
    doc: &Document,
    today: NaiveDate,
) -> zhibu_core::Result<Job> {
    match doc {
        Document::Minutes { org, year, kinds } => {
            minutes::book(conn, data_dir, *org, *year, kinds, today)
        }
        Document::Roster { org, query } => roster::document(conn, *org, query, today),
        Document::Dues { org, year } => dues::document(conn, *org, *year, today),
        Document::Signin { meeting } => signin::document(conn, *meeting, today),
        Document::Development { person } => development::document(conn, *person, today),
    }
}

/// The file name a clerk would give `doc`.
pub fn file_name(
    conn: &Connection,
    doc: &Document,
    today: NaiveDate,
) -> zhibu_core::Result<String> {
    Ok(match doc {
        Document::Minutes { org, year, .. } => {
            minutes::file_name(&org::get(conn, *org)?.name, *year)
        }
        Document::Roster { org, query } => {
            roster::file_name(&org::get(conn, *org)?.name, query.day.unwrap_or(today))
        }
        Document::Dues { org, year } => dues::file_name(&org::get(conn, *org)?.name, *year),
        Document::Signin { meeting } => signin::file_name_of(conn, *meeting)?,
        Document::Development { person } => development::file_name_of(conn, *person, today)?,
    })
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
