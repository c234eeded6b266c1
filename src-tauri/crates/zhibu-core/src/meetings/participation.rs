//! Who has stopped taking part: a member absent from every meeting they were
//! expected at, or without dues paid, for 3, 5 or 6 months in a row — the
//! warnings before 党章第九条's six months.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::storage::attendance;
use crate::error::Result;
use crate::labels::label_enum;
use crate::members::{self, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;

pub const CLAUSE_ARTICLE_9: &str = "《中国共产党章程》第九条：党员如果没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。支部大会应当决定把这样的党员除名，并报上级党组织批准";

label_enum! {
    pub enum ParticipationLevel {
        /// 3 consecutive months.
        Notice = "提醒",
        /// 5 consecutive months.
        Warning = "警示",
        /// 6 or more: 党章 第九条 applies, the branch must look into it.
        Article9 = "需支部研究",
    }
    what: "提醒级别"
}

impl ParticipationLevel {
    /// The level of a run of consecutive months (党章 第九条 counts to six;
    /// the branch is warned at three and five). None below three.
    pub fn for_run(months: u32) -> Option<ParticipationLevel> {
        match months {
            0..=2 => None,
            3..=4 => Some(ParticipationLevel::Notice),
            5 => Some(ParticipationLevel::Warning),
            _ => Some(ParticipationLevel::Article9),
        }
    }
}

/// A member's current run of months without organisational life.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Participation {
    pub member_id: MemberId,
    pub name: String,
    /// Consecutive months, up to this month, in which the member was
    /// expected at a meeting and attended none.
    pub months: u32,
    #[ts(type = "string")]
    pub since: YearMonth,
    /// Of those months, how many had every absence excused (请假).
    pub excused_months: u32,
    /// The reasons given, most recent first, each once.
    pub reasons: Vec<String>,
    pub level: ParticipationLevel,
    pub message: String,
    pub clause: String,
}

/// Members on the roll today with 3 or more consecutive months without
/// taking part in any meeting of the branch. Months in which the member was
/// not expected at any meeting (none was held) neither count nor break the
/// run. Nothing is changed: 自行脱党 needs a 支部大会 decision (党章 第九条).
pub fn participation(
    conn: &Connection,
    org: OrgId,
    today: NaiveDate,
) -> Result<Vec<Participation>> {
    let roll = members::on_roll(conn, org, today)?;
    let mut out = Vec::new();
    for member in roll {
        // The months missed since the last one attended, each with: all
        // absences excused, and the reasons given.
        let mut months: BTreeMap<YearMonth, (bool, Vec<String>)> = BTreeMap::new();
        for (ym, status, reason) in
            attendance::since_last_attended(conn, member.member_id, org, today)?
        {
            let entry = months
                .entry(YearMonth::parse(&ym)?)
                .or_insert((true, Vec::new()));
            if status != "请假" {
                entry.0 = false;
            }
            if let Some(r) = reason {
                if !entry.1.contains(&r) {
                    entry.1.push(r);
                }
            }
        }
        let run = months.len() as u32;
        let excused = months.values().filter(|(all, _)| *all).count() as u32;
        let since = months.keys().next().copied();
        let mut reasons: Vec<String> = Vec::new();
        for (_, why) in months.values().rev() {
            for r in why {
                if !reasons.contains(r) {
                    reasons.push(r.clone());
                }
            }
        }
        let (Some(since), Some(level)) = (since, ParticipationLevel::for_run(run)) else {
            continue;
        };
        let message = match level {
            ParticipationLevel::Notice => format!(
                "已连续{run}个月没有参加组织生活，请支部及时了解情况、谈心谈话"
            ),
            ParticipationLevel::Warning => format!(
                "已连续{run}个月没有参加组织生活，再有1个月将满6个月，请支部书记尽快谈话、批评教育"
            ),
            ParticipationLevel::Article9 => format!(
                "已连续{run}个月没有参加组织生活。如无正当理由，按党章第九条应认为自行脱党，由支部大会决定除名并报上级党组织批准；是否属于正当理由（如请假事由），由支部研究决定。本软件不会自动改变党员状态"
            ),
        };
        out.push(Participation {
            member_id: member.member_id,
            name: member.name,
            months: run,
            since,
            excused_months: excused,
            reasons,
            level,
            message,
            clause: CLAUSE_ARTICLE_9.to_string(),
        });
    }
    out.sort_by(|a, b| b.months.cmp(&a.months).then(a.member_id.cmp(&b.member_id)));
    Ok(out)
}
