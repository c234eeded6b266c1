//! 备份与恢复: one `.zhibu` file holds everything the clerk has saved — a
//! consistent snapshot of the database taken while the app runs, every
//! attachment under `附件/`, and a manifest with a SHA-256 per part — and is
//! only ever called good after it has been read back and checked.
//!
//! The file is a tar archive (optionally encrypted with age, passphrase →
//! scrypt): `zhibu-backup.json` first (what is inside, readable before
//! anything else), then `zhibu.db`, then the attachments, and `manifest.json`
//! last, written once every part's hash is known. A file cut short lacks the
//! manifest; a flipped bit fails its part's hash; both are refused.

mod archive;
mod check;
mod restore;
pub mod schedule;
mod storage;
pub mod targets;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{Store, DB_FILE};
use crate::task::Report;

pub use archive::Passphrase;
pub(crate) use check::check_database;
use check::{summarise, trusted_summary};
pub use restore::{
    finish_interrupted, restore, safety_copies, safety_dir, RestoreReport, LOCAL_BACKUPS,
};

/// The backup file's extension.
pub const EXTENSION: &str = "zhibu";
/// Names of backup files start with this, so that keeping the last N never
/// touches a file the clerk put there themselves.
pub const PREFIX: &str = "支部台账备份";
/// Layout version of the archive; a newer one is refused, not guessed at.
pub const FORMAT: u32 = 1;
/// Backups kept on one target unless the clerk says otherwise.
pub const DEFAULT_KEEP: u32 = 10;

/// What a backup holds, written first in the archive and shown before a
/// restore replaces anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Summary {
    pub format: u32,
    pub app_version: String,
    pub schema_version: i64,
    /// When it was made (local time, RFC 3339).
    pub created_at: String,
    pub branches: Vec<String>,
    pub counts: Counts,
    pub attachments: u32,
    pub attachment_bytes: u64,
}

/// Record counts, so the clerk can see a backup is the one they mean.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Counts {
    pub members: u32,
    pub member_events: u32,
    pub meetings: u32,
    pub dues_payments: u32,
    pub development_people: u32,
}

/// A backup file and what is in it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    pub bytes: u64,
    pub encrypted: bool,
    pub summary: Summary,
}

/// One part of the archive and its hash, as listed in `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Part {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

pub(crate) const SUMMARY_NAME: &str = "zhibu-backup.json";
pub(crate) const MANIFEST_NAME: &str = "manifest.json";

/// Every attachment under the data directory's `附件/`, by path relative
/// to the data directory (with `/` between folders), in a stable order.
pub(super) fn attachments(data_dir: &Path) -> Result<Vec<(String, PathBuf, u64)>> {
    let root = data_dir.join(crate::files::DIR);
    let mut found = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(format!("无法读取文件夹 {}", dir.display()), e)),
        };
        for entry in entries {
            let entry =
                entry.map_err(|e| Error::io(format!("无法读取文件夹 {}", dir.display()), e))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .map_err(|e| Error::io(format!("无法读取 {}", path.display()), e))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let relative = path
                    .strip_prefix(data_dir)
                    .map_err(|_| {
                        Error::Internal(format!("附件不在数据目录中：{}", path.display()))
                    })?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                // Only what this program stored: not a half-written copy
                // (`.part`), nor anything else someone put in the folder.
                if !crate::files::is_stored_path(&relative) {
                    continue;
                }
                let bytes = entry
                    .metadata()
                    .map_err(|e| Error::io(format!("无法读取 {}", path.display()), e))?
                    .len();
                found.push((relative, path, bytes));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The file name of a backup made at `now`: 支部台账备份-20261122-093000.zhibu
/// Opens the data folder as the programs do: a restore cut short by a crash
/// or power cut is finished first, then the database is opened (created if
/// needed).
pub fn open_data_dir(data_dir: &Path) -> Result<Store> {
    crate::paths::create_private_dir(data_dir)
        .map_err(|e| Error::io(format!("无法创建数据目录 {}", data_dir.display()), e))?;
    finish_interrupted(data_dir)?;
    Store::open_in_dir(data_dir)
}

pub fn file_name(now: DateTime<Local>) -> String {
    format!("{PREFIX}-{}.{EXTENSION}", now.format("%Y%m%d-%H%M%S"))
}

/// Options of one backup.
pub struct Options<'a> {
    pub passphrase: Option<&'a Passphrase>,
    /// Backups of this program kept in the target folder, this one included.
    pub keep: u32,
}

/// Backs up `data_dir` (its database through `conn`, and its attachments)
/// into the folder `target_dir`. The file is written under a temporary name,
/// flushed, read back and checked in full, and only then renamed into
/// place; then all but the newest `keep` backups there are removed. On any
/// failure the half-written file is removed and earlier backups are as they
/// were.
pub fn create(
    conn: &Connection,
    data_dir: &Path,
    target_dir: &Path,
    options: &Options<'_>,
    now: DateTime<Local>,
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<BackupInfo> {
    if !target_dir.is_dir() {
        return Err(Error::Validation(format!(
            "找不到文件夹 {}。请插好U盘，或重新选择保存位置",
            target_dir.display()
        )));
    }
    // Never over an earlier backup, even one made in the same second.
    let target = (1..)
        .map(|n| match n {
            1 => target_dir.join(file_name(now)),
            n => target_dir.join(
                file_name(now).replace(&format!(".{EXTENSION}"), &format!("-{n}.{EXTENSION}")),
            ),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| target_dir.join(file_name(now)));
    // Unique to this write, so two backups to one folder never share it.
    let partial = target_dir.join(format!(
        ".{}.{}-{:x}.part",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id(),
        PART_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));

    remove_stale_scratch(data_dir, now);
    // The snapshot goes beside the live database (same disk, quick), and is
    // removed whatever happens.
    let scratch = tempfile::Builder::new()
        .prefix(".backup-")
        .tempdir_in(data_dir)
        .map_err(|e| Error::io(format!("无法在 {} 中建立临时文件夹", data_dir.display()), e))?;
    let snapshot = scratch.path().join(DB_FILE);
    storage::snapshot_into(conn, &snapshot)?;
    let mut summary = summarise(&snapshot, now)?;
    let files = attachments(data_dir)?;
    summary.attachments = files.len() as u32;
    summary.attachment_bytes = files.iter().map(|(_, _, b)| b).sum();

    let written = (|| -> Result<()> {
        let file = File::create(&partial).map_err(|e| write_error(&partial, e))?;
        let out = BufWriter::with_capacity(1 << 20, file);
        let file = archive::write(
            out,
            &partial,
            options.passphrase,
            &summary,
            &snapshot,
            &files,
            on_progress,
            cancel,
        )?;
        file.sync_all().map_err(|e| write_error(&partial, e))?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    drop(scratch);

    // Read it back: a backup is good only once it has been checked.
    let checked = verify_with(&partial, options.passphrase, data_dir, on_progress, cancel);
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&partial);
        return Err(match e {
            Error::Cancelled => Error::Cancelled,
            other => Error::BadBackup(format!(
                "写入后核对未通过（{other}）。U盘可能有问题，请换一个U盘或文件夹再备份；原有备份没有受影响"
            )),
        });
    }
    std::fs::rename(&partial, &target).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        write_error(&target, e)
    })?;
    sync_dir(target_dir);
    prune(target_dir, options.keep.max(1), &target)?;
    let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        path: target.display().to_string(),
        bytes,
        encrypted: options.passphrase.is_some(),
        summary,
    })
}

/// [`create`] with its own connection to the database in `data_dir`, so
/// that the app keeps working while a large backup is written (WAL lets a
/// reader take its snapshot beside the writer).
pub fn create_in(
    data_dir: &Path,
    target_dir: &Path,
    options: &Options<'_>,
    now: DateTime<Local>,
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<BackupInfo> {
    let db = data_dir.join(DB_FILE);
    if !db.exists() {
        return Err(Error::NotFound(format!(
            "数据目录 {} 中还没有数据，无需备份",
            data_dir.display()
        )));
    }
    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    create(
        &conn,
        data_dir,
        target_dir,
        options,
        now,
        on_progress,
        cancel,
    )
}

/// Removes snapshot folders (`.backup-*`) a crash left in the data
/// directory. Only ones a day old: a younger one may belong to a backup
/// running in another process right now.
fn remove_stale_scratch(data_dir: &Path, now: DateTime<Local>) {
    let day_ago = std::time::SystemTime::from(now) - std::time::Duration::from_secs(24 * 3600);
    for entry in std::fs::read_dir(data_dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = (name.starts_with(".backup-") || name.starts_with(".verify-"))
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < day_ago);
        if stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A write that failed, in words: a full stick and a pulled stick are the
/// usual causes.
fn write_error(path: &Path, e: std::io::Error) -> Error {
    // ENOSPC, or EFBIG: a file past the 4 GB a FAT32 stick allows.
    let full = matches!(e.raw_os_error(), Some(28) | Some(27))
        || matches!(
            e.kind(),
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
        );
    if full {
        Error::Conflict(format!(
            "{} 所在的磁盘或U盘空间不够（或U盘为FAT32格式，单个文件不能超过4GB），备份没有完成。请删除一些旧文件或换一个U盘后重试；原有备份没有受影响",
            path.display()
        ))
    } else {
        Error::io(
            format!(
                "写入 {} 时中断（U盘可能被拔出），备份没有完成；原有备份没有受影响",
                path.display()
            ),
            e,
        )
    }
}

/// Makes a rename in `dir` durable (POSIX needs the directory synced too).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The time stamp and same-second number of a file this program named
/// (`支部台账备份-20261122-093000.zhibu`, `…-093000-2.zhibu`); `None` for any
/// other name, such as one a clerk typed (`支部台账备份-2026年11月22日.zhibu`).
pub(crate) fn own_name(file_name: &str) -> Option<(String, u32)> {
    let rest = file_name
        .strip_prefix(PREFIX)?
        .strip_prefix('-')?
        .strip_suffix(&format!(".{EXTENSION}"))?;
    // Everything this program writes after the prefix is ASCII; anything
    // else is not its name, and the checks below may then slice by bytes.
    if !rest.is_ascii() || rest.len() < 15 {
        return None;
    }
    let (stamp, n) = rest.split_at(15);
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    let n = match n.strip_prefix('-') {
        None if n.is_empty() => 1,
        Some(digits)
            if !digits.is_empty()
                && digits.len() <= 6
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            digits.parse().ok()?
        }
        _ => return None,
    };
    Some((stamp.to_string(), n))
}

/// The backups in `dir`, oldest first: the ones this program named by the
/// time in their name, any renamed ones (still `支部台账备份….zhibu`) by the
/// time the file was last written.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<((String, u32), PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            if !(name.starts_with(PREFIX) && name.ends_with(&format!(".{EXTENSION}"))) {
                return None;
            }
            let key = own_name(&name).unwrap_or_else(|| {
                let written = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .map(|t| {
                        DateTime::<Local>::from(t)
                            .format("%Y%m%d-%H%M%S")
                            .to_string()
                    })
                    .unwrap_or_default();
                (written, 0)
            });
            Some((key, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Numbers the `.part` files of one process.
static PART_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A `.part` file older than this was left by a run that died; a younger
/// one may be another backup at work.
const STALE_PART: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Keeps the newest `keep` backups this program named in `dir` (the one
/// just made among them; renamed or foreign files are never touched) and
/// removes `.part` leftovers of runs that died more than a day ago.
fn prune(dir: &Path, keep: u32, newest: &Path) -> Result<()> {
    let own: Vec<PathBuf> = list(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(own_name)
                .is_some()
        })
        .collect();
    let excess = own.len().saturating_sub(keep as usize);
    for old in own.iter().take(excess) {
        if old != newest {
            let _ = std::fs::remove_file(old);
        }
    }
    for leftover in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = leftover.file_name().to_string_lossy().into_owned();
        let stale = leftover
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_PART);
        if stale && name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".part") {
            let _ = std::fs::remove_file(leftover.path());
        }
    }
    Ok(())
}

/// Checks a backup file end to end: every part's hash against the
/// manifest, the archive complete, the database ours and whole.
/// The database taken out to check it goes into a scratch folder inside
/// `scratch_in` (the data directory): the members' data never lands in the
/// system's shared temporary folder.
pub fn verify(
    path: &Path,
    passphrase: Option<&Passphrase>,
    scratch_in: &Path,
) -> Result<BackupInfo> {
    verify_with(
        path,
        passphrase,
        scratch_in,
        &|_| {},
        &AtomicBool::new(false),
    )
}

/// [`verify`], telling `on_progress` how far it has got; `cancel` stops it
/// (kind `cancelled`).
pub fn verify_with(
    path: &Path,
    passphrase: Option<&Passphrase>,
    scratch_in: &Path,
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<BackupInfo> {
    std::fs::create_dir_all(scratch_in)
        .map_err(|e| Error::io(format!("无法建立文件夹 {}", scratch_in.display()), e))?;
    let scratch = tempfile::Builder::new()
        .prefix(".verify-")
        .tempdir_in(scratch_in)
        .map_err(|e| Error::io("无法建立临时文件夹来核对备份".to_string(), e))?;
    let read = archive::read(
        path,
        passphrase,
        archive::Extract::DatabaseTo(scratch.path()),
        on_progress,
        cancel,
    )?;
    let db = scratch.path().join(DB_FILE);
    check_database(&db)?;
    Ok(BackupInfo {
        path: path.display().to_string(),
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        encrypted: read.encrypted,
        summary: trusted_summary(&db, &read)?,
    })
}

/// Writes a small file durably (used for the restore journal).
pub(crate) fn write_small(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f =
        File::create(path).map_err(|e| Error::io(format!("无法写入 {}", path.display()), e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(format!("无法写入 {}", path.display()), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_says_whether_the_stick_is_full_or_gone() {
        let at = Path::new("/media/usb/支部台账备份/x.zhibu");
        for full in [28, 27] {
            let e = write_error(at, std::io::Error::from_raw_os_error(full));
            assert!(e.to_string().contains("空间不够"), "errno {full}: {e}");
            assert!(e.to_string().contains("原有备份没有受影响"));
        }
        // ENODEV, EIO: the stick was pulled out.
        for gone in [19, 5] {
            let e = write_error(at, std::io::Error::from_raw_os_error(gone));
            assert!(e.to_string().contains("U盘可能被拔出"), "errno {gone}: {e}");
            assert!(e.to_string().contains("原有备份没有受影响"));
        }
    }

    #[test]
    fn only_names_this_program_writes_are_its_own() {
        assert_eq!(
            own_name("支部台账备份-20261122-093000.zhibu"),
            Some(("20261122-093000".into(), 1))
        );
        assert_eq!(
            own_name("支部台账备份-20261122-093000-3.zhibu"),
            Some(("20261122-093000".into(), 3))
        );
        for other in [
            "支部台账备份-2026年11月22日.zhibu",
            "支部台账备份-20261122-093000 (副本).zhibu",
            "支部台账备份-20261322-093000.zhibu",
            "支部台账备份-20261122-093000-.zhibu",
            "支部台账备份-２０２６１１２２-０９３０００.zhibu",
            "支部台账备份.zhibu",
            "支部台账备份-.zhibu",
        ] {
            assert_eq!(own_name(other), None, "{other}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn any_file_name_is_judged_without_panicking(rest in "\\PC{0,30}") {
            let _ = own_name(&format!("{PREFIX}-{rest}.{EXTENSION}"));
            let _ = own_name(&rest);
        }
    }
}
