//! When backups happen without the clerk asking, how many are kept, and when
//! to remind them that nothing has gone onto a USB stick for a while.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LOCAL_BACKUPS;
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::settings;

label_enum! {
    /// When the automatic backup into the data directory is made.
    pub enum AutoBackup {
        Daily = "每天一次",
        AtExit = "每次退出时",
        Off = "不自动备份",
    }
    what: "自动备份"
}

/// Backup settings of this computer's data (not per branch: one file holds all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// Backups kept on a USB stick or chosen folder (this program's files only).
    pub keep: u32,
    pub auto: AutoBackup,
    /// Automatic backups kept in the data directory (each holds every photo).
    pub local_keep: u32,
    /// Remind when the last backup to a USB stick or folder is older than this.
    pub remind_days: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            keep: super::DEFAULT_KEEP,
            auto: AutoBackup::Daily,
            local_keep: 3,
            remind_days: 30,
        }
    }
}

const SETTINGS_KEY: &str = "backup_settings";
const LAST_EXTERNAL_FILE: &str = "last-backup.json";

pub fn get_settings(conn: &Connection) -> Result<BackupSettings> {
    settings::get_json(conn, SETTINGS_KEY)
}

pub fn set_settings(conn: &Connection, s: &BackupSettings) -> Result<()> {
    if !(1..=100).contains(&s.keep)
        || !(1..=30).contains(&s.local_keep)
        || !(1..=365).contains(&s.remind_days)
    {
        return Err(Error::Validation(
            "U盘上保留1到100份，数据目录中保留1到30份，提醒间隔1到365天".into(),
        ));
    }
    settings::set_json(conn, SETTINGS_KEY, s)
}

/// Notes a backup made to a USB stick or a chosen folder. Kept in a file
/// beside the database, not in it, so that restoring an older backup does
/// not also restore an older "last backed up" date.
pub fn record_external(data_dir: &Path, path: &str, now: DateTime<Local>) -> Result<()> {
    super::write_small(
        &data_dir.join(LAST_EXTERNAL_FILE),
        &serde_json::to_vec(&(now.to_rfc3339(), path))?,
    )
}

fn last_external(data_dir: &Path) -> Option<(String, String)> {
    let bytes = std::fs::read(data_dir.join(LAST_EXTERNAL_FILE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Where the automatic backups go.
pub fn local_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOCAL_BACKUPS)
}

/// What the backup screen and the overview show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupStatus {
    pub settings: BackupSettings,
    /// The last backup to a USB stick or folder: when, and where.
    pub last_external: Option<String>,
    pub last_external_path: Option<String>,
    /// Whole days since then.
    pub days_since_external: Option<i64>,
    /// Time to remind the clerk (never backed up, or too long ago).
    pub remind: bool,
    /// The newest automatic backup in the data directory.
    pub last_local: Option<String>,
    pub local_folder: String,
    /// The copies taken before restores, newest first (never pruned).
    pub safety_copies: Vec<String>,
}

pub fn status(conn: &Connection, data_dir: &Path, now: DateTime<Local>) -> Result<BackupStatus> {
    let s = get_settings(conn)?;
    let last = last_external(data_dir);
    let days = last
        .as_ref()
        .and_then(|(at, _)| DateTime::parse_from_rfc3339(at).ok())
        .map(|at| (now.date_naive() - at.with_timezone(&Local).date_naive()).num_days());
    let local = local_dir(data_dir);
    Ok(BackupStatus {
        remind: days.is_none_or(|d| d >= i64::from(s.remind_days)),
        days_since_external: days,
        last_external_path: last.as_ref().map(|(_, p)| p.clone()),
        last_external: last.map(|(at, _)| at),
        last_local: super::list(&local).pop().map(|p| p.display().to_string()),
        local_folder: local.display().to_string(),
        safety_copies: super::restore::safety_copies(data_dir),
        settings: s,
    })
}

/// Whether the daily automatic backup is due: none yet, or the newest in the
/// data directory was made on an earlier day.
pub fn daily_due(data_dir: &Path, now: DateTime<Local>) -> bool {
    let stamp = now.format("%Y%m%d").to_string();
    match super::list(&local_dir(data_dir)).pop() {
        None => true,
        Some(newest) => !newest
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.contains(&format!("-{stamp}-"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Local> {
        Local
            .with_ymd_and_hms(2026, 11, day, 9, 0, 0)
            .single()
            .expect("test setup")
    }

    #[test]
    fn the_clerk_is_reminded_when_no_backup_went_to_a_stick_for_the_set_days() {
        let dir = tempfile::tempdir().expect("test setup");
        let store = Store::open_in_dir(dir.path()).expect("test setup");
        let conn = store.conn();
        assert!(
            status(conn, dir.path(), at(22)).expect("test setup").remind,
            "never backed up"
        );
        record_external(dir.path(), "/media/usb/支部台账备份/x.zhibu", at(1)).expect("test setup");
        let s = status(conn, dir.path(), at(22)).expect("test setup");
        assert_eq!(s.days_since_external, Some(21));
        assert!(!s.remind, "21 days is within the default 30");
        let mut settings = get_settings(conn).expect("test setup");
        settings.remind_days = 14;
        set_settings(conn, &settings).expect("test setup");
        assert!(status(conn, dir.path(), at(22)).expect("test setup").remind);
        settings.keep = 0;
        assert!(
            set_settings(conn, &settings).is_err(),
            "keeping none would delete the only backup"
        );
    }

    #[test]
    fn the_daily_backup_is_due_once_a_day() {
        let dir = tempfile::tempdir().expect("test setup");
        assert!(daily_due(dir.path(), at(22)));
        std::fs::create_dir_all(local_dir(dir.path())).expect("test setup");
        std::fs::write(
            local_dir(dir.path()).join(super::super::file_name(at(22))),
            b"x",
        )
        .expect("test setup");
        assert!(!daily_due(dir.path(), at(22)));
        assert!(daily_due(dir.path(), at(23)));
    }
}
