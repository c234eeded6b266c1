//! Photos and scans of a meeting (signed sign-in sheet, activity photos,
//! 课件): copied into `附件` under the data directory, so a backup of the
//! directory carries them, and registered with their SHA-256 so a file
//! changed or lost on disk is noticed when it is opened.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use rusqlite::{Connection, Transaction};

use super::storage::attachments::{self as stored, NewAttachment};
pub use super::types::Attachment;
use super::{is_final, MeetingId};
use crate::error::{Error, Result};
use crate::files;
pub use crate::files::{DIR, MAX_BYTES};
use crate::text;

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
    if let Some(existing) = stored::name_with_checksum(tx, meeting, &file.sha256)? {
        return Err(Error::Conflict(format!(
            "这个文件已经作为“{existing}”添加过了，不必重复添加"
        )));
    }
    let relative = file.relative_path(&meeting.to_string());
    let target = data_dir.join(&relative);
    files::write_durably(&target, &file.bytes)?;
    let caption = text::line("说明", caption)?;
    let new = NewAttachment {
        meeting,
        file_name: &file.file_name,
        stored_path: &relative,
        caption: &caption,
        bytes: file.size(),
        sha256: &file.sha256,
    };
    stored::insert(tx, &new, now).inspect_err(|_| {
        let _ = std::fs::remove_file(&target);
    })
}

pub fn list(conn: &Connection, meeting: MeetingId) -> Result<Vec<Attachment>> {
    stored::list(conn, meeting)
}

/// Where an attachment's file is (relative to the data directory), the
/// checksum it was stored with and its name.
fn kept(conn: &Connection, id: i64) -> Result<(String, String, String)> {
    stored::stored(conn, id)?.ok_or_else(not_found)
}

fn not_found() -> Error {
    Error::NotFound("找不到这个附件，请刷新后重试".into())
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
    let (relative, sha256, file_name) = kept(conn, id)?;
    Ok(StoredFile {
        path: files::stored_path(data_dir, &relative)?,
        sha256,
        file_name,
    })
}

/// The file's bytes, checked against the checksum taken when it was added.
pub fn read(conn: &Connection, data_dir: &Path, id: i64) -> Result<Vec<u8>> {
    let (relative, sha, name) = kept(conn, id)?;
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
    let meeting = stored::meeting_of(tx, id)?.ok_or_else(not_found)?;
    if is_final(tx, meeting)? {
        return Err(Error::Conflict(
            "该会议记录已定稿，附件只能添加，不能删除；如有错误，请添加补充说明".into(),
        ));
    }
    let (relative, _, _) = kept(tx, id)?;
    let path = files::stored_path(data_dir, &relative)?;
    stored::delete(tx, id)?;
    Ok(path)
}
