//! Where the data lives: `--data-dir` beats `ZHIBU_DATA_DIR` beats the OS's
//! per-user application-data folder (Linux `~/.local/share/zhibu`, Windows
//! `%APPDATA%\zhibu`, macOS `~/Library/Application Support/zhibu`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub const DATA_DIR_ENV: &str = "ZHIBU_DATA_DIR";

pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("zhibu")).ok_or_else(|| {
        Error::Internal(format!(
            "找不到系统的应用数据目录，请用 --data-dir 或环境变量 {DATA_DIR_ENV} 指定数据目录"
        ))
    })
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
