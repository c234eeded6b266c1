//! 工作台 (issue 21): what is due or overdue across the branch's work, on
//! one list, soonest first, each with its reason, its clause and the screen
//! that settles it. Nothing here is new judgement: every item comes from a
//! check an area already makes (党费 sheet and arrears, the meetings
//! calendar, 发展党员 time limits, member reminders, the branch rules, the
//! backup reminder); this module gathers and orders them.
//!
//! The clerk may put an item aside with a reason (暂缓). The snooze is kept
//! for good and the item stays on the list, greyed, with the reason beside
//! it: nothing due is hidden from an inspector. Each item's key carries its
//! period, so a snooze lapses when the next one comes due.

mod storage;

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Datelike, Local, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::backup;
use crate::development::{self, PersonId};
use crate::dues;
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::meetings::participation::ParticipationLevel;
use crate::meetings::{self, calendar::CellStatus, MeetingId};
use crate::members::{self, MemberCounts, MemberId};
use crate::month::YearMonth;
use crate::org::{self, OrgId, OrgSummary, Severity};
use crate::text;

label_enum! {
    /// Which part of the branch's work an item belongs to (in the list's order).
    #[derive(PartialOrd, Ord)]
    pub enum Area {
        Dues = "党费",
        Meetings = "组织生活",
        Development = "发展党员",
        Members = "党员管理",
        Branch = "支部建设",
        Backup = "数据备份",
    }
    what: "类别"
}

label_enum! {
    /// How pressing an item is, most pressing first.
    #[derive(PartialOrd, Ord)]
    pub enum Urgency {
        /// Its day has passed.
        Overdue = "已逾期",
        /// Due this month, or within the next 30 days.
        Due = "要办",
        /// Worth knowing; no day is set.
        Notice = "提醒",
    }
    what: "紧急程度"
}

/// The screen that settles an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "screen")]
pub enum Screen {
    /// 党费 collection sheet of a month.
    Dues {
        #[ts(type = "string")]
        month: YearMonth,
    },
    /// One member's 党费 card.
    DuesCard {
        member: MemberId,
    },
    Meeting {
        meeting: MeetingId,
    },
    /// 组织生活检查 (the year's calendar of meetings).
    Calendar {
        year: i32,
    },
    Development {
        person: PersonId,
    },
    Member {
        member: MemberId,
    },
    /// 支部信息 (committee, term, 党小组).
    Branch,
    Backup,
}

/// An item put aside, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Snooze {
    pub reason: String,
    /// When it was put aside (local time, "2026-11-22 09:00").
    pub at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TodoItem {
    /// Stable for the same thing in the same period (what a snooze is kept against).
    pub key: String,
    pub area: Area,
    pub urgency: Urgency,
    pub title: String,
    /// The rule the item comes from, in its own words where the area quotes it.
    pub clause: Option<String>,
    /// The day it is due (or was).
    pub due: Option<NaiveDate>,
    pub target: Screen,
    pub snoozed: Option<Snooze>,
}

/// A meeting held (or drafted) this month, for the month at a glance.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MonthMeeting {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub title: String,
    pub finalised: bool,
}

/// 工作台: the list, and this month at a glance.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Todo {
    pub org: OrgSummary,
    /// The members on the roll (none: the page offers to enter them).
    pub counts: MemberCounts,
    pub today: NaiveDate,
    #[ts(type = "string")]
    pub month: YearMonth,
    /// The day this month's 党费 is due (本支部规定的交纳日).
    pub dues_day: NaiveDate,
    pub items: Vec<TodoItem>,
    pub meetings: Vec<MonthMeeting>,
}

/// How far ahead a time limit counts as "要办".
pub const AHEAD_DAYS: u32 = 30;
/// A 议定事项 with no 落实情况 this long after its meeting is listed.
pub const ITEM_DAYS: i64 = 30;

const CLAUSE_MONTHLY: &str =
    "《关于中国共产党党费收缴、使用和管理的规定》第十二条：党员应当增强党员意识，主动按月交纳党费。";

/// Everything due for branch `org` on `now`'s day, most pressing first;
/// `data_dir` (where the backups are) adds the backup reminder.
pub fn todo(
    conn: &Connection,
    org: OrgId,
    data_dir: Option<&Path>,
    now: DateTime<Local>,
) -> Result<Todo> {
    let today = now.date_naive();
    let month = YearMonth::of(today);
    let branch = org::branch_check(conn, org, today)?;
    let mut items = Vec::new();

    // 党费: this month's sheet, missing bases, and runs of unpaid months.
    // One read of the books for this month's sheet and the arrears.
    let book = dues::ledger::Book::load(conn, org, today)?;
    let received = dues::ledger::received_in(conn, org, month, month)?.0;
    let sheet = dues::ledger::sheet_of(&book, month, today, received);
    let unpaid = sheet.members_due.saturating_sub(sheet.members_paid);
    if unpaid > 0 && !sheet.before_start {
        items.push(item(
            format!("dues/{month}"),
            Area::Dues,
            if today > sheet.due_date {
                Urgency::Overdue
            } else {
                Urgency::Due
            },
            if today > sheet.due_date {
                format!(
                    "{}月党费还有{unpaid}人未交（应交{}人，已交{}人），交纳日{}已过",
                    month.month(),
                    sheet.members_due,
                    sheet.members_paid,
                    day(sheet.due_date)
                )
            } else {
                format!(
                    "{}月党费还有{unpaid}人未交（应交{}人，已交{}人），请在{}前收齐",
                    month.month(),
                    sheet.members_due,
                    sheet.members_paid,
                    day(sheet.due_date)
                )
            },
            Some(CLAUSE_MONTHLY),
            Some(sheet.due_date),
            Screen::Dues { month },
        ));
    }
    if sheet.members_no_base > 0 {
        items.push(item(
            format!("dues-base/{month}"),
            Area::Dues,
            Urgency::Due,
            format!(
                "{}名党员还没有核定党费基数，算不出应交金额：请在“党费管理”的“基数核定”中核定",
                sheet.members_no_base
            ),
            None,
            None,
            Screen::Dues { month },
        ));
    }
    for row in dues::ledger::arrears_of(&book, today) {
        let (Some(level), Some(message)) = (row.level, row.message) else {
            continue;
        };
        items.push(item(
            format!("arrears/{}/{}", row.member_id, level.label()),
            Area::Dues,
            urgency_of(level),
            format!("{}{message}", row.name),
            row.clause.as_deref(),
            None,
            Screen::DuesCard {
                member: row.member_id,
            },
        ));
    }

    // 组织生活: the calendar's missing and due periods, drafts, 议定事项.
    let year = today.year();
    let calendar = meetings::calendar::calendar(conn, org, year, today)?;
    for row in &calendar.rows {
        for cell in &row.cells {
            let (urgency, words) = match cell.status {
                CellStatus::Missing => (Urgency::Overdue, "没有记录"),
                CellStatus::Due => (Urgency::Due, "还没有召开"),
                _ => continue,
            };
            let end = YearMonth::new(year, cell.last_month)?.last_day();
            let note = if cell.note.is_empty() {
                String::new()
            } else {
                format!("（{}）", cell.note)
            };
            items.push(item(
                format!(
                    "calendar/{}/{}/{year}/{}",
                    row.kind.label(),
                    row.group_id.unwrap_or(0),
                    cell.period
                ),
                Area::Meetings,
                urgency,
                format!("{year}年{}{}{words}{note}", cell.period, row.title),
                Some(&row.clause),
                Some(end),
                Screen::Calendar { year },
            ));
        }
    }
    let mut held = meetings::list(conn, org, year)?;
    if month.month() == 1 {
        // Early in January last year's drafts and items are still this clerk's.
        let mut last = meetings::list(conn, org, year - 1)?;
        last.append(&mut held);
        held = last;
    }
    for m in held.iter().filter(|m| !m.finalised) {
        items.push(item(
            format!("draft/{}", m.id),
            Area::Meetings,
            Urgency::Due,
            format!(
                "{}的会议记录《{}》还是草稿：核对出席情况后请定稿",
                day(m.date),
                meetings::title(m.kind, &m.topic)
            ),
            None,
            None,
            Screen::Meeting { meeting: m.id },
        ));
    }
    for open in meetings::open_items(conn, &held)? {
        if (today - open.date).num_days() < ITEM_DAYS {
            continue;
        }
        items.push(item(
            format!("item/{}", open.item_id),
            Area::Meetings,
            Urgency::Notice,
            format!(
                "议定事项“{}”（{}{}《{}》）还没有登记落实情况",
                text::prefix(&open.item, 40),
                open.owner_name
                    .map(|o| format!("责任人{o}，"))
                    .unwrap_or_default(),
                day(open.date),
                open.meeting_title
            ),
            None,
            None,
            Screen::Meeting {
                meeting: open.meeting,
            },
        ));
    }
    for p in meetings::participation::participation(conn, org, today)? {
        items.push(item(
            format!("absent/{}/{}", p.member_id, p.level.label()),
            Area::Members,
            urgency_of(p.level),
            format!("{}{}", p.name, p.message),
            Some(&p.clause),
            None,
            Screen::Member {
                member: p.member_id,
            },
        ));
    }

    // 发展党员: the next step's time limit within 30 days, or passed.
    let until = today + chrono::Days::new(u64::from(AHEAD_DAYS));
    let people = development::list(conn, org, today)?;
    for p in &people {
        let Some(next) = &p.next else { continue };
        let Some(due) = next.due.filter(|d| *d <= until) else {
            continue;
        };
        items.push(item(
            format!("dev/{}/{}", p.id, next.step),
            Area::Development,
            if due < today {
                Urgency::Overdue
            } else {
                Urgency::Due
            },
            format!(
                "{}（{}）：第{}步“{}”应在{}前完成",
                p.name,
                p.stage.label(),
                next.step,
                next.name,
                day(due)
            ),
            Some(&next.rule),
            Some(due),
            Screen::Development { person: p.id },
        ));
    }

    // 党员: 流动、失联 and the like, one member at a time; and the 预备党员
    // whose 预备期 ends (those in the 发展党员 records have it there, as a step).
    let loaded = members::roster::load(conn, org, today)?;
    for r in members::reminders::reminders(&loaded, today) {
        items.push(item(
            format!("member/{}/{}", r.member_id, stable(&r.message)),
            Area::Members,
            Urgency::Due,
            format!("{}：{}", r.name, r.message),
            Some(&r.clause),
            None,
            Screen::Member {
                member: r.member_id,
            },
        ));
    }
    let developed: HashSet<MemberId> = people.iter().filter_map(|p| p.member_id).collect();
    for p in members::reminders::probation_ending(&loaded, today, AHEAD_DAYS) {
        if developed.contains(&p.member_id) {
            continue;
        }
        let (urgency, words) = if p.ends < today {
            (Urgency::Overdue, "已届满，还没有登记转正")
        } else {
            (Urgency::Due, "届满")
        };
        items.push(item(
            format!("probation/{}/{}", p.member_id, p.ends),
            Area::Members,
            urgency,
            format!(
                "预备党员{}的预备期于{}{words}：请支部及时讨论其能否转为正式党员，讨论后在花名册“登记变动”中登记转正（或延长预备期）",
                p.name,
                day(p.ends)
            ),
            Some(members::reminders::CLAUSE_PROBATION_DUE),
            Some(p.ends),
            Screen::Member {
                member: p.member_id,
            },
        ));
    }

    // 支部: size, committee, 换届, 党小组.
    for f in &branch.findings {
        items.push(item(
            format!("branch/{}", stable(&f.message)),
            Area::Branch,
            match f.severity {
                Severity::Warning => Urgency::Due,
                Severity::Notice => Urgency::Notice,
            },
            f.message.clone(),
            Some(&f.clause),
            None,
            Screen::Branch,
        ));
    }

    if let Some(dir) = data_dir {
        let status = backup::schedule::status(conn, dir, now)?;
        if status.remind {
            items.push(item(
                format!(
                    "backup/{}",
                    status.last_external.as_deref().unwrap_or("never")
                ),
                Area::Backup,
                Urgency::Due,
                match status.days_since_external {
                    None => "还没有把数据备份到U盘：电脑坏了或丢了，数据就找不回来了".into(),
                    Some(days) => format!("已经{days}天没有把数据备份到U盘了"),
                },
                None,
                None,
                Screen::Backup,
            ));
        }
    }

    let snoozes = storage::snoozes(conn, org)?;
    for i in &mut items {
        i.snoozed = snoozes.get(&i.key).cloned();
    }
    items.sort_by(|a, b| {
        (
            a.snoozed.is_some(),
            a.urgency,
            a.due.is_none(),
            a.due,
            a.area,
        )
            .cmp(&(
                b.snoozed.is_some(),
                b.urgency,
                b.due.is_none(),
                b.due,
                b.area,
            ))
    });

    // This month's meetings are among the year's, read above.
    let meetings = held
        .iter()
        .filter(|m| YearMonth::of(m.date) == month)
        .map(|m| MonthMeeting {
            id: m.id,
            date: m.date,
            title: meetings::title(m.kind, &m.topic),
            finalised: m.finalised,
        })
        .collect();
    Ok(Todo {
        org: branch.org,
        counts: branch.counts,
        today,
        month,
        dues_day: sheet.due_date,
        items,
        meetings,
    })
}

/// Puts the item `key` aside with `reason`. The item must be on today's
/// list; a second snooze of the same item is refused (the first is kept).
pub fn snooze(
    conn: &Connection,
    org: OrgId,
    data_dir: Option<&Path>,
    key: &str,
    reason: &str,
    now: DateTime<Local>,
) -> Result<()> {
    let reason = text::required_line("暂缓的原因", reason, 200)?;
    let list = todo(conn, org, data_dir, now)?;
    let Some(found) = list.items.iter().find(|i| i.key == key) else {
        return Err(Error::NotFound(
            "这一项已经不在本月要办的清单上（可能刚刚办完），请刷新后再看".into(),
        ));
    };
    if let Some(s) = &found.snoozed {
        return Err(Error::Conflict(format!(
            "这一项已于{}暂缓（{}），不必再次暂缓",
            s.at, s.reason
        )));
    }
    storage::insert(conn, org, key, &reason, now)
}

fn urgency_of(level: ParticipationLevel) -> Urgency {
    match level {
        ParticipationLevel::Notice => Urgency::Notice,
        ParticipationLevel::Warning => Urgency::Due,
        ParticipationLevel::Article9 => Urgency::Overdue,
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

fn item(
    key: String,
    area: Area,
    urgency: Urgency,
    title: String,
    clause: Option<&str>,
    due: Option<NaiveDate>,
    target: Screen,
) -> TodoItem {
    TodoItem {
        key,
        area,
        urgency,
        title,
        clause: clause.map(str::to_string),
        due,
        target,
        snoozed: None,
    }
}

/// A short, stable key part for an item known only by its words: the words
/// without their digits (a count of days or months changes daily; the item
/// is the same), hashed (FNV-1a, 64 bits) to keep keys short.
fn stable(message: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in message
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .bytes()
    {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
