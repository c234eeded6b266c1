//! The 党员花名册 as of any day: every member of a branch with their state
//! derived from history, searched and filtered the way a clerk looks people up.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::state::{self, MemberEvent, MemberState, Standing};
use super::storage;
pub use super::storage::{events_of, histories, history_of, StoredMember};
use super::{EventKind, MemberCounts, MemberId, MemberProfile, OnRoll, Sex};
use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::labels::label_enum;

/// Every member the branch has ever had, with their state on `day`.
pub fn load(
    conn: &Connection,
    org: OrgId,
    day: NaiveDate,
) -> Result<Vec<(StoredMember, MemberState)>> {
    Ok(histories(conn, org)?
        .into_iter()
        .map(|(m, events)| {
            let s = state::derive(&events, org, day);
            (m, s)
        })
        .collect())
}

label_enum! {
    /// The roster's status filter.
    pub enum StatusFilter {
        Flowing = "流动党员",
        Lost = "失联党员",
        Suspended = "停止党籍党员",
        Former = "已离开本支部",
    }
    what: "状态"
}

/// What the roster screen and `members list` ask for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct RosterQuery {
    /// The day the roster is drawn up for; today when absent.
    pub day: Option<NaiveDate>,
    /// A name or part of it, pinyin initials (wjg), or part of the ID number.
    pub text: Option<String>,
    pub group_id: Option<i64>,
    pub standing: Option<Standing>,
    /// Also list members who have left (转出, 去世, 出党 …).
    pub include_former: bool,
    pub status: Option<StatusFilter>,
}

/// One line of the 党员花名册.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterRow {
    pub id: MemberId,
    pub name: String,
    pub name_initials: String,
    pub sex: Sex,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub age: i32,
    pub id_number: String,
    pub education: Option<String>,
    pub category: Option<String>,
    pub work_unit: Option<String>,
    pub phone: Option<String>,
    pub residence: Option<String>,
    pub household_reg: Option<String>,
    pub is_migrant_worker: bool,
    pub new_social_stratum: Option<String>,
    pub note: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub party_post: Option<String>,
    pub standing: Option<Standing>,
    pub joined_on: Option<NaiveDate>,
    pub full_on: Option<NaiveDate>,
    /// 党龄 in whole years.
    pub party_years: Option<i32>,
    pub flowing: bool,
    pub lost: bool,
    /// 停止党籍.
    pub suspended: bool,
    /// 中止表决权.
    pub vote_suspended: bool,
    /// 留党察看, rights not yet restored.
    pub disciplined: bool,
    pub on_roll: bool,
    /// Has a vote on the roster's day.
    pub can_vote: bool,
    /// How they left, when they are no longer on the roll.
    pub left_kind: Option<EventKind>,
    pub left_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Roster {
    pub day: NaiveDate,
    /// Counts of the whole roll on `day`, whatever the filter.
    pub counts: MemberCounts,
    pub rows: Vec<RosterRow>,
    /// The branch's 党小组 in their order, whatever the filter (for choosing
    /// one, and for telling a member outside all of them).
    pub groups: Vec<GroupChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupChoice {
    pub id: i64,
    pub name: String,
}

fn row_of(
    m: StoredMember,
    s: &MemberState,
    day: NaiveDate,
    groups: &HashMap<i64, String>,
) -> RosterRow {
    let p = m.profile;
    RosterRow {
        id: m.id,
        age: super::rules::age_on(p.birth_date, day),
        group_name: p.group_id.and_then(|g| groups.get(&g).cloned()),
        party_years: state::party_years(s.full_on, p.party_age_adjust_months, day),
        name: p.name,
        name_initials: m.name_initials,
        sex: p.sex,
        ethnicity: p.ethnicity,
        birth_date: p.birth_date,
        id_number: p.id_number,
        education: p.education,
        category: p.category,
        work_unit: p.work_unit,
        phone: p.phone,
        residence: p.residence,
        household_reg: p.household_reg,
        is_migrant_worker: p.is_migrant_worker,
        new_social_stratum: p.new_social_stratum,
        note: p.note,
        group_id: p.group_id,
        party_post: p.party_post,
        standing: s.standing,
        joined_on: s.joined_on,
        full_on: s.full_on,
        flowing: s.flowing(),
        lost: s.lost(),
        suspended: s.suspended(),
        vote_suspended: s.vote_suspended,
        disciplined: s.disciplined,
        on_roll: s.on_roll,
        can_vote: s.can_vote(),
        left_kind: s.left.map(|(k, _)| k),
        left_on: s.left.map(|(_, d)| d),
    }
}

/// Whether a row matches what the clerk typed: part of the name, pinyin
/// initials (case-insensitive), or part of the ID number.
pub fn matches_text(row: &RosterRow, text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return true;
    }
    if row.name.contains(t) {
        return true;
    }
    let upper = t.to_uppercase();
    if upper.chars().all(|c| c.is_ascii_alphabetic()) && row.name_initials.contains(&upper) {
        return true;
    }
    upper.chars().all(|c| c.is_ascii_digit() || c == 'X') && row.id_number.contains(&upper)
}

pub fn roster(
    conn: &Connection,
    org: OrgId,
    query: &RosterQuery,
    today: NaiveDate,
) -> Result<Roster> {
    let day = query.day.unwrap_or(today);
    let ordered = storage::group_names(conn, org)?;
    let groups: HashMap<i64, String> = ordered.iter().cloned().collect();
    let all = load(conn, org, day)?;
    let on_roll: Vec<OnRoll> = all
        .iter()
        .filter(|(_, s)| s.on_roll)
        .map(|(m, s)| OnRoll::of(m, s))
        .collect();
    let counts = MemberCounts::of(&on_roll);
    let text = query.text.clone().unwrap_or_default();
    let rows = all
        .into_iter()
        // Only people who were ever on this roll by `day` (not future transfers in).
        .filter(|(_, s)| {
            let former_wanted = query.include_former || query.status == Some(StatusFilter::Former);
            s.on_roll || (former_wanted && s.left.is_some())
        })
        .map(|(m, s)| row_of(m, &s, day, &groups))
        .filter(|r| query.group_id.is_none() || r.group_id == query.group_id)
        .filter(|r| query.standing.is_none() || r.standing == query.standing)
        .filter(|r| match query.status {
            None => true,
            Some(StatusFilter::Flowing) => r.flowing && r.on_roll,
            Some(StatusFilter::Lost) => r.lost && r.on_roll,
            Some(StatusFilter::Suspended) => r.suspended && r.on_roll,
            Some(StatusFilter::Former) => !r.on_roll,
        })
        .filter(|r| matches_text(r, &text))
        .collect();
    Ok(Roster {
        day,
        counts,
        rows,
        groups: ordered
            .into_iter()
            .map(|(id, name)| GroupChoice { id, name })
            .collect(),
    })
}

/// Everything the member page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberDetail {
    pub row: RosterRow,
    pub profile: MemberProfile,
    pub history: Vec<MemberEvent>,
    pub can_vote: bool,
    /// When the 预备期 ends, for a 预备党员.
    pub probation_ends: Option<NaiveDate>,
    /// The day the state above is for.
    pub today: NaiveDate,
}

pub fn detail(conn: &Connection, id: MemberId, today: NaiveDate) -> Result<MemberDetail> {
    let member = storage::member_and_org(conn, id)?
        .ok_or_else(|| Error::NotFound("找不到这名党员的记录，请刷新花名册后重试".into()))?;
    let (m, org) = member;
    let history = events_of(conn, id)?;
    let s = state::derive(&history, org, today);
    let groups: HashMap<i64, String> = storage::group_names(conn, org)?.into_iter().collect();
    let profile = m.profile.clone();
    Ok(MemberDetail {
        row: row_of(m, &s, today, &groups),
        profile,
        history,
        can_vote: s.can_vote(),
        probation_ends: s.probation_ends,
        today,
    })
}
