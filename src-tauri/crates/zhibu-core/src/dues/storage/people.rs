//! The few facts the dues books read from other areas' tables, read only:
//! a member's name (on the roll here now or once), their 人员类别, and the
//! date a 预备党员 was handed over from the development records (step 17).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::members::MemberId;
use crate::org::OrgId;

/// The member's name if they are or were on this branch's roll.
pub fn name_here(conn: &Connection, org: OrgId, member: MemberId) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM members WHERE id = ?1
               AND (org_id = ?2 OR id IN (SELECT member_id FROM member_events WHERE org_id = ?2))",
            params![member, org],
            |r| r.get(0),
        )
        .optional()?)
}

/// 人员类别 as the roster has it.
pub fn roster_category(conn: &Connection, member: MemberId) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached("SELECT category FROM members WHERE id = ?1")?;
    Ok(stmt.query_row([member], |r| r.get(0))?)
}

/// The 上级党委's approval date (development step 17) of each 预备党员 who
/// came through the branch's development records (of `only`, or of all).
pub fn handed_over(
    conn: &Connection,
    org: OrgId,
    only: Option<MemberId>,
) -> Result<HashMap<MemberId, NaiveDate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.member_id, max(s.date) FROM dev_people p JOIN dev_steps s ON s.person_id = p.id
         WHERE p.org_id = ?1 AND p.member_id IS NOT NULL AND (?2 IS NULL OR p.member_id = ?2)
           AND s.step = 17 AND s.withdrawn_at IS NULL
         GROUP BY p.member_id",
    )?;
    let rows = stmt.query_map(params![org, only], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}
