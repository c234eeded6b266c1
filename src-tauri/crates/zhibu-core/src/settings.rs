//! Small key/value settings kept in the database, so that every program
//! opening the same data directory agrees on them.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The branch the UI last worked on.
pub const CURRENT_ORG: &str = "current_org_id";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_settings WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
