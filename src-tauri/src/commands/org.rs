//! Organisations: the first-run wizard, the overview and the branch switcher.

use tauri::State;
use zhibu_core::org::{self, BranchEdit, BranchOverview, NewBranch, OrgId, OrgSummary};
use zhibu_core::{demo, info};

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn org_list(state: State<'_, AppState>) -> IpcResult<Vec<OrgSummary>> {
    Ok(org::list_branches(state.store()?.conn())?)
}

#[tauri::command]
pub fn org_current(state: State<'_, AppState>) -> IpcResult<Option<OrgSummary>> {
    Ok(org::current(state.store()?.conn())?)
}

#[tauri::command]
pub fn org_set_current(state: State<'_, AppState>, id: OrgId) -> IpcResult<OrgSummary> {
    Ok(org::set_current(state.store()?.conn(), id)?)
}

#[tauri::command]
pub fn org_overview(state: State<'_, AppState>, id: OrgId) -> IpcResult<BranchOverview> {
    Ok(org::overview(
        state.store()?.conn(),
        id,
        state.now().date_naive(),
    )?)
}

#[tauri::command]
pub fn org_create_branch(state: State<'_, AppState>, input: NewBranch) -> IpcResult<OrgId> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| org::create_branch(tx, &input, now))?)
}

#[tauri::command]
pub fn org_update_branch(state: State<'_, AppState>, id: OrgId, edit: BranchEdit) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| org::update_branch(tx, id, &edit, now))?)
}

#[tauri::command]
pub fn org_load_demo(state: State<'_, AppState>) -> IpcResult<OrgId> {
    let now = state.now();
    Ok(demo::load(&mut *state.store()?, now)?)
}

/// 删除示例支部: only the branch marked as the demo; all the data is backed
/// up first (see `zhibu_core::demo::remove`).
#[tauri::command]
pub fn org_remove_demo(state: State<'_, AppState>, id: OrgId) -> IpcResult<demo::DemoRemoved> {
    let now = state.now();
    let dir = state.files_dir()?.to_path_buf();
    Ok(demo::remove(&mut *state.store()?, &dir, id, now)?)
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> IpcResult<info::Info> {
    let store = state.store()?;
    Ok(info::info(&store, state.now().date_naive())?)
}
