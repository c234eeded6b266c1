//! The `dues_remittances` table: each sum passed up (ordinary dues to the
//! higher committee, 大额党费 to 中央) with the period it is for, and its
//! reversals. Never updated or deleted.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::dues::types::{LargeEntry, LargeKind, RemittanceRecord};
use crate::error::Result;
use crate::month::YearMonth;
use crate::org::OrgId;

/// A remittance or a reversal, checked and cleaned.
pub struct NewRemittance<'a> {
    pub org: OrgId,
    pub remitted_on: NaiveDate,
    pub period_start: YearMonth,
    pub period_end: YearMonth,
    pub amount_fen: i64,
    pub large: bool,
    pub receipt_no: Option<&'a str>,
    pub note: Option<&'a str>,
    pub reverses: Option<i64>,
    pub reason: Option<&'a str>,
}

pub fn insert(conn: &Connection, r: &NewRemittance<'_>, now: DateTime<Local>) -> Result<i64> {
    conn.execute(
        "INSERT INTO dues_remittances (org_id, remitted_on, period_start, period_end, amount_fen, large,
             receipt_no, note, reverses_id, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            r.org,
            r.remitted_on,
            r.period_start.to_string(),
            r.period_end.to_string(),
            r.amount_fen,
            r.large,
            r.receipt_no,
            r.note,
            r.reverses,
            r.reason,
            now.to_rfc3339()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The stored rows of `year`'s periods, in date order. `period_label` is left
/// empty: it depends on the branch's settings, which the caller knows.
pub fn of_year(conn: &Connection, org: OrgId, year: i32) -> Result<Vec<RemittanceRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.remitted_on, d.period_start, d.period_end, d.amount_fen, d.large, d.receipt_no, d.note,
                d.reverses_id, (SELECT r.id FROM dues_remittances r WHERE r.reverses_id = d.id), d.reason, d.created_at
         FROM dues_remittances d
         WHERE d.org_id = ?1 AND substr(d.period_start, 1, 4) = ?2
         ORDER BY d.remitted_on, d.id",
    )?;
    let rows = stmt.query_map(params![org, format!("{year:04}")], |r| {
        Ok(RemittanceRecord {
            id: r.get(0)?,
            remitted_on: r.get(1)?,
            period_start: r.get(2)?,
            period_end: r.get(3)?,
            period_label: String::new(),
            amount_fen: r.get(4)?,
            large: r.get(5)?,
            receipt_no: r.get(6)?,
            note: r.get(7)?,
            reverses: r.get(8)?,
            reversed_by: r.get(9)?,
            reason: r.get(10)?,
            created_at: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// What a reversal copies from the row it reverses, and whether that row
/// is itself a reversal or already reversed.
pub struct Reversible {
    pub period_start: YearMonth,
    pub period_end: YearMonth,
    pub amount_fen: i64,
    pub large: bool,
    pub reverses: Option<i64>,
    pub reversed: bool,
}

pub fn reversible(conn: &Connection, org: OrgId, id: i64) -> Result<Option<Reversible>> {
    Ok(conn
        .query_row(
            "SELECT period_start, period_end, amount_fen, large, reverses_id,
                    EXISTS (SELECT 1 FROM dues_remittances r WHERE r.reverses_id = d.id)
             FROM dues_remittances d WHERE id = ?1 AND org_id = ?2",
            params![id, org],
            |r| {
                Ok(Reversible {
                    period_start: r.get(0)?,
                    period_end: r.get(1)?,
                    amount_fen: r.get(2)?,
                    large: r.get(3)?,
                    reverses: r.get(4)?,
                    reversed: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Passed up for the period starting `start`: (ordinary, 大额党费).
pub fn remitted_for(conn: &Connection, org: OrgId, start: YearMonth) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN large = 0 THEN amount_fen END), 0),
                COALESCE(SUM(CASE WHEN large = 1 THEN amount_fen END), 0)
         FROM dues_remittances WHERE org_id = ?1 AND period_start = ?2",
        params![org, start.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// The 大额党费 passed on to 中央 (and reversed) before `to` ("YYYY-MM-DD"),
/// as lines of the large ledger without their balance, with their row ids.
pub fn large_remitted(conn: &Connection, org: OrgId, to: &str) -> Result<Vec<(i64, LargeEntry)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, remitted_on, receipt_no, amount_fen, reverses_id, COALESCE(reason, note)
         FROM dues_remittances WHERE org_id = ?1 AND large = 1 AND remitted_on < ?2",
    )?;
    let rows = stmt.query_map(params![org, to], |r| {
        let reverses: Option<i64> = r.get(4)?;
        Ok((
            r.get(0)?,
            LargeEntry {
                date: r.get(1)?,
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
