//! 党员花名册: the roster, a member's page, adding and editing members.

use tauri::State;
use zhibu_core::members::roster::{self, MemberDetail};
use zhibu_core::members::{
    self, history, MemberId, MemberProfile, NewEvent, NewMember, Roster, RosterQuery,
};
use zhibu_core::org::OrgId;

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
