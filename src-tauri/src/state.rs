//! What the running app holds: the open store (one connection, behind a
//! mutex: SQLite serialises writes anyway), or why it could not be opened,
//! and the clock use cases read.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Local};
use zhibu_core::{Error, Result, Store};

pub struct AppState {
    store: Mutex<Option<Store>>,
    /// Why the database could not be opened at start-up. The window still
    /// opens and shows this, because a clerk who double-clicked the app never
    /// sees a terminal.
    startup_error: Option<String>,
    pub data_dir: Option<PathBuf>,
}

pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        // `AppState::store` only hands out guards holding a store.
        self.0
            .as_ref()
            .unwrap_or_else(|| unreachable!("guard without store"))
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0
            .as_mut()
            .unwrap_or_else(|| unreachable!("guard without store"))
    }
}

impl AppState {
    pub fn new(store: Store, data_dir: PathBuf) -> Self {
        AppState {
            store: Mutex::new(Some(store)),
            startup_error: None,
            data_dir: Some(data_dir),
        }
    }

    pub fn failed(error: String, data_dir: Option<PathBuf>) -> Self {
        AppState {
            store: Mutex::new(None),
            startup_error: Some(error),
            data_dir,
        }
    }

    pub fn startup_error(&self) -> Option<&str> {
        self.startup_error.as_deref()
    }

    pub fn store(&self) -> Result<StoreGuard<'_>> {
        let guard = self
            .store
            .lock()
            .map_err(|_| Error::Internal("数据库连接状态异常，请关闭程序后重新打开".into()))?;
        if guard.is_none() {
            return Err(Error::Conflict(
                self.startup_error
                    .clone()
                    .unwrap_or_else(|| "数据库没有打开，请关闭程序后重新打开".into()),
            ));
        }
        Ok(StoreGuard(guard))
    }

    /// Where the database and the 附件 folder are.
    pub fn files_dir(&self) -> Result<&Path> {
        self.data_dir
            .as_deref()
            .ok_or_else(|| Error::Internal("数据目录未知，请关闭程序后重新打开".into()))
    }

    /// The clock every use case receives (`ZHIBU_TODAY` pins it; see `zhibu_core::clock`).
    pub fn now(&self) -> DateTime<Local> {
        zhibu_core::clock::now()
    }
}
