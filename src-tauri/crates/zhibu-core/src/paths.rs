//! Where the data lives: `--data-dir` beats `ZHIBU_DATA_DIR` beats the OS's
//! per-user application-data folder (Linux `~/.local/share/zhibu`, Windows
//! `%APPDATA%\zhibu`, macOS `~/Library/Application Support/zhibu`).

use std::path::PathBuf;

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
