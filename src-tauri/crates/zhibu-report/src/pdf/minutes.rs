//! 年度组织生活记录 laid out: every meeting of the year (三会一课, 主题党日,
//! 组织生活会 …) in date order, as the record an inspector reads.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{json, Value};
use zhibu_core::export::{MinutesBook, MinutesEntry};
use zhibu_core::meetings::{self, MeetingDetail, MeetingKind, Presence};
use zhibu_core::members::rules::ymd;

use super::engine::{Job, Picture};

/// Those counted in 应到 who were `presence`; the ones left out of 应到 are
/// listed on their own line.
fn names(d: &MeetingDetail, presence: Presence) -> Vec<Value> {
    d.people
        .iter()
        .filter(|p| p.presence == presence && p.excluded.is_none())
        .map(|p| json!({ "name": p.name, "reason": p.reason.clone().unwrap_or_default() }))
        .collect()
}

/// 2026年3月5日 19:00—20:30, as far as the record has it.
pub(super) fn time_text(d: &MeetingDetail) -> String {
    let date = d.input.date.map(ymd).unwrap_or_default();
    match (&d.input.start_time, &d.input.end_time) {
        (Some(s), Some(e)) => format!("{date} {s}—{e}"),
        (Some(s), None) => format!("{date} {s}"),
        _ => date,
    }
}

fn meeting(entry: &MinutesEntry, pictures: &mut HashMap<String, Picture>) -> Value {
    let d = &entry.detail;
    let kind = d.input.kind.unwrap_or(MeetingKind::Other);
    let date = d.input.date.map(ymd).unwrap_or_default();
    let mut photos = Vec::new();
    for (a, stored) in &entry.photos {
        let key = format!("img/{}", a.id);
        pictures.insert(
            key.clone(),
            Picture {
                path: stored.path.clone(),
                sha256: stored.sha256.clone(),
                name: format!("{date}会议的照片“{}”", a.file_name),
            },
        );
        photos.push(json!({ "path": key, "caption": a.caption, "late": a.after_final }));
    }
    let scans: Vec<Value> = d
        .attachments
        .iter()
        .filter(|a| !a.mime.starts_with("image/"))
        .map(|a| json!({ "name": a.file_name, "caption": a.caption }))
        .collect();
    let votes: Vec<Value> = d
        .votes
        .iter()
        .map(|v| {
            let i = &v.input;
            let written = i.written_yes + i.written_no + i.written_abstain;
            json!({
                "subject": i.subject,
                "kind": i.kind.label(),
                "method": i.method,
                "counts": if written > 0 {
                    format!("赞成{}，反对{}，弃权{}；书面意见赞成{}，反对{}，弃权{}",
                        i.yes, i.no, i.abstain, i.written_yes, i.written_no, i.written_abstain)
                } else {
                    format!("赞成{}，反对{}，弃权{}", i.yes, i.no, i.abstain)
                },
                "result": if v.outcome.passed { "通过" } else if v.outcome.quorum_met { "未通过" } else { "无效（到会人数不足）" },
                "explanation": v.outcome.explanation,
            })
        })
        .collect();
    let a = &d.attendance;
    json!({
        "where": format!("{date} {}“{}”", kind.label(), d.input.topic),
        "kind": kind.label(),
        "topic": d.input.topic,
        "title": meetings::title(kind, &d.input.topic),
        "date": date,
        "time": time_text(d),
        "place": d.input.place.clone().unwrap_or_default(),
        "host": d.input.host.clone().unwrap_or_default(),
        "recorder": d.input.recorder.clone().unwrap_or_default(),
        "lecturer": d.input.lecturer.clone().unwrap_or_default(),
        "lecture_title": d.input.lecture_title.clone().unwrap_or_default(),
        "group": entry.group.clone().unwrap_or_default(),
        "talk": kind == MeetingKind::Talk,
        "talkers": d.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "expected": a.expected,
        "present": a.present,
        "voting": if a.voting_expected > 0 && kind != MeetingKind::Committee {
            format!("有表决权应到{}人，实到{}人", a.voting_expected, a.voting_present)
        } else {
            String::new()
        },
        "attended": names(d, Presence::Present),
        "leave": names(d, Presence::Leave),
        "absent": names(d, Presence::Absent),
        "excluded": d.people.iter().filter_map(|p| p.excluded.as_ref().map(|x| json!({
            "name": p.name,
            "reason": format!("{}；{}", x.reason, x.consent),
        }))).collect::<Vec<_>>(),
        "guests": d.input.guests,
        "agenda": d.input.agenda,
        "minutes": d.input.minutes,
        "decisions": d.input.decisions,
        "contents": d.input.day_contents.iter().map(|c| c.label()).collect::<Vec<_>>(),
        "items": d.items.iter().map(|i| json!({
            "item": i.item,
            "owner": i.owner_name,
            "progress": i.progress.iter().map(|p| json!({ "date": ymd(p.date), "text": p.text })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "votes": votes,
        "supplements": d.supplements.iter().map(|s| json!({
            "date": s.created_at.get(..10).and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()).map(ymd).unwrap_or_default(),
            "text": s.text,
        })).collect::<Vec<_>>(),
        "photos": photos,
        "scans": scans,
        "draft": d.finalised_at.is_none(),
    })
}

/// The book laid out for its template.
pub fn job(book: &MinutesBook, today: NaiveDate) -> Job {
    let mut pictures = HashMap::new();
    let entries: Vec<Value> = book
        .meetings
        .iter()
        .map(|m| meeting(m, &mut pictures))
        .collect();
    let kinds_text = book
        .kinds
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("、");
    Job {
        template: "minutes.typ",
        data: json!({
            "branch": book.branch,
            "parent": book.parent,
            "year": book.year,
            "kinds": kinds_text,
            "made": ymd(today),
            "meetings": entries,
        }),
        pictures,
        today,
    }
}
