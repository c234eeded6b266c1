//! Restoring a backup: everything is taken out and checked in a staging
//! folder first, the current data is backed up, and only then are the files
//! swapped — under a journal, so that a crash or power cut half-way is
//! finished at the next start instead of leaving a mixture.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    archive, check_database, create, sync_dir, trusted_summary, write_small, BackupInfo, Options,
    Passphrase,
};
use crate::error::{Error, Result};
use crate::files;
use crate::store::DB_FILE;
use crate::task::Report;

const STAGING: &str = ".restore";
const JOURNAL: &str = "restore.json";
/// Folder of the automatic backups inside the data directory.
pub const LOCAL_BACKUPS: &str = "backups";
/// Sub-folder of [`LOCAL_BACKUPS`] for the copy taken before each restore:
/// pruning reads only the files directly in `backups/`, so these are kept
/// until the clerk removes them.
pub const SAFETY: &str = "恢复前";

/// The folder of the safety copies taken before restores.
pub fn safety_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOCAL_BACKUPS).join(SAFETY)
}

/// The safety copies (files and as-is folders), newest first.
pub fn safety_copies(data_dir: &Path) -> Vec<String> {
    // By when each was written: a backup file and an as-is folder
    // (恢复前原样-…) have different names, so the name does not order them.
    let mut found: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(safety_dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let written = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (written, e.path().display().to_string())
        })
        .collect();
    found.sort();
    found.into_iter().rev().map(|(_, p)| p).collect()
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RestoreReport {
    pub restored: BackupInfo,
    /// The backup of the data as it was just before, when there was any.
    pub safety_backup: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Journal {
    replaced: String,
}

/// Replaces the data in `data_dir` with the backup at `file`. The caller has
/// closed its connection to the database. Nothing is replaced unless the
/// whole backup reads back and checks; the data as it was is kept as a
/// backup in `data_dir/backups/` first.
pub fn restore(
    data_dir: &Path,
    file: &Path,
    passphrase: Option<&Passphrase>,
    now: DateTime<Local>,
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    // Anything left of an earlier restore is finished first.
    finish_interrupted(data_dir)?;
    check_room(data_dir, file)?;
    let staging = data_dir.join(STAGING);
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .map_err(|e| Error::io(format!("无法清理 {}", staging.display()), e))?;
    }
    std::fs::create_dir_all(staging.join(files::DIR))
        .map_err(|e| Error::io(format!("无法建立 {}", staging.display()), e))?;
    let taken = (|| {
        let read = archive::read(
            file,
            passphrase,
            archive::Extract::All(&staging),
            on_progress,
            cancel,
        )?;
        check_database(&staging.join(DB_FILE))?;
        let summary = trusted_summary(&staging.join(DB_FILE), &read)?;
        Ok::<_, Error>((read.encrypted, summary))
    })();
    let (encrypted, summary) = match taken {
        Ok(read) => read,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };

    // The data as it is now, kept before anything is replaced.
    let current = data_dir.join(DB_FILE);
    let safety_backup = if current.exists() {
        let conn = Connection::open(&current)?;
        let dir = safety_dir(data_dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("无法建立 {}", dir.display()), e))?;
        let made = create(
            &conn,
            data_dir,
            &dir,
            &Options {
                passphrase: None,
                keep: u32::MAX,
            },
            now,
            on_progress,
            cancel,
        );
        drop(conn);
        match made {
            Ok(info) => Some(info.path),
            Err(Error::Cancelled) => {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(Error::Cancelled);
            }
            // A damaged database cannot be snapshotted: its files are kept
            // as they are instead, so the restore that mends it loses nothing.
            Err(_) => match keep_as_is(data_dir, &dir, now) {
                Ok(kept) => Some(kept),
                Err(e) => {
                    let _ = std::fs::remove_dir_all(&staging);
                    return Err(e);
                }
            },
        }
    } else {
        None
    };

    let journal = Journal {
        replaced: format!(".replaced-{}", now.format("%Y%m%d-%H%M%S")),
    };
    // Written whole under another name, then renamed: the journal is either
    // absent (nothing was swapped) or complete.
    let part = data_dir.join(format!("{JOURNAL}.part"));
    write_small(&part, &serde_json::to_vec(&journal)?)?;
    rename(&part, &data_dir.join(JOURNAL))?;
    sync_dir(data_dir);
    finish_interrupted(data_dir)?;
    Ok(RestoreReport {
        restored: BackupInfo {
            path: file.display().to_string(),
            bytes: std::fs::metadata(file).map(|m| m.len()).unwrap_or(0),
            encrypted,
            summary,
        },
        safety_backup,
    })
}

/// Refuses to start when the data directory's disk cannot hold the backup
/// taken out (about the archive's size) beside a safety backup of the
/// current data, so a full disk never stops a restore half-way.
fn check_room(data_dir: &Path, file: &Path) -> Result<()> {
    let Some(free) = super::targets::free_space(data_dir) else {
        return Ok(());
    };
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let current = size(&data_dir.join(DB_FILE))
        + super::attachments(data_dir)?
            .iter()
            .map(|(_, _, b)| b)
            .sum::<u64>();
    let need = size(file) + current + (16 << 20);
    if free < need {
        let mb = |b: u64| b.div_ceil(1 << 20);
        return Err(Error::Validation(format!(
            "数据目录所在的磁盘空间不够：恢复需要约 {} MB（解开备份，并先把现有数据备份一份），现在只剩 {} MB。请先清理磁盘空间再恢复；现有数据没有改动",
            mb(need),
            mb(free)
        )));
    }
    Ok(())
}

/// Copies the database files and `附件` as they are into a folder under
/// `backups` (used when the current database is too damaged to back up).
fn keep_as_is(data_dir: &Path, backups: &Path, now: DateTime<Local>) -> Result<String> {
    let target = backups.join(format!("恢复前原样-{}", now.format("%Y%m%d-%H%M%S")));
    copy_tree(
        data_dir,
        &target,
        &[
            DB_FILE,
            &format!("{DB_FILE}-wal"),
            &format!("{DB_FILE}-shm"),
            files::DIR,
        ],
    )?;
    Ok(target.display().to_string())
}

fn copy_tree(from: &Path, to: &Path, names: &[&str]) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(format!("无法建立 {}", to.display()), e))?;
    for name in names {
        let source = from.join(name);
        if source.is_dir() {
            let children: Vec<String> = std::fs::read_dir(&source)
                .map_err(|e| Error::io(format!("无法读取 {}", source.display()), e))?
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            let refs: Vec<&str> = children.iter().map(String::as_str).collect();
            copy_tree(&source, &to.join(name), &refs)?;
        } else if source.is_file() {
            std::fs::copy(&source, to.join(name))
                .map_err(|e| Error::io(format!("无法复制 {}", source.display()), e))?;
        }
    }
    Ok(())
}

/// Whether `name` is a set-aside folder this program names (`.replaced-…`,
/// one plain name: never a path out of the data folder).
fn is_own_aside(name: &str) -> bool {
    name.starts_with(".replaced-")
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// The set-aside folder an interrupted swap already made, if any.
fn set_aside_on_disk(data_dir: &Path) -> Option<String> {
    std::fs::read_dir(data_dir)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_own_aside(n))
        .max()
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| {
        Error::io(
            format!("恢复时无法把 {} 移到 {}", from.display(), to.display()),
            e,
        )
    })
}

/// Finishes a restore the journal says was under way (a crash or power cut
/// in the middle of swapping files). Every step checks what is already done,
/// so it may run any number of times. Returns whether there was one.
pub fn finish_interrupted(data_dir: &Path) -> Result<bool> {
    let journal_path = data_dir.join(JOURNAL);
    let Ok(text) = std::fs::read(&journal_path) else {
        return Ok(false);
    };
    // The journal is renamed into place only once the staging folder is
    // complete and checked, so one that exists means "swap"; if it cannot be
    // read (a disk error), the folder it named is found on disk instead.
    let journal: Journal = serde_json::from_slice(&text).unwrap_or_else(|_| Journal {
        replaced: set_aside_on_disk(data_dir).unwrap_or_else(|| ".replaced-recovered".into()),
    });
    if !is_own_aside(&journal.replaced) {
        return Err(Error::Internal(format!(
            "恢复记录 {} 的内容不对，请把数据目录交给技术人员检查",
            journal_path.display()
        )));
    }
    let staging = data_dir.join(STAGING);
    let replaced: PathBuf = data_dir.join(&journal.replaced);
    std::fs::create_dir_all(&replaced)
        .map_err(|e| Error::io(format!("无法建立 {}", replaced.display()), e))?;
    let move_aside = |name: &str| -> Result<()> {
        let live = data_dir.join(name);
        let aside = replaced.join(name);
        if live.exists() && !aside.exists() {
            rename(&live, &aside)?;
        } else if live.exists() {
            // Moved aside before; what is there now is a later leftover.
            if live.is_dir() {
                std::fs::remove_dir_all(&live)
            } else {
                std::fs::remove_file(&live)
            }
            .map_err(|e| Error::io(format!("无法清理 {}", live.display()), e))?;
        }
        Ok(())
    };
    // The old database's WAL must never meet the new database.
    if staging.join(DB_FILE).exists() {
        move_aside(&format!("{DB_FILE}-wal"))?;
        move_aside(&format!("{DB_FILE}-shm"))?;
        move_aside(DB_FILE)?;
        rename(&staging.join(DB_FILE), &data_dir.join(DB_FILE))?;
    }
    if staging.join(files::DIR).exists() {
        move_aside(files::DIR)?;
        rename(&staging.join(files::DIR), &data_dir.join(files::DIR))?;
    }
    sync_dir(data_dir);
    std::fs::remove_file(&journal_path)
        .map_err(|e| Error::io(format!("无法删除 {}", journal_path.display()), e))?;
    sync_dir(data_dir);
    // The data as it was is in the safety backup; these copies can go.
    let _ = std::fs::remove_dir_all(&replaced);
    let _ = std::fs::remove_dir_all(&staging);
    Ok(true)
}
