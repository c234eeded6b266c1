//! 年度统计: the figures of a year, a half year or a run of years, and the
//! branch's bands.

use std::path::PathBuf;

use tauri::State;
use zhibu_core::org::{self, OrgId};
use zhibu_core::stats::{self, MemberSheet, Stats, StatsQuery, StatsSettings};
use zhibu_report::xlsx;

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

/// Writes the statistics to `path` (one sheet per part); returns the sheet names.
#[tauri::command]
pub fn stats_export(
    state: State<'_, AppState>,
    org: OrgId,
    query: StatsQuery,
    path: PathBuf,
) -> IpcResult<Vec<String>> {
    let today = state.now().date_naive();
    let store = state.store()?;
    let s = stats::stats(store.conn(), org, query, today)?;
    let tables = stats::tables(&s, &org::get(store.conn(), org)?.name);
    xlsx::write_tables(&path, &tables).map_err(zhibu_core::Error::from)?;
    state.exported.add(path);
    Ok(tables.into_iter().map(|t| t.sheet).collect())
}

/// 民主评议: each member's year (one sheet each).
#[tauri::command]
pub fn stats_member_sheets(
    state: State<'_, AppState>,
    org: OrgId,
    year: i32,
) -> IpcResult<Vec<MemberSheet>> {
    let today = state.now().date_naive();
    Ok(stats::member_sheets(
        state.store()?.conn(),
        org,
        year,
        today,
    )?)
}
