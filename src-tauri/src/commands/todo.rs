//! 工作台: what is due this month, and putting an item aside with a reason.

use tauri::State;
use zhibu_core::org::OrgId;
use zhibu_core::todo::{self, Todo};

use crate::error::IpcResult;
use crate::state::AppState;

/// Async so it runs off the main thread: at start-up that thread is busy
/// drawing the window and serving the page's files, and a command run on it
/// waited its turn (~290 ms before the first screen showed its list,
/// `cargo xtask bench-startup`).
#[tauri::command]
pub async fn todo_list(state: State<'_, AppState>, org: OrgId) -> IpcResult<Todo> {
    let dir = state.files_dir()?.to_path_buf();
    Ok(todo::todo(
        state.store()?.conn(),
        org,
        Some(&dir),
        state.now(),
    )?)
}

/// 暂缓: kept for good with its reason; the item stays on the list, greyed.
#[tauri::command]
pub fn todo_snooze(
    state: State<'_, AppState>,
    org: OrgId,
    key: String,
    reason: String,
) -> IpcResult<()> {
    let now = state.now();
    let dir = state.files_dir()?.to_path_buf();
    Ok(state
        .store()?
        .with_tx(|tx| todo::snooze(tx, org, Some(&dir), &key, &reason, now))?)
}
