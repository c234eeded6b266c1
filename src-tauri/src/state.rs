//! What the running app holds: the open store (one connection, behind a
//! mutex: SQLite serialises writes anyway), or why it could not be opened,
//! and the clock use cases read.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Local};
use zhibu_core::{Error, Result, Store};

pub struct AppState {
    store: Mutex<Option<Store>>,
    /// The data folder's lock, held for the life of the app (see
    /// `zhibu_core::lock`): no second program writes the same data.
    _lock: Option<zhibu_core::lock::DataLock>,
    /// How the data folder was chosen (portable mode …), for the screens.
    pub data_mode: Option<zhibu_core::paths::DataMode>,
    /// Why the database could not be opened at start-up. The window still
    /// opens and shows this, because a clerk who double-clicked the app never
    /// sees a terminal.
    startup_error: Mutex<Option<String>>,
    pub data_dir: Option<PathBuf>,
    pub exports: Exports,
}

/// The PDF export under way (one at a time) and the files exported so far.
#[derive(Default)]
pub struct Exports {
    running: Mutex<Option<Arc<AtomicBool>>>,
    written: Mutex<Vec<PathBuf>>,
}

/// An export under way; dropping it (done, failed or cancelled) frees the slot.
pub struct Running<'a> {
    exports: &'a Exports,
    pub cancel: Arc<AtomicBool>,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        if let Ok(mut running) = self.exports.running.lock() {
            *running = None;
        }
    }
}

impl Exports {
    pub fn start(&self) -> Result<Running<'_>> {
        let mut running = self
            .running
            .lock()
            .map_err(|_| Error::Internal("导出状态异常，请关闭程序后重新打开".into()))?;
        if running.is_some() {
            return Err(Error::Conflict(
                "程序正在做另一件费时的事（导出文件、备份或恢复，也可能是每天的自动备份），请等它完成或点“取消”后再试".into(),
            ));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *running = Some(cancel.clone());
        Ok(Running {
            exports: self,
            cancel,
        })
    }

    pub fn cancel(&self) {
        if let Ok(running) = self.running.lock() {
            if let Some(flag) = running.as_ref() {
                flag.store(true, Ordering::Relaxed);
            }
        }
    }

    pub fn written(&self, path: PathBuf) {
        if let Ok(mut written) = self.written.lock() {
            written.push(path);
        }
    }

    pub fn was_written(&self, path: &Path) -> bool {
        self.written
            .lock()
            .is_ok_and(|w| w.iter().any(|p| p == path))
    }
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
            _lock: None,
            data_mode: None,
            startup_error: Mutex::new(None),
            data_dir: Some(data_dir),
            exports: Exports::default(),
        }
    }

    pub fn failed(error: String, data_dir: Option<PathBuf>) -> Self {
        AppState {
            store: Mutex::new(None),
            _lock: None,
            data_mode: None,
            startup_error: Mutex::new(Some(error)),
            data_dir,
            exports: Exports::default(),
        }
    }

    /// Records how the data folder was chosen.
    pub fn with_mode(mut self, mode: Option<zhibu_core::paths::DataMode>) -> Self {
        self.data_mode = mode;
        self
    }

    /// Keeps the data folder's lock for as long as the state lives.
    pub fn holding(mut self, lock: zhibu_core::lock::DataLock) -> Self {
        self._lock = Some(lock);
        self
    }

    /// Why the database could not be opened, until a restore replaces it.
    pub fn startup_error(&self) -> Option<String> {
        self.startup_error.lock().ok().and_then(|e| e.clone())
    }

    pub fn store(&self) -> Result<StoreGuard<'_>> {
        // A command that panicked while holding the store left it poisoned;
        // its transaction was rolled back as it unwound, so the connection is
        // sound and the app goes on working.
        let guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            return Err(Error::Conflict(
                self.startup_error()
                    .unwrap_or_else(|| "数据库没有打开，请关闭程序后重新打开".into()),
            ));
        }
        Ok(StoreGuard(guard))
    }

    /// Closes the database, runs `f` on the data directory (a restore), and
    /// opens it again whatever `f` did. Also works when the database could
    /// not be opened at start (restoring is how a clerk recovers from that).
    pub fn with_store_closed<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let dir = self.files_dir()?.to_path_buf();
        let mut guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        drop(guard.take());
        let out = f(&dir);
        match zhibu_core::backup::open_data_dir(&dir) {
            Ok(store) => {
                *guard = Some(store);
                // A restored database that opens ends the start-up error.
                if let Ok(mut e) = self.startup_error.lock() {
                    *e = None;
                }
            }
            Err(e) if out.is_ok() => return Err(e),
            Err(_) => {}
        }
        out
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
