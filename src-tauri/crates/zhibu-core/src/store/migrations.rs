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
