//! Recording one step: every rule of the 细则 checked (order, time limits,
//! the people it names, the 支部大会 vote it stands on), hard breaches
//! refused, the others kept with the clerk's reason; at 接收 and 转正 the
//! roster gets its history events.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::rules::{self, Breach, Decision, Proposed, Taken};
use super::steps::def;
use super::storage::{self, steps::NewStep};
use super::{dev_settings, person_row, steps_of, taken, PersonId, PersonRow, StepInput};
use crate::error::{Error, Result};
use crate::meetings::votes::VoteKind;
use crate::meetings::{self, MeetingKind};
use crate::members::rules::ymd;
use crate::members::state::derive;
use crate::members::{self, append_event, EventKind, MemberId, NewEvent};
use crate::org::OrgId;
use crate::text;

/// The people named in a step: from this branch's roll on the day, 正式党员
/// and not under 留党察看 (细则第九、十四条), as many as the step asks for.
fn check_people(
    conn: &Connection,
    org: OrgId,
    no: u8,
    people: &[MemberId],
    date: NaiveDate,
) -> Result<Vec<Breach>> {
    let Some(s) = def(no) else { return Ok(vec![]) };
    let Some((role, min, max)) = s.people else {
        return Ok(if people.is_empty() {
            vec![]
        } else {
            vec![Breach {
                message: format!("第{no}步“{}”不需要选择人员", s.name),
                clause: String::new(),
                hard: true,
            }]
        });
    };
    let mut out = Vec::new();
    let n = people.len();
    if n < usize::from(min) || n > usize::from(max) {
        let want = if min == max {
            format!("{min}名")
        } else {
            format!("{min}至{max}名")
        };
        out.push(Breach {
            message: format!("请选择{want}{}（已选{n}名）", role.label()),
            clause: s.rule.to_string(),
            hard: true,
        });
    }
    for &m in people {
        let Ok((stored, events)) = members::roster::history_of(conn, m) else {
            out.push(Breach {
                message: "所选人员不在党员花名册中，请重新选择".into(),
                clause: String::new(),
                hard: true,
            });
            continue;
        };
        let st = derive(&events, org, date);
        let why = if !st.on_roll {
            Some("当天不在本支部党员名册中")
        } else if st.standing != Some(members::Standing::Full) {
            Some("当天还是预备党员")
        } else if st.disciplined {
            Some("受留党察看处分、尚未恢复党员权利")
        } else if st.suspended() {
            Some("已停止党籍")
        } else if st.vote_suspended {
            Some("被中止表决权、选举权和被选举权")
        } else {
            None
        };
        if let Some(why) = why {
            out.push(Breach {
                message: format!(
                    "{}{}，不能作{}（应为正式党员）",
                    stored.name,
                    why,
                    role.label()
                ),
                clause: s.rule.to_string(),
                hard: true,
            });
        }
    }
    Ok(out)
}

/// Steps 15 and 23 stand on a passed 发展党员表决 of a 支部党员大会 about
/// this person (细则第二十、二十一条: one candidate at a time); the step is
/// dated on the meeting's day.
fn check_vote(
    conn: &Connection,
    org: OrgId,
    name: &str,
    vote: Option<i64>,
) -> Result<std::result::Result<NaiveDate, Breach>> {
    let hard = |message: String| {
        Ok(Err(Breach {
            message,
            clause: crate::meetings::votes::CLAUSE_MEMBERSHIP.to_string(),
            hard: true,
        }))
    };
    let Some(vote) = vote else {
        return hard(
            "请选择支部党员大会上对此人的表决（先在会议记录中登记支部党员大会和表决结果）".into(),
        );
    };
    let Some(meeting) = meetings::meeting_of_vote(conn, org, vote)? else {
        return hard("找不到所选的表决，请在本支部的会议记录中选择".into());
    };
    let detail = meetings::detail(conn, meeting)?;
    let Some(v) = detail.votes.iter().find(|v| v.id == vote) else {
        return hard("找不到所选的表决，请刷新后重试".into());
    };
    if detail.input.kind != Some(MeetingKind::GeneralMeeting)
        || v.input.kind != VoteKind::Membership
    {
        return hard(
            "发展党员须经支部党员大会表决，请选择支部党员大会上“发展党员表决”类型的表决".into(),
        );
    }
    if !v.input.subject.contains(name) {
        return hard(format!(
            "所选表决“{}”没有写明{name}；发展党员应逐个表决，请选择对{name}的表决",
            v.input.subject
        ));
    }
    if !v.outcome.passed {
        return hard(format!("该表决未通过：{}", v.outcome.explanation));
    }
    detail
        .input
        .date
        .map(Ok)
        .ok_or_else(|| Error::Validation("该会议没有日期，请先补全会议记录".into()))
}

/// A 发展党员表决 a step 15 or 23 can stand on, as the record dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VoteChoice {
    pub vote_id: i64,
    pub meeting_id: i64,
    pub date: Option<NaiveDate>,
    pub topic: String,
    pub subject: String,
    pub passed: bool,
    /// The outcome in words, with the numbers (shown beside the choice).
    pub explanation: String,
}

/// The 发展党员表决 of the person's branch, taken in a 支部党员大会, whose
/// subject names them — newest first. `check_vote` decides; this only lists.
pub fn vote_choices(conn: &Connection, person: PersonId) -> Result<Vec<VoteChoice>> {
    let row = person_row(conn, person)?;
    let mut out = Vec::new();
    for id in meetings::with_vote_naming(conn, row.org, &row.profile.name)? {
        let m = meetings::detail(conn, id)?;
        if m.input.kind != Some(MeetingKind::GeneralMeeting) {
            continue;
        }
        out.extend(
            m.votes
                .iter()
                .filter(|v| {
                    v.input.kind == VoteKind::Membership
                        && v.input.subject.contains(&row.profile.name)
                })
                .map(|v| VoteChoice {
                    vote_id: v.id,
                    meeting_id: id,
                    date: m.input.date,
                    topic: m.input.topic.clone(),
                    subject: v.input.subject.clone(),
                    passed: v.outcome.passed,
                    explanation: v.outcome.explanation.clone(),
                }),
        );
    }
    Ok(out)
}

/// Records a step for a person after checking every rule. Hard breaches
/// refuse it; the others need `override_reason`, which is kept and shown.
pub fn record_step(
    tx: &Transaction<'_>,
    person: PersonId,
    input: &StepInput,
    now: DateTime<Local>,
) -> Result<i64> {
    if let Some(d) = input.training_days {
        text::in_range("培训天数", d, 0, 366)?;
    }
    if let Some(h) = input.training_hours {
        text::in_range("培训学时", h, 0, 10_000)?;
    }
    if let Some(m) = input.extend_months {
        text::in_range("延长月数", m, 0, 24)?;
    }
    let row = person_row(tx, person)?;
    if let Some(closed) = row.closed_on {
        return Err(Error::Conflict(format!(
            "{}已于{}终止培养，不能再登记步骤",
            row.profile.name,
            ymd(closed)
        )));
    }
    let s = def(input.step)
        .ok_or_else(|| Error::Validation(format!("没有第{}步，请从1至25步中选择", input.step)))?;
    let mut breaches = Vec::new();
    let date = if matches!(input.step, 15 | 23) {
        match check_vote(tx, row.org, &row.profile.name, input.vote_id)? {
            Ok(d) => d,
            Err(b) => return Err(Error::Rule(format!("{}。依据：{}", b.message, b.clause))),
        }
    } else {
        input
            .date
            .ok_or_else(|| Error::Validation(format!("请填写第{}步“{}”的日期", s.no, s.name)))?
    };
    for doc in &input.documents {
        if !s.documents.contains(&doc.as_str()) {
            return Err(Error::Validation(format!(
                "“{doc}”不是第{}步的材料，可选：{}",
                s.no,
                s.documents.join("、")
            )));
        }
    }
    let history = steps_of(tx, person)?;
    let active = taken(&history);
    let proposed = Proposed {
        step: input.step,
        date,
        decision: if input.step == 24 {
            input
                .decision
                .or_else(|| rules::last(&active, 23).and_then(|t| t.decision))
        } else {
            input.decision
        },
        extend_months: input.extend_months,
        training_days: input.training_days,
        training_hours: input.training_hours,
        publicity: match (input.publicity_from, input.publicity_to) {
            (Some(from), Some(to)) => Some((from, to)),
            (None, None) => None,
            _ => return Err(Error::Validation("请把公示的开始和结束日期都填上".into())),
        }
        .filter(|_| rules::PUBLICITY_STEPS.contains(&input.step)),
    };
    let settings = dev_settings(tx, row.org)?;
    breaches.extend(rules::check(
        &active,
        &proposed,
        row.profile.birth_date,
        now.date_naive(),
        &settings,
    ));
    breaches.extend(check_people(tx, row.org, input.step, &input.people, date)?);
    let hard: Vec<&Breach> = breaches.iter().filter(|b| b.hard).collect();
    if let Some(first) = hard.first() {
        let clause = if first.clause.is_empty() {
            String::new()
        } else {
            format!("依据：{}", first.clause)
        };
        let more: Vec<&str> = hard[1..].iter().map(|b| b.message.as_str()).collect();
        return Err(Error::Rule(format!(
            "{}。{clause}{}",
            first.message,
            if more.is_empty() {
                String::new()
            } else {
                format!("另外：{}", more.join("；"))
            }
        )));
    }
    let reason = text::optional_line("特殊情况说明", &input.override_reason)?;
    if !breaches.is_empty() && reason.is_none() {
        let each: Vec<String> = breaches
            .iter()
            .map(|b| format!("{}。依据：{}", b.message, b.clause))
            .collect();
        return Err(Error::NeedsReason(format!(
            "{}。如确有特殊情况，请在“特殊情况说明”中写明原因后再登记",
            each.join("；")
        )));
    }
    let (decision, extend_months) = match input.step {
        23 => (
            proposed.decision,
            input
                .extend_months
                .filter(|_| proposed.decision == Some(Decision::Extend)),
        ),
        24 => (
            proposed.decision,
            rules::last(&active, 23).and_then(|t| t.extend_months),
        ),
        _ => (None, None),
    };
    let new = NewStep {
        person,
        step: input.step,
        date,
        decision,
        extend_months,
        training_days: input.training_days.filter(|_| input.step == 11),
        training_hours: input.training_hours.filter(|_| input.step == 11),
        vote_id: input.vote_id.filter(|_| matches!(input.step, 15 | 23)),
        note: text::optional_line("备注", &input.note)?,
        override_reason: reason.filter(|_| !breaches.is_empty()),
        publicity: proposed.publicity,
        people: s.people.map(|(role, _, _)| (role, input.people.as_slice())),
        documents: &input.documents,
    };
    let id = storage::steps::insert(tx, &new, now)?;
    let mut after = active;
    after.push(Taken {
        step: input.step,
        date,
        decision,
        extend_months,
    });
    hand_over(tx, person, &row, &after, input.step, date, decision, now)?;
    Ok(id)
}

/// The roster side of steps 17 and 24 (细则第二十四、三十四条).
#[allow(clippy::too_many_arguments)]
fn hand_over(
    tx: &Transaction<'_>,
    person: PersonId,
    row: &PersonRow,
    after: &[Taken],
    step: u8,
    date: NaiveDate,
    decision: Option<Decision>,
    now: DateTime<Local>,
) -> Result<()> {
    let accepted = rules::last(after, 15).map(|t| t.date);
    match (step, row.member_id) {
        (17, None) => {
            let joined = accepted.ok_or_else(|| Error::Rule("没有支部大会接收的记录".into()))?;
            let id = members::insert_with_history(
                tx,
                row.org,
                &row.profile,
                &[NewEvent {
                    doc_no: None,
                    reason: Some(format!("{}上级党委审批", ymd(date))),
                    ..NewEvent::new(EventKind::Admitted, joined)
                }],
                now,
            )?;
            storage::people::set_member(tx, person, id, now)?;
        }
        (24, Some(member)) => {
            let end = rules::probation_end(after)
                .ok_or_else(|| Error::Rule("没有支部大会接收的记录".into()))?;
            let event = match decision {
                // 细则第三十四条: 党龄从预备期满转为正式党员之日算起.
                Some(Decision::OnTime) => NewEvent::new(EventKind::Confirmed, end),
                Some(Decision::Extend) => NewEvent {
                    until: Some(end),
                    ..NewEvent::new(EventKind::ProbationExtended, date)
                },
                Some(Decision::Cancel) => NewEvent::new(EventKind::ProbationCancelled, date),
                None => return Ok(()),
            };
            append_event(tx, row.org, member, &event, now)?;
        }
        _ => {}
    }
    Ok(())
}
