//! What the 民主评议党员 sheets hold: each member's year (stats::sheets),
//! one page each, for the branch's 民主评议 meeting and its file.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::month::YearMonth;
use crate::org::{self, OrgId};
use crate::stats::{member_sheets, MemberSheet};

pub struct MemberSheets {
    pub title: String,
    pub year: i32,
    /// The day counted to: December 31st, or today in the current year.
    pub until: NaiveDate,
    pub sheets: Vec<MemberSheet>,
}

/// 东坡村党支部2026年度民主评议党员个人情况表
pub fn title(branch: &str, year: i32) -> String {
    format!("{branch}{year}年度民主评议党员个人情况表")
}

pub fn file_name(branch: &str, year: i32) -> String {
    format!("{}.pdf", title(branch, year))
}

pub fn gather(
    conn: &Connection,
    org_id: OrgId,
    year: i32,
    today: NaiveDate,
) -> Result<MemberSheets> {
    let branch = org::get(conn, org_id)?.name;
    let sheets = member_sheets(conn, org_id, year, today)?;
    if sheets.is_empty() {
        return Err(Error::Validation(format!(
            "{year}年本支部名册上没有党员，无法生成民主评议表。请先登记党员，或选择其他年份"
        )));
    }
    let until = YearMonth::new(year, 12)?.last_day().min(today);
    Ok(MemberSheets {
        title: title(&branch, year),
        year,
        until,
        sheets,
    })
}
