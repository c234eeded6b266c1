//! One program at a time on a data folder. The app and `zhibu-cli` each hold
//! an exclusive lock on `zhibu.lock` in the folder for as long as they run,
//! so a backup or restore from the command line can never swap files under
//! an open window, and two windows never write the same database. The
//! operating system drops the lock when the process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::error::{Error, Result};

pub const LOCK_FILE: &str = "zhibu.lock";

/// Held for the life of the process; dropping it releases the folder.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

/// Takes the data folder `dir` for this process. `who` ("支部台账窗口",
/// "zhibu-cli") is written into the lock file so that a second program can
/// say who has the folder.
pub fn acquire(dir: &Path, who: &str) -> Result<DataLock> {
    crate::paths::create_private_dir(dir)
        .map_err(|e| Error::io(format!("无法创建数据目录 {}", dir.display()), e))?;
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(format!("无法打开 {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = (&file).take(200).read_to_string(&mut holder);
            let holder = holder.lines().next().unwrap_or("").trim().to_string();
            let holder = if holder.is_empty() {
                "另一个支部台账程序".to_string()
            } else {
                holder
            };
            return Err(Error::Conflict(format!(
                "数据目录 {} 正由{holder}使用。同一份数据一次只能由一个程序打开：请先关闭它（如已打开的支部台账窗口），再重试",
                dir.display()
            )));
        }
        Err(TryLockError::Error(e)) => {
            return Err(Error::io(format!("无法锁定 {}", path.display()), e))
        }
    }
    // Who holds it, for the message above; the lock is what counts.
    let _ = file.set_len(0);
    let _ = file.seek(SeekFrom::Start(0));
    let _ = writeln!(file, "{who}（进程 {}）", std::process::id());
    let _ = file.sync_all();
    Ok(DataLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = acquire(dir.path(), "支部台账窗口").expect("first");
        let e = acquire(dir.path(), "zhibu-cli").expect_err("second");
        assert!(e.to_string().contains("正由支部台账窗口（进程"), "{e}");
        drop(first);
        acquire(dir.path(), "zhibu-cli").expect("free again");
    }
}
