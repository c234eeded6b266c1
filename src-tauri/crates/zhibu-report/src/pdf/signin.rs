//! 签到表 for a meeting: the people expected (the roll on its day, the
//! 党小组 for a group meeting), to print before it and sign in person.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;
use zhibu_core::meetings::{self, MeetingId, MeetingKind};
use zhibu_core::members::rules::ymd;
use zhibu_core::org;

use super::engine::Job;
use super::minutes::time_text;

/// 东坡村党支部党课签到表（2026年11月20日）.pdf
pub fn file_name(branch: &str, date: NaiveDate, kind: MeetingKind) -> String {
    format!("{}（{}）.pdf", title(branch, kind), ymd(date))
}

/// The sheet's file name for `meeting`.
pub fn file_name_of(conn: &Connection, meeting: MeetingId) -> zhibu_core::Result<String> {
    let branch = org::get(conn, meetings::org_of(conn, meeting)?)?.name;
    let d = meetings::detail(conn, meeting)?;
    Ok(file_name(
        &branch,
        d.input.date.unwrap_or_default(),
        d.input.kind.unwrap_or(MeetingKind::Other),
    ))
}

/// 东坡村党支部党员大会签到表: the 支部 of 支部党员大会 is the branch's own.
fn title(branch: &str, kind: MeetingKind) -> String {
    let label = kind.label();
    match label.strip_prefix("支部") {
        Some(rest) if branch.ends_with("支部") => format!("{branch}{rest}签到表"),
        _ => format!("{branch}{label}签到表"),
    }
}

pub fn document(
    conn: &Connection,
    meeting: MeetingId,
    today: NaiveDate,
) -> zhibu_core::Result<Job> {
    let org_id = meetings::org_of(conn, meeting)?;
    let branch = org::get(conn, org_id)?.name;
    let d = meetings::detail(conn, meeting)?;
    let kind = d.input.kind.unwrap_or(MeetingKind::Other);
    if d.people.is_empty() {
        return Err(zhibu_core::Error::Validation(
            "这次会议没有应到人员，无法生成签到表。请先在会议记录中登记参加人员".into(),
        ));
    }
    let group = match d.input.group_id {
        Some(g) => org::overview(conn, org_id, today)?
            .groups
            .into_iter()
            .find(|x| x.id == g)
            .map(|x| x.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let general = kind == MeetingKind::GeneralMeeting;
    let people: Vec<_> = d
        .people
        .iter()
        .map(|p| {
            // At a 支部党员大会 a 预备党员 attends without a vote (党章第七条).
            let note = if general && !p.can_vote {
                "预备党员（无表决权）"
            } else {
                ""
            };
            json!({ "where": format!("签到表 {}", p.name), "name": p.name, "note": note })
        })
        .collect();
    Ok(Job {
        template: "signin.typ",
        data: json!({
            "title": title(&branch, kind),
            "where": "签到表",
            "topic": d.input.topic,
            "time": time_text(&d),
            "place": d.input.place.clone().unwrap_or_default(),
            "host": d.input.host.clone().unwrap_or_default(),
            "group": group,
            "people": people,
            "guests": if kind == MeetingKind::Talk { 0 } else { 3 },
        }),
        pictures: HashMap::new(),
        today,
    })
}
