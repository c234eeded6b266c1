//! What the printed 党费收缴登记表 holds: the year's register as the Excel
//! export builds it, refused for a year with nobody owing dues. (The 公示表
//! is a document of its own: `dues_notice`.)

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::dues::export::member_sheets;
use crate::error::{Error, Result};
use crate::org::{self, OrgId};
use crate::table::Table;

pub struct DuesSheets {
    pub branch: String,
    pub year: i32,
    pub register: Table,
}

/// 东坡村党支部2026年党费收缴登记表.pdf
pub fn file_name(branch: &str, year: i32) -> String {
    format!("{branch}{year}年党费收缴登记表.pdf")
}

pub fn gather(conn: &Connection, org_id: OrgId, year: i32, today: NaiveDate) -> Result<DuesSheets> {
    let branch = org::get(conn, org_id)?.name;
    let (register, _) = member_sheets(conn, org_id, year, today)?;
    if register.rows.len() <= register.total_rows {
        return Err(Error::Validation(format!(
            "{branch}{year}年没有应交党费的党员，无法生成党费收缴登记表。请换一个年份"
        )));
    }
    Ok(DuesSheets {
        branch,
        year,
        register,
    })
}
