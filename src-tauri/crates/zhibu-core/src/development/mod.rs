//! 发展党员: the people a branch develops, from 入党申请书 to 转正, step by
//! step as the 细则 orders them. A step that breaks a rule is refused, or
//! recorded with the clerk's reason when the rule allows exceptions; at the
//! two moments the 细则 makes someone a member (接收 approved, 转正 approved)
//! the roster gets the history events, dated as the 细则 says.

mod check;
pub mod documents;
mod record;
pub mod rules;
mod stats;
pub mod steps;
mod storage;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::members::{self, checked_profile, MemberId, MemberProfile};
use crate::org::OrgId;
use crate::settings;
use crate::text;
pub use check::{check, DevFinding, REPORT_DOCUMENT};
pub use record::{record_step, vote_choices, VoteChoice};
use rules::Taken;
pub use rules::{Breach, Decision, DevSettings, Next, Stage};
pub use stats::{between as stats_between, stats, DevStats};
use steps::Role;

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

/// A document of a step, with its scan when one was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DevDocument {
    pub id: i64,
    pub name: String,
    /// The name the scan had when it was added; None while there is no scan.
    pub file_name: Option<String>,
    pub mime: Option<String>,
    pub bytes: Option<i64>,
    pub added_at: String,
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
    settings::get_json(conn, &settings_key(org))
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
    settings::set_json(conn, &settings_key(org), s)
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
    let holder = storage::people::id_number_holder(conn, &profile.id_number)?;
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
    let id = storage::people::insert(tx, org, &profile, now)?;
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
    storage::people::set_profile(tx, id, &p, now)
}

/// A recorded step's person, number and withdrawal time.
pub(super) fn step_row(conn: &Connection, step_id: i64) -> Result<(PersonId, u8, Option<String>)> {
    storage::steps::row(conn, step_id)?
        .ok_or_else(|| Error::NotFound("找不到这一步的记录，请刷新后重试".into()))
}

pub(super) fn not_found() -> Error {
    Error::NotFound("找不到此人的发展党员记录，请刷新后重试".into())
}

pub(super) struct PersonRow {
    pub(super) org: OrgId,
    pub(super) profile: MemberProfile,
    pub(super) member_id: Option<MemberId>,
    closed_on: Option<NaiveDate>,
    closed_reason: Option<String>,
}

pub(super) fn person_row(conn: &Connection, id: PersonId) -> Result<PersonRow> {
    storage::people::row(conn, id)?.ok_or_else(not_found)
}

/// Every step recorded for a person (withdrawn ones too), in date order.
pub(super) fn steps_of(conn: &Connection, person: PersonId) -> Result<Vec<StepRecord>> {
    storage::steps::of_person(conn, person)
}

pub(super) fn taken(steps: &[StepRecord]) -> Vec<Taken> {
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
    storage::steps::withdraw(tx, step_id, &reason, now)
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
    storage::people::close(tx, person, on, &reason, now)
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
pub(super) fn people(
    conn: &Connection,
    org: OrgId,
    today: NaiveDate,
) -> Result<Vec<(PersonSummary, Vec<StepRecord>)>> {
    let settings = dev_settings(conn, org)?;
    storage::people::ids(conn, org)?
        .into_iter()
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
