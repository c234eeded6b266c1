//! Where a backup can go: removable drives the system reports, offered first,
//! with a folder picker always beside them (many USB SSDs report themselves
//! as fixed, and SD readers are not "removable" on Linux).

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

/// A drive a backup can be written to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Target {
    /// As the system names it (卷标), or the mount point.
    pub name: String,
    /// The folder on it the backups go into.
    pub folder: String,
    pub free_bytes: u64,
}

/// The folder on a drive that holds this program's backups.
pub const FOLDER: &str = "支部台账备份";

/// The list of drives, behind a trait so tests can give their own.
pub trait Drives {
    fn removable(&self) -> Vec<Target>;
}

/// The drives the operating system reports as removable.
pub struct SystemDrives;

impl Drives for SystemDrives {
    fn removable(&self) -> Vec<Target> {
        // A system that cannot list its drives still has the folder picker.
        let Ok(disks) = sysinfo::Disks::new_with_refreshed_list() else {
            return Vec::new();
        };
        disks
            .iter()
            .filter(|d| !d.is_read_only())
            .filter(|d| d.is_removable())
            .map(|d| {
                target_on(
                    &d.name().to_string_lossy(),
                    d.mount_point(),
                    d.available_space(),
                )
            })
            .collect()
    }
}

/// Free bytes on the drive that holds `path`, when the system can say.
pub fn free_space(path: &Path) -> Option<u64> {
    let path = path.canonicalize().ok()?;
    let disks = sysinfo::Disks::new_with_refreshed_list().ok()?;
    disks
        .iter()
        .filter(|d| path.starts_with(d.mount_point()))
        .max_by_key(|d| d.mount_point().as_os_str().len())
        .map(|d| d.available_space())
}

/// The target on a drive mounted at `mount`.
pub fn target_on(name: &str, mount: &Path, free_bytes: u64) -> Target {
    let name = if name.trim().is_empty() {
        mount.display().to_string()
    } else {
        format!("{name}（{}）", mount.display())
    };
    Target {
        name,
        folder: mount.join(FOLDER).display().to_string(),
        free_bytes,
    }
}

/// Creates the backup folder on a chosen target if it is not there yet.
pub fn prepare(folder: &Path) -> crate::Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(|e| {
        crate::Error::io(
            format!(
                "无法在 {} 建立备份文件夹（U盘是否写保护或已拔出？）",
                folder.display()
            ),
            e,
        )
    })?;
    Ok(folder.to_path_buf())
}
