//! Whether a database file is one of ours and whole (SQLite's own check,
//! the schema version, stored paths that stay inside the data folder), and
//! the summary a clerk sees of it, taken from the database itself and the
//! hash-checked parts, never from what an archive says about itself.

use std::path::Path;

use chrono::{DateTime, Local};
use rusqlite::{Connection, OpenFlags};

use super::storage::{count, integrity, pragma, stored_paths};
use super::{archive, Counts, Part, Summary, FORMAT};
use crate::error::{Error, Result};
use crate::store::{APPLICATION_ID, SCHEMA_VERSION};

/// Reads the summary of a database file (the snapshot about to be archived,
/// or the one just taken out of an archive).
pub(super) fn summarise(db: &Path, created_at: DateTime<Local>) -> Result<Summary> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let branches = crate::org::list_branches(&conn)?
        .into_iter()
        .map(|b| b.name)
        .collect();
    Ok(Summary {
        format: FORMAT,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: pragma(&conn, "user_version")?,
        created_at: created_at.to_rfc3339(),
        branches,
        counts: Counts {
            members: count(&conn, "members")?,
            member_events: count(&conn, "member_events")?,
            meetings: count(&conn, "meetings")?,
            dues_payments: count(&conn, "dues_payments")?,
            development_people: count(&conn, "dev_people")?,
        },
        attachments: 0,
        attachment_bytes: 0,
    })
}

/// Checks a database file taken out of a backup: ours, not newer than this
/// program, and whole (`integrity_check`, not just `quick_check`).
pub(crate) fn check_database(db: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::BadBackup(format!("备份中的数据库无法打开（{e}）")))?;
    let read = |name: &str| -> Result<i64> {
        pragma(&conn, name).map_err(|e| Error::BadBackup(format!("备份中的数据库无法读取（{e}）")))
    };
    if read("application_id")? != i64::from(APPLICATION_ID) {
        return Err(Error::BadBackup("备份中的数据库不是支部台账的数据".into()));
    }
    let version = read("user_version")?;
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let check =
        integrity(&conn).map_err(|e| Error::BadBackup(format!("备份中的数据库检查失败（{e}）")))?;
    if check != "ok" {
        return Err(Error::BadBackup(format!("备份中的数据库已损坏（{check}）")));
    }
    check_content(&conn, version)
}

/// Tables holding the place of a stored file, and that column.
const STORED_PATHS: [(&str, &str); 2] = [
    ("meeting_attachments", "stored_path"),
    ("dev_documents", "file_path"),
];

/// What a database from a backup may hold beyond being whole: exactly the
/// schema this program makes (no added trigger or view), and file places
/// only of the form it writes (no `../`, no absolute or network path).
fn check_content(conn: &Connection, version: i64) -> Result<()> {
    let schema = crate::store::schema_of(conn)?;
    if schema != crate::store::expected_schema(version)? {
        return Err(archive::not_ours("数据库的结构与本程序建立的不同"));
    }
    for (table, column) in STORED_PATHS {
        if !schema
            .iter()
            .any(|(kind, name, _)| kind == "table" && name == table)
        {
            continue;
        }
        for path in stored_paths(conn, table, column)? {
            if !crate::files::is_stored_path(&path) {
                return Err(archive::not_ours(format!(
                    "数据库中的附件位置“{}”不是本程序写入的形式",
                    crate::text::prefix(&path, 80)
                )));
            }
        }
    }
    Ok(())
}

/// The summary shown before a restore, taken from the checked database and
/// the hash-checked parts, never from the archive's own description.
pub(super) fn trusted_summary(db: &Path, read: &archive::Contents) -> Result<Summary> {
    let created = DateTime::parse_from_rfc3339(&read.summary.created_at)
        .map_err(|_| archive::not_ours("说明中的制作时间无法识别"))?
        .with_timezone(&Local);
    let mut summary = summarise(db, created)?;
    let files: Vec<&Part> = read
        .parts
        .iter()
        .filter(|p| crate::files::is_stored_path(&p.path))
        .collect();
    summary.attachments = files.len() as u32;
    summary.attachment_bytes = files.iter().map(|p| p.bytes).sum();
    Ok(summary)
}
