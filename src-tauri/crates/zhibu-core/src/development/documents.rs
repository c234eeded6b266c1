//! The documents each step leaves behind (细则's 材料: 入党申请书, 谈话记录,
//! 入党志愿书 …): ticked off when the step is recorded or later, each with a
//! scan when there is one. Scans are stored as meeting attachments are
//! (`files`), under `附件/发展党员/<person>`.

use std::path::Path;

use chrono::{DateTime, Local};
use rusqlite::{Connection, Transaction};

use super::steps::def;
use super::storage::documents::{self as stored, Scan};
pub use super::DevDocument;
use crate::error::{Error, Result};
use crate::files;

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
    let existing = stored::find(tx, step_id, name)?;
    let Some(scan) = scan else {
        if existing.is_some() {
            return Err(Error::Conflict(format!("“{name}”已经登记过了")));
        }
        return stored::tick(tx, step_id, name, false, now);
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
    let scan = Scan {
        path: &relative,
        file_name: &file.file_name,
        mime: file.mime(),
        size: file.size(),
        sha256: &file.sha256,
    };
    let saved = match existing {
        Some((id, None)) => stored::set_scan(tx, id, &scan, now).map(|_| id),
        _ => stored::insert_with_scan(tx, step_id, name, &scan, now),
    };
    // The same scan may serve two documents, so a file is only removed when
    // no row refers to it.
    saved.inspect_err(|_| {
        if !stored::referenced(tx, &relative) {
            let _ = std::fs::remove_file(&target);
        }
    })
}

/// The scan's bytes, checked against the checksum taken when it was added.
pub fn read(conn: &Connection, data_dir: &Path, document: i64) -> Result<Vec<u8>> {
    let stored::Stored { name, path, sha256 } = stored::scan_of(conn, document)?
        .ok_or_else(|| Error::NotFound("找不到这份材料，请刷新后重试".into()))?;
    match (path, sha256) {
        (Some(path), Some(sha256)) => files::read_stored(data_dir, &path, &sha256, &name),
        _ => Err(Error::NotFound(format!("“{name}”还没有扫描件，请先添加"))),
    }
}

/// Copies a scan out (to print it or hand it to the 上级党委).
pub fn save_copy(conn: &Connection, data_dir: &Path, document: i64, target: &Path) -> Result<()> {
    let bytes = read(conn, data_dir, document)?;
    files::write_durably(target, &bytes)
}
