//! Members and their append-only history. A member's state on any day (on
//! the roll of a branch or not, 正式 or 预备) is derived from the dated
//! events, never stored, so the roster of any past date can be rebuilt.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::idcard;
use crate::labels::label_enum;
use crate::org::OrgId;

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
        DisciplinaryProbation = "留党察看",
        RightsRestored = "恢复党员权利",
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

/// A member's identity and profile as the roster holds it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewMember {
    pub name: String,
    pub sex: Sex,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub id_number: String,
    pub education: Option<String>,
    /// 人员类别 (工人, 农牧渔民, 离退休人员 …).
    pub category: Option<String>,
    pub work_unit: Option<String>,
    pub phone: Option<String>,
    pub residence: Option<String>,
    pub group_name: Option<String>,
    pub party_post: Option<String>,
    pub is_migrant_worker: bool,
    pub note: Option<String>,
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
}

/// Inserts a member with their history in the caller's transaction.
pub fn insert_with_history(
    tx: &Transaction<'_>,
    org_id: OrgId,
    member: &NewMember,
    events: &[NewEvent],
    now: DateTime<Local>,
) -> Result<MemberId> {
    let id_info = idcard::parse(&member.id_number)?;
    if id_info.birth_date != member.birth_date {
        return Err(Error::Validation(format!(
            "{}的出生日期{}与公民身份号码中的{}不一致，请核对",
            member.name,
            member.birth_date.format("%Y年%-m月%-d日"),
            id_info.birth_date.format("%Y年%-m月%-d日")
        )));
    }
    let group_id: Option<i64> = match &member.group_name {
        Some(g) => Some(
            tx.query_row(
                "SELECT id FROM party_groups WHERE org_id = ?1 AND name = ?2",
                params![org_id, g],
                |r| r.get(0),
            )
            .map_err(|_| Error::Validation(format!("党小组“{g}”不存在，请先在支部信息中添加")))?,
        ),
        None => None,
    };
    let stamp = now.to_rfc3339();
    tx.execute(
        "INSERT INTO members (org_id, name, sex, ethnicity, birth_date, id_number, education, category,
             work_unit, phone, residence, group_id, party_post, is_migrant_worker, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
        params![
            org_id,
            member.name.trim(),
            member.sex,
            member.ethnicity,
            member.birth_date,
            member.id_number.trim().to_uppercase(),
            member.education,
            member.category,
            member.work_unit,
            member.phone,
            member.residence,
            group_id,
            member.party_post,
            member.is_migrant_worker,
            member.note,
            stamp
        ],
    )?;
    let member_id = tx.last_insert_rowid();
    for e in events {
        append_event(tx, org_id, member_id, e, now)?;
    }
    Ok(member_id)
}

pub fn append_event(
    tx: &Transaction<'_>,
    org_id: OrgId,
    member_id: MemberId,
    e: &NewEvent,
    now: DateTime<Local>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO member_events (member_id, org_id, kind, subkind, date, other_org, reason, doc_no, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            member_id,
            e.in_branch.then_some(org_id),
            e.kind,
            e.subkind,
            e.date,
            e.other_org,
            e.reason,
            e.doc_no,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}

/// A member on a branch's roll on some day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnRoll {
    pub member_id: MemberId,
    pub name: String,
    pub group_id: Option<i64>,
    /// 正式党员 (has a vote) rather than 预备党员.
    pub full: bool,
}

/// Who belonged to the branch on `date`, and which of them were 正式党员.
/// Membership follows the latest on/off-roll event of this branch dated on
/// or before `date`; 正式 means a 转正 event dated on or before it.
pub fn on_roll(conn: &Connection, org_id: OrgId, date: NaiveDate) -> Result<Vec<OnRoll>> {
    let mut stmt = conn.prepare_cached(
        "WITH latest AS (
             SELECT e.member_id, e.kind,
                    ROW_NUMBER() OVER (PARTITION BY e.member_id ORDER BY e.date DESC, e.id DESC) AS rn
             FROM member_events e
             WHERE e.org_id = ?1 AND e.date <= ?2
               AND e.kind IN ('接收预备党员', '转入', '转出', '取消预备党员资格', '去世', '出党')
         )
         SELECT m.id, m.name, m.group_id,
                EXISTS (SELECT 1 FROM member_events f
                        WHERE f.member_id = m.id AND f.kind = '转正' AND f.date <= ?2) AS full
         FROM latest l JOIN members m ON m.id = l.member_id
         WHERE l.rn = 1 AND l.kind IN ('接收预备党员', '转入')
         ORDER BY m.id",
    )?;
    let rows = stmt.query_map(params![org_id, date], |r| {
        Ok(OnRoll {
            member_id: r.get(0)?,
            name: r.get(1)?,
            group_id: r.get(2)?,
            full: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct MemberCounts {
    pub total: u32,
    /// 正式党员.
    pub full: u32,
    /// 预备党员.
    pub probationary: u32,
}

impl MemberCounts {
    pub fn of(roll: &[OnRoll]) -> MemberCounts {
        let full = roll.iter().filter(|m| m.full).count() as u32;
        MemberCounts {
            total: roll.len() as u32,
            full,
            probationary: roll.len() as u32 - full,
        }
    }
}
