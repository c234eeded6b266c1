//! The backup area's SQL, and only that: the consistent copy of the live
//! database a backup archives, and what is read from a database file taken
//! out of an archive (its pragmas, SQLite's own check, row counts, the file
//! places it holds). Errors are returned as SQLite gives them; `check.rs`
//! words them for the clerk.

use std::path::Path;

use rusqlite::Connection;

use crate::error::Result;

/// A consistent copy of the live database at `target` (a new file), taken
/// without stopping anyone using it.
pub(super) fn snapshot_into(conn: &Connection, target: &Path) -> Result<()> {
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}

/// An integer pragma such as `user_version` or `application_id`.
pub(super) fn pragma(conn: &Connection, name: &str) -> rusqlite::Result<i64> {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
}

/// SQLite's `integrity_check`: "ok", or the first problem found.
pub(super) fn integrity(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
}

/// The rows of `table` (a name from this program's own list, never input).
pub(super) fn count(conn: &Connection, table: &str) -> Result<u32> {
    Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

/// The file places held in `column` of `table` (names from this program's
/// own list, never input).
pub(super) fn stored_paths(conn: &Connection, table: &str, column: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
