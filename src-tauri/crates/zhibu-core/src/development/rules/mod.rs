//! The time limits and conditions of the 发展党员工作细则 as pure functions
//! over a person's recorded steps: what a new step would break, the date the
//! 预备期 ends, the person's stage and the next step with its deadline.
//! A breach is either hard (the step cannot be recorded: an order, an age, a
//! vote that failed) or needs the clerk's written reason to go ahead.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod publicity;

use super::steps::{def, StepDef};
use crate::labels::label_enum;
use crate::members::rules::{eighteenth_birthday, ymd};
use crate::month::add_months;
use publicity::publicity_breaches;
pub use publicity::{clause_publicity, working_days, PUBLICITY_STEPS};

label_enum! {
    /// Where a person stands.
    pub enum Stage {
        Applicant = "入党申请人",
        Activist = "入党积极分子",
        Candidate = "发展对象",
        Probationary = "预备党员",
        Full = "正式党员",
        Cancelled = "取消预备党员资格",
        Closed = "已终止培养",
    }
    what: "发展阶段"
}

label_enum! {
    /// What a 转正 discussion and its approval decide (细则第三十二条).
    pub enum Decision {
        OnTime = "按期转正",
        Extend = "延长预备期",
        Cancel = "取消预备党员资格",
    }
    what: "转正结论"
}

/// Local rules the 细则 leaves open (domain-rules §6.9), per branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DevSettings {
    /// Months between the application and 确定积极分子. The 细则 sets none;
    /// many provinces ask for 6 (some 3). 0 = no local rule.
    pub activist_wait_months: u32,
    /// 公示 days before 确定发展对象 and 接收 (5 working days or 7 days locally).
    pub publicity_days: u32,
    /// 思想汇报 expected every so many months (commonly quarterly).
    pub report_every_months: u32,
}

impl Default for DevSettings {
    fn default() -> Self {
        DevSettings {
            activist_wait_months: 0,
            publicity_days: 5,
            report_every_months: 3,
        }
    }
}

/// The facts of a recorded step the rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub step: u8,
    pub date: NaiveDate,
    pub decision: Option<Decision>,
    pub extend_months: Option<u32>,
}

/// What the clerk is about to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposed {
    pub step: u8,
    pub date: NaiveDate,
    pub decision: Option<Decision>,
    pub extend_months: Option<u32>,
    pub training_days: Option<u32>,
    pub training_hours: Option<u32>,
    /// Steps 7 and 13: the 公示, first and last day.
    pub publicity: Option<(NaiveDate, NaiveDate)>,
}

/// A rule a step would break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Breach {
    pub message: String,
    pub clause: String,
    /// Cannot be recorded even with a reason.
    pub hard: bool,
}

fn breach(hard: bool, message: String, clause: &str) -> Breach {
    Breach {
        message,
        clause: clause.to_string(),
        hard,
    }
}

/// The latest active record of `step`.
pub(crate) fn last(history: &[Taken], step: u8) -> Option<&Taken> {
    history.iter().rev().find(|t| t.step == step)
}

fn count(history: &[Taken], step: u8) -> usize {
    history.iter().filter(|t| t.step == step).count()
}

/// Whole months from `from` to `to` (a month counts once its day is reached).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    while add_months(from, n + 1) <= to {
        n += 1;
    }
    n
}

/// The 延长预备期 decisions approved by the 上级党委 (step 24).
fn extensions(history: &[Taken]) -> Vec<&Taken> {
    history
        .iter()
        .filter(|t| t.step == 24 && t.decision == Some(Decision::Extend))
        .collect()
}

/// The day the 预备期 ends: one year from the 支部大会 that accepted the
/// person (细则第三十二条), moved on by an approved extension.
pub fn probation_end(history: &[Taken]) -> Option<NaiveDate> {
    let accepted = last(history, 15)?.date;
    let mut end = add_months(accepted, 12);
    for e in extensions(history) {
        if let Some(m) = e.extend_months {
            end = add_months(end, m);
        }
    }
    Some(end)
}

/// Where the person stands after their steps.
pub fn stage(history: &[Taken], closed: bool) -> Stage {
    match last(history, 24).and_then(|t| t.decision) {
        Some(Decision::OnTime) => return Stage::Full,
        Some(Decision::Cancel) => return Stage::Cancelled,
        _ => {}
    }
    if closed {
        Stage::Closed
    } else if last(history, 17).is_some() {
        Stage::Probationary
    } else if last(history, 7).is_some() {
        Stage::Candidate
    } else if last(history, 3).is_some() {
        Stage::Activist
    } else {
        Stage::Applicant
    }
}

/// Steps 22–24 may be taken a second time after an approved extension.
fn may_repeat(s: &StepDef, history: &[Taken]) -> bool {
    match s.no {
        22..=24 => count(history, s.no) <= extensions(history).len(),
        _ => s.repeats,
    }
}

/// Everything recording `p` would break, given the person's active steps in
/// date order, their birth date and today.
pub fn check(
    history: &[Taken],
    p: &Proposed,
    birth: NaiveDate,
    today: NaiveDate,
    settings: &DevSettings,
) -> Vec<Breach> {
    let Some(s) = def(p.step) else {
        return vec![breach(
            true,
            format!("没有第{}步，请从1至25步中选择", p.step),
            "",
        )];
    };
    let mut out = Vec::new();
    if p.date > today {
        out.push(breach(
            true,
            format!("日期{}晚于今天，请登记已经完成的步骤", ymd(p.date)),
            "",
        ));
    }
    if count(history, p.step) > 0 && !may_repeat(s, history) {
        out.push(breach(
            true,
            format!(
                "第{}步“{}”已经登记过；如登记有误，请先撤销原记录",
                s.no, s.name
            ),
            "",
        ));
    }
    for &a in s.after {
        let before = def(a).map(|d| d.name).unwrap_or_default();
        match last(history, a) {
            None => out.push(breach(
                true,
                format!(
                    "请先登记第{a}步“{before}”，再登记第{}步“{}”，发展党员的步骤不能跳过",
                    s.no, s.name
                ),
                s.rule,
            )),
            Some(t) if t.date > p.date => out.push(breach(
                true,
                format!(
                    "第{a}步“{before}”的日期是{}，第{}步不能早于它",
                    ymd(t.date),
                    s.no
                ),
                s.rule,
            )),
            _ => {}
        }
    }
    if !out.is_empty() {
        return out;
    }
    out.extend(publicity_breaches(p, settings.publicity_days));
    match p.step {
        1 if eighteenth_birthday(birth) > p.date => {
            out.push(breach(
                    true,
                    format!("递交入党申请书时未满十八周岁（出生于{}），不能作为入党申请人", ymd(birth)),
                    "《中国共产党发展党员工作细则》第五条：年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子……可以申请加入中国共产党",
                ));
        }
        2 => {
            if let Some(applied) = last(history, 1) {
                let limit = add_months(applied.date, 1);
                if p.date > limit {
                    out.push(breach(
                        false,
                        format!("收到入党申请书（{}）后应在一个月内、即{}前派人谈话，本次谈话已超期", ymd(applied.date), ymd(limit)),
                        "《中国共产党发展党员工作细则》第七条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话",
                    ));
                }
            }
        }
        3 if settings.activist_wait_months > 0 => {
            if let Some(applied) = last(history, 1) {
                let earliest = add_months(applied.date, settings.activist_wait_months);
                if p.date < earliest {
                    out.push(breach(
                        false,
                        format!(
                            "按本地规定，递交申请书{}个月后才能确定为入党积极分子（{}起）",
                            settings.activist_wait_months,
                            ymd(earliest)
                        ),
                        "本地规定（可在发展党员设置中修改）",
                    ));
                }
            }
        }
        7 => {
            if let Some(activist) = last(history, 3) {
                let earliest = add_months(activist.date, 12);
                if p.date < earliest {
                    out.push(breach(
                        false,
                        format!(
                            "确定为入党积极分子（{}）只有{}个月，满一年（{}）后才能确定为发展对象",
                            ymd(activist.date),
                            months_between(activist.date, p.date),
                            ymd(earliest)
                        ),
                        "《中国共产党发展党员工作细则》第十三条：对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，在听取党小组、培养联系人、党员和群众意见的基础上，支部委员会讨论同意并报上级党委备案后，可列为发展对象",
                    ));
                }
                let due = months_between(activist.date, p.date) / 6;
                let done = history
                    .iter()
                    .filter(|t| t.step == 6 && t.date <= p.date)
                    .count() as u32;
                if done < due {
                    out.push(breach(
                        false,
                        format!("培养期间应每半年考察一次，应有{due}次，已登记{done}次"),
                        "《中国共产党发展党员工作细则》第十一条：党支部每半年对入党积极分子进行一次考察",
                    ));
                }
            }
        }
        11 => {
            let days = p.training_days.unwrap_or(0);
            let hours = p.training_hours.unwrap_or(0);
            if days < 3 && hours < 24 {
                out.push(breach(
                    false,
                    format!("集中培训{days}天、{hours}学时，不足三天或二十四个学时"),
                    "《中国共产党发展党员工作细则》第十七条：集中培训时间一般不少于三天（或不少于二十四个学时）。未经培训的，除个别特殊情况外，不能发展入党",
                ));
            }
        }
        17 => {
            if let Some(meeting) = last(history, 15) {
                let (soft, hard) = (add_months(meeting.date, 3), add_months(meeting.date, 6));
                let clause = "《中国共产党发展党员工作细则》第二十四条：基层党委审批，应当在三个月内进行；遇有特殊情况可适当延长审批时间，但不得超过六个月";
                if p.date > hard {
                    out.push(breach(
                        true,
                        format!("支部大会（{}）后已超过六个月（{}）才审批，不能再审批，应重新履行接收手续", ymd(meeting.date), ymd(hard)),
                        clause,
                    ));
                } else if p.date > soft {
                    out.push(breach(
                        false,
                        format!(
                            "支部大会（{}）后应在三个月内、即{}前审批；超过三个月须写明特殊情况",
                            ymd(meeting.date),
                            ymd(soft)
                        ),
                        clause,
                    ));
                }
            }
        }
        22 | 23 => {
            if p.step == 23 && p.decision == Some(Decision::OnTime) {
                let applied = history
                    .iter()
                    .filter(|t| t.step == 22 && t.date <= p.date)
                    .count();
                if applied == 0 {
                    out.push(breach(
                        true,
                        "讨论按期转正前，请先登记第22步“提出转正申请”（其前须已入党宣誓）".into(),
                        "《中国共产党章程》第六条：预备党员必须面向党旗进行入党宣誓；《中国共产党发展党员工作细则》第三十一条：预备党员预备期满时，应当主动向党组织提出书面转正申请",
                    ));
                }
            }
            if let Some(end) = probation_end(history) {
                // Only 按期转正 waits for the end; 延长 and 取消 answer a
                // breach of discipline whenever it happens (细则第三十二条).
                if p.step == 23 && p.decision == Some(Decision::OnTime) && p.date < end {
                    out.push(breach(
                        true,
                        format!("预备期到{}才满，按期转正应在预备期满之后讨论（延长预备期或取消预备党员资格可在预备期内讨论）", ymd(end)),
                        "《中国共产党发展党员工作细则》第三十二条：预备党员的预备期为一年。预备期从支部大会通过其为预备党员之日算起",
                    ));
                }
                if p.step == 22 && add_months(p.date, 1) < end {
                    out.push(breach(
                        false,
                        format!("预备期到{}才满；按各地通行做法（非细则规定），转正申请一般在预备期满前一个月内提出", ymd(end)),
                        "本地做法；细则本身只规定：《中国共产党发展党员工作细则》第三十一条：预备党员预备期满时，应当主动向党组织提出书面转正申请",
                    ));
                }
            }
            if p.step == 23 {
                out.extend(check_decision(history, p));
            }
        }
        24 => {
            if let Some(meeting) = last(history, 23) {
                let limit = add_months(meeting.date, 3);
                if p.date > limit {
                    out.push(breach(
                        false,
                        format!("支部大会讨论转正（{}）后应在三个月内、即{}前审批", ymd(meeting.date), ymd(limit)),
                        "《中国共产党发展党员工作细则》第三十四条：上级党委审批预备党员转正，应当在三个月内进行",
                    ));
                }
                if p.decision.is_some() && p.decision != meeting.decision {
                    out.push(breach(
                        true,
                        "审批结论应与支部大会的决议一致；如上级党委不同意，请在备注中写明并由支部重新讨论".into(),
                        "",
                    ));
                }
            }
        }
        25 if last(history, 24).and_then(|t| t.decision) != Some(Decision::OnTime) => {
            out.push(breach(
                true,
                "转正审批后才能归档入党材料".into(),
                "细则第三十七条",
            ));
        }
        _ => {}
    }
    out
}

/// The 转正 decision and, for an extension, its length (细则第三十二条).
fn check_decision(history: &[Taken], p: &Proposed) -> Vec<Breach> {
    let clause = "《中国共产党发展党员工作细则》第三十二条：需要继续考察和教育的，可以延长一次预备期。延长时间不能少于半年，最长不超过一年";
    match p.decision {
        None => vec![breach(
            true,
            "请选择支部大会的结论：按期转正、延长预备期或取消预备党员资格".into(),
            "",
        )],
        Some(Decision::Extend) if !extensions(history).is_empty() => {
            vec![breach(
                true,
                "预备期只能延长一次，本人已经延长过".into(),
                clause,
            )]
        }
        Some(Decision::Extend) => match p.extend_months {
            Some(m) if (6..=12).contains(&m) => vec![],
            other => vec![breach(
                true,
                format!(
                    "延长预备期不能少于半年、最长不超过一年，请填写6至12个月（现为{}）",
                    other.map(|m| format!("{m}个月")).unwrap_or("空".into())
                ),
                clause,
            )],
        },
        _ => vec![],
    }
}

/// The clause behind [`discussion_overdue`].
pub const CLAUSE_DISCUSSION: &str = "《中国共产党发展党员工作细则》第三十二条：预备党员预备期满，党支部应当及时讨论其能否转为正式党员";

/// The day the 预备期 ended, when it has ended (before `today`) and the
/// branch has not yet discussed the 转正 for this round — whatever else is
/// still missing (备案, 编组, 宣誓, the application): 细则第三十二条.
pub fn discussion_overdue(history: &[Taken], today: NaiveDate) -> Option<NaiveDate> {
    if stage(history, false) != Stage::Probationary {
        return None;
    }
    let end = probation_end(history)?;
    let rounds = extensions(history).len() + 1;
    (end < today && count(history, 23) < rounds).then_some(end)
}

/// The 细则 sets no frequency for 思想汇报; the branch's setting does.
pub const CLAUSE_REPORTS: &str = "本地做法（本支部设置）：入党积极分子、发展对象和预备党员定期向党组织提交思想汇报；《中国共产党发展党员工作细则》第十一条：党支部每半年对入党积极分子进行一次考察";

/// When the next 思想汇报 was due, if it is overdue on `today`: `every`
/// months after the last one recorded (a 培养教育考察 or 继续教育考察 with
/// a 思想汇报 among its documents), or after the person entered their stage
/// when none is. Only 积极分子, 发展对象 and 预备党员 write them.
pub fn report_overdue(
    stage: Stage,
    stage_since: Option<NaiveDate>,
    last_report: Option<NaiveDate>,
    every: u32,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if !matches!(
        stage,
        Stage::Activist | Stage::Candidate | Stage::Probationary
    ) {
        return None;
    }
    let from = match (last_report, stage_since) {
        (Some(r), Some(s)) => r.max(s),
        (r, s) => r.or(s)?,
    };
    let due = add_months(from, every.max(1));
    (due < today).then_some(due)
}

/// The next thing to do for a person and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Next {
    pub step: u8,
    pub name: String,
    /// The time limit, when the 细则 sets one.
    pub due: Option<NaiveDate>,
    /// Not before this day (the year as 积极分子, the 预备期).
    pub earliest: Option<NaiveDate>,
    pub rule: String,
}

fn next_of(no: u8, due: Option<NaiveDate>, earliest: Option<NaiveDate>) -> Option<Next> {
    def(no).map(|s| Next {
        step: no,
        name: s.name.to_string(),
        due,
        earliest,
        rule: s.rule.to_string(),
    })
}

/// The next step and its deadline, from the steps taken so far.
pub fn next(history: &[Taken], closed: bool, settings: &DevSettings) -> Option<Next> {
    let date = |step| last(history, step).map(|t| t.date);
    match stage(history, closed) {
        Stage::Full => (date(25).is_none())
            .then(|| next_of(25, None, None))
            .flatten(),
        Stage::Cancelled | Stage::Closed => None,
        Stage::Applicant => match (date(1), date(2)) {
            (Some(applied), None) => next_of(2, Some(add_months(applied, 1)), None),
            (Some(applied), Some(_)) => next_of(
                3,
                None,
                (settings.activist_wait_months > 0)
                    .then(|| add_months(applied, settings.activist_wait_months)),
            ),
            _ => next_of(1, None, None),
        },
        Stage::Activist => {
            let since = date(3)?;
            let last_review = date(6).unwrap_or(since).max(since);
            for s in [4, 5] {
                if date(s).is_none() {
                    return next_of(s, None, None);
                }
            }
            let earliest = add_months(since, 12);
            let review_due = add_months(last_review, 6);
            if review_due <= earliest || date(6).is_none() {
                next_of(6, Some(review_due), None)
            } else {
                next_of(7, None, Some(earliest))
            }
        }
        Stage::Candidate => {
            for s in 8..=16 {
                if date(s).is_none() {
                    return next_of(s, None, None);
                }
            }
            next_of(17, date(15).map(|d| add_months(d, 3)), None)
        }
        Stage::Probationary => {
            let end = probation_end(history)?;
            let rounds = extensions(history).len() + 1;
            let done = |s| count(history, s) >= rounds;
            for s in [18, 19, 20] {
                if date(s).is_none() {
                    return next_of(s, None, None);
                }
            }
            if !done(22) {
                next_of(22, Some(end), None)
            } else if !done(23) {
                // 细则第三十二条: "应当及时讨论" — due the day it ends.
                next_of(23, Some(end), Some(end))
            } else {
                next_of(24, date(23).map(|d| add_months(d, 3)), None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn reports_fall_due_every_so_many_months_after_the_last() {
        // Local rule (DevSettings.report_every_months); the 细则 sets none.
        use Stage::*;
        let today = d(2026, 11, 22);
        let since = Some(d(2026, 1, 10));
        let table = [
            // stage, entered stage, last report, every, overdue since
            (Activist, since, Some(d(2026, 8, 22)), 3, None),
            (
                Activist,
                since,
                Some(d(2026, 8, 21)),
                3,
                Some(d(2026, 11, 21)),
            ),
            (Candidate, since, None, 3, Some(d(2026, 4, 10))),
            (Probationary, since, Some(d(2026, 5, 23)), 6, None),
            (
                Probationary,
                since,
                Some(d(2026, 5, 21)),
                6,
                Some(d(2026, 11, 21)),
            ),
            // A report from an earlier stage does not count after the new one began.
            (
                Probationary,
                Some(d(2026, 9, 1)),
                Some(d(2026, 1, 1)),
                3,
                None,
            ),
            (Applicant, since, None, 3, None),
            (Full, since, None, 3, None),
            (Activist, None, None, 3, None),
        ];
        for (stage, entered, last, every, want) in table {
            assert_eq!(
                report_overdue(stage, entered, last, every, today),
                want,
                "{stage:?} {entered:?} {last:?} every {every}"
            );
        }
    }

    fn taken(step: u8, date: NaiveDate) -> Taken {
        Taken {
            step,
            date,
            decision: None,
            extend_months: None,
        }
    }

    fn proposed(step: u8, date: NaiveDate) -> Proposed {
        Proposed {
            step,
            date,
            decision: None,
            extend_months: None,
            training_days: None,
            training_hours: None,
            publicity: None,
        }
    }

    /// A step 7 or 13 after a 公示 of the ten days before.
    fn published(step: u8, date: NaiveDate) -> Proposed {
        Proposed {
            publicity: Some((date - chrono::Days::new(10), date - chrono::Days::new(1))),
            ..proposed(step, date)
        }
    }

    #[test]
    fn a_publicity_runs_the_set_working_days_before_its_step() {
        // Local rule (DevSettings.publicity_days, default 5 working days);
        // 2026-11-16 is a Monday.
        assert_eq!(working_days(d(2026, 11, 16), d(2026, 11, 20)), 5);
        assert_eq!(working_days(d(2026, 11, 14), d(2026, 11, 15)), 0);
        assert_eq!(working_days(d(2026, 11, 18), d(2026, 11, 24)), 5);
        assert_eq!(working_days(d(2026, 11, 20), d(2026, 11, 19)), 0);
        let day = d(2026, 11, 23);
        let with = |step: u8, p: Option<(NaiveDate, NaiveDate)>| Proposed {
            publicity: p,
            ..proposed(step, day)
        };
        // (hard, part of the message) of each breach expected.
        type Expected = &'static [(bool, &'static str)];
        let table: [(Proposed, u32, Expected); 7] = [
            (with(7, None), 5, &[(false, "应当公示")]),
            (with(13, None), 5, &[(false, "上级党委预审时应当公示")]),
            (with(7, Some((d(2026, 11, 16), d(2026, 11, 20)))), 5, &[]),
            (
                with(7, Some((d(2026, 11, 17), d(2026, 11, 20)))),
                5,
                &[(false, "只有4个工作日")],
            ),
            (
                with(13, Some((d(2026, 11, 17), d(2026, 11, 24)))),
                5,
                &[(false, "晚于本步骤的日期")],
            ),
            (
                with(7, Some((d(2026, 11, 20), d(2026, 11, 16)))),
                5,
                &[(true, "晚于结束日期")],
            ),
            // A branch that has no 公示 rule, and a step without one.
            (with(7, None), 0, &[]),
        ];
        for (p, days, want) in table {
            let got = publicity_breaches(&p, days);
            let got: Vec<(bool, &str)> = got.iter().map(|b| (b.hard, b.message.as_str())).collect();
            assert_eq!(got.len(), want.len(), "{p:?}: {got:?}");
            for ((hard, message), (want_hard, needle)) in got.iter().zip(want) {
                assert!(
                    *hard == *want_hard && message.contains(needle),
                    "{p:?}: {got:?}"
                );
            }
        }
        assert!(publicity_breaches(&with(8, None), 5).is_empty());
        assert!(clause_publicity(5).contains("本支部设置：公示5个工作日"));
    }

    /// Steps 1.. `upto` recorded a month apart from 2020-01-10 (step 6 twice).
    fn walked(upto: u8) -> Vec<Taken> {
        let mut h = Vec::new();
        let mut day = d(2020, 1, 10);
        for s in 1..=upto {
            h.push(taken(s, day));
            day = add_months(day, 1);
            if s == 6 {
                h.push(taken(6, add_months(day, 5)));
                day = add_months(day, 12);
            }
        }
        h
    }

    const BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1990, 5, 1) {
        Some(d) => d,
        None => panic!(),
    };
    const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 22) {
        Some(d) => d,
        None => panic!(),
    };

    fn breaches(h: &[Taken], p: &Proposed) -> Vec<(bool, String)> {
        check(h, p, BIRTH, TODAY, &DevSettings::default())
            .into_iter()
            .map(|b| (b.hard, b.message))
            .collect()
    }

    #[test]
    fn applicants_are_eighteen() {
        // 细则第五条: 年满十八岁. (birth, applied) → allowed
        let table = [
            (d(2008, 11, 22), d(2026, 11, 22), true), // the 18th birthday itself
            (d(2008, 11, 23), d(2026, 11, 22), false),
            (d(2000, 2, 29), d(2018, 2, 28), true), // chrono: 2000-02-29 + 18y = 2018-02-28
        ];
        for (birth, applied, ok) in table {
            let b = check(
                &[],
                &proposed(1, applied),
                birth,
                TODAY,
                &DevSettings::default(),
            );
            assert_eq!(b.is_empty(), ok, "{birth} applying {applied}: {b:?}");
            assert!(b.iter().all(|b| b.hard && b.clause.contains("第五条")));
        }
    }

    #[test]
    fn the_talk_is_within_a_month_of_the_application() {
        // 细则第七条: 一个月内派人谈话.
        let h = [taken(1, d(2026, 1, 31))];
        let table = [(d(2026, 2, 28), true), (d(2026, 3, 1), false)];
        for (talk, ok) in table {
            let b = breaches(&h, &proposed(2, talk));
            assert_eq!(b.is_empty(), ok, "{talk}: {b:?}");
            assert!(
                b.iter().all(|(hard, _)| !hard),
                "a late talk can go ahead with a reason"
            );
        }
    }

    #[test]
    fn steps_cannot_be_skipped_or_dated_before_what_they_follow() {
        let h = walked(2);
        let b = breaches(&h, &proposed(7, d(2026, 1, 1)));
        assert!(b[0].0 && b[0].1.contains("请先登记第4步"), "{b:?}");
        let b = breaches(&h, &proposed(3, d(2019, 1, 1)));
        assert!(b[0].0 && b[0].1.contains("不能早于它"), "{b:?}");
        let b = breaches(&h, &proposed(2, d(2020, 3, 1)));
        assert!(b[0].0 && b[0].1.contains("已经登记过"), "{b:?}");
        let b = breaches(&h, &proposed(3, d(2027, 1, 1)));
        assert!(b[0].1.contains("晚于今天"), "{b:?}");
    }

    #[test]
    fn a_candidate_has_been_an_activist_for_a_year_with_a_review_each_half_year() {
        // 细则第十三条 (一年以上) and 第十一条 (每半年考察一次).
        let mut h = walked(5);
        let activist = last(&h, 3).expect("3").date;
        h.push(taken(6, add_months(activist, 6)));
        let ten_months = add_months(activist, 10);
        let b = breaches(&h, &published(7, ten_months));
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(!b[0].0 && b[0].1.contains("只有10个月"), "{b:?}");
        let a_year = add_months(activist, 12);
        let b = breaches(&h, &published(7, a_year));
        assert!(
            b.len() == 1 && b[0].1.contains("应有2次，已登记1次"),
            "{b:?}"
        );
        h.push(taken(6, add_months(activist, 12)));
        assert!(breaches(&h, &published(7, a_year)).is_empty());
    }

    #[test]
    fn training_is_three_days_or_twenty_four_hours() {
        // 细则第十七条.
        let h = walked(10);
        let date = add_months(last(&h, 10).expect("10").date, 1);
        let table = [
            (Some(3), None, true),
            (None, Some(24), true),
            (Some(2), Some(23), false),
            (None, None, false),
        ];
        for (days, hours, ok) in table {
            let p = Proposed {
                training_days: days,
                training_hours: hours,
                ..proposed(11, date)
            };
            assert_eq!(breaches(&h, &p).is_empty(), ok, "{days:?}/{hours:?}");
        }
    }

    #[test]
    fn approval_within_three_months_and_never_after_six() {
        // 细则第二十四条. (months after the 支部大会) → (breaches, hard)
        let mut h = walked(16);
        let meeting = d(2024, 3, 15);
        h.retain(|t| t.step < 15);
        h.push(taken(15, meeting));
        h.push(taken(16, meeting));
        let table = [
            (3, None),
            (4, Some(false)),
            (6, Some(false)),
            (7, Some(true)),
        ];
        for (months, want) in table {
            let b = breaches(&h, &proposed(17, add_months(meeting, months)));
            assert_eq!(b.first().map(|b| b.0), want, "{months} months: {b:?}");
        }
    }

    #[test]
    fn probation_is_a_year_from_the_meeting_and_extends_once_by_six_to_twelve_months() {
        // 细则第三十二条.
        let meeting = d(2024, 3, 15);
        let mut h = vec![
            taken(15, meeting),
            taken(17, d(2024, 5, 1)),
            taken(18, d(2024, 5, 8)),
            taken(19, d(2024, 5, 10)),
            taken(20, d(2024, 5, 10)),
            taken(22, d(2025, 3, 1)),
        ];
        assert_eq!(probation_end(&h), Some(d(2025, 3, 15)));
        let b = breaches(
            &h,
            &Proposed {
                decision: Some(Decision::OnTime),
                ..proposed(23, d(2025, 3, 14))
            },
        );
        assert!(b[0].0 && b[0].1.contains("2025年3月15日才满"), "{b:?}");
        for (months, ok) in [(5, false), (6, true), (12, true), (13, false)] {
            let p = Proposed {
                decision: Some(Decision::Extend),
                extend_months: Some(months),
                ..proposed(23, d(2025, 3, 20))
            };
            assert_eq!(breaches(&h, &p).is_empty(), ok, "extend {months}");
        }
        h.push(Taken {
            decision: Some(Decision::Extend),
            extend_months: Some(6),
            ..taken(23, d(2025, 3, 20))
        });
        h.push(Taken {
            decision: Some(Decision::Extend),
            extend_months: Some(6),
            ..taken(24, d(2025, 4, 20))
        });
        assert_eq!(probation_end(&h), Some(d(2025, 9, 15)));
        assert_eq!(stage(&h, false), Stage::Probationary);
        // A second round of 22–24 after the extension, but no second extension.
        let p = Proposed {
            decision: Some(Decision::Extend),
            extend_months: Some(6),
            ..proposed(23, d(2025, 9, 20))
        };
        let b = breaches(&[h.clone(), vec![taken(22, d(2025, 9, 1))]].concat(), &p);
        assert!(
            b.iter()
                .any(|(hard, m)| *hard && m.contains("只能延长一次")),
            "{b:?}"
        );
        let next = next(&h, false, &DevSettings::default()).expect("next");
        assert_eq!((next.step, next.due), (22, Some(d(2025, 9, 15))));
    }

    #[test]
    fn the_next_step_follows_the_stage() {
        let s = DevSettings::default();
        let h = [taken(1, d(2026, 1, 31))];
        assert_eq!(
            next(&h, false, &s).map(|n| (n.step, n.due)),
            Some((2, Some(d(2026, 2, 28))))
        );
        // One review so far: the next is due half a year after it.
        let mut h = walked(5);
        let first_review = add_months(last(&h, 3).expect("3").date, 1);
        h.push(taken(6, first_review));
        let n = next(&h, false, &s).expect("next");
        assert_eq!((n.step, n.due), (6, Some(add_months(first_review, 6))));
        // Reviewed twice and the year is up before the third: 确定发展对象.
        let h = walked(6);
        let n = next(&h, false, &s).expect("next");
        assert_eq!((n.step, n.earliest), (7, Some(d(2021, 3, 10))));
        assert_eq!(stage(&walked(6), false), Stage::Activist);
        assert_eq!(stage(&walked(9), false), Stage::Candidate);
        assert_eq!(stage(&walked(17), false), Stage::Probationary);
        // Once approved: 备案, 编入党小组 and 宣誓 before the 转正 round.
        for upto in [17, 18, 19] {
            let n = next(&walked(upto), false, &s).expect("next");
            assert_eq!(n.step, upto + 1, "after step {upto}");
        }
        assert_eq!(stage(&walked(3), true), Stage::Closed);
        let mut h = walked(16);
        let meeting = last(&h, 15).expect("15").date;
        h.retain(|t| t.step != 17);
        assert_eq!(
            next(&h, false, &s).map(|n| (n.step, n.due)),
            Some((17, Some(add_months(meeting, 3))))
        );
    }

    /// Steps 1–15 and then `more`, on the dates of `walked`, the 支部大会
    /// (step 15) on 2024-03-15.
    fn admitted(more: &[(u8, NaiveDate)]) -> Vec<Taken> {
        let mut h: Vec<Taken> = walked(14);
        h.push(taken(15, d(2024, 3, 15)));
        h.extend(more.iter().map(|&(s, date)| taken(s, date)));
        h
    }

    #[test]
    fn approval_needs_the_talk_first() {
        // 党章第五条：上级党组织在批准申请人入党以前，要派人同他谈话.
        let h = admitted(&[]);
        let b = breaches(&h, &proposed(17, d(2024, 5, 1)));
        assert!(b[0].0 && b[0].1.contains("请先登记第16步"), "{b:?}");
        assert!(def(17).expect("17").rule.contains("党章第五条"));
        let talked = admitted(&[(16, d(2024, 4, 20))]);
        assert!(breaches(&talked, &proposed(17, d(2024, 5, 1))).is_empty());
        // The talk dated after the approval is no talk before it.
        let b = breaches(&talked, &proposed(17, d(2024, 4, 19)));
        assert!(b[0].1.contains("不能早于它"), "{b:?}");
    }

    #[test]
    fn extension_or_cancellation_may_come_during_the_probation_but_on_time_waits_for_its_end() {
        // 细则第三十二条: 延长/取消 for a breach of discipline whenever it
        // happens; only 按期转正 waits for 预备期满 (2025-03-15 here).
        let h = admitted(&[(16, d(2024, 4, 1)), (17, d(2024, 5, 1))]);
        let during = d(2024, 10, 8);
        let cancel = Proposed {
            decision: Some(Decision::Cancel),
            ..proposed(23, during)
        };
        assert!(
            breaches(&h, &cancel).is_empty(),
            "{:?}",
            breaches(&h, &cancel)
        );
        let extend = Proposed {
            decision: Some(Decision::Extend),
            extend_months: Some(6),
            ..proposed(23, during)
        };
        assert!(breaches(&h, &extend).is_empty());
        let on_time = Proposed {
            decision: Some(Decision::OnTime),
            ..proposed(23, d(2025, 3, 14))
        };
        let b = breaches(&h, &on_time);
        assert!(
            b.iter().any(|(hard, m)| *hard && m.contains("3月15日才满")),
            "{b:?}"
        );
    }

    #[test]
    fn the_oath_and_the_application_come_before_confirmation() {
        // 党章第六条：预备党员必须面向党旗进行入党宣誓; 细则第三十一条: 书面转正申请.
        let approved = admitted(&[
            (16, d(2024, 4, 1)),
            (17, d(2024, 5, 1)),
            (18, d(2024, 5, 8)),
            (19, d(2024, 5, 9)),
        ]);
        let b = breaches(&approved, &proposed(22, d(2025, 3, 1)));
        assert!(b[0].0 && b[0].1.contains("请先登记第20步"), "{b:?}");
        assert!(def(22).expect("22").rule.contains("党章第六条"));
        let sworn = [approved.clone(), vec![taken(20, d(2024, 5, 10))]].concat();
        assert!(breaches(&sworn, &proposed(22, d(2025, 3, 1))).is_empty());
        let on_time = Proposed {
            decision: Some(Decision::OnTime),
            ..proposed(23, d(2025, 3, 20))
        };
        let b = breaches(&sworn, &on_time);
        assert!(
            b.iter()
                .any(|(hard, m)| *hard && m.contains("请先登记第22步")),
            "{b:?}"
        );
        let applied = [sworn, vec![taken(22, d(2025, 3, 1))]].concat();
        assert!(breaches(&applied, &on_time).is_empty());
    }

    #[test]
    fn the_discussion_is_due_when_the_probation_ends_even_with_steps_missing() {
        // 细则第三十二条：预备期满，党支部应当及时讨论.
        let approved = admitted(&[(16, d(2024, 4, 1)), (17, d(2024, 5, 1))]);
        let end = d(2025, 3, 15);
        assert_eq!(discussion_overdue(&approved, end), None, "the day it ends");
        assert_eq!(
            discussion_overdue(&approved, d(2025, 3, 16)),
            Some(end),
            "18–20 missing"
        );
        let discussed = [
            approved.clone(),
            vec![
                taken(18, d(2024, 5, 8)),
                taken(19, d(2024, 5, 9)),
                taken(20, d(2024, 5, 10)),
                taken(22, d(2025, 3, 1)),
                Taken {
                    decision: Some(Decision::OnTime),
                    ..taken(23, d(2025, 3, 16))
                },
            ],
        ]
        .concat();
        assert_eq!(discussion_overdue(&discussed, d(2025, 6, 1)), None);
        let waiting = &discussed[..discussed.len() - 1];
        let n = next(waiting, false, &DevSettings::default()).expect("next");
        assert_eq!((n.step, n.due), (23, Some(end)));
    }
}
