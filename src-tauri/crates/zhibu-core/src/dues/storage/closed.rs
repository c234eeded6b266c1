//! The `dues_closed_months` table: each month's books locked with the
//! figures of the day it was closed.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};

use crate::dues::types::ClosedMonth;
use crate::error::Result;
use crate::month::YearMonth;
use crate::org::OrgId;

pub fn insert(conn: &Connection, org: OrgId, c: &ClosedMonth) -> Result<()> {
    conn.execute(
        "INSERT INTO dues_closed_months (org_id, month, closed_at, members_due, members_paid, due_fen, received_fen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            org,
            c.month.to_string(),
            c.closed_at,
            c.members_due,
            c.members_paid,
            c.due_fen,
            c.received_fen
        ],
    )?;
    Ok(())
}

/// The closed months with their figures, latest first.
pub fn list(conn: &Connection, org: OrgId) -> Result<Vec<ClosedMonth>> {
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

/// The closed months, as a set.
pub fn months(conn: &Connection, org: OrgId) -> Result<BTreeSet<YearMonth>> {
    let mut stmt = conn.prepare_cached("SELECT month FROM dues_closed_months WHERE org_id = ?1")?;
    let rows = stmt.query_map([org], |r| r.get::<_, String>(0))?;
    rows.map(|m| YearMonth::parse(&m?)).collect()
}

pub fn last(conn: &Connection, org: OrgId) -> Result<Option<YearMonth>> {
    let last: Option<String> = conn.query_row(
        "SELECT MAX(month) FROM dues_closed_months WHERE org_id = ?1",
        [org],
        |r| r.get(0),
    )?;
    last.map(|m| YearMonth::parse(&m)).transpose()
}

pub fn is_closed(conn: &Connection, org: OrgId, month: YearMonth) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM dues_closed_months WHERE org_id = ?1 AND month = ?2)",
        params![org, month.to_string()],
        |r| r.get(0),
    )?)
}
