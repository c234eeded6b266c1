//! Where the data lives: `--data-dir` beats `ZHIBU_DATA_DIR` beats a folder
//! named `zhibu-data` beside the program (portable mode: the program and the
//! data on one USB stick) beats the OS's per-user application-data folder
//! (Linux `~/.local/share/zhibu`, Windows `%APPDATA%\zhibu`, macOS
//! `~/Library/Application Support/zhibu`).

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

pub const DATA_DIR_ENV: &str = "ZHIBU_DATA_DIR";
/// The folder that, beside the executable, switches on portable mode.
pub const PORTABLE_DIR: &str = "zhibu-data";

/// How the data folder was chosen, shown on the 关于 and backup screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum DataMode {
    /// `--data-dir` on the command line.
    #[serde(rename = "命令行指定")]
    Flag,
    /// The `ZHIBU_DATA_DIR` environment variable.
    #[serde(rename = "环境变量指定")]
    Env,
    /// `zhibu-data` beside the program.
    #[serde(rename = "便携模式")]
    Portable,
    /// The system's per-user folder.
    #[serde(rename = "本机数据目录")]
    Installed,
}

/// The data folder and how it was chosen. `exe` is the running program
/// (`std::env::current_exe()`), passed in so tests can place it anywhere.
pub fn locate_data_dir(flag: Option<PathBuf>, exe: Option<&Path>) -> Result<(PathBuf, DataMode)> {
    if let Some(dir) = flag {
        return Ok((dir, DataMode::Flag));
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(dir), DataMode::Env));
    }
    if let Some(portable) = exe
        .and_then(Path::parent)
        .map(|d| d.join(PORTABLE_DIR))
        .filter(|d| d.is_dir())
    {
        return Ok((portable, DataMode::Portable));
    }
    dirs::data_dir()
        .map(|d| (d.join("zhibu"), DataMode::Installed))
        .ok_or_else(|| {
            Error::Internal(format!(
                "找不到系统的应用数据目录，请用 --data-dir 或环境变量 {DATA_DIR_ENV} 指定数据目录"
            ))
        })
}

/// [`locate_data_dir`] for the running program.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    Ok(resolve_data_dir_with_mode(flag)?.0)
}

/// [`locate_data_dir`] for the running program, with how it was chosen.
pub fn resolve_data_dir_with_mode(flag: Option<PathBuf>) -> Result<(PathBuf, DataMode)> {
    let exe = std::env::current_exe().ok();
    locate_data_dir(flag, exe.as_deref())
}

/// Creates `dir` (and any missing parents) readable by its owner only on
/// Linux and macOS: the roster holds ID numbers and phone numbers, and a
/// shared computer has other accounts. An existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

#[cfg(all(test, unix))]
mod tests {
    #[test]
    fn a_new_data_folder_is_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("a").join("zhibu");
        super::create_private_dir(&dir).expect("create");
        let mode = std::fs::metadata(&dir).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    }
}

#[cfg(test)]
mod locate {
    use super::*;

    #[test]
    fn a_zhibu_data_folder_beside_the_program_is_used_unless_told_otherwise() {
        let stick = tempfile::tempdir().expect("tempdir");
        let exe = stick.path().join("zhibu.exe");
        std::fs::write(&exe, b"").expect("exe");
        // Without the folder: the system's (or the variable's) folder.
        let (_, mode) = locate_data_dir(None, Some(&exe)).expect("default");
        assert_ne!(mode, DataMode::Portable);
        std::fs::create_dir(stick.path().join(PORTABLE_DIR)).expect("zhibu-data");
        if std::env::var_os(DATA_DIR_ENV).is_none() {
            let (dir, mode) = locate_data_dir(None, Some(&exe)).expect("portable");
            assert_eq!(
                (dir, mode),
                (stick.path().join(PORTABLE_DIR), DataMode::Portable)
            );
        }
        let (dir, mode) =
            locate_data_dir(Some(PathBuf::from("/elsewhere")), Some(&exe)).expect("flag");
        assert_eq!((dir, mode), (PathBuf::from("/elsewhere"), DataMode::Flag));
    }
}
