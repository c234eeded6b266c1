//! The 公示 before 确定发展对象 and at the 上级党委's 预审: its dates against
//! the branch's setting in working days (the 细则 sets no length).

use chrono::NaiveDate;

use super::{breach, Breach, Proposed};
use crate::members::rules::ymd;

/// The steps a 公示 goes with: 确定发展对象 and the 上级党委's 预审.
pub const PUBLICITY_STEPS: [u8; 2] = [7, 13];

/// How long a 公示 runs is the branch's setting; the 细则 sets no length.
pub fn clause_publicity(days: u32) -> String {
    format!("本地做法（本支部设置：公示{days}个工作日）：确定发展对象前、上级党委预审时，在一定范围内公示，听取党员和群众意见；《中国共产党发展党员工作细则》未规定公示天数")
}

/// Monday to Friday from `from` to `to`, both included (public holidays
/// are not known to the program and are not taken off).
pub fn working_days(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::{Datelike, Weekday};
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as u32
}

/// What a step that goes with a 公示 would break: none recorded, too short
/// for the branch's setting, or not over before the step.
pub(super) fn publicity_breaches(p: &Proposed, days: u32) -> Vec<Breach> {
    if days == 0 || !PUBLICITY_STEPS.contains(&p.step) {
        return Vec::new();
    }
    let clause = clause_publicity(days);
    let what = if p.step == 7 {
        "确定发展对象前"
    } else {
        "上级党委预审时"
    };
    let Some((from, to)) = p.publicity else {
        return vec![breach(
            false,
            format!("{what}应当公示（本支部设置为{days}个工作日），请填写公示的起止日期；确未公示的，写明特殊情况"),
            &clause,
        )];
    };
    if from > to {
        return vec![breach(
            true,
            format!("公示开始日期{}晚于结束日期{}，请核对", ymd(from), ymd(to)),
            "",
        )];
    }
    let mut out = Vec::new();
    let counted = working_days(from, to);
    if counted < days {
        out.push(breach(
            false,
            format!(
                "公示{}至{}只有{counted}个工作日（按周一至周五计，未扣除法定节假日），本支部设置为{days}个工作日",
                ymd(from),
                ymd(to)
            ),
            &clause,
        ));
    }
    if to > p.date {
        out.push(breach(
            false,
            format!(
                "公示到{}才结束，晚于本步骤的日期{}；公示期满、听取意见后再办理",
                ymd(to),
                ymd(p.date)
            ),
            &clause,
        ));
    }
    out
}
