//! 三会一课 and organisational life: records, attendance, votes, 定稿.

use std::path::PathBuf;

use chrono::NaiveDate;
use tauri::State;
use zhibu_core::meetings::attachments;
use zhibu_core::meetings::calendar::{self, Calendar, Requirements};
use zhibu_core::meetings::details;
use zhibu_core::meetings::participation::{self, Participation};
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

/// Leaves one person out of a 党员大会's 应到 with the higher committee's
/// consent, or (None) counts them again.
#[tauri::command]
pub fn meetings_set_exclusion(
    state: State<'_, AppState>,
    id: MeetingId,
    member: MemberId,
    exclusion: Option<meetings::Exclusion>,
) -> IpcResult<()> {
    Ok(state
        .store()?
        .with_tx(|tx| meetings::set_exclusion(tx, id, member, exclusion.as_ref()))?)
}

/// The usual reasons for leaving someone out of 应到, offered as choices.
#[tauri::command]
pub fn meetings_exclusion_reasons() -> Vec<&'static str> {
    meetings::EXCLUSION_REASONS.to_vec()
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

#[tauri::command]
pub fn meetings_add_progress(
    state: State<'_, AppState>,
    item: i64,
    date: Option<NaiveDate>,
    text: String,
) -> IpcResult<()> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| details::add_progress(tx, item, date, &text, now))?)
}

#[tauri::command]
pub fn meetings_attach(
    state: State<'_, AppState>,
    id: MeetingId,
    path: PathBuf,
    caption: String,
) -> IpcResult<i64> {
    let now = state.now();
    let dir = state.files_dir()?;
    Ok(state
        .store()?
        .with_tx(|tx| attachments::add(tx, dir, id, &path, &caption, now))?)
}

/// The file's bytes, sent as a raw IPC body (no JSON array of numbers).
#[tauri::command]
pub fn meetings_attachment_bytes(
    state: State<'_, AppState>,
    attachment: i64,
) -> IpcResult<tauri::ipc::Response> {
    let dir = state.files_dir()?;
    let bytes = attachments::read(state.store()?.conn(), dir, attachment)?;
    Ok(tauri::ipc::Response::new(bytes))
}

#[tauri::command]
pub fn meetings_attachment_save(
    state: State<'_, AppState>,
    attachment: i64,
    target: PathBuf,
) -> IpcResult<()> {
    let dir = state.files_dir()?;
    Ok(attachments::save_copy(
        state.store()?.conn(),
        dir,
        attachment,
        &target,
    )?)
}

#[tauri::command]
pub fn meetings_remove_attachment(state: State<'_, AppState>, attachment: i64) -> IpcResult<()> {
    let dir = state.files_dir()?;
    let file = state
        .store()?
        .with_tx(|tx| attachments::remove(tx, dir, attachment))?;
    // Only once the row is gone for good; a file left behind is harmless.
    zhibu_core::files::remove_stored(&file);
    Ok(())
}

#[tauri::command]
pub fn meetings_calendar(state: State<'_, AppState>, org: OrgId, year: i32) -> IpcResult<Calendar> {
    let today = state.now().date_naive();
    Ok(calendar::calendar(state.store()?.conn(), org, year, today)?)
}

#[tauri::command]
pub fn meetings_requirements(state: State<'_, AppState>) -> IpcResult<Requirements> {
    Ok(calendar::requirements(state.store()?.conn())?)
}

#[tauri::command]
pub fn meetings_set_requirements(
    state: State<'_, AppState>,
    requirements: Requirements,
) -> IpcResult<()> {
    Ok(calendar::set_requirements(
        state.store()?.conn(),
        &requirements,
    )?)
}

#[tauri::command]
pub fn meetings_participation(
    state: State<'_, AppState>,
    org: OrgId,
) -> IpcResult<Vec<Participation>> {
    let today = state.now().date_naive();
    Ok(participation::participation(
        state.store()?.conn(),
        org,
        today,
    )?)
}
