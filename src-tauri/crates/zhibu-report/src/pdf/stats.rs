//! The 年度统计 printed: each of the Excel export's tables on its own page
//! (写入汇报, 党员队伍, 发展党员, 组织生活, 主题党日, 党课, 党费), with the
//! day the members are counted to and what the dues figures mean.

use chrono::NaiveDate;
use zhibu_core::export::StatsReport;
use zhibu_core::members::rules::ymd;

use super::engine::Job;
use super::tables::{self, Section};

pub fn job(report: &StatsReport, today: NaiveDate) -> Job {
    let s = &report.stats;
    let tables = zhibu_core::stats::tables(s, &report.branch);
    let last = tables.len().saturating_sub(1);
    let sections: Vec<Section> = tables
        .into_iter()
        .enumerate()
        .map(|(i, table)| {
            let mut notes = Vec::new();
            match table.sheet.as_str() {
                "党员队伍" => notes.push(
                    "本表按台账记录整理，帮助填写党内统计报表；统计口径以上级党组织下发的报表为准。".to_string(),
                ),
                "党费" => notes.push(
                    "应交：各月应交党费（已核定基数的）；实交：其中已交的部分；当月收款：当月实际收到的党费（含补交、预交和自愿多交）。单位：元。"
                        .to_string(),
                ),
                _ => {}
            }
            Section {
                table,
                lines: vec![format!(
                    "统计期间：{}至{}",
                    ymd(s.first),
                    ymd(s.until)
                )],
                notes,
                signatures: if i == last { vec!["制表人", "支部书记"] } else { vec![] },
                made: (i == last).then_some(today),
                seal: None,
            }
        })
        .collect();
    tables::job(
        &format!("{}{}党建工作统计", report.branch, s.period),
        false,
        &sections,
        today,
    )
}
