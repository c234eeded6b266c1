//! 党员花名册: the roster, a member's page, adding and editing members.

use std::path::PathBuf;

use tauri::State;
use zhibu_core::members::excel::{self, ColumnMap, ImportPreview, ImportReport};
use zhibu_core::members::roster::{self, MemberDetail};
use zhibu_core::members::{
    self, history, MemberId, MemberProfile, NewEvent, NewMember, Roster, RosterQuery,
};
use zhibu_core::org::OrgId;
use zhibu_report::xlsx;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn members_roster(
    state: State<'_, AppState>,
    org: OrgId,
    query: RosterQuery,
) -> IpcResult<Roster> {
    Ok(roster::roster(
        state.store()?.conn(),
        org,
        &query,
        state.now().date_naive(),
    )?)
}

#[tauri::command]
pub fn members_detail(state: State<'_, AppState>, id: MemberId) -> IpcResult<MemberDetail> {
    Ok(roster::detail(
        state.store()?.conn(),
        id,
        state.now().date_naive(),
    )?)
}

#[tauri::command]
pub fn members_add(
    state: State<'_, AppState>,
    org: OrgId,
    input: NewMember,
) -> IpcResult<MemberId> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| members::add_member(tx, org, &input, now))?)
}

#[tauri::command]
pub fn members_update(
    state: State<'_, AppState>,
    id: MemberId,
    profile: MemberProfile,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| members::update_profile(tx, id, &profile, now))?)
}

#[tauri::command]
pub fn members_record_event(
    state: State<'_, AppState>,
    id: MemberId,
    event: NewEvent,
) -> IpcResult<()> {
    let now = state.now();
    state
        .store()?
        .with_tx(|tx| history::record(tx, id, &event, now))?;
    Ok(())
}

#[tauri::command]
pub fn members_import_preview(
    state: State<'_, AppState>,
    org: OrgId,
    path: PathBuf,
    map: Option<ColumnMap>,
) -> IpcResult<ImportPreview> {
    let grid = xlsx::read_sheet(&path, None).map_err(zhibu_core::Error::from)?;
    Ok(excel::preview(
        state.store()?.conn(),
        org,
        &grid,
        map,
        state.now().date_naive(),
    )?)
}

#[tauri::command]
pub fn members_import(
    state: State<'_, AppState>,
    org: OrgId,
    path: PathBuf,
    map: Option<ColumnMap>,
) -> IpcResult<ImportReport> {
    let grid = xlsx::read_sheet(&path, None).map_err(zhibu_core::Error::from)?;
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| excel::import(tx, org, &grid, map, now))?)
}

#[tauri::command]
pub fn members_export(
    state: State<'_, AppState>,
    org: OrgId,
    path: PathBuf,
    query: RosterQuery,
) -> IpcResult<u32> {
    let (name, roster) = {
        let store = state.store()?;
        let name = zhibu_core::org::get(store.conn(), org)?.name;
        (
            name,
            roster::roster(store.conn(), org, &query, state.now().date_naive())?,
        )
    };
    let title = format!(
        "{name}党员花名册（{}）",
        roster.day.format("%Y年%-m月%-d日")
    );
    xlsx::write_roster(&path, &title, &excel::export_rows(&roster.rows))
        .map_err(zhibu_core::Error::from)?;
    state.exported.add(path);
    Ok(roster.rows.len() as u32)
}
