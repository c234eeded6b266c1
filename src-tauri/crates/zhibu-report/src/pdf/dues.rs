//! 党费收缴登记表 of a year, for the file, and the 党费收缴情况公示表, for
//! the notice board: each its own document, with the rows the Excel export's
//! first two sheets hold.

use chrono::NaiveDate;
use zhibu_core::export::{DuesNotice, DuesSheets};
use zhibu_core::members::rules::ymd;

use super::engine::Job;
use super::tables::{self, Section};

pub fn job(sheets: &DuesSheets, today: NaiveDate) -> Job {
    let section = Section {
        table: sheets.register.clone(),
        lines: vec!["单位：元".into()],
        notes: vec![
            "“未交”：已过当月交纳期限仍未交纳；“—”：当月不在本支部；“流入地交”：流动党员在流入地党组织交纳；“免交”：经批准免交。".into(),
            "依据：中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》。".into(),
        ],
        signatures: vec!["制表人", "审核人（支部书记）"],
        made: Some(today),
        seal: None,
    };
    tables::job(
        &format!("{}{}年党费收缴登记表", sheets.branch, sheets.year),
        true,
        &[section],
        today,
    )
}

/// The 公示表 as it is posted: its 公示期 under the title, the 合计 row, and
/// the branch committee's seal with the first day of the 公示 under it.
pub fn notice_job(notice: &DuesNotice, today: NaiveDate) -> Job {
    let section = Section {
        table: notice.table.clone(),
        lines: vec![
            format!("公示期：{}至{}", ymd(notice.from), ymd(notice.to)),
            "单位：元".into(),
        ],
        notes: vec!["党员对公示内容有疑问的，请在公示期内向支部组织委员或支部书记反映。".into()],
        signatures: vec![],
        made: None,
        seal: Some((notice.seal.clone(), notice.from)),
    };
    tables::job(
        &format!("{}{}年党费收缴情况公示表", notice.branch, notice.year),
        false,
        &[section],
        today,
    )
}
