//! What a branch must hold and how often (支部工作条例 第十一至十九条 and
//! local practice), the year's calendar of held / missing / not yet due, and
//! each member's run of months without organisational life (党章 第九条).
//!
//! The frequencies are settings: the 条例 says "一般", and 党课 has no
//! frequency in the 条例 at all (quarterly is local practice). The defaults
//! below are what most local 标准化 manuals use; a branch changes them on the
//! calendar page.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::storage::{attendance, record};
use super::{MeetingId, MeetingKind};
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::members::{self, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::settings;

label_enum! {
    pub enum Frequency {
        Monthly = "每月",
        Quarterly = "每季度",
        HalfYearly = "每半年",
        Yearly = "每年",
        NotRequired = "不要求",
    }
    what: "频次"
}

label_enum! {
    /// Who must have talked with whom in a year (谈心谈话).
    pub enum TalkScope {
        /// Every pair of 支委, and every member with at least one 支委.
        CommitteeAndMembers = "支委两两、每名党员与支委",
        /// Every pair of members: the literal reading of the 条例.
        EveryPair = "全体党员两两",
    }
    what: "谈心谈话范围"
}

label_enum! {
    pub enum CellStatus {
        Held = "已召开",
        DraftOnly = "有记录未定稿",
        Missing = "缺",
        Due = "本期待开",
        NotYetDue = "未到期",
        NotRequired = "不要求",
    }
    what: "状态"
}

// The 条例's words are quoted inside “…”; the article numbers of its
// chapter 5 differ between copies, so they are given only where the
// reference (domain-rules.md §3.1, §7) settles them.
pub const CLAUSE_GENERAL: &str =
    "《中国共产党支部工作条例（试行）》第十一条：党员大会……“一般每季度召开1次”";
pub const CLAUSE_COMMITTEE: &str =
    "《中国共产党支部工作条例（试行）》第十二条：党支部委员会会议“一般每月召开1次，根据需要可以随时召开”";
/// 正式党员 from which a branch has a 支部委员会 (支部工作条例第二十条).
pub const COMMITTEE_FROM: usize = 7;
pub const NO_COMMITTEE: &str = "正式党员不足7人，不设支部委员会，不要求召开支委会。依据：《中国共产党支部工作条例（试行）》第二十条：正式党员不足7人的党支部，设1名书记，必要时可以设1名副书记";
pub const CLAUSE_GROUP: &str =
    "《中国共产党支部工作条例（试行）》第十三条：党小组会……“一般每月召开1次”";
pub const CLAUSE_LECTURE: &str = "支部工作条例未规定党支部党课频次（只规定党委书记每年至少讲1次党课）；“每季度至少1次”是多数地方的规定，可在设置中修改";
pub const CLAUSE_THEME_DAY: &str =
    "《中国共产党支部工作条例（试行）》：党支部……“每月相对固定1天开展主题党日”";
pub const CLAUSE_LIFE: &str =
    "《中国共产党支部工作条例（试行）》第十七条：党支部每年至少召开1次组织生活会，一般安排在第四季度";
pub const CLAUSE_APPRAISAL: &str =
    "《中国共产党支部工作条例（试行）》：民主评议党员“一般每年开展1次”（可与组织生活会结合进行，是通行做法）";
pub const CLAUSE_TALK: &str = "《中国共产党支部工作条例（试行）》第十九条：党支部委员之间、党支部委员和党员之间、党员和党员之间，“每年谈心谈话一般不少于1次”";

/// The clause a requirement of `kind` comes from.
pub fn clause(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::GeneralMeeting => CLAUSE_GENERAL,
        MeetingKind::Committee => CLAUSE_COMMITTEE,
        MeetingKind::Group => CLAUSE_GROUP,
        MeetingKind::Lecture => CLAUSE_LECTURE,
        MeetingKind::ThemeDay => CLAUSE_THEME_DAY,
        MeetingKind::LifeMeeting => CLAUSE_LIFE,
        MeetingKind::Appraisal => CLAUSE_APPRAISAL,
        MeetingKind::Talk => CLAUSE_TALK,
        MeetingKind::Other => "",
    }
}

/// How often each kind is required. Stored as one setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Requirements {
    pub general_meeting: Frequency,
    pub committee: Frequency,
    pub group: Frequency,
    pub lecture: Frequency,
    pub theme_day: Frequency,
    pub life_meeting: Frequency,
    pub appraisal: Frequency,
    /// 谈心谈话 is checked once a year, over this set of pairs.
    pub talk: TalkScope,
}

impl Default for Requirements {
    fn default() -> Self {
        Requirements {
            general_meeting: Frequency::Quarterly,
            committee: Frequency::Monthly,
            group: Frequency::Monthly,
            lecture: Frequency::Quarterly,
            theme_day: Frequency::Monthly,
            life_meeting: Frequency::Yearly,
            appraisal: Frequency::Yearly,
            talk: TalkScope::CommitteeAndMembers,
        }
    }
}

impl Requirements {
    fn frequencies(&self) -> [(MeetingKind, Frequency); 7] {
        [
            (MeetingKind::Committee, self.committee),
            (MeetingKind::GeneralMeeting, self.general_meeting),
            (MeetingKind::Group, self.group),
            (MeetingKind::Lecture, self.lecture),
            (MeetingKind::ThemeDay, self.theme_day),
            (MeetingKind::LifeMeeting, self.life_meeting),
            (MeetingKind::Appraisal, self.appraisal),
        ]
    }
}

const REQUIREMENTS_KEY: &str = "meeting_requirements";

pub fn requirements(conn: &Connection) -> Result<Requirements> {
    settings::get_json(conn, REQUIREMENTS_KEY)
}

pub fn set_requirements(conn: &Connection, r: &Requirements) -> Result<()> {
    settings::set_json(conn, REQUIREMENTS_KEY, r)
}

/// A meeting shown in a calendar cell.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CellMeeting {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub finalised: bool,
}

impl From<&record::Held> for CellMeeting {
    fn from(h: &record::Held) -> Self {
        CellMeeting {
            id: h.id,
            date: h.date,
            finalised: h.finalised,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Cell {
    /// "3月", "第一季度", "上半年", "全年".
    pub period: String,
    pub first_month: u32,
    pub last_month: u32,
    pub status: CellStatus,
    pub meetings: Vec<CellMeeting>,
    /// Extra words, e.g. a talk coverage count.
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CalendarRow {
    pub kind: MeetingKind,
    /// 党小组会: one row per group.
    pub group_id: Option<i64>,
    /// "支委会", "第一党小组 党小组会" …
    pub title: String,
    pub frequency: Frequency,
    pub clause: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Calendar {
    pub year: i32,
    pub requirements: Requirements,
    pub rows: Vec<CalendarRow>,
    /// 谈心谈话 pairs still to talk this year (names), at most 30 shown.
    pub talks_missing: Vec<String>,
    pub talks_missing_total: u32,
}

/// One finding of `zhibu-cli meetings check`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CalendarFinding {
    pub kind: MeetingKind,
    pub title: String,
    pub period: String,
    pub status: CellStatus,
    pub clause: String,
    pub note: String,
}

fn periods(f: Frequency) -> Vec<(String, u32, u32)> {
    const Q: [&str; 4] = ["第一季度", "第二季度", "第三季度", "第四季度"];
    match f {
        Frequency::Monthly => (1..=12).map(|m| (format!("{m}月"), m, m)).collect(),
        Frequency::Quarterly => (0..4u32)
            .map(|q| (Q[q as usize].to_string(), q * 3 + 1, q * 3 + 3))
            .collect(),
        Frequency::HalfYearly => vec![("上半年".into(), 1, 6), ("下半年".into(), 7, 12)],
        Frequency::Yearly => vec![("全年".into(), 1, 12)],
        Frequency::NotRequired => Vec::new(),
    }
}

fn month(year: i32, m: u32) -> YearMonth {
    YearMonth::new(year, m).unwrap_or_else(|_| unreachable!("months 1-12"))
}

/// Status of one period: held if a record exists, otherwise by where today
/// falls. A period in which nobody was on the roll (or the group had no
/// members) is not required.
fn status_of(
    meetings: &[CellMeeting],
    first: YearMonth,
    last: YearMonth,
    today: NaiveDate,
    anyone_expected: bool,
) -> CellStatus {
    if meetings.iter().any(|m| m.finalised) {
        CellStatus::Held
    } else if !meetings.is_empty() {
        CellStatus::DraftOnly
    } else if !anyone_expected {
        CellStatus::NotRequired
    } else {
        unmet(first, last, today)
    }
}

/// A requirement not yet met in the period `first..=last`: missing once the
/// period is over, due while it runs, not yet due before it starts.
fn unmet(first: YearMonth, last: YearMonth, today: NaiveDate) -> CellStatus {
    if last.last_day() < today {
        CellStatus::Missing
    } else if first.first_day() <= today {
        CellStatus::Due
    } else {
        CellStatus::NotYetDue
    }
}

/// The compliance calendar of `org` for `year`, judged on `today`.
pub fn calendar(conn: &Connection, org: OrgId, year: i32, today: NaiveDate) -> Result<Calendar> {
    if !(1949..=9999).contains(&year) {
        return Err(Error::Validation(format!("年份“{year}”无效")));
    }
    let req = requirements(conn)?;
    // Who was on the roll in each month (judged on its last day, or today).
    let histories = members::roster::histories(conn, org)?;
    let mut roll_by_month = Vec::with_capacity(12);
    for m in 1..=12 {
        let ym = month(year, m);
        let day = ym.last_day().min(today).max(ym.first_day());
        roll_by_month.push(members::on_roll_from(&histories, org, day));
    }
    let held: Vec<(MeetingKind, Option<i64>, CellMeeting)> = record::held_in_year(conn, org, year)?
        .into_iter()
        .map(|h| (h.kind, h.group_id, CellMeeting::from(&h)))
        .collect();
    let groups: Vec<(i64, String)> = crate::org::groups(conn, org)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();

    let mut rows = Vec::new();
    for (kind, frequency) in req.frequencies() {
        let lines: Vec<(Option<i64>, String)> = if kind == MeetingKind::Group {
            groups
                .iter()
                .map(|(id, name)| (Some(*id), format!("{name} 党小组会")))
                .collect()
        } else {
            vec![(None, kind.label().to_string())]
        };
        for (group, title) in lines {
            let cells = periods(frequency)
                .into_iter()
                .map(|(period, a, b)| {
                    let (first, last) = (month(year, a), month(year, b));
                    let meetings: Vec<CellMeeting> = held
                        .iter()
                        .filter(|(k, g, m)| {
                            *k == kind
                                && (kind != MeetingKind::Group || *g == group)
                                && YearMonth::of(m.date) >= first
                                && YearMonth::of(m.date) <= last
                        })
                        .map(|(_, _, m)| m.clone())
                        .collect();
                    let rolls = &roll_by_month[(a - 1) as usize..b as usize];
                    let mut anyone = rolls
                        .iter()
                        .any(|roll| roll.iter().any(|m| group.is_none() || m.group_id == group));
                    let mut note = String::new();
                    // 支部工作条例第二十条: under 7 正式党员 there is no
                    // 支部委员会 (one 书记), so no 支委会 is asked for.
                    if kind == MeetingKind::Committee
                        && anyone
                        && !rolls
                            .iter()
                            .any(|roll| roll.iter().filter(|m| m.full).count() >= COMMITTEE_FROM)
                    {
                        anyone = false;
                        note = NO_COMMITTEE.into();
                    }
                    if kind == MeetingKind::LifeMeeting && frequency == Frequency::Yearly {
                        note = "一般安排在第四季度".into();
                    }
                    Cell {
                        status: status_of(&meetings, first, last, today, anyone),
                        period,
                        first_month: a,
                        last_month: b,
                        meetings,
                        note,
                    }
                })
                .collect();
            rows.push(CalendarRow {
                kind,
                group_id: group,
                title,
                frequency,
                clause: clause(kind).to_string(),
                cells,
            });
        }
    }
    let (talk_row, talks_missing, talks_missing_total) =
        talk_coverage(conn, org, year, today, req.talk, &roll_by_month)?;
    rows.push(talk_row);
    Ok(Calendar {
        year,
        requirements: req,
        rows,
        talks_missing,
        talks_missing_total,
    })
}

/// 谈心谈话 for the year: which required pairs have talked.
fn talk_coverage(
    conn: &Connection,
    org: OrgId,
    year: i32,
    today: NaiveDate,
    scope: TalkScope,
    roll_by_month: &[Vec<members::OnRoll>],
) -> Result<(CalendarRow, Vec<String>, u32)> {
    // Required among those on the roll at year end (or today).
    let roll = roll_by_month.last().cloned().unwrap_or_default();
    let names: HashMap<MemberId, String> =
        roll.iter().map(|m| (m.member_id, m.name.clone())).collect();
    let committee_names = crate::org::committee_names(conn, org)?;
    let committee: Vec<MemberId> = roll
        .iter()
        .filter(|m| committee_names.contains(&m.name))
        .map(|m| m.member_id)
        .collect();
    // Pairs who talked this year.
    let mut talks: BTreeMap<MeetingId, (CellMeeting, Vec<MemberId>)> = BTreeMap::new();
    for (held, member) in attendance::present_in_year(conn, org, MeetingKind::Talk, year)? {
        talks
            .entry(held.id)
            .or_insert_with(|| (CellMeeting::from(&held), Vec::new()))
            .1
            .push(member);
    }
    let mut talked: BTreeSet<(MemberId, MemberId)> = BTreeSet::new();
    for (_, people) in talks.values() {
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                talked.insert(((*a).min(*b), (*a).max(*b)));
            }
        }
    }
    let pair_done = |a: MemberId, b: MemberId| talked.contains(&(a.min(b), a.max(b)));
    let name = |id: &MemberId| names.get(id).cloned().unwrap_or_default();
    let mut missing: Vec<String> = Vec::new();
    let required: u32 = match scope {
        TalkScope::EveryPair => {
            let ids: Vec<MemberId> = roll.iter().map(|m| m.member_id).collect();
            let mut count = 0;
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    count += 1;
                    if !pair_done(*a, *b) {
                        missing.push(format!("{}—{}", name(a), name(b)));
                    }
                }
            }
            count
        }
        TalkScope::CommitteeAndMembers => {
            let mut count = 0;
            for (i, a) in committee.iter().enumerate() {
                for b in &committee[i + 1..] {
                    count += 1;
                    if !pair_done(*a, *b) {
                        missing.push(format!("{}—{}（支委之间）", name(a), name(b)));
                    }
                }
            }
            for m in roll.iter().filter(|m| !committee.contains(&m.member_id)) {
                count += 1;
                if !committee.iter().any(|c| pair_done(*c, m.member_id)) {
                    missing.push(format!("{}（还没有与任何支委谈话）", m.name));
                }
            }
            count
        }
    };
    let total_missing = missing.len() as u32;
    let meetings: Vec<CellMeeting> = talks.into_values().map(|(m, _)| m).collect();
    let (first, last) = (month(year, 1), month(year, 12));
    let status = if required == 0 {
        CellStatus::NotRequired
    } else if total_missing == 0 {
        CellStatus::Held
    } else {
        unmet(first, last, today)
    };
    missing.truncate(30);
    let row = CalendarRow {
        kind: MeetingKind::Talk,
        group_id: None,
        title: format!("谈心谈话（{scope}）"),
        frequency: Frequency::Yearly,
        clause: CLAUSE_TALK.to_string(),
        cells: vec![Cell {
            period: "全年".into(),
            first_month: 1,
            last_month: 12,
            status,
            meetings,
            note: format!("已谈 {}/{}", required - total_missing, required),
        }],
    };
    Ok((row, missing, total_missing))
}

/// The calendar's problems, for `zhibu-cli meetings check`: every period
/// that is missing, only drafted, or due now.
pub fn findings(cal: &Calendar) -> Vec<CalendarFinding> {
    cal.rows
        .iter()
        .flat_map(|row| {
            row.cells
                .iter()
                .filter(|c| {
                    matches!(
                        c.status,
                        CellStatus::Missing | CellStatus::DraftOnly | CellStatus::Due
                    )
                })
                .map(|c| CalendarFinding {
                    kind: row.kind,
                    title: row.title.clone(),
                    period: format!("{}年{}", cal.year, c.period),
                    status: c.status,
                    clause: row.clause.clone(),
                    note: c.note.clone(),
                })
        })
        .collect()
}
