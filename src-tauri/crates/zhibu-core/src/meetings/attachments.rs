//! Photos and scans of a meeting (signed sign-in sheet, activity photos,
//! 课件): copied into `附件` under the data directory, so a backup of the
//! directory carries them, and registered with their SHA-256 so a file
//! changed or lost on disk is noticed when it is opened.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{is_final, MeetingId};
use crate::error::{Error, Result};

/// Largest file accepted. A phone photo is 2–8 MB; a multi-page scan as PDF
/// rarely exceeds 10 MB. Larger files make backups to a USB stick slow.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Folder under the data directory that holds the files.
pub const DIR: &str = "附件";

/// What a file is, from its first bytes (never from its name alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileType {
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    Pdf,
}

impl FileType {
    const ALL: [FileType; 6] = [
        FileType::Jpeg,
        FileType::Png,
        FileType::Gif,
        FileType::Bmp,
        FileType::Webp,
        FileType::Pdf,
    ];

    fn sniff(head: &[u8]) -> Option<FileType> {
        Some(match head {
            [0xFF, 0xD8, 0xFF, ..] => FileType::Jpeg,
            [0x89, b'P', b'N', b'G', ..] => FileType::Png,
            [b'G', b'I', b'F', b'8', ..] => FileType::Gif,
            [b'B', b'M', ..] => FileType::Bmp,
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => FileType::Webp,
            [b'%', b'P', b'D', b'F', ..] => FileType::Pdf,
            _ => return None,
        })
    }

    fn extension(self) -> &'static str {
        match self {
            FileType::Jpeg => "jpg",
            FileType::Png => "png",
            FileType::Gif => "gif",
            FileType::Bmp => "bmp",
            FileType::Webp => "webp",
            FileType::Pdf => "pdf",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Gif => "image/gif",
            FileType::Bmp => "image/bmp",
            FileType::Webp => "image/webp",
            FileType::Pdf => "application/pdf",
        }
    }
}

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

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn mime_of(stored_path: &str) -> &'static str {
    let ext = stored_path.rsplit('.').next().unwrap_or("");
    FileType::ALL
        .into_iter()
        .find(|t| t.extension() == ext)
        .map_or("application/octet-stream", FileType::mime)
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
    let file_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(source)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?
        .len();
    if size > MAX_BYTES {
        return Err(Error::Validation(format!(
            "文件“{file_name}”有 {:.1} MB，超过了 {} MB 的上限。请用手机或电脑把照片压缩（或扫描时选较低分辨率）后再添加",
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    let bytes = std::fs::read(source)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?;
    let kind = FileType::sniff(&bytes).ok_or_else(|| {
        Error::Validation(format!(
            "“{file_name}”不是照片或PDF扫描件。只能添加 JPG、PNG、GIF、BMP、WEBP 照片或 PDF 文件"
        ))
    })?;
    let sha = sha256_hex(&bytes);
    let duplicate: Option<String> = tx
        .query_row(
            "SELECT file_name FROM meeting_attachments WHERE meeting_id = ?1 AND sha256 = ?2",
            params![meeting, sha],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = duplicate {
        return Err(Error::Conflict(format!(
            "这个文件已经作为“{existing}”添加过了，不必重复添加"
        )));
    }
    let relative = format!("{DIR}/{meeting}/{}.{}", &sha[..16], kind.extension());
    let target = data_dir.join(&relative);
    write_durably(&target, &bytes)?;
    let inserted = tx.execute(
        "INSERT INTO meeting_attachments (meeting_id, file_name, stored_path, caption, bytes, sha256, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            meeting,
            file_name,
            relative,
            caption.trim(),
            size as i64,
            sha,
            now.to_rfc3339()
        ],
    );
    if let Err(e) = inserted {
        let _ = std::fs::remove_file(&target);
        return Err(e.into());
    }
    Ok(tx.last_insert_rowid())
}

/// Writes through a temporary file, flushed to disk, then renamed into
/// place: a crash leaves either no file or the whole file.
fn write_durably(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = target
        .parent()
        .ok_or_else(|| Error::Internal("附件路径无效".into()))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("无法创建附件目录 {}", dir.display()), e))?;
    let temp = target.with_extension("part");
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(format!("无法保存附件到 {}", target.display()), e)
    })
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

/// Where an attachment's file is, and the checksum it was stored with.
fn stored(conn: &Connection, data_dir: &Path, id: i64) -> Result<(PathBuf, String, String)> {
    let (relative, sha, name): (String, String, String) = conn
        .query_row(
            "SELECT stored_path, sha256, file_name FROM meeting_attachments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound("找不到这个附件，请刷新后重试".into()))?;
    Ok((data_dir.join(relative), sha, name))
}

/// The file's bytes, checked against the checksum taken when it was added.
pub fn read(conn: &Connection, data_dir: &Path, id: i64) -> Result<Vec<u8>> {
    let (path, sha, name) = stored(conn, data_dir, id)?;
    let bytes = std::fs::read(&path).map_err(|e| {
        Error::io(
            format!(
                "附件“{name}”的文件 {} 找不到或无法读取，请从备份恢复数据目录",
                path.display()
            ),
            e,
        )
    })?;
    if sha256_hex(&bytes) != sha {
        return Err(Error::Corrupt {
            detail: format!("附件“{name}”的文件内容与添加时不一致"),
        });
    }
    Ok(bytes)
}

/// Copies an attachment out (e.g. a PDF scan to open in another program).
pub fn save_copy(conn: &Connection, data_dir: &Path, id: i64, target: &Path) -> Result<()> {
    let bytes = read(conn, data_dir, id)?;
    write_durably(target, &bytes)
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
    let (path, _, _) = stored(tx, data_dir, id)?;
    tx.execute("DELETE FROM meeting_attachments WHERE id = ?1", [id])?;
    Ok(path)
}
