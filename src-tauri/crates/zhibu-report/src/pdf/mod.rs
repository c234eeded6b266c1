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

/// Typesets a one-line table and throws it away, so that the fonts and
/// typst's library are loaded before the clerk's first export (the app calls
/// this on a worker thread at start; it takes a few tenths of a second).
pub fn warm_up(today: NaiveDate) {
    let table = zhibu_core::table::Table {
        sheet: String::new(),
        title: "支部台账".into(),
        header: vec!["序号".into(), "姓名".into()],
        rows: vec![vec![
            zhibu_core::table::Cell::Number(1.0),
            zhibu_core::table::Cell::Text("王建国".into()),
        ]],
        widths: vec![4.0, 8.0],
        frozen_columns: 0,
        total_rows: 0,
    };
    let section = tables::Section {
        table,
        lines: vec![],
        notes: vec![],
        signatures: vec!["制表人"],
        made: Some(today),
    };
    let job = tables::job("支部台账", false, &[section], today);
    // Nothing depends on it: a failure here shows again, with its message,
    // when the clerk exports.
    let _ = render(&job, &std::sync::atomic::AtomicBool::new(false));
}

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
