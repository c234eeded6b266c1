//! 党费 over the period, from the same books the collection sheet and the
//! reconciliation read: each month's 应交 and what was paid toward it,
//! money taken in, 补交 (paid after the month's due day), 上缴, 大额党费,
//! and what was still owed on the cut-off day.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::dues::ledger::{self, Book, Owing};
use crate::dues::remit;
use crate::error::Result;
use crate::ids::OrgId;
use crate::month::YearMonth;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuesMonth {
    #[ts(type = "string")]
    pub month: YearMonth,
    /// 应交: the month's dues of everyone this branch collects from (known bases).
    pub due_fen: i64,
    /// Paid toward the month's dues, whenever.
    pub paid_fen: i64,
    /// Money taken in during the month (its cash book), 大额党费 apart.
    pub received_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuesFigures {
    /// The books start here; months before are not counted.
    #[ts(type = "string")]
    pub start: YearMonth,
    pub due_fen: i64,
    pub paid_fen: i64,
    /// 补交: of `paid_fen`, what came in after the month's due day.
    pub late_fen: i64,
    pub received_fen: i64,
    pub large_received_fen: i64,
    /// 上缴 for periods within the dates (reversals netted).
    pub remitted_fen: i64,
    pub large_remitted_fen: i64,
    /// Members with a month due on or before the cut-off day and not paid
    /// by then, and how much.
    pub arrears_members: u32,
    pub arrears_fen: i64,
    /// Member-months on the roll with no base entered: 应交 is short by them.
    pub no_base_months: u32,
    pub months: Vec<DuesMonth>,
}

pub fn figures(
    conn: &Connection,
    org: OrgId,
    first: NaiveDate,
    until: NaiveDate,
    today: NaiveDate,
) -> Result<DuesFigures> {
    let book = Book::load(conn, org, today)?;
    let s = &book.settings;
    let mut f = DuesFigures {
        start: book.start,
        due_fen: 0,
        paid_fen: 0,
        late_fen: 0,
        received_fen: 0,
        large_received_fen: 0,
        remitted_fen: 0,
        large_remitted_fen: 0,
        arrears_members: 0,
        arrears_fen: 0,
        no_base_months: 0,
        months: Vec::new(),
    };
    let last = YearMonth::of(until);
    let mut month = YearMonth::of(first).max(book.start);
    while month <= last {
        let mut row = DuesMonth {
            month,
            due_fen: 0,
            paid_fen: 0,
            received_fen: 0,
        };
        for m in &book.members {
            match m.owing(month, s) {
                Owing::Due(fen) => {
                    let paid = m.paid(month).min(fen);
                    row.due_fen += fen;
                    row.paid_fen += paid;
                    if m.paid_on(month).is_some_and(|on| on > m.due_date(month, s)) {
                        f.late_fen += paid;
                    }
                }
                Owing::NoBase => f.no_base_months += 1,
                Owing::NotHere | Owing::Elsewhere => {}
            }
        }
        let (received, large) = ledger::received_in(conn, org, month, month)?;
        row.received_fen = received;
        f.large_received_fen += large;
        f.due_fen += row.due_fen;
        f.paid_fen += row.paid_fen;
        f.received_fen += received;
        f.months.push(row);
        month = month.next();
    }
    for year in first.year()..=last.year() {
        for r in remit::list(conn, org, year)? {
            if r.period_start < YearMonth::of(first) || r.period_end > last {
                continue;
            }
            if r.large {
                f.large_remitted_fen += r.amount_fen;
            } else {
                f.remitted_fen += r.amount_fen;
            }
        }
    }
    // Owed on the cut-off day: every month since the books began whose due
    // day had passed by then, less what had come in for it by then.
    for m in &book.members {
        let mut owed = 0;
        let mut month = book.start;
        while month <= last {
            if let Owing::Due(fen) = m.owing(month, s) {
                if m.due_date(month, s) < until {
                    let in_time = m.paid_on(month).is_some_and(|on| on <= until);
                    owed += fen - if in_time { m.paid(month).min(fen) } else { 0 };
                }
            }
            month = month.next();
        }
        if owed > 0 {
            f.arrears_members += 1;
            f.arrears_fen += owed;
        }
    }
    Ok(f)
}
