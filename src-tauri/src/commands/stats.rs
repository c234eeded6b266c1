//! 年度统计: the figures of a year, a half year or a run of years, and the
//! branch's bands.

use tauri::State;
use zhibu_core::org::OrgId;
use zhibu_core::stats::{self, Stats, StatsQuery, StatsSettings};

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn stats_year(state: State<'_, AppState>, org: OrgId, query: StatsQuery) -> IpcResult<Stats> {
    let today = state.now().date_naive();
    Ok(stats::stats(state.store()?.conn(), org, query, today)?)
}

#[tauri::command]
pub fn stats_settings(state: State<'_, AppState>, org: OrgId) -> IpcResult<StatsSettings> {
    Ok(stats::settings(state.store()?.conn(), org)?)
}

#[tauri::command]
pub fn stats_set_settings(
    state: State<'_, AppState>,
    org: OrgId,
    settings: StatsSettings,
) -> IpcResult<StatsSettings> {
    Ok(stats::set_settings(state.store()?.conn(), org, &settings)?)
}
