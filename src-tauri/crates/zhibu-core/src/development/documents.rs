//! The documents each step leaves behind (细则's 材料: 入党申请书, 谈话记录,
//! 入党志愿书 …): ticked off when the step is recorded or later, each with a
//! scan when there is one. Scans are stored as meeting attachments are
//! (`files`), under `附件/发展党员/<person>`.

use std::path::Path;

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::steps::def;
use crate::error::{Error, Result};
use crate::files;

/// A document of a step, with its scan when one was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DevDocument {
    pub id: i64,
    pub name: String,
    /// The name the scan had when it was added; None while there is no scan.
    pub file_name: Option<String>,
    pub mime: Option<String>,
    pub bytes: Option<i64>,
    pub added_at: String,
}

pub(super) fn of_step(conn: &Connection, step_id: i64) -> Result<Vec<DevDocument>> {
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

/// Ticks off document `name` of a recorded step and, with `scan`, stores its
/// scan. A document ticked without a scan takes one later; one that has a
/// scan keeps it (the record is evidence, nothing is replaced).
pub fn add(
    tx: &Transaction<'_>,
    data_dir: &Path,
    step_id: i64,
    name: &str,
    scan: Option<&Path>,
    now: DateTime<Local>,
) -> Result<i64> {
    let (person, step, withdrawn) = super::step_row(tx, step_id)?;
    if withdrawn.is_some() {
        return Err(Error::Conflict(
            "这一步已经撤销，不能再添加材料；请在重新登记的步骤上添加".into(),
        ));
    }
    let s = def(step).ok_or_else(|| Error::Internal(format!("没有第{step}步")))?;
    if !s.documents.contains(&name) {
        return Err(Error::Validation(format!(
            "“{name}”不是第{}步“{}”的材料，可选：{}",
            s.no,
            s.name,
            s.documents.join("、")
        )));
    }
    let existing: Option<(i64, Option<String>)> = tx
        .query_row(
            "SELECT id, file_path FROM dev_documents WHERE step_id = ?1 AND name = ?2",
            params![step_id, name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some(scan) = scan else {
        if existing.is_some() {
            return Err(Error::Conflict(format!("“{name}”已经登记过了")));
        }
        tx.execute(
            "INSERT INTO dev_documents (step_id, name, added_at) VALUES (?1, ?2, ?3)",
            params![step_id, name, now.to_rfc3339()],
        )?;
        return Ok(tx.last_insert_rowid());
    };
    if let Some((_, Some(_))) = existing {
        return Err(Error::Conflict(format!(
            "“{name}”已有扫描件，不能替换；如有补充材料，请写在该步骤的备注中"
        )));
    }
    let file = files::read_incoming(scan)?;
    let relative = file.relative_path(&format!("发展党员/{person}"));
    let target = data_dir.join(&relative);
    files::write_durably(&target, &file.bytes)?;
    let saved = match existing {
        Some((id, None)) => tx
            .execute(
                "UPDATE dev_documents SET file_path = ?2, original_name = ?3, mime = ?4, size = ?5,
                     sha256 = ?6, added_at = ?7 WHERE id = ?1",
                params![
                    id,
                    relative,
                    file.file_name,
                    file.mime(),
                    file.size(),
                    file.sha256,
                    now.to_rfc3339()
                ],
            )
            .map(|_| id),
        _ => tx
            .execute(
                "INSERT INTO dev_documents (step_id, name, file_path, original_name, mime, size, sha256, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    step_id,
                    name,
                    relative,
                    file.file_name,
                    file.mime(),
                    file.size(),
                    file.sha256,
                    now.to_rfc3339()
                ],
            )
            .map(|_| tx.last_insert_rowid()),
    };
    // The same scan may serve two documents, so a file is only removed when
    // no row refers to it.
    saved.map_err(|e| {
        if !referenced(tx, &relative) {
            let _ = std::fs::remove_file(&target);
        }
        e.into()
    })
}

fn referenced(conn: &Connection, relative: &str) -> bool {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM dev_documents WHERE file_path = ?1)",
        [relative],
        |r| r.get(0),
    )
    .unwrap_or(true)
}

/// The scan's bytes, checked against the checksum taken when it was added.
pub fn read(conn: &Connection, data_dir: &Path, document: i64) -> Result<Vec<u8>> {
    let (name, path, sha): (String, Option<String>, Option<String>) = conn
        .query_row(
            "SELECT name, file_path, sha256 FROM dev_documents WHERE id = ?1",
            [document],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound("找不到这份材料，请刷新后重试".into()))?;
    match (path, sha) {
        (Some(path), Some(sha)) => files::read_stored(data_dir, &path, &sha, &name),
        _ => Err(Error::NotFound(format!("“{name}”还没有扫描件，请先添加"))),
    }
}

/// Copies a scan out (to print it or hand it to the 上级党委).
pub fn save_copy(conn: &Connection, data_dir: &Path, document: i64, target: &Path) -> Result<()> {
    let bytes = read(conn, data_dir, document)?;
    files::write_durably(target, &bytes)
}
