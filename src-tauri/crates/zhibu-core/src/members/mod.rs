//! Members and their append-only history. A member's state on any day (on
//! the roll of a branch or not, 正式 or 预备) is derived from the dated
//! events, never stored, so the roster of any past date can be rebuilt.

pub mod excel;
pub mod history;
pub mod print;
pub mod reminders;
pub mod roster;
pub mod rules;
pub mod state;
mod storage;

use chrono::{DateTime, Local, NaiveDate};
use pinyin::ToPinyin;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::labels::label_enum;
use crate::text;
pub use roster::{GroupChoice, Roster, RosterQuery, RosterRow};
pub use state::{MemberEvent, MemberState, Standing};

label_enum! {
    /// A dated change of a member's status (domain-rules §2, §4).
    pub enum EventKind {
        /// 支部大会 accepted them as 预备党员: the 入党日期.
        Admitted = "接收预备党员",
        TransferIn = "转入",
        TransferOut = "转出",
        FlowOut = "流出",
        FlowBack = "返回",
        LostContact = "失联",
        Reconnected = "恢复联系",
        ProbationExtended = "延长预备期",
        /// 转正; the event's date is the 转正日期 (the day the 预备期 ended).
        Confirmed = "转正",
        ProbationCancelled = "取消预备党员资格",
        Died = "去世",
        LeftParty = "出党",
        /// The subkind is the period: 一年, 二年, or 延长一年 (纪律处分条例).
        DisciplinaryProbation = "留党察看",
        RightsRestored = "恢复党员权利",
        /// 失联 six months or more and not found (党员教育管理工作条例第二十四条).
        MembershipSuspended = "停止党籍",
        /// Back in contact: the 党委 restores the 党籍.
        MembershipRestored = "恢复党籍",
        /// 被依法留置、逮捕 (选举工作条例第五条).
        VoteSuspended = "中止表决权",
        VoteRestored = "恢复表决权",
        /// Corrects the date of an earlier entry; the earlier row stays.
        Correction = "更正",
    }
    what: "党员变动类型"
}

label_enum! {
    pub enum Sex {
        Male = "男",
        Female = "女",
    }
    what: "性别"
}

impl EventKind {
    /// Events that put a member on a branch's roll (true) or take them off it (false).
    pub fn roll_effect(self) -> Option<bool> {
        match self {
            EventKind::Admitted | EventKind::TransferIn => Some(true),
            EventKind::TransferOut
            | EventKind::ProbationCancelled
            | EventKind::Died
            | EventKind::LeftParty => Some(false),
            _ => None,
        }
    }
}

pub type MemberId = i64;

/// A member's identity and profile: what the add/edit form sends.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct MemberProfile {
    pub name: String,
    pub sex: Sex,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    /// 公民身份号码.
    pub id_number: String,
    pub education: Option<String>,
    /// 人员类别 (工人, 农牧渔民, 离退休人员 …).
    pub category: Option<String>,
    /// 工作单位及职务/岗位.
    pub work_unit: Option<String>,
    pub phone: Option<String>,
    /// 现居住地.
    pub residence: Option<String>,
    /// 户籍所在地.
    pub household_reg: Option<String>,
    pub group_id: Option<i64>,
    /// 党内职务.
    pub party_post: Option<String>,
    /// 是否农民工.
    pub is_migrant_worker: bool,
    /// 新社会阶层 (blank when not).
    pub new_social_stratum: Option<String>,
    /// 党龄校正 in months, for historical records.
    pub party_age_adjust_months: i32,
    pub note: Option<String>,
}

/// A member entered into the roster: their profile and the two dates every
/// roster carries. Someone who joined in another branch also gives the day
/// and origin of their transfer in.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewMember {
    pub profile: MemberProfile,
    /// 入党日期: the day the 支部大会 admitted them as 预备党员.
    pub joined_on: NaiveDate,
    /// 转正日期: the day the 预备期 ended; None for a 预备党员.
    pub full_on: Option<NaiveDate>,
    /// When they joined elsewhere: the day their 组织关系 was transferred in.
    pub transferred_in_on: Option<NaiveDate>,
    pub transferred_from: Option<String>,
}

/// One dated history entry to append.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewEvent {
    pub kind: EventKind,
    pub subkind: Option<String>,
    pub date: NaiveDate,
    /// True when the event concerns this branch; false when it happened in an
    /// organisation outside this database (e.g. the 入党 of someone who later
    /// transferred in).
    pub in_branch: bool,
    /// 转入 from / 转出 to / 流出 to.
    pub other_org: Option<String>,
    pub reason: Option<String>,
    pub doc_no: Option<String>,
    /// 延长预备期: the day the extended 预备期 ends.
    pub until: Option<NaiveDate>,
    /// 更正: the id of the entry whose date this corrects (to `date`).
    pub corrects: Option<i64>,
}

impl NewEvent {
    pub fn new(kind: EventKind, date: NaiveDate) -> NewEvent {
        NewEvent {
            kind,
            subkind: None,
            date,
            in_branch: true,
            other_org: None,
            reason: None,
            doc_no: None,
            until: None,
            corrects: None,
        }
    }
}

/// Pinyin initials of a name: 王建国 → WJG. Letters and digits are kept.
pub fn name_initials(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p
                .first_letter()
                .chars()
                .next()
                .map(|l| l.to_ascii_uppercase()),
            None if c.is_ascii_alphanumeric() => Some(c.to_ascii_uppercase()),
            None => None,
        })
        .collect()
}

/// Checks a profile against the rules and the database; returns it cleaned.
pub(crate) fn checked_profile(
    conn: &Connection,
    org_id: OrgId,
    profile: &MemberProfile,
    except: Option<MemberId>,
) -> Result<MemberProfile> {
    let name = text::required_line("姓名", &profile.name, 30)?;
    let id_number = rules::check_identity(&profile.id_number, profile.birth_date, profile.sex)?;
    if let Some((other, other_name)) = storage::id_number_holder(conn, &id_number)? {
        if Some(other) != except {
            return Err(Error::Conflict(format!(
                "公民身份号码{id_number}已登记在党员“{other_name}”名下，同一个人不能重复登记。请核对号码，或直接打开该党员的记录"
            )));
        }
    }
    let phone = match text::optional_line("联系电话", &profile.phone)? {
        Some(p) => Some(rules::check_phone(&p)?),
        None => None,
    };
    if let Some(g) = profile.group_id {
        if !storage::group_in_org(conn, g, org_id)? {
            return Err(Error::Validation(
                "所选党小组不属于本支部，请重新选择党小组".into(),
            ));
        }
    }
    if profile.party_age_adjust_months.abs() > 600 {
        return Err(Error::Validation(
            "党龄校正应在正负600个月（50年）以内，请核对".into(),
        ));
    }
    let ethnicity = Some(text::line("民族", &profile.ethnicity)?)
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "汉族".into());
    Ok(MemberProfile {
        name,
        ethnicity,
        id_number,
        phone,
        education: text::optional_line("学历", &profile.education)?,
        category: text::optional_line("人员类别", &profile.category)?,
        work_unit: text::optional_line("工作单位及职务", &profile.work_unit)?,
        residence: text::optional_line("现居住地", &profile.residence)?,
        household_reg: text::optional_line("户籍所在地", &profile.household_reg)?,
        party_post: text::optional_line("党内职务", &profile.party_post)?,
        new_social_stratum: text::optional_line("新社会阶层", &profile.new_social_stratum)?,
        note: text::optional_line("备注", &profile.note)?,
        ..profile.clone()
    })
}

/// Enters a member into a branch's roster with the history their two dates
/// imply (入党, 转正, and 转入 when they joined elsewhere), in one transaction.
pub fn add_member(
    tx: &Transaction<'_>,
    org_id: OrgId,
    input: &NewMember,
    now: DateTime<Local>,
) -> Result<MemberId> {
    let profile = checked_profile(tx, org_id, &input.profile, None)?;
    let today = now.date_naive();
    rules::check_party_dates(
        profile.birth_date,
        input.joined_on,
        input.full_on,
        None,
        today,
    )?;
    let elsewhere = input.transferred_in_on.is_some();
    let mut events = vec![NewEvent {
        in_branch: !elsewhere,
        ..NewEvent::new(EventKind::Admitted, input.joined_on)
    }];
    if let Some(full) = input.full_on {
        events.push(NewEvent {
            in_branch: !elsewhere,
            ..NewEvent::new(EventKind::Confirmed, full)
        });
    }
    if let Some(arrived) = input.transferred_in_on {
        if arrived < input.joined_on || arrived > today {
            return Err(Error::Validation(format!(
                "转入日期应在入党日期{}之后、今天之前，请核对",
                input.joined_on.format("%Y年%-m月%-d日")
            )));
        }
        events.push(NewEvent {
            other_org: text::optional_line("原所在党组织", &input.transferred_from)?,
            ..NewEvent::new(EventKind::TransferIn, arrived)
        });
    }
    events.sort_by_key(|e| e.date);
    let id = storage::insert_profile(tx, org_id, &profile, now)?;
    for e in &events {
        append_event(tx, org_id, id, e, now)?;
    }
    Ok(id)
}

/// Inserts a member with an explicit history (the demo, imports that carry
/// history), checking the profile like `add_member` does.
pub fn insert_with_history(
    tx: &Transaction<'_>,
    org_id: OrgId,
    profile: &MemberProfile,
    events: &[NewEvent],
    now: DateTime<Local>,
) -> Result<MemberId> {
    let profile = checked_profile(tx, org_id, profile, None)?;
    let id = storage::insert_profile(tx, org_id, &profile, now)?;
    for e in events {
        append_event(tx, org_id, id, e, now)?;
    }
    Ok(id)
}

/// Changes a member's profile. Dates and status change only through history.
pub fn update_profile(
    tx: &Transaction<'_>,
    id: MemberId,
    profile: &MemberProfile,
    now: DateTime<Local>,
) -> Result<()> {
    let org_id = storage::org_of(tx, id)?
        .ok_or_else(|| Error::NotFound("找不到这名党员的记录，请刷新花名册后重试".into()))?;
    let p = checked_profile(tx, org_id, profile, Some(id))?;
    let events = roster::events_of(tx, id)?;
    // The dates stay as they are; a changed 出生日期 must still make the
    // member eighteen when they joined. (Their 转正 was checked when it was
    // recorded: a record from before that check is not refused here.)
    if let Some(joined) = state::effective(&events)
        .iter()
        .find(|e| e.kind == EventKind::Admitted)
    {
        rules::check_party_dates(p.birth_date, joined.date, None, None, now.date_naive())?;
    }
    storage::write_profile(tx, id, &p, now)
}

pub fn append_event(
    tx: &Transaction<'_>,
    org_id: OrgId,
    member_id: MemberId,
    e: &NewEvent,
    now: DateTime<Local>,
) -> Result<()> {
    storage::insert_event(tx, org_id, member_id, e, now)
}

/// A member on a branch's roll on some day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnRoll {
    pub member_id: MemberId,
    pub name: String,
    pub group_id: Option<i64>,
    /// 正式党员 rather than 预备党员.
    pub full: bool,
    /// Entitled to vote: 正式 and not under 留党察看 (党章 第七条; 选举条例 第五条).
    pub can_vote: bool,
    /// 停止党籍: listed, but not expected at meetings.
    pub suspended: bool,
}

impl OnRoll {
    pub fn of(member: &roster::StoredMember, state: &MemberState) -> OnRoll {
        OnRoll {
            member_id: member.id,
            name: member.name.clone(),
            group_id: member.group_id,
            full: state.standing == Some(Standing::Full),
            can_vote: state.can_vote(),
            suspended: state.suspended(),
        }
    }
}

/// Who belonged to the branch on `date`, and which of them were 正式党员
/// (derived by `state::derive`, like everything else about membership).
/// The branch's member named `name` (the first entered, if two share it).
pub fn id_by_name(conn: &Connection, org: OrgId, name: &str) -> Result<MemberId> {
    storage::id_by_name(conn, org, name)?
        .ok_or_else(|| Error::NotFound(format!("本支部名册中没有名为“{name}”的党员")))
}

pub fn on_roll(conn: &Connection, org_id: OrgId, date: NaiveDate) -> Result<Vec<OnRoll>> {
    Ok(on_roll_from(
        &roster::histories(conn, org_id)?,
        org_id,
        date,
    ))
}

/// The same from histories already read (`roster::histories`), for a caller
/// that asks about many days: the roll of each month of a year.
pub fn on_roll_from(
    histories: &[(roster::StoredMember, Vec<MemberEvent>)],
    org_id: OrgId,
    date: NaiveDate,
) -> Vec<OnRoll> {
    histories
        .iter()
        .filter_map(|(m, events)| {
            let s = state::derive(events, org_id, date);
            s.on_roll.then(|| OnRoll::of(m, &s))
        })
        .collect()
}

/// The same from members already loaded with their state (`roster::load`).
pub fn on_roll_of(loaded: &[(roster::StoredMember, MemberState)]) -> Vec<OnRoll> {
    loaded
        .iter()
        .filter(|(_, state)| state.on_roll)
        .map(|(m, state)| OnRoll::of(m, state))
        .collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct MemberCounts {
    pub total: u32,
    /// 正式党员.
    pub full: u32,
    /// 预备党员.
    pub probationary: u32,
    /// 有表决权: the 应到 of a vote.
    pub voting: u32,
    /// 停止党籍: counted in `total`, taking no part.
    pub suspended: u32,
}

impl MemberCounts {
    pub fn of(roll: &[OnRoll]) -> MemberCounts {
        let full = roll.iter().filter(|m| m.full).count() as u32;
        MemberCounts {
            total: roll.len() as u32,
            full,
            probationary: roll.len() as u32 - full,
            voting: roll.iter().filter(|m| m.can_vote).count() as u32,
            suspended: roll.iter().filter(|m| m.suspended).count() as u32,
        }
    }
}
