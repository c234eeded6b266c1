//! 上缴: money the branch sends to the higher committee, period by period
//! (the period is a local rule, a setting), and the reconciliation of each
//! period: 应收, 实收, 上缴, 结余, with every mismatch named.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::{received_in, Book, Owing};
use super::storage::remittances::{self as stored, NewRemittance};
pub use super::types::RemittanceRecord;
use super::{settings, RemitPeriod};
use crate::error::{Error, Result};
use crate::money::{self, yuan};
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::text;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RemittanceInput {
    pub remitted_on: NaiveDate,
    /// Any month of the period remitted for.
    #[ts(type = "string")]
    pub period: YearMonth,
    pub amount_fen: i64,
    /// 大额党费 passed on to 中央 (党费规定 第十一条), kept apart.
    #[serde(default)]
    pub large: bool,
    pub receipt_no: Option<String>,
    pub note: Option<String>,
}

pub fn remit(
    tx: &Transaction<'_>,
    org: OrgId,
    input: &RemittanceInput,
    now: DateTime<Local>,
) -> Result<i64> {
    money::check_fen("上缴金额", input.amount_fen)?;
    if input.amount_fen <= 0 {
        return Err(Error::Validation("请填写上缴金额（元）".into()));
    }
    if input.remitted_on > now.date_naive() {
        return Err(Error::Validation("上缴日期不能晚于今天，请核对".into()));
    }
    let period = settings(tx, org)?.remit_period;
    let (start, end) = period.period_of(input.period);
    if start > YearMonth::of(input.remitted_on) {
        return Err(Error::Validation(format!(
            "{}还没有开始，不能为它上缴；请核对所属期间或上缴日期",
            period.name_of(start)
        )));
    }
    let receipt_no = text::optional_line("收据编号", &input.receipt_no)?;
    let note = text::optional_line("备注", &input.note)?;
    let new = NewRemittance {
        org,
        remitted_on: input.remitted_on,
        period_start: start,
        period_end: end,
        amount_fen: input.amount_fen,
        large: input.large,
        receipt_no: receipt_no.as_deref(),
        note: note.as_deref(),
        reverses: None,
        reason: None,
    };
    stored::insert(tx, &new, now)
}

/// Cancels a remittance entered by mistake, with a reason; the row stays.
pub fn reverse(
    tx: &Transaction<'_>,
    org: OrgId,
    id: i64,
    on: NaiveDate,
    reason: &str,
    now: DateTime<Local>,
) -> Result<i64> {
    let original = stored::reversible(tx, org, id)?
        .ok_or_else(|| Error::NotFound("找不到这笔上缴记录，请刷新后重试".into()))?;
    let reason = super::reversal::check(
        "上缴记录",
        super::reversal::Original {
            is_reversal: original.reverses.is_some(),
            reversed: original.reversed,
        },
        on,
        now.date_naive(),
        reason,
    )?;
    let new = NewRemittance {
        org,
        remitted_on: on,
        period_start: original.period_start,
        period_end: original.period_end,
        amount_fen: -original.amount_fen,
        large: original.large,
        receipt_no: None,
        note: None,
        reverses: Some(id),
        reason: Some(&reason),
    };
    stored::insert(tx, &new, now)
}

/// Remittances whose period falls in `year`, in date order.
pub fn list(conn: &Connection, org: OrgId, year: i32) -> Result<Vec<RemittanceRecord>> {
    crate::month::check_year(year)?;
    let period = settings(conn, org)?.remit_period;
    let mut rows = stored::of_year(conn, org, year)?;
    for r in &mut rows {
        r.period_label = label_for(period, r.period_start, r.period_end);
    }
    Ok(rows)
}

/// The label of a stored period; a period stored under an earlier setting
/// is named by its months.
fn label_for(period: RemitPeriod, start: YearMonth, end: YearMonth) -> String {
    if period.period_of(start) == (start, end) {
        period.name_of(start)
    } else {
        format!("{}至{}", super::month_label(start), super::month_label(end))
    }
}

/// One period of the reconciliation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PeriodRow {
    pub label: String,
    #[ts(type = "string")]
    pub start: YearMonth,
    #[ts(type = "string")]
    pub end: YearMonth,
    pub ended: bool,
    /// 应收: the dues of the period's months (known bases).
    pub due_fen: i64,
    /// Of that, paid so far (whenever the money came in).
    pub settled_fen: i64,
    /// 实收: money taken in during the period (dues and ordinary extras).
    pub received_fen: i64,
    /// 大额党费 taken in during the period.
    pub large_received_fen: i64,
    /// 上缴 for the period (ordinary).
    pub remitted_fen: i64,
    pub large_remitted_fen: i64,
    /// 结余: 实收 − 上缴.
    pub balance_fen: i64,
    /// Each mismatch in words; empty when the period is in order.
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Reconciliation {
    pub year: i32,
    pub period: RemitPeriod,
    pub rows: Vec<PeriodRow>,
}

/// The reconciliation of every period of `year` that has begun.
pub fn reconcile(
    conn: &Connection,
    org: OrgId,
    year: i32,
    today: NaiveDate,
) -> Result<Reconciliation> {
    let book = Book::load(conn, org, today)?;
    let period = book.settings.remit_period;
    let this_month = YearMonth::of(today);
    let mut rows = Vec::new();
    let mut month = YearMonth::new(year, 1)?;
    while month.year() == year && month <= this_month {
        let (start, end) = period.period_of(month);
        let (mut due_fen, mut settled_fen, mut no_base) = (0, 0, 0u32);
        let mut m = start;
        while m <= end {
            if m >= book.start && m <= this_month {
                for member in &book.members {
                    match member.owing(m, &book.settings) {
                        Owing::Due(fen) => {
                            due_fen += fen;
                            settled_fen += member.paid(m).min(fen);
                        }
                        Owing::NoBase => no_base += 1,
                        _ => {}
                    }
                }
            }
            m = m.next();
        }
        let (received_fen, large_received_fen) = received_in(conn, org, start, end)?;
        let (remitted_fen, large_remitted_fen) = stored::remitted_for(conn, org, start)?;
        let ended = end < this_month;
        let mut flags = Vec::new();
        if settled_fen < due_fen {
            flags.push(format!(
                "应收{}元，已收{}元，尚欠{}元",
                yuan(due_fen),
                yuan(settled_fen),
                yuan(due_fen - settled_fen)
            ));
        }
        if no_base > 0 {
            flags.push(format!("有{no_base}人次未核定党费基数，应收数不完整"));
        }
        if ended && remitted_fen == 0 && received_fen > 0 {
            flags.push(format!("本期已结束，实收{}元尚未上缴", yuan(received_fen)));
        } else if remitted_fen != 0 && remitted_fen != received_fen {
            flags.push(format!(
                "上缴{}元与实收{}元不符，差{}元",
                yuan(remitted_fen),
                yuan(received_fen),
                yuan(received_fen - remitted_fen)
            ));
        }
        if ended && large_received_fen != large_remitted_fen {
            flags.push(format!(
                "大额党费{}元应全部上缴中央，已上缴{}元",
                yuan(large_received_fen),
                yuan(large_remitted_fen)
            ));
        }
        rows.push(PeriodRow {
            label: period.name_of(start),
            start,
            end,
            ended,
            due_fen,
            settled_fen,
            received_fen,
            large_received_fen,
            remitted_fen,
            large_remitted_fen,
            balance_fen: received_fen - remitted_fen,
            flags,
        });
        month = end.next();
    }
    Ok(Reconciliation { year, period, rows })
}
