//! 工作台: what is due this month, and putting an item aside with a reason.

use tauri::State;
use zhibu_core::org::OrgId;
use zhibu_core::todo::{self, Todo};

use crate::error::IpcResult;
use crate::state::AppState;

/// Async, so it runs off the main thread: a sizeable read (tens of ms on a
/// large branch) for each visit to the 工作台 after the first, whose list
/// comes with `app_start`.
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
