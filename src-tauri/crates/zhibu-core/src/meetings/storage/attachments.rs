//! The `meeting_attachments` table: each file's original name, where it is
//! kept under the data directory, its caption, size and checksum.

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::files::mime_of;
use crate::meetings::types::Attachment;
use crate::meetings::MeetingId;

/// The name under which the record already holds a file with this checksum.
pub fn name_with_checksum(
    conn: &Connection,
    meeting: MeetingId,
    sha256: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT file_name FROM meeting_attachments WHERE meeting_id = ?1 AND sha256 = ?2",
            params![meeting, sha256],
            |r| r.get(0),
        )
        .optional()?)
}

pub struct NewAttachment<'a> {
    pub meeting: MeetingId,
    pub file_name: &'a str,
    /// Relative to the data directory.
    pub stored_path: &'a str,
    pub caption: &'a str,
    pub bytes: i64,
    pub sha256: &'a str,
}

pub fn insert(conn: &Connection, a: &NewAttachment<'_>, now: DateTime<Local>) -> Result<i64> {
    conn.execute(
        "INSERT INTO meeting_attachments (meeting_id, file_name, stored_path, caption, bytes, sha256, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            a.meeting,
            a.file_name,
            a.stored_path,
            a.caption,
            a.bytes,
            a.sha256,
            now.to_rfc3339()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn list(conn: &Connection, meeting: MeetingId) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.file_name, a.caption, a.bytes, a.stored_path, a.added_at,
                m.finalised_at IS NOT NULL AND a.added_at > m.finalised_at
         FROM meeting_attachments a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.meeting_id = ?1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map([meeting], |r| {
        Ok(Attachment {
            id: r.get(0)?,
            file_name: r.get(1)?,
            caption: r.get(2)?,
            bytes: r.get(3)?,
            mime: mime_of(&r.get::<_, String>(4)?).to_string(),
            added_at: r.get(5)?,
            after_final: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Where a file is kept (relative), the checksum it was stored with and its
/// name; `None` if there is no such attachment.
pub fn stored(conn: &Connection, id: i64) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .query_row(
            "SELECT stored_path, sha256, file_name FROM meeting_attachments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

pub fn meeting_of(conn: &Connection, id: i64) -> Result<Option<MeetingId>> {
    Ok(conn
        .query_row(
            "SELECT meeting_id FROM meeting_attachments WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM meeting_attachments WHERE id = ?1", [id])?;
    Ok(())
}
