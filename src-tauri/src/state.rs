//! What the running app holds: the open store (one connection, behind a
//! mutex: SQLite serialises writes anyway), or why it could not be opened,
//! and the clock use cases read.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use zhibu_core::info::{self, FirstScreen};
use zhibu_core::task::{Report, Task, TaskProgress};
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
    pub task: LongTask,
    pub exported: ExportedFiles,
    /// The first screen's data, read ahead while the window opens.
    first: Mutex<Ahead>,
}

/// The first screen's data read ahead (`AppState::read_ahead`), on a thread
/// started with the app, so that the window's first question is answered at
/// once instead of after the reading: taken once, by that question.
enum Ahead {
    /// Not read yet, and the window has not asked.
    Waiting,
    Read(Instant, Box<FirstScreen>),
    /// Taken, or the window asked first: from now on every question reads.
    Over,
}

/// How long data read ahead stays good to hand out. Any command that touches
/// the store ends it (`AppState::store`) and the data folder's lock keeps
/// other programs out, so this only keeps "today" from going stale.
const AHEAD_FRESH: Duration = Duration::from_secs(30);

/// Where a running task's reports go (the window's `task-progress` event).
pub type Reporter = Arc<dyn Fn(TaskProgress) + Send + Sync>;

/// The one long task the app runs at a time — a PDF export, a backup,
/// checking or restoring a backup file, the automatic backup — so two never
/// fight over the database or the disk, and one 取消 reaches whichever runs.
#[derive(Default)]
pub struct LongTask {
    running: Mutex<Option<Slot>>,
}

struct Slot {
    task: Task,
    cancel: Arc<AtomicBool>,
    /// Its last report, for a window that starts listening late.
    latest: Arc<Mutex<Option<TaskProgress>>>,
}

/// A task under way. It reports through [`Running::reporter`]; dropping it
/// (done, failed or cancelled) frees the slot and reports `finished`.
pub struct Running<'a> {
    slot: &'a LongTask,
    task: Task,
    pub cancel: Arc<AtomicBool>,
    latest: Arc<Mutex<Option<TaskProgress>>>,
    reporter: Reporter,
}

impl Running<'_> {
    /// A progress callback for the core's long work, to move onto a worker thread.
    pub fn reporter(&self) -> impl Fn(Report) + Send + Sync + 'static {
        let (task, latest, reporter) = (self.task, self.latest.clone(), self.reporter.clone());
        move |report| {
            let progress = TaskProgress::of(task, report);
            if let Ok(mut l) = latest.lock() {
                *l = Some(progress.clone());
            }
            reporter(progress);
        }
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        if let Ok(mut running) = self.slot.running.lock() {
            *running = None;
        }
        (self.reporter)(TaskProgress::finished(self.task));
    }
}

impl LongTask {
    /// Takes the slot for `task`, or says which task holds it.
    pub fn start(&self, task: Task, reporter: Reporter) -> Result<Running<'_>> {
        let mut running = self
            .running
            .lock()
            .map_err(|_| Error::Internal("任务状态异常，请关闭程序后重新打开".into()))?;
        if let Some(other) = running.as_ref() {
            return Err(Error::Conflict(format!(
                "程序正在{}，请等它完成或点“取消”后再试",
                other.task.label()
            )));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let latest = Arc::new(Mutex::new(None));
        *running = Some(Slot {
            task,
            cancel: cancel.clone(),
            latest: latest.clone(),
        });
        Ok(Running {
            slot: self,
            task,
            cancel,
            latest,
            reporter,
        })
    }

    /// The task under way and its last report, if one runs.
    pub fn current(&self) -> Option<TaskProgress> {
        let running = self.running.lock().ok()?;
        let slot = running.as_ref()?;
        let latest = slot.latest.lock().ok().and_then(|l| l.clone());
        Some(latest.unwrap_or_else(|| {
            TaskProgress::of(
                slot.task,
                Report {
                    stage: "正在准备",
                    done: 0,
                    total: 0,
                },
            )
        }))
    }

    /// Asks the running task (if any) to stop; it ends with kind `cancelled`.
    pub fn cancel(&self) {
        if let Ok(running) = self.running.lock() {
            if let Some(slot) = running.as_ref() {
                slot.cancel.store(true, Ordering::Relaxed);
            }
        }
    }
}

/// The files exported in this session: the only ones the window may ask to open.
#[derive(Default)]
pub struct ExportedFiles(Mutex<Vec<PathBuf>>);

impl ExportedFiles {
    pub fn add(&self, path: PathBuf) {
        if let Ok(mut written) = self.0.lock() {
            written.push(path);
        }
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.0.lock().is_ok_and(|w| w.iter().any(|p| p == path))
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
            task: LongTask::default(),
            exported: ExportedFiles::default(),
            first: Mutex::new(Ahead::Waiting),
        }
    }

    pub fn failed(error: String, data_dir: Option<PathBuf>) -> Self {
        AppState {
            store: Mutex::new(None),
            _lock: None,
            data_mode: None,
            startup_error: Mutex::new(Some(error)),
            data_dir,
            task: LongTask::default(),
            exported: ExportedFiles::default(),
            first: Mutex::new(Ahead::Over),
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

    /// The open store, for a command. Whatever a command does may change
    /// what the first screen shows, so data read ahead is not handed out
    /// after one has run.
    pub fn store(&self) -> Result<StoreGuard<'_>> {
        let store = self.open_store()?;
        *self.first.lock().unwrap_or_else(|e| e.into_inner()) = Ahead::Over;
        Ok(store)
    }

    fn open_store(&self) -> Result<StoreGuard<'_>> {
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
        // Whatever was read ahead was read from the data being replaced.
        *self.first.lock().unwrap_or_else(|e| e.into_inner()) = Ahead::Over;
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

    /// Reads the first screen's data ahead, unless the window asked already.
    /// A failure is not kept: the window's own question reads again and
    /// reports it in words.
    pub fn read_ahead(&self) {
        let Ok(store) = self.open_store() else { return };
        let mut first = self.first.lock().unwrap_or_else(|e| e.into_inner());
        if !matches!(*first, Ahead::Waiting) {
            return;
        }
        *first = match self.read_first_screen(&store) {
            Ok(screen) => Ahead::Read(Instant::now(), Box::new(screen)),
            Err(_) => Ahead::Over,
        };
    }

    /// The first screen's data: what was read ahead, once and while fresh,
    /// otherwise read now. A reading ahead still going on holds `first`, so
    /// this waits for it rather than read the store a second time.
    pub fn first_screen(&self) -> Result<FirstScreen> {
        let ahead = std::mem::replace(
            &mut *self.first.lock().unwrap_or_else(|e| e.into_inner()),
            Ahead::Over,
        );
        match ahead {
            Ahead::Read(at, screen) if at.elapsed() < AHEAD_FRESH => Ok(*screen),
            _ => self.read_first_screen(&*self.open_store()?),
        }
    }

    /// Reads the first screen from the store: the one reading both the read
    /// ahead and a later question make.
    fn read_first_screen(&self, store: &Store) -> Result<FirstScreen> {
        info::first_screen(store.conn(), self.data_dir.as_deref(), self.now())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn heard() -> (Reporter, Arc<Mutex<Vec<TaskProgress>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let reporter: Reporter = Arc::new(move |p| log.lock().expect("log").push(p));
        (reporter, seen)
    }

    #[test]
    fn one_task_at_a_time_and_the_refusal_names_the_one_running() {
        let slot = LongTask::default();
        let (reporter, seen) = heard();
        let running = slot
            .start(Task::AutoBackup, reporter.clone())
            .expect("free slot");
        let refused = slot
            .start(Task::Export, reporter.clone())
            .err()
            .expect("refused");
        assert_eq!(
            refused.to_string(),
            "程序正在自动备份，请等它完成或点“取消”后再试"
        );
        assert_eq!(slot.current().expect("running").stage, "正在准备");
        running.reporter()(Report {
            stage: "正在备份",
            done: 4,
            total: 8,
        });
        assert_eq!(slot.current().expect("running").done, 4);
        slot.cancel();
        assert!(running.cancel.load(Ordering::Relaxed));
        drop(running);
        assert!(slot.current().is_none());
        {
            let seen = seen.lock().expect("log");
            assert_eq!(seen.len(), 2);
            assert!(seen[1].finished && seen[1].task == Task::AutoBackup);
        }
        assert!(slot.start(Task::Export, reporter).is_ok());
    }
}

#[cfg(test)]
mod first_screen {
    use super::*;

    /// A data folder holding the demo branch, and the app's state on it.
    fn demo() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open_in_dir(dir.path()).expect("store");
        zhibu_core::demo::load(&mut store, zhibu_core::clock::now()).expect("demo");
        let state = AppState::new(store, dir.path().to_path_buf());
        (dir, state)
    }

    fn snoozed(screen: &FirstScreen) -> usize {
        screen.todo.as_ref().map_or(0, |t| {
            t.items.iter().filter(|i| i.snoozed.is_some()).count()
        })
    }

    /// Puts the start page's first item aside through another connection to
    /// the same database: a change the state cannot know of.
    fn snooze_behind(dir: &Path) {
        let store = Store::open_in_dir(dir).expect("second connection");
        let now = zhibu_core::clock::now();
        let screen = info::first_screen(store.conn(), Some(dir), now).expect("screen");
        let todo = screen.todo.expect("a start page");
        let key = &todo.items.first().expect("an item").key;
        zhibu_core::todo::snooze(store.conn(), todo.org.id, Some(dir), key, "测试", now)
            .expect("snooze");
    }

    #[test]
    fn what_was_read_ahead_answers_the_first_question_once() {
        let (dir, state) = demo();
        state.read_ahead();
        snooze_behind(dir.path());
        // The first answer is the one read ahead, from before the change;
        // the next question reads again and sees it.
        let first = state.first_screen().expect("read ahead");
        assert_eq!(snoozed(&first), 0);
        assert!(first.current.is_some() && !first.branches.is_empty());
        assert_eq!(snoozed(&state.first_screen().expect("read again")), 1);
    }

    #[test]
    fn a_command_that_ran_first_ends_what_was_read_ahead() {
        let (dir, state) = demo();
        state.read_ahead();
        drop(state.store().expect("a command's store"));
        snooze_behind(dir.path());
        assert_eq!(snoozed(&state.first_screen().expect("read")), 1);
    }

    #[test]
    fn nothing_is_read_ahead_once_the_window_asked_or_when_the_data_failed() {
        let (dir, state) = demo();
        state.first_screen().expect("asked first");
        state.read_ahead();
        snooze_behind(dir.path());
        assert_eq!(snoozed(&state.first_screen().expect("read")), 1);

        let failed = AppState::failed("数据库打不开".into(), None);
        failed.read_ahead();
        assert!(failed.first_screen().is_err());
    }
}
