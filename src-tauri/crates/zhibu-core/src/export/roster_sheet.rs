//! What the printed 党员花名册 holds: the roster as the screen lists it (its
//! day, its filters) laid out in the export's columns.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::members::print::roster_table;
use crate::members::roster::{roster, Roster, RosterQuery};
use crate::members::rules::ymd;
use crate::org::{self, OrgId};
use crate::table::Table;

pub struct RosterSheet {
    pub branch: String,
    pub roster: Roster,
    pub table: Table,
    /// Narrowed by a search, a group, a kind or a mark: the sheet says so.
    pub filtered: bool,
    /// With members who have left (their rows say so).
    pub include_former: bool,
    /// ID numbers and phones shown only in part (a copy that is posted).
    pub masked: bool,
}

/// 东坡村党支部党员花名册（2026年11月22日）.pdf
pub fn file_name(branch: &str, day: NaiveDate) -> String {
    format!("{branch}党员花名册（{}）.pdf", ymd(day))
}

pub fn gather(
    conn: &Connection,
    org_id: OrgId,
    query: &RosterQuery,
    mask: bool,
    today: NaiveDate,
) -> Result<RosterSheet> {
    let branch = org::get(conn, org_id)?.name;
    let r = roster(conn, org_id, query, today)?;
    if r.rows.is_empty() {
        return Err(Error::Validation(format!(
            "{}没有符合条件的党员，无法生成花名册。请清除筛选条件或换一个日期",
            ymd(r.day)
        )));
    }
    Ok(RosterSheet {
        table: roster_table(&branch, &r, mask),
        filtered: query.text.as_deref().is_some_and(|t| !t.trim().is_empty())
            || query.group_id.is_some()
            || query.standing.is_some()
            || query.status.is_some(),
        include_former: query.include_former,
        masked: mask,
        branch,
        roster: r,
    })
}
