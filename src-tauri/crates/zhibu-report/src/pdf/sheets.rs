//! 民主评议党员个人情况表: one page per member — their part in each kind of
//! meeting with the dates missed and why, the 党课 and 主题党日 attended,
//! 谈心谈话, 党费 — and the boxes the 民主评议 meeting fills in by hand.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;
use zhibu_core::export::MemberSheets;
use zhibu_core::members::rules::ymd;
use zhibu_core::money::yuan;

use super::engine::Job;

/// "3月5日" within the sheet's year.
fn day(d: NaiveDate) -> String {
    d.format("%-m月%-d日").to_string()
}

pub fn job(model: &MemberSheets, today: NaiveDate) -> Job {
    let members: Vec<_> = model
        .sheets
        .iter()
        .map(|s| {
            let place = format!("{}的民主评议表", s.name);
            let kinds: Vec<_> = s
                .kinds
                .iter()
                .map(|k| {
                    // Grouped by what was said: a 流动党员 away all year has
                    // one reason for many dates, printed once.
                    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
                    for m in &k.missed {
                        let why = match &m.reason {
                            Some(r) => format!("{}（{r}）", m.presence.label()),
                            None => m.presence.label().to_string(),
                        };
                        match groups.iter_mut().find(|(w, _)| *w == why) {
                            Some((_, days)) => days.push(day(m.date)),
                            None => groups.push((why, vec![day(m.date)])),
                        }
                    }
                    let missed: Vec<String> = groups
                        .into_iter()
                        .map(|(why, days)| format!("{}：{why}", days.join("、")))
                        .collect();
                    json!({
                        "kind": k.kind.label(),
                        "expected": k.expected,
                        "present": k.present,
                        "missed": missed.join("；"),
                    })
                })
                .collect();
            let lectures: Vec<String> = s
                .lectures
                .iter()
                .map(|a| format!("{} {}", day(a.date), a.title))
                .collect();
            // The 主题党日 by day only: monthly, their titles would fill the page.
            let theme_days: Vec<String> = s.theme_days.iter().map(|a| day(a.date)).collect();
            let talks: Vec<String> = s
                .talks
                .iter()
                .map(|t| format!("{} 与{}", day(t.date), t.with.join("、")))
                .collect();
            // Each item with its latest 落实情况, as the clerk reads it out.
            let items: Vec<String> = s
                .items
                .iter()
                .map(|i| match i.progress.last() {
                    Some(p) => format!("{} {}（{} {}）", day(i.date), i.item, day(p.date), p.text),
                    None => format!("{} {}（尚未登记落实情况）", day(i.date), i.item),
                })
                .collect();
            let d = &s.dues;
            let mut dues = format!(
                "应交{}元，已交{}元；按时交纳{}个月",
                yuan(d.due_fen),
                yuan(d.paid_fen),
                d.on_time
            );
            if !d.late.is_empty() {
                dues += &format!("，逾期交纳{}个月（{}）", d.late.len(), d.late.join("、"));
            }
            if !d.owed.is_empty() {
                dues += &format!(
                    "；欠交{}个月共{}元（{}）",
                    d.owed.len(),
                    yuan(d.owed_fen),
                    d.owed.join("、")
                );
            }
            if d.no_base > 0 {
                dues += &format!("；{}个月未核定基数", d.no_base);
            }
            json!({
                "where": place,
                "name": s.name,
                "group": s.group.clone().unwrap_or_default(),
                "standing": s.standing.map(|x| x.label()).unwrap_or(""),
                "kinds": kinds,
                "lectures": lectures,
                "theme_days": theme_days,
                "talks": talks,
                "items": items,
                "dues": dues,
            })
        })
        .collect();
    Job {
        template: "sheets.typ",
        data: json!({
            "title": model.title,
            "where": "民主评议表",
            "until": ymd(model.until),
            "year": model.year,
            "members": members,
        }),
        pictures: HashMap::new(),
        today,
    }
}
