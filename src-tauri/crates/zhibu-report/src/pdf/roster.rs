//! 党员花名册 as a landscape table, drawn up for a day with the roster
//! screen's filter.

use chrono::NaiveDate;
use rusqlite::Connection;
use zhibu_core::members::print::roster_table;
use zhibu_core::members::roster::{roster, RosterQuery};
use zhibu_core::members::rules::ymd;
use zhibu_core::org::{self, OrgId};

use super::engine::Job;
use super::tables::{self, Section};

/// 东坡村党支部党员花名册（2026年11月22日）.pdf
pub fn file_name(branch: &str, day: NaiveDate) -> String {
    format!("{branch}党员花名册（{}）.pdf", ymd(day))
}

/// The roster of `query` (its day, today when absent).
pub fn document(
    conn: &Connection,
    org_id: OrgId,
    query: &RosterQuery,
    today: NaiveDate,
) -> zhibu_core::Result<Job> {
    let branch = org::get(conn, org_id)?.name;
    let r = roster(conn, org_id, query, today)?;
    if r.rows.is_empty() {
        return Err(zhibu_core::Error::Validation(format!(
            "{}没有符合条件的党员，无法生成花名册。请清除筛选条件或换一个日期",
            ymd(r.day)
        )));
    }
    let c = &r.counts;
    let mut lines = vec![format!(
        "截至{}，在册党员{}人，其中正式党员{}人、预备党员{}人",
        ymd(r.day),
        c.total,
        c.full,
        c.probationary
    )];
    let filtered = query.text.as_deref().is_some_and(|t| !t.trim().is_empty())
        || query.group_id.is_some()
        || query.standing.is_some()
        || query.status.is_some();
    if filtered || query.include_former {
        lines.push(format!(
            "本表按筛选条件列出{}人{}",
            r.rows.len(),
            if query.include_former {
                "（含已离开本支部的党员，见备注）"
            } else {
                ""
            }
        ));
    }
    let section = Section {
        table: roster_table(&branch, &r),
        lines,
        notes: vec!["类别：正式党员记“正式”，预备党员记“预备”。".into()],
        signatures: vec!["制表人", "审核人（支部书记）"],
        made: Some(today),
    };
    Ok(tables::job(
        &format!("{branch}党员花名册"),
        true,
        &[section],
        today,
    ))
}
