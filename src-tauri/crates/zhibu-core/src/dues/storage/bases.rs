//! The `dues_bases` table: each member's category and base, as rows with the
//! month each takes effect. Never updated: a later row replaces an earlier.

use chrono::{DateTime, Local};
use rusqlite::{params, Connection};

use crate::dues::rules::Terms;
use crate::dues::types::BaseRecord;
use crate::dues::PayPeriod;
use crate::error::Result;
use crate::members::MemberId;
use crate::month::YearMonth;
use crate::org::OrgId;

const COLUMNS: &str =
    "b.id, b.member_id, b.effective, b.category, b.base_fen, b.fixed_fen, b.pays_elsewhere, b.approval, b.note, b.created_at, b.pay_months";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BaseRecord> {
    Ok(BaseRecord {
        id: r.get(0)?,
        member_id: r.get(1)?,
        effective: r.get(2)?,
        terms: Terms {
            category: r.get(3)?,
            base_fen: r.get(4)?,
            fixed_fen: r.get(5)?,
        },
        pays_elsewhere: r.get(6)?,
        approval: r.get(7)?,
        note: r.get(8)?,
        created_at: r.get(9)?,
        period: PayPeriod::from_months(r.get(10)?),
    })
}

/// A member's rows in the order they apply (by month, then as entered).
pub fn of_member(conn: &Connection, member: MemberId) -> Result<Vec<BaseRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM dues_bases b WHERE b.member_id = ?1 ORDER BY b.effective, b.id"
    ))?;
    let rows = stmt.query_map([member], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The rows of everyone who is or was on the branch's roll, by member and
/// in the order they apply: the whole branch's books read in one pass.
pub fn of_branch(conn: &Connection, org: OrgId) -> Result<Vec<BaseRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM dues_bases b
         WHERE b.member_id IN (SELECT id FROM members WHERE org_id = ?1
                               UNION SELECT member_id FROM member_events WHERE org_id = ?1)
         ORDER BY b.member_id, b.effective, b.id"
    ))?;
    let rows = stmt.query_map([org], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A new row, already checked.
pub struct NewBase<'a> {
    pub member: MemberId,
    pub effective: YearMonth,
    pub terms: &'a Terms,
    pub pays_elsewhere: bool,
    pub approval: Option<String>,
    pub note: Option<String>,
    pub period: PayPeriod,
}

pub fn insert(conn: &Connection, b: &NewBase<'_>, now: DateTime<Local>) -> Result<i64> {
    conn.execute(
        "INSERT INTO dues_bases (member_id, effective, category, base_fen, fixed_fen, pays_elsewhere,
             approval, note, created_at, pay_months)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            b.member,
            b.effective.to_string(),
            b.terms.category,
            b.terms.base_fen,
            b.terms.fixed_fen,
            b.pays_elsewhere,
            b.approval,
            b.note,
            now.to_rfc3339(),
            b.period.months()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}
