//! Who was expected and who came: presence with its reason, the 应到/实到
//! counts derived from it, and the 应到 exclusions a 党员大会 may make with
//! the higher committee's consent.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{is_final, locked_error, MeetingId, MeetingKind, Presence};
use crate::error::{Error, Result};
use crate::members::MemberId;
use crate::text;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AttendanceRow {
    pub member_id: MemberId,
    pub name: String,
    pub can_vote: bool,
    pub presence: Presence,
    pub reason: Option<String>,
    /// Left out of 应到 with the higher committee's consent.
    pub excluded: Option<Exclusion>,
}

/// Marks one expected person 出席, 请假 or 缺席 (the last two with a reason).
pub fn set_presence(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    member: MemberId,
    presence: Presence,
    reason: Option<&str>,
) -> Result<()> {
    if is_final(tx, meeting)? {
        return Err(locked_error());
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if presence != Presence::Present && reason.is_none() {
        return Err(Error::Validation(format!(
            "“{presence}”请填写原因，如“外出务工”“生病住院”"
        )));
    }
    if presence == Presence::Present {
        let excluded: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM meeting_attendance
                            WHERE meeting_id = ?1 AND member_id = ?2 AND excluded_reason IS NOT NULL)",
            params![meeting, member],
            |r| r.get(0),
        )?;
        if excluded {
            return Err(Error::Rule(
                "该党员已登记为不计入应到会人数。如确实到会，请先取消“不计入应到”，再登记出席"
                    .into(),
            ));
        }
    }
    let changed = tx.execute(
        "UPDATE meeting_attendance SET status = ?1, reason = ?2 WHERE meeting_id = ?3 AND member_id = ?4",
        params![presence, reason, meeting, member],
    )?;
    if changed == 0 {
        return Err(Error::Validation(
            "这名党员不在本次会议的应到名单中（应到名单按会议当天的党员名册生成）".into(),
        ));
    }
    Ok(())
}

/// 应到/实到, derived from the attendance rows, never typed. Those left out
/// of 应到 with the higher committee's consent count in none of the figures
/// but `excluded`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Attendance {
    pub expected: u32,
    pub present: u32,
    pub leave: u32,
    pub absent: u32,
    /// 有表决权 应到 / 实到.
    pub voting_expected: u32,
    pub voting_present: u32,
    /// 经上级党组织同意不计入应到会人数.
    pub excluded: u32,
}

pub fn attendance(conn: &Connection, meeting: MeetingId) -> Result<Attendance> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(counted), 0),
                coalesce(sum(counted AND status = '出席'), 0),
                coalesce(sum(counted AND status = '请假'), 0),
                coalesce(sum(counted AND status = '缺席'), 0),
                coalesce(sum(counted AND can_vote), 0),
                coalesce(sum(counted AND can_vote AND status = '出席'), 0),
                coalesce(sum(NOT counted), 0)
         FROM (SELECT status, can_vote, excluded_reason IS NULL AS counted
               FROM meeting_attendance WHERE meeting_id = ?1)",
        [meeting],
        |r| {
            Ok(Attendance {
                expected: r.get(0)?,
                present: r.get(1)?,
                leave: r.get(2)?,
                absent: r.get(3)?,
                voting_expected: r.get(4)?,
                voting_present: r.get(5)?,
                excluded: r.get(6)?,
            })
        },
    )?)
}

/// Why someone is left out of a meeting's 应到, and whose consent says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Exclusion {
    /// 如：因病不能表达本人意志、出国半年以上、外出半年以上未转组织关系.
    pub reason: String,
    /// The higher committee's consent: who, when, document number.
    pub consent: String,
}

/// The usual cases in which a 党员大会 may, with the higher committee's
/// consent, leave someone out of 应到会人数 (offered as choices; any other
/// reason may be typed).
pub const EXCLUSION_REASONS: &[&str] = &[
    "患有精神疾病或因其他疾病不能表达本人意志",
    "出国（境）半年以上",
    "正在服刑",
    "年老体弱卧床不起、长期生病生活不能自理",
    "外出半年以上未转组织关系",
];

/// Leaves one person out of a 支部党员大会's 应到 (Some) or counts them
/// again (None). Only someone not present, with the reason and the higher
/// committee's consent recorded.
pub fn set_exclusion(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    member: MemberId,
    exclusion: Option<&Exclusion>,
) -> Result<()> {
    if is_final(tx, meeting)? {
        return Err(locked_error());
    }
    let kind: MeetingKind = tx
        .query_row("SELECT kind FROM meetings WHERE id = ?1", [meeting], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound("找不到这次会议的记录，请刷新后重试".into()))?;
    let status: Option<Presence> = tx
        .query_row(
            "SELECT status FROM meeting_attendance WHERE meeting_id = ?1 AND member_id = ?2",
            params![meeting, member],
            |r| r.get(0),
        )
        .optional()?;
    let Some(status) = status else {
        return Err(Error::Validation(
            "这名党员不在本次会议的应到名单中（应到名单按会议当天的党员名册生成）".into(),
        ));
    };
    let (reason, consent) = match exclusion {
        None => (None, None),
        Some(x) => {
            if kind != MeetingKind::GeneralMeeting {
                return Err(Error::Rule(
                    "只有支部党员大会可以经上级党组织同意不计入应到会人数".into(),
                ));
            }
            if status == Presence::Present {
                return Err(Error::Rule(
                    "该党员登记为出席，出席的党员计入应到会人数。如确未到会，请先把出席情况改为请假或缺席".into(),
                ));
            }
            let reason = text::required_line(
                "不计入应到会人数的原因，如“外出半年以上未转组织关系”",
                &x.reason,
                100,
            )?;
            let consent = text::required_line(
                "上级党组织的同意情况，如“柳河镇党委2026年11月20日同意”。不计入应到会人数须经上级党组织同意",
                &x.consent,
                100,
            )?;
            (Some(reason), Some(consent))
        }
    };
    tx.execute(
        "UPDATE meeting_attendance SET excluded_reason = ?1, excluded_consent = ?2
         WHERE meeting_id = ?3 AND member_id = ?4",
        params![reason, consent, meeting, member],
    )?;
    Ok(())
}
