//! 发展党员: the people a branch develops, from 入党申请书 to 转正, step by
//! step as the 细则 orders them. A step that breaks a rule is refused, or
//! recorded with the clerk's reason when the rule allows exceptions; at the
//! two moments the 细则 makes someone a member (接收 approved, 转正 approved)
//! the roster gets the history events, dated as the 细则 says.

pub mod documents;
pub mod rules;
pub mod steps;

use chrono::{DateTime, Datelike, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::meetings::votes::VoteKind;
use crate::meetings::{self, MeetingKind};
use crate::members::rules::ymd;
use crate::members::state::derive;
use crate::members::{
    self, append_event, checked_profile, EventKind, MemberId, MemberProfile, NewEvent,
};
use crate::org::OrgId;
use crate::settings;
use crate::text;
pub use documents::DevDocument;
pub use rules::{Breach, Decision, DevSettings, Next, Stage};
use rules::{Proposed, Taken};
use steps::{def, Role};

pub type PersonId = i64;

/// Someone handing in an 入党申请书: who they are and the day (step 1).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewApplicant {
    pub profile: MemberProfile,
    pub applied_on: NaiveDate,
    pub note: Option<String>,
}

/// A step as the clerk records it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct StepInput {
    pub step: u8,
    /// For steps 15 and 23 the date of the meeting is taken.
    pub date: Option<NaiveDate>,
    /// The 谈话人 / 培养联系人 / 入党介绍人 the step names (from the roster).
    #[serde(default)]
    pub people: Vec<MemberId>,
    pub decision: Option<Decision>,
    pub extend_months: Option<u32>,
    pub training_days: Option<u32>,
    pub training_hours: Option<u32>,
    /// Steps 7 and 13: the 公示's first and last day.
    #[serde(default)]
    pub publicity_from: Option<NaiveDate>,
    #[serde(default)]
    pub publicity_to: Option<NaiveDate>,
    /// Steps 15 and 23: the 发展党员表决 in a 支部党员大会.
    pub vote_id: Option<i64>,
    /// The step's documents that are in the file.
    #[serde(default)]
    pub documents: Vec<String>,
    pub note: Option<String>,
    /// Why the step goes ahead although it breaks a rule.
    pub override_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepPerson {
    pub member_id: MemberId,
    pub name: String,
    pub role: Role,
}

/// A recorded step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepRecord {
    pub id: i64,
    pub step: u8,
    pub name: String,
    pub date: NaiveDate,
    pub people: Vec<StepPerson>,
    pub decision: Option<Decision>,
    pub extend_months: Option<u32>,
    pub training_days: Option<u32>,
    pub training_hours: Option<u32>,
    pub publicity_from: Option<NaiveDate>,
    pub publicity_to: Option<NaiveDate>,
    pub vote_id: Option<i64>,
    pub documents: Vec<DevDocument>,
    pub note: Option<String>,
    pub override_reason: Option<String>,
    pub withdrawn_at: Option<String>,
    pub withdrawn_reason: Option<String>,
    pub created_at: String,
}

/// One person on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonSummary {
    pub id: PersonId,
    pub name: String,
    pub sex: members::Sex,
    pub stage: Stage,
    pub applied_on: Option<NaiveDate>,
    /// The day they entered their current stage.
    pub stage_since: Option<NaiveDate>,
    pub next: Option<Next>,
    /// The next step's time limit has passed.
    pub overdue: bool,
    pub member_id: Option<MemberId>,
}

/// A person's whole record: the timeline page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PersonDetail {
    pub summary: PersonSummary,
    pub profile: MemberProfile,
    pub steps: Vec<StepRecord>,
    pub probation_end: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub closed_reason: Option<String>,
    /// The one step record that may be withdrawn now, if any.
    pub withdrawable: Option<i64>,
}

fn settings_key(org: OrgId) -> String {
    format!("development_settings/{org}")
}

pub fn dev_settings(conn: &Connection, org: OrgId) -> Result<DevSettings> {
    match settings::get(conn, &settings_key(org))? {
        Some(json) => Ok(serde_json::from_str(&json)?),
        None => Ok(DevSettings::default()),
    }
}

pub fn set_dev_settings(conn: &Connection, org: OrgId, s: &DevSettings) -> Result<()> {
    if s.activist_wait_months > 24
        || s.publicity_days > 30
        || !(1..=12).contains(&s.report_every_months)
    {
        return Err(Error::Validation(
            "请核对设置：积极分子等待期0至24个月，公示0至30天，思想汇报每1至12个月一次".into(),
        ));
    }
    settings::set(conn, &settings_key(org), &serde_json::to_string(s)?)
}

/// The roster's checks of a profile, and the 身份证号 not already held by
/// another person in development (`except`: the person being corrected).
fn checked_applicant(
    conn: &Connection,
    org: OrgId,
    profile: &MemberProfile,
    except: Option<PersonId>,
) -> Result<MemberProfile> {
    let profile = checked_profile(conn, org, profile, None)?;
    let holder: Option<(PersonId, String)> = conn
        .query_row(
            "SELECT id, name FROM dev_people WHERE id_number = ?1",
            [&profile.id_number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((_, name)) = holder.filter(|(id, _)| Some(*id) != except) {
        return Err(Error::Conflict(format!(
            "公民身份号码{}已在发展党员名单中（{name}），请打开该人的记录继续登记",
            profile.id_number
        )));
    }
    Ok(profile)
}

/// Enters an applicant with their 入党申请书 (step 1).
pub fn add_applicant(
    tx: &Transaction<'_>,
    org: OrgId,
    input: &NewApplicant,
    now: DateTime<Local>,
) -> Result<PersonId> {
    let profile = checked_applicant(tx, org, &input.profile, None)?;
    tx.execute(
        "INSERT INTO dev_people (org_id, name, id_number, profile, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            org,
            profile.name,
            profile.id_number,
            serde_json::to_string(&profile)?,
            now.to_rfc3339()
        ],
    )?;
    let id = tx.last_insert_rowid();
    record_step(
        tx,
        id,
        &StepInput {
            step: 1,
            date: Some(input.applied_on),
            documents: vec!["入党申请书".into()],
            note: input.note.clone(),
            ..StepInput::default()
        },
        now,
    )?;
    Ok(id)
}

/// Corrects a person's profile (not their steps).
pub fn update_profile(
    tx: &Transaction<'_>,
    id: PersonId,
    profile: &MemberProfile,
    now: DateTime<Local>,
) -> Result<()> {
    let row = person_row(tx, id)?;
    if row.member_id.is_some() {
        return Err(Error::Conflict(
            "此人已经转入党员花名册，请在花名册中修改其信息".into(),
        ));
    }
    let p = checked_applicant(tx, row.org, profile, Some(id))?;
    tx.execute(
        "UPDATE dev_people SET name = ?2, id_number = ?3, profile = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, p.name, p.id_number, serde_json::to_string(&p)?, now.to_rfc3339()],
    )?;
    Ok(())
}

/// A recorded step's person, number and withdrawal time.
pub(super) fn step_row(conn: &Connection, step_id: i64) -> Result<(PersonId, u8, Option<String>)> {
    conn.query_row(
        "SELECT person_id, step, withdrawn_at FROM dev_steps WHERE id = ?1",
        [step_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound("找不到这一步的记录，请刷新后重试".into()))
}

fn not_found() -> Error {
    Error::NotFound("找不到此人的发展党员记录，请刷新后重试".into())
}

struct PersonRow {
    org: OrgId,
    profile: MemberProfile,
    member_id: Option<MemberId>,
    closed_on: Option<NaiveDate>,
    closed_reason: Option<String>,
}

fn person_row(conn: &Connection, id: PersonId) -> Result<PersonRow> {
    let (org, profile, member_id, closed_on, closed_reason): (OrgId, String, _, _, _) = conn
        .query_row(
            "SELECT org_id, profile, member_id, closed_on, closed_reason FROM dev_people WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?
        .ok_or_else(not_found)?;
    Ok(PersonRow {
        org,
        profile: serde_json::from_str(&profile)?,
        member_id,
        closed_on,
        closed_reason,
    })
}

const STEP_COLUMNS: &str =
    "id, step, date, outcome, extend_months, training_days, training_hours, vote_id,
    note, override_reason, withdrawn_at, withdrawn_reason, created_at, publicity_from, publicity_to";

/// Every step recorded for a person (withdrawn ones too), in date order.
fn steps_of(conn: &Connection, person: PersonId) -> Result<Vec<StepRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STEP_COLUMNS} FROM dev_steps WHERE person_id = ?1 ORDER BY date, step, id"
    ))?;
    let mut people = conn.prepare_cached(
        "SELECT p.member_id, m.name, p.role FROM dev_step_people p JOIN members m ON m.id = p.member_id
         WHERE p.step_id = ?1 ORDER BY p.rowid",
    )?;
    let rows = stmt
        .query_map([person], |r| {
            let step: u8 = r.get(1)?;
            Ok(StepRecord {
                id: r.get(0)?,
                step,
                name: def(step).map(|d| d.name).unwrap_or_default().to_string(),
                date: r.get(2)?,
                people: Vec::new(),
                decision: r.get(3)?,
                extend_months: r.get(4)?,
                training_days: r.get(5)?,
                training_hours: r.get(6)?,
                vote_id: r.get(7)?,
                documents: Vec::new(),
                note: r.get(8)?,
                override_reason: r.get(9)?,
                withdrawn_at: r.get(10)?,
                withdrawn_reason: r.get(11)?,
                created_at: r.get(12)?,
                publicity_from: r.get(13)?,
                publicity_to: r.get(14)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|mut s| {
            s.people = people
                .query_map([s.id], |r| {
                    Ok(StepPerson {
                        member_id: r.get(0)?,
                        name: r.get(1)?,
                        role: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            s.documents = documents::of_step(conn, s.id)?;
            Ok(s)
        })
        .collect()
}

fn taken(steps: &[StepRecord]) -> Vec<Taken> {
    steps
        .iter()
        .filter(|s| s.withdrawn_at.is_none())
        .map(|s| Taken {
            step: s.step,
            date: s.date,
            decision: s.decision,
            extend_months: s.extend_months,
        })
        .collect()
}

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
    let meeting: Option<i64> = conn
        .query_row(
            "SELECT v.meeting_id FROM meeting_votes v JOIN meetings m ON m.id = v.meeting_id
             WHERE v.id = ?1 AND m.org_id = ?2",
            params![vote, org],
            |r| r.get(0),
        )
        .optional()?;
    let Some(meeting) = meeting else {
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
    let mut stmt = conn.prepare(
        "SELECT DISTINCT m.id FROM meeting_votes v JOIN meetings m ON m.id = v.meeting_id
         WHERE m.org_id = ?1 AND instr(v.subject, ?2) > 0 ORDER BY m.date DESC, m.id DESC",
    )?;
    let meeting_ids = stmt
        .query_map(params![row.org, row.profile.name], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for id in meeting_ids {
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
    tx.execute(
        "INSERT INTO dev_steps (person_id, step, date, outcome, extend_months, training_days, training_hours,
             vote_id, note, override_reason, created_at, publicity_from, publicity_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            person,
            input.step,
            date,
            decision,
            extend_months,
            input.training_days.filter(|_| input.step == 11),
            input.training_hours.filter(|_| input.step == 11),
            input.vote_id.filter(|_| matches!(input.step, 15 | 23)),
            text::optional_line("备注", &input.note)?,
            reason.filter(|_| !breaches.is_empty()),
            now.to_rfc3339(),
            proposed.publicity.map(|p| p.0),
            proposed.publicity.map(|p| p.1)
        ],
    )?;
    let id = tx.last_insert_rowid();
    if let Some((role, _, _)) = s.people {
        for m in &input.people {
            tx.execute(
                "INSERT OR IGNORE INTO dev_step_people (step_id, member_id, role) VALUES (?1, ?2, ?3)",
                params![id, m, role],
            )?;
        }
    }
    for doc in &input.documents {
        tx.execute(
            "INSERT OR IGNORE INTO dev_documents (step_id, name, added_at) VALUES (?1, ?2, ?3)",
            params![id, doc, now.to_rfc3339()],
        )?;
    }
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
            tx.execute(
                "UPDATE dev_people SET member_id = ?2, updated_at = ?3 WHERE id = ?1",
                params![person, id, now.to_rfc3339()],
            )?;
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

/// Withdraws the latest step entered by mistake; the row stays, marked.
/// Steps that already changed the roster are corrected there instead.
/// The latest step still in force: the only one that may be withdrawn.
fn latest_active(steps: &[StepRecord]) -> Option<&StepRecord> {
    steps
        .iter()
        .filter(|s| s.withdrawn_at.is_none())
        .max_by_key(|s| (s.date, s.step, s.id))
}

/// Why step record `step_id` cannot be withdrawn, if it cannot.
fn withdraw_refusal(steps: &[StepRecord], step_id: i64, on_roster: bool) -> Option<&'static str> {
    let s = steps.iter().find(|s| s.id == step_id)?;
    if s.withdrawn_at.is_some() {
        Some("这一步已经撤销过")
    } else if latest_active(steps).map(|l| l.id) != Some(step_id) {
        Some("只能撤销最后登记的一步；请先撤销其后的步骤")
    } else if matches!(s.step, 17 | 24) && on_roster {
        Some("这一步已经记入党员花名册（接收或转正），不能撤销；请在花名册中用“更正”修改")
    } else if s.step == 1 {
        Some("入党申请是此人记录的起点，不能撤销；如不再培养，请用“终止培养”并写明原因")
    } else {
        None
    }
}

pub fn withdraw_step(
    tx: &Transaction<'_>,
    step_id: i64,
    reason: &str,
    now: DateTime<Local>,
) -> Result<()> {
    let reason = text::paragraphs("原因", reason)?;
    if reason.is_empty() {
        return Err(Error::Validation("撤销步骤必须写明原因".into()));
    }
    let (person, _, _) = step_row(tx, step_id)?;
    let on_roster = person_row(tx, person)?.member_id.is_some();
    if let Some(refused) = withdraw_refusal(&steps_of(tx, person)?, step_id, on_roster) {
        return Err(Error::Conflict(refused.into()));
    }
    tx.execute(
        "UPDATE dev_steps SET withdrawn_at = ?2, withdrawn_reason = ?3 WHERE id = ?1",
        params![step_id, now.to_rfc3339(), reason],
    )?;
    Ok(())
}

/// Ends someone's development before 转正 (撤回申请, 取消积极分子资格, 调离 …).
pub fn close(
    tx: &Transaction<'_>,
    person: PersonId,
    on: NaiveDate,
    reason: &str,
    now: DateTime<Local>,
) -> Result<()> {
    let reason = text::paragraphs("原因", reason)?;
    if reason.is_empty() {
        return Err(Error::Validation("终止培养必须写明原因".into()));
    }
    let row = person_row(tx, person)?;
    if row.member_id.is_some() {
        return Err(Error::Conflict(
            "此人已是预备党员，应经支部大会讨论取消预备党员资格（第23、24步），不能直接终止".into(),
        ));
    }
    if row.closed_on.is_some() {
        return Err(Error::Conflict("此人已经终止培养".into()));
    }
    tx.execute(
        "UPDATE dev_people SET closed_on = ?2, closed_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![person, on, reason, now.to_rfc3339()],
    )?;
    Ok(())
}

fn summary_of(
    id: PersonId,
    row: &PersonRow,
    steps: &[StepRecord],
    settings: &DevSettings,
    today: NaiveDate,
) -> PersonSummary {
    let active = taken(steps);
    let stage = rules::stage(&active, row.closed_on.is_some());
    let entered = match stage {
        Stage::Applicant => Some(1),
        Stage::Activist => Some(3),
        Stage::Candidate => Some(7),
        Stage::Probationary => Some(17),
        Stage::Full | Stage::Cancelled => Some(24),
        Stage::Closed => None,
    };
    let date_of = |n: u8| rules::last(&active, n).map(|t| t.date);
    let next = rules::next(&active, row.closed_on.is_some(), settings);
    PersonSummary {
        id,
        name: row.profile.name.clone(),
        sex: row.profile.sex,
        stage,
        applied_on: date_of(1),
        stage_since: entered.and_then(date_of).or(row.closed_on),
        overdue: next.as_ref().and_then(|n| n.due).is_some_and(|d| d < today),
        next,
        member_id: row.member_id,
    }
}

/// Every person of the branch with their summary and recorded steps.
fn people(
    conn: &Connection,
    org: OrgId,
    today: NaiveDate,
) -> Result<Vec<(PersonSummary, Vec<StepRecord>)>> {
    let settings = dev_settings(conn, org)?;
    let ids: Vec<PersonId> = conn
        .prepare_cached("SELECT id FROM dev_people WHERE org_id = ?1 ORDER BY id")?
        .query_map([org], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| {
            let row = person_row(conn, id)?;
            let steps = steps_of(conn, id)?;
            Ok((summary_of(id, &row, &steps, &settings, today), steps))
        })
        .collect()
}

/// Everyone the branch is developing (and has developed), for the board.
pub fn list(conn: &Connection, org: OrgId, today: NaiveDate) -> Result<Vec<PersonSummary>> {
    Ok(people(conn, org, today)?
        .into_iter()
        .map(|(summary, _)| summary)
        .collect())
}

/// The branch a person in the pipeline belongs to.
pub fn org_of(conn: &Connection, id: PersonId) -> Result<OrgId> {
    Ok(person_row(conn, id)?.org)
}

pub fn detail(conn: &Connection, id: PersonId, today: NaiveDate) -> Result<PersonDetail> {
    let row = person_row(conn, id)?;
    let settings = dev_settings(conn, row.org)?;
    let steps = steps_of(conn, id)?;
    let withdrawable = latest_active(&steps)
        .map(|l| l.id)
        .filter(|&l| withdraw_refusal(&steps, l, row.member_id.is_some()).is_none());
    Ok(PersonDetail {
        withdrawable,
        summary: summary_of(id, &row, &steps, &settings, today),
        probation_end: rules::probation_end(&taken(&steps)),
        closed_on: row.closed_on,
        closed_reason: row.closed_reason.clone(),
        profile: row.profile,
        steps,
    })
}

/// The next steps due within `days` days, and those overdue, soonest first.
pub fn deadlines(
    conn: &Connection,
    org: OrgId,
    today: NaiveDate,
    days: u32,
) -> Result<Vec<PersonSummary>> {
    crate::text::in_range("提前天数", days, 1, 3660)?;
    let until = today + chrono::Days::new(u64::from(days));
    let mut due: Vec<PersonSummary> = list(conn, org, today)?
        .into_iter()
        .filter(|p| {
            p.next
                .as_ref()
                .and_then(|n| n.due)
                .is_some_and(|d| d <= until)
        })
        .collect();
    due.sort_by_key(|p| p.next.as_ref().and_then(|n| n.due));
    Ok(due)
}

/// One rule finding for `development check`: a time limit passed, or a step
/// recorded although it broke a rule (with the reason given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DevFinding {
    pub person_id: PersonId,
    pub name: String,
    pub step: u8,
    pub step_name: String,
    pub message: String,
    pub clause: String,
}

/// The document that records a 思想汇报 on a 考察 step (6 or 21).
pub const REPORT_DOCUMENT: &str = "思想汇报";

pub fn check(conn: &Connection, org: OrgId, today: NaiveDate) -> Result<Vec<DevFinding>> {
    let settings = dev_settings(conn, org)?;
    let mut out = Vec::new();
    for (p, steps) in people(conn, org, today)? {
        if let Some(n) = p.next.as_ref().filter(|_| p.overdue) {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: n.step,
                step_name: n.name.clone(),
                message: format!(
                    "第{}步“{}”应在{}前完成，已超期",
                    n.step,
                    n.name,
                    n.due.map(ymd).unwrap_or_default()
                ),
                clause: n.rule.clone(),
            });
        }
        let active = taken(&steps);
        if let Some(end) = rules::discussion_overdue(&active, today)
            .filter(|_| p.next.as_ref().is_none_or(|n| n.step != 23 || !p.overdue))
        {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: 23,
                step_name: def(23).map(|d| d.name).unwrap_or_default().to_string(),
                message: format!(
                    "预备期已于{}满，支部大会应及时讨论其能否转为正式党员，至今尚未讨论",
                    ymd(end)
                ),
                clause: rules::CLAUSE_DISCUSSION.to_string(),
            });
        }
        // 思想汇报, as often as the branch's setting asks.
        let last_report = steps
            .iter()
            .filter(|s| matches!(s.step, 6 | 21) && s.withdrawn_at.is_none())
            .filter(|s| s.documents.iter().any(|d| d.name == REPORT_DOCUMENT))
            .map(|s| s.date)
            .max();
        if let Some(due) = rules::report_overdue(
            p.stage,
            p.stage_since,
            last_report,
            settings.report_every_months,
            today,
        ) {
            let step = if p.stage == Stage::Probationary {
                21
            } else {
                6
            };
            let last = match last_report {
                Some(d) => format!("最近一次思想汇报登记于{}", ymd(d)),
                None => "还没有登记过思想汇报".to_string(),
            };
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step,
                step_name: def(step).map(|d| d.name).unwrap_or_default().to_string(),
                message: format!(
                    "{last}。按本支部设置每{}个月一次，{}前应再交一次：请督促本人提交，收到后在第{step}步“{}”中勾选“思想汇报”登记",
                    settings.report_every_months,
                    ymd(due),
                    def(step).map(|d| d.name).unwrap_or_default()
                ),
                clause: rules::CLAUSE_REPORTS.to_string(),
            });
        }
        // A step that goes with a 公示, recorded without one and without a
        // reason (entered before the program asked, or imported).
        for s in steps.iter().filter(|s| {
            settings.publicity_days > 0
                && rules::PUBLICITY_STEPS.contains(&s.step)
                && s.withdrawn_at.is_none()
                && s.publicity_from.is_none()
                && s.override_reason.is_none()
        }) {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: s.step,
                step_name: s.name.clone(),
                message: format!(
                    "第{}步“{}”（{}）没有登记公示。当时已公示的，请把公示材料归入档案备查；未公示的，应向上级党委说明情况",
                    s.step,
                    s.name,
                    ymd(s.date)
                ),
                clause: rules::clause_publicity(settings.publicity_days),
            });
        }
        for s in steps {
            if let (Some(reason), None) = (&s.override_reason, &s.withdrawn_at) {
                out.push(DevFinding {
                    person_id: p.id,
                    name: p.name.clone(),
                    step: s.step,
                    step_name: s.name.clone(),
                    message: format!("按特殊情况登记：{reason}"),
                    clause: def(s.step).map(|d| d.rule).unwrap_or_default().to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// The figures of a year a branch writes into its work report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DevStats {
    pub year: i32,
    /// 申请入党 (step 1).
    pub applied: u32,
    /// 确定入党积极分子 (step 3).
    pub activists: u32,
    /// 确定发展对象 (step 7).
    pub candidates: u32,
    /// 发展党员: 接收预备党员 approved by the 上级党委 (step 17).
    pub admitted: u32,
    /// 转正 approved (step 24, 按期转正).
    pub confirmed: u32,
    pub extended: u32,
    pub cancelled: u32,
}

pub fn stats(conn: &Connection, org: OrgId, year: i32) -> Result<DevStats> {
    crate::month::check_year(year)?;
    let mut s = DevStats {
        year,
        ..DevStats::default()
    };
    let mut stmt = conn.prepare_cached(
        "SELECT s.step, s.date, s.outcome FROM dev_steps s JOIN dev_people p ON p.id = s.person_id
         WHERE p.org_id = ?1 AND s.withdrawn_at IS NULL AND s.step IN (1, 3, 7, 17, 24)",
    )?;
    let rows = stmt.query_map([org], |r| {
        Ok((
            r.get::<_, u8>(0)?,
            r.get::<_, NaiveDate>(1)?,
            r.get::<_, Option<Decision>>(2)?,
        ))
    })?;
    for row in rows {
        let (step, date, outcome) = row?;
        if date.year() != year {
            continue;
        }
        let slot = match (step, outcome) {
            (1, _) => &mut s.applied,
            (3, _) => &mut s.activists,
            (7, _) => &mut s.candidates,
            (17, _) => &mut s.admitted,
            (24, Some(Decision::OnTime)) => &mut s.confirmed,
            (24, Some(Decision::Extend)) => &mut s.extended,
            (24, Some(Decision::Cancel)) => &mut s.cancelled,
            _ => continue,
        };
        *slot += 1;
    }
    Ok(s)
}
