//! Who was expected and who came: presence with its reason, the 应到/实到
//! counts derived from it, and the 应到 exclusions a 党员大会 may make with
//! the higher committee's consent.

use rusqlite::{Connection, Transaction};

use super::storage::attendance as stored;
use super::types::{Attendance, Exclusion};
use super::{fixed, is_final, locked_error, MeetingId, MeetingKind, Presence};
use crate::error::{Error, Result};
use crate::members::MemberId;
use crate::text;

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
    if presence == Presence::Present && stored::is_excluded(tx, meeting, member)? {
        return Err(Error::Rule(
            "该党员已登记为不计入应到会人数。如确实到会，请先取消“不计入应到”，再登记出席".into(),
        ));
    }
    if !stored::set_presence(tx, meeting, member, presence, reason)? {
        return Err(Error::Validation(
            "这名党员不在本次会议的应到名单中（应到名单按会议当天的党员名册生成）".into(),
        ));
    }
    Ok(())
}

/// 应到/实到 of a record, derived from its attendance rows, never typed.
pub fn attendance(conn: &Connection, meeting: MeetingId) -> Result<Attendance> {
    stored::counts(conn, meeting)
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
    let (_, kind, _) = fixed(tx, meeting)?;
    let Some(status) = stored::presence(tx, meeting, member)? else {
        return Err(Error::Validation(
            "这名党员不在本次会议的应到名单中（应到名单按会议当天的党员名册生成）".into(),
        ));
    };
    let cleaned = match exclusion {
        None => None,
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
            Some(Exclusion { reason, consent })
        }
    };
    stored::set_exclusion(tx, meeting, member, cleaned.as_ref())
}
