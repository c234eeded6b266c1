//! Photos and scans of a meeting (signed sign-in sheet, activity photos,
//! 课件): copied into `附件` under the data directory, so a backup of the
//! directory carries them, and registered with their SHA-256 so a file
//! changed or lost on disk is noticed when it is opened.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{is_final, MeetingId};
use crate::error::{Error, Result};
use crate::files::{self, mime_of};
pub use crate::files::{DIR, MAX_BYTES};
use crate::text;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Attachment {
    pub id: i64,
    /// The name the file had when it was added.
    pub file_name: String,
    pub caption: String,
    pub bytes: i64,
    pub mime: String,
    pub added_at: String,
    /// Added after the record was finalised (shown as such to an inspector).
    pub after_final: bool,
}

/// Copies `source` into the data directory and registers it with the
/// meeting. Allowed on a draft and on a finalised record (a scanned sign-in
/// sheet often comes days later); removal is only possible on a draft.
pub fn add(
    tx: &Transaction<'_>,
    data_dir: &Path,
    meeting: MeetingId,
    source: &Path,
    caption: &str,
    now: DateTime<Local>,
) -> Result<i64> {
    // Only to refuse a meeting that does not exist; a final one still takes files.
    is_final(tx, meeting)?;
    let file = files::read_incoming(source)?;
    let duplicate: Option<String> = tx
        .query_row(
            "SELECT file_name FROM meeting_attachments WHERE meeting_id = ?1 AND sha256 = ?2",
            params![meeting, file.sha256],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = duplicate {
        return Err(Error::Conflict(format!(
            "这个文件已经作为“{existing}”添加过了，不必重复添加"
        )));
    }
    let relative = file.relative_path(&meeting.to_string());
    let target = data_dir.join(&relative);
    files::write_durably(&target, &file.bytes)?;
    let inserted = tx.execute(
        "INSERT INTO meeting_attachments (meeting_id, file_name, stored_path, caption, bytes, sha256, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            meeting,
            file.file_name,
            relative,
            text::line("说明", caption)?,
            file.size(),
            file.sha256,
            now.to_rfc3339()
        ],
    );
    if let Err(e) = inserted {
        let _ = std::fs::remove_file(&target);
        return Err(e.into());
    }
    Ok(tx.last_insert_rowid())
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

/// Where an attachment's file is (relative to the data directory), the
/// checksum it was stored with and its name.
fn stored(conn: &Connection, id: i64) -> Result<(String, String, String)> {
    conn.query_row(
        "SELECT stored_path, sha256, file_name FROM meeting_attachments WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound("找不到这个附件，请刷新后重试".into()))
}

/// Where an attachment is on disk, for a reader that takes the bytes
/// itself (the PDF book reads photos one at a time while typesetting).
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub path: PathBuf,
    pub sha256: String,
    pub file_name: String,
}

pub fn stored_file(conn: &Connection, data_dir: &Path, id: i64) -> Result<StoredFile> {
    let (relative, sha256, file_name) = stored(conn, id)?;
    Ok(StoredFile {
        path: files::stored_path(data_dir, &relative)?,
        sha256,
        file_name,
    })
}

/// The file's bytes, checked against the checksum taken when it was added.
pub fn read(conn: &Connection, data_dir: &Path, id: i64) -> Result<Vec<u8>> {
    let (relative, sha, name) = stored(conn, id)?;
    files::read_stored(data_dir, &relative, &sha, &name)
}

/// Copies an attachment out (e.g. a PDF scan to open in another program).
pub fn save_copy(conn: &Connection, data_dir: &Path, id: i64, target: &Path) -> Result<()> {
    let bytes = read(conn, data_dir, id)?;
    files::write_durably(target, &bytes)
}

/// Unregisters an attachment of a draft and returns its file, which the
/// caller deletes once the transaction has committed.
pub fn remove(tx: &Transaction<'_>, data_dir: &Path, id: i64) -> Result<PathBuf> {
    let meeting: MeetingId = tx
        .query_row(
            "SELECT meeting_id FROM meeting_attachments WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound("找不到这个附件，请刷新后重试".into()))?;
    if is_final(tx, meeting)? {
        return Err(Error::Conflict(
            "该会议记录已定稿，附件只能添加，不能删除；如有错误，请添加补充说明".into(),
        ));
    }
    let (relative, _, _) = stored(tx, id)?;
    let path = files::stored_path(data_dir, &relative)?;
    tx.execute("DELETE FROM meeting_attachments WHERE id = ?1", [id])?;
    Ok(path)
}
