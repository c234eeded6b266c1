//! 发展党员: the board, a person's timeline, recording and withdrawing steps,
//! deadlines, the rule check, the yearly figures and the local settings.

use std::path::PathBuf;

use chrono::NaiveDate;
use tauri::State;
use zhibu_core::development::steps::{StepDef, STEPS};
use zhibu_core::development::{
    self, documents, DevFinding, DevSettings, DevStats, NewApplicant, PersonDetail, PersonId,
    PersonSummary, StepInput, VoteChoice,
};
use zhibu_core::members::MemberProfile;
use zhibu_core::org::OrgId;

use crate::error::IpcResult;
use crate::state::AppState;

/// The 25 steps with their rules, people and documents.
#[tauri::command]
pub fn development_steps() -> Vec<StepDef> {
    STEPS.to_vec()
}

#[tauri::command]
pub fn development_list(state: State<'_, AppState>, org: OrgId) -> IpcResult<Vec<PersonSummary>> {
    let today = state.now().date_naive();
    Ok(development::list(state.store()?.conn(), org, today)?)
}

#[tauri::command]
pub fn development_detail(state: State<'_, AppState>, id: PersonId) -> IpcResult<PersonDetail> {
    let today = state.now().date_naive();
    Ok(development::detail(state.store()?.conn(), id, today)?)
}

#[tauri::command]
pub fn development_add(
    state: State<'_, AppState>,
    org: OrgId,
    input: NewApplicant,
) -> IpcResult<PersonId> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| development::add_applicant(tx, org, &input, now))?)
}

#[tauri::command]
pub fn development_update_profile(
    state: State<'_, AppState>,
    id: PersonId,
    profile: MemberProfile,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| development::update_profile(tx, id, &profile, now))?)
}

#[tauri::command]
pub fn development_record_step(
    state: State<'_, AppState>,
    id: PersonId,
    input: StepInput,
) -> IpcResult<i64> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| development::record_step(tx, id, &input, now))?)
}

#[tauri::command]
pub fn development_withdraw_step(
    state: State<'_, AppState>,
    step: i64,
    reason: String,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| development::withdraw_step(tx, step, &reason, now))?)
}

#[tauri::command]
pub fn development_close(
    state: State<'_, AppState>,
    id: PersonId,
    date: NaiveDate,
    reason: String,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| development::close(tx, id, date, &reason, now))?)
}

#[tauri::command]
pub fn development_deadlines(
    state: State<'_, AppState>,
    org: OrgId,
    days: u32,
) -> IpcResult<Vec<PersonSummary>> {
    let today = state.now().date_naive();
    Ok(development::deadlines(
        state.store()?.conn(),
        org,
        today,
        days,
    )?)
}

#[tauri::command]
pub fn development_check(state: State<'_, AppState>, org: OrgId) -> IpcResult<Vec<DevFinding>> {
    let today = state.now().date_naive();
    Ok(development::check(state.store()?.conn(), org, today)?)
}

#[tauri::command]
pub fn development_stats(state: State<'_, AppState>, org: OrgId, year: i32) -> IpcResult<DevStats> {
    Ok(development::stats(state.store()?.conn(), org, year)?)
}

#[tauri::command]
pub fn development_settings(state: State<'_, AppState>, org: OrgId) -> IpcResult<DevSettings> {
    Ok(development::dev_settings(state.store()?.conn(), org)?)
}

#[tauri::command]
pub fn development_set_settings(
    state: State<'_, AppState>,
    org: OrgId,
    settings: DevSettings,
) -> IpcResult<()> {
    Ok(development::set_dev_settings(
        state.store()?.conn(),
        org,
        &settings,
    )?)
}

/// The 发展党员表决 of this branch's 支部党员大会 that name the person, for
/// steps 15 and 23.
#[tauri::command]
pub fn development_vote_choices(
    state: State<'_, AppState>,
    id: PersonId,
) -> IpcResult<Vec<VoteChoice>> {
    Ok(development::vote_choices(state.store()?.conn(), id)?)
}

/// Ticks off a document of a recorded step, with its scan when `path` is given.
#[tauri::command]
pub fn development_add_document(
    state: State<'_, AppState>,
    step: i64,
    name: String,
    path: Option<PathBuf>,
) -> IpcResult<i64> {
    let now = state.now();
    let dir = state.files_dir()?;
    Ok(state
        .store()?
        .with_tx(|tx| documents::add(tx, dir, step, &name, path.as_deref(), now))?)
}

/// A scan's bytes, sent as a raw IPC body.
#[tauri::command]
pub fn development_document_bytes(
    state: State<'_, AppState>,
    document: i64,
) -> IpcResult<tauri::ipc::Response> {
    let dir = state.files_dir()?;
    let bytes = documents::read(state.store()?.conn(), dir, document)?;
    Ok(tauri::ipc::Response::new(bytes))
}

#[tauri::command]
pub fn development_document_save(
    state: State<'_, AppState>,
    document: i64,
    target: PathBuf,
) -> IpcResult<()> {
    let dir = state.files_dir()?;
    Ok(documents::save_copy(
        state.store()?.conn(),
        dir,
        document,
        &target,
    )?)
}
