//! What the printed 党费收缴情况公示表 holds: the year's notice table with
//! its 合计, the 公示期 it is posted for, and the branch committee whose seal
//! goes under it. A document of its own: it goes on the notice board, the
//! register (`dues_sheets`) goes in the file.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::dues::export::member_sheets;
use crate::error::{Error, Result};
use crate::members::rules::ymd;
use crate::org::{self, OrgId};
use crate::table::Table;

pub struct DuesNotice {
    pub branch: String,
    /// Whose seal goes under it: the branch committee, as its seal reads.
    pub seal: String,
    pub year: i32,
    /// The 公示期, first and last day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub table: Table,
}

/// 东坡村党支部2026年党费收缴情况公示表.pdf
pub fn file_name(branch: &str, year: i32) -> String {
    format!("{branch}{year}年党费收缴情况公示表.pdf")
}

/// The name on a branch's seal: "东坡村党支部" → "中共东坡村支部委员会";
/// a name without the usual ending is printed after "中共" as it is.
pub fn seal_of(branch: &str) -> String {
    match branch.strip_suffix("党支部") {
        Some(place) if !place.is_empty() => format!("中共{place}支部委员会"),
        _ => format!("中共{branch}"),
    }
}

/// The longest 公示期 taken: a month; a longer one is almost surely a typo.
const LONGEST_DAYS: i64 = 31;

pub fn gather(
    conn: &Connection,
    org_id: OrgId,
    year: i32,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<DuesNotice> {
    if to < from {
        return Err(Error::Validation(format!(
            "公示期的结束日期（{}）早于开始日期（{}），请重新选择",
            ymd(to),
            ymd(from)
        )));
    }
    if (to - from).num_days() + 1 > LONGEST_DAYS {
        return Err(Error::Validation(format!(
            "公示期从{}到{}，超过{LONGEST_DAYS}天，请核对日期（一般为5至7天）",
            ymd(from),
            ymd(to)
        )));
    }
    let branch = org::get(conn, org_id)?.name;
    let (_, table) = member_sheets(conn, org_id, year, today)?;
    if table.rows.len() <= table.total_rows {
        return Err(Error::Validation(format!(
            "{branch}{year}年没有应交党费的党员，无法生成公示表。请换一个年份"
        )));
    }
    Ok(DuesNotice {
        seal: seal_of(&branch),
        branch,
        year,
        from,
        to,
        table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seal_reads_as_the_branch_committee() {
        for (branch, seal) in [
            ("东坡村党支部", "中共东坡村支部委员会"),
            ("新华社区第二党支部", "中共新华社区第二支部委员会"),
            ("党支部", "中共党支部"),
            ("机关第一支部", "中共机关第一支部"),
        ] {
            assert_eq!(seal_of(branch), seal, "{branch}");
        }
    }
}
