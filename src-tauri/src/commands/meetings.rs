//! 三会一课 and organisational life: records, attendance, votes, 定稿.

use tauri::State;
use zhibu_core::meetings::votes::Outcome;
use zhibu_core::meetings::{
    self, MeetingDetail, MeetingId, MeetingInput, MeetingKind, MeetingSummary, Presence, SearchHit,
    VoteInput,
};
use zhibu_core::members::MemberId;
use zhibu_core::org::OrgId;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn meetings_list(
    state: State<'_, AppState>,
    org: OrgId,
    year: i32,
) -> IpcResult<Vec<MeetingSummary>> {
    Ok(meetings::list(state.store()?.conn(), org, year)?)
}

#[tauri::command]
pub fn meetings_detail(state: State<'_, AppState>, id: MeetingId) -> IpcResult<MeetingDetail> {
    Ok(meetings::detail(state.store()?.conn(), id)?)
}

#[tauri::command]
pub fn meetings_create(
    state: State<'_, AppState>,
    org: OrgId,
    input: MeetingInput,
) -> IpcResult<MeetingId> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| meetings::create(tx, org, &input, now))?)
}

#[tauri::command]
pub fn meetings_update(
    state: State<'_, AppState>,
    id: MeetingId,
    input: MeetingInput,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| meetings::update(tx, id, &input, now))?)
}

#[tauri::command]
pub fn meetings_set_presence(
    state: State<'_, AppState>,
    id: MeetingId,
    member: MemberId,
    presence: Presence,
    reason: Option<String>,
) -> IpcResult<()> {
    Ok(state
        .store()?
        .with_tx(|tx| meetings::set_presence(tx, id, member, presence, reason.as_deref()))?)
}

#[tauri::command]
pub fn meetings_add_vote(
    state: State<'_, AppState>,
    id: MeetingId,
    vote: VoteInput,
) -> IpcResult<Outcome> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| meetings::add_vote(tx, id, &vote, now))?)
}

#[tauri::command]
pub fn meetings_finalise(state: State<'_, AppState>, id: MeetingId) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| meetings::finalise(tx, id, now))?)
}

#[tauri::command]
pub fn meetings_add_supplement(
    state: State<'_, AppState>,
    id: MeetingId,
    text: String,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| meetings::add_supplement(tx, id, &text, now))?)
}

#[tauri::command]
pub fn meetings_template(kind: MeetingKind) -> String {
    kind.agenda_template().to_string()
}

#[tauri::command]
pub fn meetings_search(
    state: State<'_, AppState>,
    org: OrgId,
    text: String,
) -> IpcResult<Vec<SearchHit>> {
    Ok(meetings::search(state.store()?.conn(), org, &text)?)
}
