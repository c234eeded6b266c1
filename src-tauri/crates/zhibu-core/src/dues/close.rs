//! Month closing (结账): once the month's collection is counted, its cash
//! book is locked with the figures of that day. Money that comes in later,
//! and any correction, is recorded in an open month with a reason.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};

use super::ledger::{received_in, sheet_of, Book};
use super::month_label;
use super::storage::closed as stored;
pub use super::types::ClosedMonth;
use crate::error::{Error, Result};
use crate::month::YearMonth;
use crate::org::OrgId;

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
    stored::insert(tx, org, &closed)?;
    Ok(closed)
}

/// The branch's closed months, latest first.
pub fn closed_months(conn: &Connection, org: OrgId) -> Result<Vec<ClosedMonth>> {
    stored::list(conn, org)
}
