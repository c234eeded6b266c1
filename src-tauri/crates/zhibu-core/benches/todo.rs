//! 工作台 and 年度统计 speed (issue 21's target: each under 100 ms in a
//! release build for a branch of 200 members with five years of records),
//! and the 民主评议 sheets of a year:
//! `cargo bench -p zhibu-core --bench todo`.
//!
//! The branch: 200 members in 10 党小组; from January 2022 to November 2026
//! every month a 支委会, a 党小组会 of each group and a 主题党日, every
//! quarter a 党员大会 and a 党课, all with everyone's attendance and
//! 定稿 (the three months before now left as drafts); 党费 bases for all and
//! every month paid up to October 2026 by nine in ten (one in ten stopped
//! after June). Then the 工作台 list, as the start page asks for it. Not a
//! test: figures go in the issue notes.

mod common;

use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use common::{now, pay_months, populate_with, set_bases, time};
use zhibu_core::meetings::details::{DayContent, ItemInput};
use zhibu_core::meetings::{self, MeetingInput, MeetingKind};
use zhibu_core::members::roster;
use zhibu_core::month::YearMonth;
use zhibu_core::org;
use zhibu_core::{development, dues};
use zhibu_core::{stats, todo};

const MEMBERS: usize = 200;
const GROUPS: usize = 10;

fn main() {
    let now = now();
    let today = now.date_naive();
    let (dir, mut store, org) = populate_with(now, MEMBERS, GROUPS);
    let start = YearMonth::new(2022, 1).expect("month");
    let t = Instant::now();
    set_bases(&mut store, org, start, 90, now);
    let stopped = YearMonth::new(2026, 6).expect("month");
    let last = YearMonth::new(2026, 10).expect("month");
    pay_months(&mut store, org, start, now, |i| {
        if i % 10 == 0 {
            stopped
        } else {
            last
        }
    });
    println!(
        "dues for five years written in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let groups: Vec<i64> = org::groups(store.conn(), org)
        .expect("groups")
        .into_iter()
        .map(|g| g.id)
        .collect();
    let mut count = 0;
    store
        .with_tx(|tx| {
            let mut month = start;
            let drafts_from = YearMonth::new(2026, 9)?;
            while month <= YearMonth::of(today) {
                let on = |day: u32| NaiveDate::from_ymd_opt(month.year(), month.month(), day);
                // Three 议定事项 a month, each with a 责任人 from that day's roll.
                let roll = zhibu_core::members::on_roll(tx, org, month.first_day())?;
                let n = month.months_through(YearMonth::of(today)) as usize;
                let items: Vec<ItemInput> = (0..3)
                    .map(|i| ItemInput {
                        item: format!("议定事项{i}：本月落实的工作"),
                        owner: roll
                            .get((n * 3 + i) % roll.len().max(1))
                            .map(|m| m.member_id),
                    })
                    .collect();
                let mut held: Vec<MeetingInput> = vec![
                    MeetingInput {
                        items: items[..1].to_vec(),
                        ..input(MeetingKind::Committee, None, on(3), "研究本月工作")
                    },
                    MeetingInput {
                        day_contents: vec![DayContent::ALL[0]],
                        items: items[1..].to_vec(),
                        ..input(MeetingKind::ThemeDay, None, on(5), "主题党日")
                    },
                ];
                held.extend(
                    groups
                        .iter()
                        .map(|g| input(MeetingKind::Group, Some(*g), on(12), "学习")),
                );
                if month.month().is_multiple_of(3) {
                    held.push(input(
                        MeetingKind::GeneralMeeting,
                        None,
                        on(20),
                        "季度党员大会",
                    ));
                    held.push(MeetingInput {
                        lecturer: Some("王建国".into()),
                        lecture_title: Some("专题党课".into()),
                        ..input(MeetingKind::Lecture, None, on(20), "专题党课")
                    });
                }
                for m in &held {
                    let id = meetings::create(tx, org, m, now)?;
                    if month < drafts_from {
                        meetings::finalise(tx, id, now)?;
                    }
                    count += 1;
                }
                month = month.next();
            }
            Ok(())
        })
        .expect("meetings");
    println!(
        "{count} meetings with attendance written in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    // What it is made of, each read on its own.
    let conn = store.conn();
    let month = YearMonth::of(today);
    time("  branch rules", 11, || {
        org::branch_check(conn, org, today).expect("branch")
    });
    time("  this month's dues sheet", 11, || {
        dues::ledger::month_sheet(conn, org, month, today).expect("sheet")
    });
    time("  arrears", 11, || {
        dues::ledger::arrears(conn, org, today).expect("arrears")
    });
    time("  the year's calendar", 11, || {
        meetings::calendar::calendar(conn, org, today.year(), today).expect("calendar")
    });
    time("  the year's meetings", 11, || {
        meetings::list(conn, org, today.year()).expect("meetings")
    });
    time("  participation", 11, || {
        meetings::participation::participation(conn, org, today).expect("participation")
    });
    time("  development records", 11, || {
        development::list(conn, org, today).expect("development")
    });
    time("  roster", 11, || {
        roster::load(conn, org, today).expect("roster")
    });
    let list = time("工作台 (200 members, 5 years)", 21, || {
        todo::todo(store.conn(), org, Some(dir.path()), now).expect("todo")
    });
    println!(
        "  {} items, {} meetings this month",
        list.items.len(),
        list.meetings.len()
    );
    let sheets = time("民主评议 sheets 2026", 11, || {
        stats::member_sheets(conn, org, 2026, today).expect("sheets")
    });
    println!(
        "  {} sheets, {} 议定事项 owned",
        sheets.len(),
        sheets.iter().map(|s| s.items.len()).sum::<usize>()
    );
    for (from, to) in [(2026, 2026), (2022, 2026)] {
        let query = stats::StatsQuery {
            from,
            to,
            half: false,
        };
        let s = time(&format!("年度统计 {from}–{to}"), 11, || {
            stats::stats(conn, org, query, today).expect("stats")
        });
        println!(
            "  {} members, {} meetings kinds, {} dues months",
            s.members.total,
            s.meetings.kinds.len(),
            s.dues.months.len()
        );
    }
}

fn input(
    kind: MeetingKind,
    group: Option<i64>,
    date: Option<NaiveDate>,
    topic: &str,
) -> MeetingInput {
    MeetingInput {
        kind: Some(kind),
        group_id: group,
        topic: topic.into(),
        date,
        host: Some("王建国".into()),
        recorder: Some("李秀英".into()),
        minutes: "会议传达学习了上级精神，研究了本月工作。".into(),
        ..MeetingInput::default()
    }
}
