//! The one long task the app runs at a time: its `task-progress` events and
//! its 取消, the same for an export, a backup, a check, a restore and the
//! automatic backup.

use std::sync::Arc;

use tauri::{AppHandle, Emitter, Runtime, State};
use zhibu_core::task::TaskProgress;

use crate::state::{AppState, Reporter};

/// Reports to the window; a window that is gone cannot show progress, and
/// the work goes on.
pub fn reporter<R: Runtime>(app: &AppHandle<R>) -> Reporter {
    let app = app.clone();
    Arc::new(move |progress| {
        let _ = app.emit("task-progress", progress);
    })
}

/// Stops the task under way (if any); it ends with kind `cancelled` and
/// nothing half-written is left.
#[tauri::command]
pub fn task_cancel(state: State<'_, AppState>) {
    state.task.cancel();
}

/// The task under way, if any, with its last report: the window asks once
/// when it opens (the automatic backup may have started before it).
#[tauri::command]
pub fn task_current(state: State<'_, AppState>) -> Option<TaskProgress> {
    state.task.current()
}
