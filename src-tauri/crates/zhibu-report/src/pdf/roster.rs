//! 党员花名册 as a landscape table, drawn up for a day with the roster
//! screen's filter.

use chrono::NaiveDate;
use zhibu_core::export::RosterSheet;
use zhibu_core::members::rules::ymd;

use super::engine::Job;
use super::tables::{self, Section};

/// The roster of the sheet's day, as the screen listed it.
pub fn job(sheet: &RosterSheet, today: NaiveDate) -> Job {
    let r = &sheet.roster;
    let c = &r.counts;
    let mut lines = vec![format!(
        "截至{}，在册党员{}人，其中正式党员{}人、预备党员{}人",
        ymd(r.day),
        c.total,
        c.full,
        c.probationary
    )];
    if sheet.filtered || sheet.include_former {
        lines.push(format!(
            "本表按筛选条件列出{}人{}",
            r.rows.len(),
            if sheet.include_former {
                "（含已离开本支部的党员，见备注）"
            } else {
                ""
            }
        ));
    }
    if sheet.masked {
        lines.push("张贴用：公民身份号码和联系电话只显示前后几位".into());
    }
    let section = Section {
        table: sheet.table.clone(),
        lines,
        notes: vec!["类别：正式党员记“正式”，预备党员记“预备”。".into()],
        signatures: vec!["制表人", "审核人（支部书记）"],
        made: Some(today),
        seal: None,
    };
    tables::job(
        &format!("{}党员花名册", sheet.branch),
        true,
        &[section],
        today,
    )
}
