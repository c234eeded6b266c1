//! 党费: settings, bases and the yearly 核定, the collection sheet, payments
//! and reversals, arrears, month closing, remittances and the Excel export.

use std::path::PathBuf;

use chrono::NaiveDate;
use tauri::State;
use zhibu_core::dues::card::{self, DuesCard};
use zhibu_core::dues::close::{self, ClosedMonth};
use zhibu_core::dues::large::{self, LargeLedger};
use zhibu_core::dues::ledger::{self, ArrearsRow, MonthSheet};
use zhibu_core::dues::payments::{self, PaymentInput};
use zhibu_core::dues::profile::{self, BaseInput, Review, ReviewEntry};
use zhibu_core::dues::remit::{self, Reconciliation, RemittanceInput, RemittanceRecord};
use zhibu_core::dues::{self, export, DuesSettings, Terms};
use zhibu_core::members::MemberId;
use zhibu_core::month::YearMonth;
use zhibu_core::org::OrgId;
use zhibu_report::xlsx;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn dues_settings(state: State<'_, AppState>, org: OrgId) -> IpcResult<DuesSettings> {
    Ok(dues::settings(state.store()?.conn(), org)?)
}

#[tauri::command]
pub fn dues_set_settings(
    state: State<'_, AppState>,
    org: OrgId,
    settings: DuesSettings,
) -> IpcResult<()> {
    Ok(dues::set_settings(state.store()?.conn(), org, &settings)?)
}

#[tauri::command]
pub fn dues_rate(state: State<'_, AppState>, org: OrgId, terms: Terms) -> IpcResult<i64> {
    Ok(dues::rate(state.store()?.conn(), org, &terms)?)
}

#[tauri::command]
pub fn dues_sheet(
    state: State<'_, AppState>,
    org: OrgId,
    month: YearMonth,
) -> IpcResult<MonthSheet> {
    let today = state.now().date_naive();
    Ok(ledger::month_sheet(
        state.store()?.conn(),
        org,
        month,
        today,
    )?)
}

#[tauri::command]
pub fn dues_card(state: State<'_, AppState>, org: OrgId, member: MemberId) -> IpcResult<DuesCard> {
    let today = state.now().date_naive();
    Ok(card::card(state.store()?.conn(), org, member, today)?)
}

#[tauri::command]
pub fn dues_arrears(state: State<'_, AppState>, org: OrgId) -> IpcResult<Vec<ArrearsRow>> {
    let today = state.now().date_naive();
    Ok(ledger::arrears(state.store()?.conn(), org, today)?)
}

#[tauri::command]
pub fn dues_set_base(
    state: State<'_, AppState>,
    org: OrgId,
    member: MemberId,
    input: BaseInput,
) -> IpcResult<i64> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| profile::set_base(tx, org, member, &input, now))?)
}

#[tauri::command]
pub fn dues_review(state: State<'_, AppState>, org: OrgId, month: YearMonth) -> IpcResult<Review> {
    Ok(profile::review(state.store()?.conn(), org, month)?)
}

#[tauri::command]
pub fn dues_apply_review(
    state: State<'_, AppState>,
    org: OrgId,
    month: YearMonth,
    entries: Vec<ReviewEntry>,
) -> IpcResult<u32> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| profile::apply_review(tx, org, month, &entries, now))?)
}

#[tauri::command]
pub fn dues_pay(
    state: State<'_, AppState>,
    org: OrgId,
    payments: Vec<PaymentInput>,
) -> IpcResult<Vec<i64>> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| payments::pay_all(tx, org, &payments, now))?)
}

#[tauri::command]
pub fn dues_reverse(
    state: State<'_, AppState>,
    org: OrgId,
    payment: i64,
    date: NaiveDate,
    reason: String,
) -> IpcResult<i64> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| payments::reverse(tx, org, payment, date, &reason, now))?)
}

#[tauri::command]
pub fn dues_close(
    state: State<'_, AppState>,
    org: OrgId,
    month: YearMonth,
) -> IpcResult<ClosedMonth> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| close::close_month(tx, org, month, now))?)
}

#[tauri::command]
pub fn dues_closed(state: State<'_, AppState>, org: OrgId) -> IpcResult<Vec<ClosedMonth>> {
    Ok(close::closed_months(state.store()?.conn(), org)?)
}

#[tauri::command]
pub fn dues_remit(
    state: State<'_, AppState>,
    org: OrgId,
    input: RemittanceInput,
) -> IpcResult<i64> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| remit::remit(tx, org, &input, now))?)
}

#[tauri::command]
pub fn dues_reverse_remittance(
    state: State<'_, AppState>,
    org: OrgId,
    id: i64,
    date: NaiveDate,
    reason: String,
) -> IpcResult<i64> {
    let now = state.now();
    Ok(state
        .store()?
        .with_tx(|tx| remit::reverse(tx, org, id, date, &reason, now))?)
}

#[tauri::command]
pub fn dues_remittances(
    state: State<'_, AppState>,
    org: OrgId,
    year: i32,
) -> IpcResult<Vec<RemittanceRecord>> {
    Ok(remit::list(state.store()?.conn(), org, year)?)
}

/// The 大额党费 ledger of a year (党费规定 第十一条).
#[tauri::command]
pub fn dues_large(state: State<'_, AppState>, org: OrgId, year: i32) -> IpcResult<LargeLedger> {
    Ok(large::ledger(state.store()?.conn(), org, year)?)
}

#[tauri::command]
pub fn dues_reconcile(
    state: State<'_, AppState>,
    org: OrgId,
    year: i32,
) -> IpcResult<Reconciliation> {
    let today = state.now().date_naive();
    Ok(remit::reconcile(state.store()?.conn(), org, year, today)?)
}

/// Writes the year's four tables to `path`; returns the sheet names.
#[tauri::command]
pub fn dues_export(
    state: State<'_, AppState>,
    org: OrgId,
    year: i32,
    path: PathBuf,
) -> IpcResult<Vec<String>> {
    let today = state.now().date_naive();
    let tables = export::tables(state.store()?.conn(), org, year, today)?;
    xlsx::write_tables(&path, &tables).map_err(zhibu_core::Error::from)?;
    state.exported.add(path);
    Ok(tables.into_iter().map(|t| t.sheet).collect())
}
