//! A member's dues card, like the paper 党费证: every month on the books
//! with its state (from the ledger), every payment and 冲正, and the base
//! history. It sits above both the ledger and the payments.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::ledger::{sheet_state, Book, MonthState, Owing};
use super::payments::{self, PaymentRecord};
use super::profile::{self, applying, BaseRecord};
use crate::error::{Error, Result};
use crate::members::MemberId;
use crate::month::YearMonth;
use crate::org::OrgId;

/// One month on a member's dues card.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CardMonth {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub due_fen: Option<i64>,
    pub paid_fen: i64,
    pub paid_on: Option<NaiveDate>,
    pub state: MonthState,
    pub late: bool,
}

/// A member's dues card (like the paper 党费证): every month on the books,
/// every payment and correction, and the base history.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DuesCard {
    pub member_id: MemberId,
    pub name: String,
    pub months: Vec<CardMonth>,
    pub payments: Vec<PaymentRecord>,
    pub bases: Vec<BaseRecord>,
    /// What the current month costs, and why.
    pub current_fen: Option<i64>,
    pub clause: Option<String>,
    pub overdue_fen: i64,
    /// The months `overdue_fen` adds up (past their due day, not fully paid,
    /// with a base): an old month owed can stand beside a run of 0.
    pub overdue_months: u32,
    pub unpaid_run: u32,
    /// The months a payment could cover next, oldest first, with amounts.
    pub open: Vec<OpenMonth>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OpenMonth {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub fen: Option<i64>,
}

pub fn card(conn: &Connection, org: OrgId, member: MemberId, today: NaiveDate) -> Result<DuesCard> {
    let name = profile::check_member(conn, org, member)?;
    let book = Book::load_for(conn, org, today, Some(member))?;
    let s = &book.settings;
    let Some(m) = book.member(member) else {
        return Err(Error::NotFound(format!("{name}不在本支部的名册中")));
    };
    let this_month = YearMonth::of(today);
    let last_paid = m.last_paid_month();
    let through = last_paid.map_or(this_month, |p| p.max(this_month));
    let mut months = Vec::new();
    let mut month = book.start;
    while month <= through {
        let owing = m.owing(month, s);
        let paid_fen = m.paid(month);
        if owing != Owing::NotHere || paid_fen != 0 {
            let due = m.due_date(month, s);
            let row = sheet_state(owing, paid_fen, today > due);
            months.push(CardMonth {
                month,
                due_fen: row.0,
                paid_fen,
                paid_on: m.paid_on(month),
                state: row.1,
                late: m.paid_on(month).is_some_and(|d| d > due),
            });
        }
        month = month.next();
    }
    let current = applying(&m.bases, this_month);
    let horizon = this_month.plus(12);
    let open = m
        .open_months(book.start, 12, s, horizon)
        .into_iter()
        .map(|(month, fen)| OpenMonth { month, fen })
        .collect();
    let overdue = m.overdue(book.start, this_month, today, s);
    Ok(DuesCard {
        member_id: member,
        name,
        months,
        payments: payments::of_member(conn, org, member)?,
        bases: m.bases.clone(),
        current_fen: current.map(|b| s.monthly_due(&b.terms)),
        clause: current.map(|b| b.terms.category.clause().to_string()),
        overdue_fen: overdue.iter().filter_map(|o| o.1).sum(),
        overdue_months: overdue.iter().filter(|o| o.1.is_some()).count() as u32,
        unpaid_run: m.unpaid_run(book.start, today, s).0,
        open,
    })
}
