//! The `dev_documents` table: the documents of each step, ticked as in the
//! file, with the scan's place under the data directory and its checksum
//! once one is added.

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension};

use crate::development::DevDocument;
use crate::error::Result;

pub fn of_step(conn: &Connection, step_id: i64) -> Result<Vec<DevDocument>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, original_name, mime, size, added_at FROM dev_documents
         WHERE step_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([step_id], |r| {
        Ok(DevDocument {
            id: r.get(0)?,
            name: r.get(1)?,
            file_name: r.get(2)?,
            mime: r.get(3)?,
            bytes: r.get(4)?,
            added_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The step's document `name`, if ticked: its id and its scan's place.
pub fn find(conn: &Connection, step_id: i64, name: &str) -> Result<Option<(i64, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT id, file_path FROM dev_documents WHERE step_id = ?1 AND name = ?2",
            params![step_id, name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Ticks document `name` of a step, without a scan; returns its id. With
/// `if_new`, a document already ticked is left as it is.
pub fn tick(
    conn: &Connection,
    step_id: i64,
    name: &str,
    if_new: bool,
    now: DateTime<Local>,
) -> Result<i64> {
    let sql = if if_new {
        "INSERT OR IGNORE INTO dev_documents (step_id, name, added_at) VALUES (?1, ?2, ?3)"
    } else {
        "INSERT INTO dev_documents (step_id, name, added_at) VALUES (?1, ?2, ?3)"
    };
    conn.execute(sql, params![step_id, name, now.to_rfc3339()])?;
    Ok(conn.last_insert_rowid())
}

/// A scan as stored: where (relative to the data directory) and what.
pub struct Scan<'a> {
    pub path: &'a str,
    pub file_name: &'a str,
    pub mime: &'a str,
    pub size: i64,
    pub sha256: &'a str,
}

/// Adds the scan to a document ticked without one.
pub fn set_scan(conn: &Connection, id: i64, scan: &Scan<'_>, now: DateTime<Local>) -> Result<()> {
    conn.execute(
        "UPDATE dev_documents SET file_path = ?2, original_name = ?3, mime = ?4, size = ?5,
             sha256 = ?6, added_at = ?7 WHERE id = ?1",
        params![
            id,
            scan.path,
            scan.file_name,
            scan.mime,
            scan.size,
            scan.sha256,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}

/// Ticks document `name` of a step with its scan; returns its id.
pub fn insert_with_scan(
    conn: &Connection,
    step_id: i64,
    name: &str,
    scan: &Scan<'_>,
    now: DateTime<Local>,
) -> Result<i64> {
    let id = tick(conn, step_id, name, false, now)?;
    set_scan(conn, id, scan, now)?;
    Ok(id)
}

/// Whether any document refers to the scan at `path` (one scan may serve
/// two documents). True when it cannot be told, so a file is never removed
/// on a guess.
pub fn referenced(conn: &Connection, path: &str) -> bool {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM dev_documents WHERE file_path = ?1)",
        [path],
        |r| r.get(0),
    )
    .unwrap_or(true)
}

/// A document's name, and its scan's place and checksum when it has one.
pub struct Stored {
    pub name: String,
    pub path: Option<String>,
    pub sha256: Option<String>,
}

/// `None` if there is no such document.
pub fn scan_of(conn: &Connection, id: i64) -> Result<Option<Stored>> {
    Ok(conn
        .query_row(
            "SELECT name, file_path, sha256 FROM dev_documents WHERE id = ?1",
            [id],
            |r| {
                Ok(Stored {
                    name: r.get(0)?,
                    path: r.get(1)?,
                    sha256: r.get(2)?,
                })
            },
        )
        .optional()?)
}
