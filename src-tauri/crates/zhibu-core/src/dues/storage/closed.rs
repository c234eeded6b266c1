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
        Ok(ClosedMonth {
            month: r.get(0)?,
            closed_at: r.get(1)?,
            members_due: r.get(2)?,
            members_paid: r.get(3)?,
            due_fen: r.get(4)?,
            received_fen: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The closed months, as a set.
pub fn months(conn: &Connection, org: OrgId) -> Result<BTreeSet<YearMonth>> {
    let mut stmt = conn.prepare_cached("SELECT month FROM dues_closed_months WHERE org_id = ?1")?;
    let rows = stmt.query_map([org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<BTreeSet<_>>>()?)
}

pub fn last(conn: &Connection, org: OrgId) -> Result<Option<YearMonth>> {
    Ok(conn.query_row(
        "SELECT MAX(month) FROM dues_closed_months WHERE org_id = ?1",
        [org],
        |r| r.get(0),
    )?)
}

pub fn is_closed(conn: &Connection, org: OrgId, month: YearMonth) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM dues_closed_months WHERE org_id = ?1 AND month = ?2)",
        params![org, month.to_string()],
        |r| r.get(0),
    )?)
}
