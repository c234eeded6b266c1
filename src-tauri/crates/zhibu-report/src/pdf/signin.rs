//! 签到表 laid out: the people expected (the roll on its day, the 党小组 for a
//! group meeting), to print before the meeting and sign in person.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;
use zhibu_core::export::SigninSheet;
use zhibu_core::meetings::MeetingKind;

use super::engine::Job;
use super::minutes::time_text;

pub fn job(sheet: &SigninSheet, today: NaiveDate) -> Job {
    let d = &sheet.detail;
    let kind = d.input.kind.unwrap_or(MeetingKind::Other);
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
    Job {
        template: "signin.typ",
        data: json!({
            "title": sheet.title,
            "where": "签到表",
            "topic": d.input.topic,
            "time": time_text(d),
            "place": d.input.place.clone().unwrap_or_default(),
            "host": d.input.host.clone().unwrap_or_default(),
            "group": sheet.group.clone().unwrap_or_default(),
            "people": people,
            "guests": if kind == MeetingKind::Talk { 0 } else { 3 },
        }),
        pictures: HashMap::new(),
        today,
    }
}
