//! Forward-only migrations, embedded in the binary. Never edit one that has
//! landed: add a new file and a new entry. `PRAGMA user_version` holds the
//! number of migrations applied.

use rusqlite::Connection;

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_meetings.sql"),
    include_str!("../../migrations/0003_meeting_details.sql"),
    include_str!("../../migrations/0004_dues.sql"),
    include_str!("../../migrations/0005_development.sql"),
    include_str!("../../migrations/0006_dev_document_files.sql"),
    include_str!("../../migrations/0007_attendance_exclusions.sql"),
    include_str!("../../migrations/0008_dues_pay_period.sql"),
    include_str!("../../migrations/0009_dev_publicity.sql"),
    include_str!("../../migrations/0010_demo_branch.sql"),
    include_str!("../../migrations/0011_todo_snoozes.sql"),
    include_str!("../../migrations/0012_attendance_by_member.sql"),
    include_str!("../../migrations/0013_item_owner.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let version = index as i64 + 1;
        // One transaction per migration: a failure leaves the previous version intact.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", super::APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// A schema object as `sqlite_master` lists it: type, name and its SQL.
pub type SchemaObject = (String, String, Option<String>);

/// Every table, index, view and trigger of a database, in a stable order
/// (SQLite's own internal objects left out).
pub fn schema_of(conn: &Connection) -> Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The schema this program gives a database of `version`: the migrations
/// up to it, run on an empty database. A database whose schema differs was
/// changed by something else (an extra trigger or view could act on every
/// write), and is not taken from a backup.
pub fn expected_schema(version: i64) -> Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS
        .iter()
        .take(version.clamp(0, SCHEMA_VERSION) as usize)
    {
        conn.execute_batch(sql)?;
    }
    schema_of(&conn)
}
