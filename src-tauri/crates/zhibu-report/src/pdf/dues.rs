//! 党费收缴登记表 and 党费收缴情况公示表 of a year: the same rows as the
//! Excel export's first two sheets, printed for the file and the notice board.

use chrono::NaiveDate;
use rusqlite::Connection;
use zhibu_core::dues::export::tables as dues_tables;
use zhibu_core::org::{self, OrgId};

use super::engine::Job;
use super::tables::{self, Section};

/// 东坡村党支部2026年党费收缴登记表.pdf
pub fn file_name(branch: &str, year: i32) -> String {
    format!("{branch}{year}年党费收缴登记表.pdf")
}

pub fn document(
    conn: &Connection,
    org_id: OrgId,
    year: i32,
    today: NaiveDate,
) -> zhibu_core::Result<Job> {
    let branch = org::get(conn, org_id)?.name;
    let mut all = dues_tables(conn, org_id, year, today)?;
    let take = |all: &mut Vec<zhibu_core::table::Table>, sheet: &str| {
        all.iter()
            .position(|t| t.sheet == sheet)
            .map(|i| all.remove(i))
            .ok_or_else(|| zhibu_core::Error::Internal(format!("党费台账缺少“{sheet}”")))
    };
    let register = take(&mut all, "收缴登记表")?;
    let notice = take(&mut all, "收缴公示表")?;
    if register.rows.len() <= register.total_rows {
        return Err(zhibu_core::Error::Validation(format!(
            "{branch}{year}年没有应交党费的党员，无法生成党费收缴登记表。请换一个年份"
        )));
    }
    let sections = [
        Section {
            table: register,
            lines: vec!["单位：元".into()],
            notes: vec![
                "“未交”：已过当月交纳期限仍未交纳；“—”：当月不在本支部；“流入地交”：流动党员在流入地党组织交纳；“免交”：经批准免交。".into(),
                "依据：中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》。".into(),
            ],
            signatures: vec!["制表人", "审核人（支部书记）"],
            made: Some(today),
        },
        Section {
            table: notice,
            lines: vec!["单位：元".into()],
            notes: vec!["党员对公示内容有疑问的，请向支部组织委员或支部书记反映。".into()],
            signatures: vec![],
            made: Some(today),
        },
    ];
    Ok(tables::job(
        &format!("{branch}{year}年党费收缴登记表"),
        true,
        &sections,
        today,
    ))
}
