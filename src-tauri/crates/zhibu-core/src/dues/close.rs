//! Month closing (结账): once the month's collection is counted, its cash
//! book is locked with the figures of that day. Money that comes in later,
//! and any correction, is recorded in an open month with a reason.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::ledger::{received_in, sheet_of, Book};
use super::month_label;
use crate::error::{Error, Result};
use crate::month::YearMonth;
use crate::org::OrgId;

/// A closed month and its figures at closing time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ClosedMonth {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub closed_at: String,
    pub members_due: u32,
    pub members_paid: u32,
    pub due_fen: i64,
    pub received_fen: i64,
}

/// Closes `month`. Months close in order from the first month of the books,
/// and only after they have ended.
pub fn close_month(
    tx: &Transaction<'_>,
    org: OrgId,
    month: YearMonth,
    now: DateTime<Local>,
) -> Result<ClosedMonth> {
    let today: NaiveDate = now.date_naive();
    if month >= YearMonth::of(today) {
        return Err(Error::Conflict(format!(
            "{}还没有结束，月底以后才能结账",
            month_label(month)
        )));
    }
    let book = Book::load(tx, org, today)?;
    if month < book.start {
        return Err(Error::Conflict(format!(
            "{}在记账起始月{}之前，不需要结账",
            month_label(month),
            month_label(book.start)
        )));
    }
    if book.closed.contains(&month) {
        return Err(Error::Conflict(format!("{}已经结账了", month_label(month))));
    }
    let mut first_open = book.start;
    while book.closed.contains(&first_open) {
        first_open = first_open.next();
    }
    if first_open < month {
        return Err(Error::Conflict(format!(
            "请按月份顺序结账：{}还没有结账，请先结账{}",
            month_label(first_open),
            month_label(first_open)
        )));
    }
    let received = received_in(tx, org, month, month)?;
    let sheet = sheet_of(&book, month, today, received.0);
    let closed = ClosedMonth {
        month,
        closed_at: now.to_rfc3339(),
        members_due: sheet.members_due,
        members_paid: sheet.members_paid,
        due_fen: sheet.due_fen,
        received_fen: received.0 + received.1,
    };
    tx.execute(
        "INSERT INTO dues_closed_months (org_id, month, closed_at, members_due, members_paid, due_fen, received_fen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            org,
            month.to_string(),
            closed.closed_at,
            closed.members_due,
            closed.members_paid,
            closed.due_fen,
            closed.received_fen
        ],
    )?;
    Ok(closed)
}

/// The branch's closed months, latest first.
pub fn closed_months(conn: &Connection, org: OrgId) -> Result<Vec<ClosedMonth>> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, closed_at, members_due, members_paid, due_fen, received_fen
         FROM dues_closed_months WHERE org_id = ?1 ORDER BY month DESC",
    )?;
    let rows = stmt.query_map([org], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (month, closed_at, members_due, members_paid, due_fen, received_fen) = row?;
        Ok(ClosedMonth {
            month: YearMonth::parse(&month)?,
            closed_at,
            members_due,
            members_paid,
            due_fen,
            received_fen,
        })
    })
    .collect()
}
