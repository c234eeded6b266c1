//! 党费收缴登记表 and 党费收缴情况公示表 of a year: the same rows as the
//! Excel export's first two sheets, printed for the file and the notice board.

use chrono::NaiveDate;
use zhibu_core::export::DuesSheets;

use super::engine::Job;
use super::tables::{self, Section};

pub fn job(sheets: &DuesSheets, today: NaiveDate) -> Job {
    let sections = [
        Section {
            table: sheets.register.clone(),
            lines: vec!["单位：元".into()],
            notes: vec![
                "“未交”：已过当月交纳期限仍未交纳；“—”：当月不在本支部；“流入地交”：流动党员在流入地党组织交纳；“免交”：经批准免交。".into(),
                "依据：中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》。".into(),
            ],
            signatures: vec!["制表人", "审核人（支部书记）"],
            made: Some(today),
        },
        Section {
            table: sheets.notice.clone(),
            lines: vec!["单位：元".into()],
            notes: vec!["党员对公示内容有疑问的，请向支部组织委员或支部书记反映。".into()],
            signatures: vec![],
            made: Some(today),
        },
    ];
    tables::job(
        &format!("{}{}年党费收缴登记表", sheets.branch, sheets.year),
        true,
        &sections,
        today,
    )
}
