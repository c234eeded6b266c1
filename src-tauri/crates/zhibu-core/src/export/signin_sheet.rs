//! What a 签到表 holds: the meeting, the people expected at it (the roll on
//! its day, the 党小组 for a group meeting) and the sheet's title.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::meetings::{self, MeetingDetail, MeetingId, MeetingKind};
use crate::members::rules::ymd;
use crate::org;

pub struct SigninSheet {
    pub title: String,
    pub detail: MeetingDetail,
    /// The 党小组 of a 党小组会.
    pub group: Option<String>,
}

/// 东坡村党支部党员大会签到表: the 支部 of 支部党员大会 is the branch's own.
pub fn title(branch: &str, kind: MeetingKind) -> String {
    let label = kind.label();
    match label.strip_prefix("支部") {
        Some(rest) if branch.ends_with("支部") => format!("{branch}{rest}签到表"),
        _ => format!("{branch}{label}签到表"),
    }
}

/// 东坡村党支部党课签到表（2026年11月20日）.pdf
pub fn file_name(branch: &str, date: NaiveDate, kind: MeetingKind) -> String {
    format!("{}（{}）.pdf", title(branch, kind), ymd(date))
}

fn kind_of(d: &MeetingDetail) -> MeetingKind {
    d.input.kind.unwrap_or(MeetingKind::Other)
}

/// The sheet's file name for `meeting`.
pub fn file_name_of(conn: &Connection, meeting: MeetingId) -> Result<String> {
    let branch = org::get(conn, meetings::org_of(conn, meeting)?)?.name;
    let d = meetings::detail(conn, meeting)?;
    Ok(file_name(
        &branch,
        d.input.date.unwrap_or_default(),
        kind_of(&d),
    ))
}

pub fn gather(conn: &Connection, meeting: MeetingId) -> Result<SigninSheet> {
    let org_id = meetings::org_of(conn, meeting)?;
    let branch = org::get(conn, org_id)?.name;
    let detail = meetings::detail(conn, meeting)?;
    if detail.people.is_empty() {
        return Err(Error::Validation(
            "这次会议没有应到人员，无法生成签到表。请先在会议记录中登记参加人员".into(),
        ));
    }
    let group = match detail.input.group_id {
        Some(g) => org::groups(conn, org_id)?
            .into_iter()
            .find(|x| x.id == g)
            .map(|x| x.name),
        None => None,
    };
    Ok(SigninSheet {
        title: title(&branch, kind_of(&detail)),
        detail,
        group,
    })
}
