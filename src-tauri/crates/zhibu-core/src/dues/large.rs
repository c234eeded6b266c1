//! 大额党费 in a ledger of its own. 党费规定 第十一条: "党员自愿一次多交纳
//! 1000元以上的党费，全部上缴中央". The money passes through the branch but is
//! never the branch's: the ledger shows each sum taken in, each sum passed on
//! to 中央, and what the branch still holds, year by year with the balance
//! carried over.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::ledger::is_large_sql;
use crate::error::Result;
use crate::labels::label_enum;
use crate::meetings::year_bounds;
use crate::org::OrgId;

label_enum! {
    pub enum LargeKind {
        Received = "收到",
        Remitted = "上缴中央",
        ReceivedReversed = "收款冲正",
        RemittedReversed = "上缴冲正",
    }
    what: "大额党费记录类别"
}

/// One line of the ledger, with the balance after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LargeEntry {
    pub date: NaiveDate,
    pub kind: LargeKind,
    /// The member who gave it (lines of money taken in).
    pub name: Option<String>,
    /// Who handed it over when not the member (代交).
    pub paid_by: Option<String>,
    pub receipt_no: Option<String>,
    /// Money taken in (negative on a reversal).
    pub in_fen: i64,
    /// Money passed on to 中央 (negative on a reversal).
    pub out_fen: i64,
    /// What the branch holds after this line.
    pub balance_fen: i64,
    /// The note, or for a reversal its reason.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LargeLedger {
    pub year: i32,
    /// Held at the start of the year (上年结转).
    pub opening_fen: i64,
    pub entries: Vec<LargeEntry>,
    pub received_fen: i64,
    pub remitted_fen: i64,
    /// Held at the end of the lines shown: still to be passed on to 中央.
    pub closing_fen: i64,
}

/// A line before its balance is known: (date, order within the day, row id, entry).
type Line = (NaiveDate, u8, i64, LargeEntry);

fn received(conn: &Connection, org: OrgId, to: &str) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.paid_on, m.name, p.paid_by, p.receipt_no, p.extra_fen, p.reverses_id,
                COALESCE(p.reason, p.note)
         FROM dues_payments p
         JOIN members m ON m.id = p.member_id
         LEFT JOIN dues_payments o ON o.id = p.reverses_id
         WHERE p.org_id = ?1 AND p.paid_on < ?2 AND {}",
        is_large_sql()
    ))?;
    let rows = stmt.query_map(params![org, to], |r| {
        let reverses: Option<i64> = r.get(6)?;
        let date: NaiveDate = r.get(1)?;
        Ok((
            date,
            0,
            r.get(0)?,
            LargeEntry {
                date,
                kind: if reverses.is_some() {
                    LargeKind::ReceivedReversed
                } else {
                    LargeKind::Received
                },
                name: Some(r.get(2)?),
                paid_by: r.get(3)?,
                receipt_no: r.get(4)?,
                in_fen: r.get(5)?,
                out_fen: 0,
                balance_fen: 0,
                note: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn remitted(conn: &Connection, org: OrgId, to: &str) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, remitted_on, receipt_no, amount_fen, reverses_id, COALESCE(reason, note)
         FROM dues_remittances WHERE org_id = ?1 AND large = 1 AND remitted_on < ?2",
    )?;
    let rows = stmt.query_map(params![org, to], |r| {
        let reverses: Option<i64> = r.get(4)?;
        let date: NaiveDate = r.get(1)?;
        Ok((
            date,
            1,
            r.get(0)?,
            LargeEntry {
                date,
                kind: if reverses.is_some() {
                    LargeKind::RemittedReversed
                } else {
                    LargeKind::Remitted
                },
                name: None,
                paid_by: None,
                receipt_no: r.get(2)?,
                in_fen: 0,
                out_fen: r.get(3)?,
                balance_fen: 0,
                note: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The 大额党费 ledger of `year`: the balance carried from earlier years,
/// then every sum taken in and passed on in date order (money taken in
/// before money passed on the same day).
pub fn ledger(conn: &Connection, org: OrgId, year: i32) -> Result<LargeLedger> {
    crate::month::check_year(year)?;
    let (_, to) = year_bounds(year);
    let mut lines = received(conn, org, &to)?;
    lines.extend(remitted(conn, org, &to)?);
    lines.sort_by_key(|(date, order, id, _)| (*date, *order, *id));

    let mut balance = 0;
    let mut opening_fen = 0;
    let (mut received_fen, mut remitted_fen) = (0, 0);
    let mut entries = Vec::new();
    for (date, _, _, mut entry) in lines {
        balance += entry.in_fen - entry.out_fen;
        if date.year() < year {
            opening_fen = balance;
            continue;
        }
        received_fen += entry.in_fen;
        remitted_fen += entry.out_fen;
        entry.balance_fen = balance;
        entries.push(entry);
    }
    Ok(LargeLedger {
        year,
        opening_fen,
        entries,
        received_fen,
        remitted_fen,
        closing_fen: balance,
    })
}
