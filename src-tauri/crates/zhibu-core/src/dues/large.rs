//! 大额党费 in a ledger of its own. 党费规定 第十一条: "党员自愿一次多交纳
//! 1000元以上的党费，全部上缴中央". The money passes through the branch but is
//! never the branch's: the ledger shows each sum taken in, each sum passed on
//! to 中央, and what the branch still holds, year by year with the balance
//! carried over.

use chrono::Datelike;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::storage::{payments, remittances};
pub use super::types::{LargeEntry, LargeKind};
use crate::error::Result;
use crate::meetings::year_bounds;
use crate::org::OrgId;

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

/// The 大额党费 ledger of `year`: the balance carried from earlier years,
/// then every sum taken in and passed on in date order (money taken in
/// before money passed on the same day).
pub fn ledger(conn: &Connection, org: OrgId, year: i32) -> Result<LargeLedger> {
    crate::month::check_year(year)?;
    let (_, to) = year_bounds(year);
    // Money taken in before money passed on the same day, then as entered.
    let mut lines: Vec<(u8, i64, LargeEntry)> = payments::large_received(conn, org, &to)?
        .into_iter()
        .map(|(id, e)| (0, id, e))
        .collect();
    lines.extend(
        remittances::large_remitted(conn, org, &to)?
            .into_iter()
            .map(|(id, e)| (1, id, e)),
    );
    lines.sort_by_key(|(order, id, e)| (e.date, *order, *id));

    let mut balance = 0;
    let mut opening_fen = 0;
    let (mut received_fen, mut remitted_fen) = (0, 0);
    let mut entries = Vec::new();
    for (_, _, mut entry) in lines {
        balance += entry.in_fen - entry.out_fen;
        if entry.date.year() < year {
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
