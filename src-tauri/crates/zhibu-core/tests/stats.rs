//! 年度统计 (issue 21): every figure of the demo branch's statistics agrees
//! with the list it counts — the roster as of the day, the development
//! figures of each year, the meetings list and calendar, the dues
//! reconciliation and arrears — for one year to date and for a run of years.

mod common;

use chrono::Datelike;
use common::*;
use zhibu_core::development;
use zhibu_core::dues::{ledger, remit};
use zhibu_core::meetings::calendar::{self, CellStatus};
use zhibu_core::meetings::{self, MeetingKind};
use zhibu_core::members::{roster, RosterQuery, Sex, Standing};
use zhibu_core::stats::{self, StatsQuery, StatsSettings};
use zhibu_core::{demo, Store};

fn demo_branch() -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    (store, org)
}

fn query(from: i32, to: i32) -> StatsQuery {
    StatsQuery {
        from,
        to,
        half: false,
    }
}

/// The 党员队伍 figures against the roster drawn up for the same day.
fn members_agree(store: &Store, org: i64, s: &stats::Stats) {
    let rows: Vec<_> = roster::roster(
        store.conn(),
        org,
        &RosterQuery {
            day: Some(s.until),
            ..RosterQuery::default()
        },
        today(),
    )
    .expect("roster")
    .rows
    .into_iter()
    .filter(|r| r.on_roll)
    .collect();
    let m = &s.members;
    let count =
        |f: &dyn Fn(&roster::RosterRow) -> bool| rows.iter().filter(|r| f(r)).count() as u32;
    assert_eq!(m.total, rows.len() as u32);
    assert_eq!(m.full, count(&|r| r.standing == Some(Standing::Full)));
    assert_eq!(
        m.probationary,
        count(&|r| r.standing == Some(Standing::Probationary))
    );
    assert_eq!(m.female, count(&|r| r.sex == Sex::Female));
    assert_eq!(m.male + m.female, m.total);
    assert_eq!(m.minority, count(&|r| r.ethnicity != "汉族"));
    assert_eq!(m.young, count(&|r| r.age <= 35));
    let college = StatsSettings::default().college;
    assert_eq!(
        m.college,
        count(&|r| r.education.as_ref().is_some_and(|e| college.contains(e)))
    );
    assert_eq!(m.flowing, count(&|r| r.flowing));
    assert_eq!(m.lost, count(&|r| r.lost));
    assert_eq!(m.suspended, count(&|r| r.suspended));
    let sum = |c: &[stats::Count]| c.iter().map(|c| c.count).sum::<u32>();
    assert_eq!(
        m.age.iter().map(|a| a.male + a.female).sum::<u32>(),
        m.total
    );
    assert_eq!(sum(&m.party_age), m.total);
    assert_eq!(sum(&m.education), m.total);
    assert_eq!(sum(&m.categories), m.total);
    // Each age band holds the members of those ages, by sex.
    let bands = StatsSettings::default();
    for (i, band) in m.age.iter().enumerate() {
        let of = |sex: Sex| count(&|r| r.sex == sex && bands.age_band(r.age as u32) == i);
        assert_eq!(
            (band.male, band.female),
            (of(Sex::Male), of(Sex::Female)),
            "{}",
            band.label
        );
    }
    // Those who left in the period, by way, against the roster's 已离开.
    let former = roster::roster(
        store.conn(),
        org,
        &RosterQuery {
            day: Some(s.until),
            include_former: true,
            ..RosterQuery::default()
        },
        today(),
    )
    .expect("roster")
    .rows;
    let left_in_period = former
        .iter()
        .filter(|r| r.left_on.is_some_and(|d| d >= s.first && d <= s.until))
        .count() as u32;
    assert_eq!(sum(&s.members.left), left_in_period);
}

fn meetings_agree(store: &Store, org: i64, s: &stats::Stats) {
    for k in &s.meetings.kinds {
        let (mut held, mut drafts, mut expected, mut present, mut missing) = (0, 0, 0, 0, 0);
        let mut required = None;
        for year in s.query.from..=s.query.to {
            for m in meetings::list(store.conn(), org, year).expect("list") {
                if m.kind != k.kind || m.date > s.until {
                    continue;
                }
                if m.finalised {
                    held += 1;
                } else {
                    drafts += 1;
                }
                expected += m.attendance.expected;
                present += m.attendance.present;
            }
            let cal = calendar::calendar(store.conn(), org, year, today()).expect("calendar");
            // Required: the periods up to the cut-off that are over or already met.
            for row in cal.rows.iter().filter(|r| r.kind == k.kind) {
                for cell in row
                    .cells
                    .iter()
                    .filter(|c| year < s.cutoff.year() || c.last_month <= s.cutoff.month())
                {
                    let n = required.get_or_insert(0);
                    if matches!(
                        cell.status,
                        CellStatus::Held | CellStatus::DraftOnly | CellStatus::Missing
                    ) {
                        *n += 1;
                    }
                }
            }
            missing += calendar::findings(&cal)
                .iter()
                .filter(|f| f.kind == k.kind && f.status == CellStatus::Missing)
                .count() as u32;
        }
        assert_eq!(
            (k.held, k.drafts, k.expected, k.present, k.missing, k.required),
            (held, drafts, expected, present, missing, required),
            "{}",
            k.kind
        );
    }
    let total: u32 = s.meetings.kinds.iter().map(|k| k.held + k.drafts).sum();
    assert_eq!(
        s.meetings.per_month.iter().map(|c| c.count).sum::<u32>(),
        total
    );
    let lectures = s
        .meetings
        .kinds
        .iter()
        .find(|k| k.kind == MeetingKind::Lecture)
        .expect("党课");
    assert_eq!(
        s.meetings.lectures.len() as u32,
        lectures.held + lectures.drafts
    );
}

fn development_agrees(store: &Store, org: i64, s: &stats::Stats) {
    let d = &s.development.counts;
    let mut sum = (0, 0, 0, 0, 0, 0, 0);
    for year in s.query.from..=s.query.to {
        let y = development::stats(store.conn(), org, year).expect("dev stats");
        sum.0 += y.applied;
        sum.1 += y.activists;
        sum.2 += y.candidates;
        sum.3 += y.admitted;
        sum.4 += y.confirmed;
        sum.5 += y.extended;
        sum.6 += y.cancelled;
    }
    assert_eq!(
        (
            d.applied,
            d.activists,
            d.candidates,
            d.admitted,
            d.confirmed,
            d.extended,
            d.cancelled
        ),
        sum
    );
    assert!(s.development.admitted_young <= d.admitted);
    assert!(s.development.admitted_frontline <= d.admitted);
}

fn dues_agree(store: &Store, org: i64, s: &stats::Stats) {
    let f = &s.dues;
    let (mut due, mut settled, mut received, mut large, mut remitted, mut large_remitted) =
        (0, 0, 0, 0, 0, 0);
    for year in s.query.from..=s.query.to {
        for row in remit::reconcile(store.conn(), org, year, today())
            .expect("reconcile")
            .rows
        {
            due += row.due_fen;
            settled += row.settled_fen;
            received += row.received_fen;
            large += row.large_received_fen;
            remitted += row.remitted_fen;
            large_remitted += row.large_remitted_fen;
        }
    }
    assert_eq!(
        (
            f.due_fen,
            f.paid_fen,
            f.received_fen,
            f.large_received_fen,
            f.remitted_fen,
            f.large_remitted_fen
        ),
        (due, settled, received, large, remitted, large_remitted)
    );
    assert!(f.late_fen <= f.paid_fen);
    assert_eq!(f.months.iter().map(|m| m.due_fen).sum::<i64>(), f.due_fen);
}

#[test]
fn this_year_s_figures_agree_with_the_lists_they_count() {
    let (store, org) = demo_branch();
    let s = stats::stats(store.conn(), org, query(2026, 2026), today()).expect("stats");
    assert_eq!((s.until, s.cutoff), (today(), d(2026, 12, 31)));
    assert_eq!(s.period, "2026年");
    members_agree(&store, org, &s);
    meetings_agree(&store, org, &s);
    development_agrees(&store, org, &s);
    dues_agree(&store, org, &s);
    // Counted to today, the year-end arrears are the arrears list's.
    let arrears = ledger::arrears(store.conn(), org, today()).expect("arrears");
    assert_eq!(
        s.dues.arrears_fen,
        arrears.iter().map(|a| a.owed_fen).sum::<i64>()
    );
    assert_eq!(
        s.dues.arrears_members,
        arrears.iter().filter(|a| a.owed_fen > 0).count() as u32
    );
    // The demo has records to count: the sentences carry the figures.
    assert!(s.members.total > 10 && s.dues.due_fen > 0, "{s:?}");
    let text = s.report.join("\n");
    assert!(
        text.contains(&format!("支部共有党员{}名", s.members.total)),
        "{text}"
    );
    let general = s
        .meetings
        .kinds
        .iter()
        .find(|k| k.kind == MeetingKind::GeneralMeeting)
        .expect("党员大会");
    assert!(
        text.contains(&format!(
            "今年以来召开支部党员大会{}次",
            general.held + general.drafts
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "实交{}元",
            zhibu_core::money::yuan(s.dues.paid_fen)
        )),
        "{text}"
    );
}

#[test]
fn a_run_of_years_adds_up_its_years() {
    let (store, org) = demo_branch();
    let s = stats::stats(store.conn(), org, query(2024, 2026), today()).expect("stats");
    assert_eq!(s.period, "2024—2026年");
    assert_eq!(s.first, d(2024, 1, 1));
    members_agree(&store, org, &s);
    meetings_agree(&store, org, &s);
    development_agrees(&store, org, &s);
    dues_agree(&store, org, &s);
    let text = s.report.join("\n");
    assert!(text.contains("2024—2026年，召开支部党员大会"), "{text}");
    // A year that is over is “全年”; the one still running “今年以来”.
    let past = stats::stats(store.conn(), org, query(2025, 2025), today()).expect("stats");
    assert!(
        past.report.iter().any(|r| r.starts_with("全年召开")),
        "{:?}",
        past.report
    );
}

#[test]
fn the_half_year_counts_to_june_30th() {
    let (store, org) = demo_branch();
    let s = stats::stats(
        store.conn(),
        org,
        StatsQuery {
            from: 2026,
            to: 2026,
            half: true,
        },
        today(),
    )
    .expect("stats");
    assert_eq!(
        (s.until, s.period.as_str()),
        (d(2026, 6, 30), "2026年上半年")
    );
    members_agree(&store, org, &s);
    assert_eq!(s.meetings.per_month.len(), 6);
    assert!(s.dues.months.iter().all(|m| m.month.month() <= 6));
    assert!(s
        .meetings
        .theme_days
        .iter()
        .all(|t| t.date <= d(2026, 6, 30)));
}

#[test]
fn a_range_the_wrong_way_round_or_to_come_is_refused_in_words() {
    let (store, org) = demo_branch();
    let e = stats::stats(store.conn(), org, query(2026, 2024), today()).expect_err("refused");
    assert!(e.to_string().contains("请对调后再统计"), "{e}");
    let e = stats::stats(store.conn(), org, query(2027, 2027), today()).expect_err("refused");
    assert!(e.to_string().contains("还没有到"), "{e}");
    let e = stats::stats(store.conn(), org, query(1800, 2026), today()).expect_err("refused");
    assert!(e.to_string().contains("年份"), "{e}");
}

#[test]
fn the_bands_are_the_branch_s_setting() {
    let (store, org) = demo_branch();
    let mine = StatsSettings {
        age_limits: vec![35, 60],
        young_age: 40,
        ..StatsSettings::default()
    };
    stats::set_settings(store.conn(), org, &mine).expect("saved");
    let s = stats::stats(store.conn(), org, query(2026, 2026), today()).expect("stats");
    let labels: Vec<&str> = s.members.age.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["35岁及以下", "36至60岁", "61岁及以上"]);
    assert!(s.report[0].contains("40岁及以下党员"), "{}", s.report[0]);
    let wrong = StatsSettings {
        party_age_limits: vec![10, 5],
        ..StatsSettings::default()
    };
    let e = stats::set_settings(store.conn(), org, &wrong).expect_err("refused");
    assert!(e.to_string().contains("党龄段"), "{e}");
    assert_eq!(stats::settings(store.conn(), org).expect("kept"), mine);
}

#[test]
fn the_spreadsheet_holds_the_page_s_figures() {
    use zhibu_core::members::excel::Cell;
    let (store, org) = demo_branch();
    let s = stats::stats(store.conn(), org, query(2026, 2026), today()).expect("stats");
    let tables = stats::tables(&s, "东坡村党支部");
    let names: Vec<&str> = tables.iter().map(|t| t.sheet.as_str()).collect();
    assert_eq!(
        names,
        [
            "写入汇报",
            "党员队伍",
            "发展党员",
            "组织生活",
            "主题党日",
            "党课",
            "党费"
        ]
    );
    let sheet = |name: &str| tables.iter().find(|t| t.sheet == name).expect("sheet");
    assert_eq!(sheet("写入汇报").rows.len(), s.report.len());
    assert!(sheet("党员队伍")
        .title
        .starts_with("东坡村党支部2026年党员队伍统计"));
    // The age rows add up to the members, with 男 and 女 beside them.
    let ages: f64 = sheet("党员队伍")
        .rows
        .iter()
        .filter(|r| r[0] == Cell::Text("年龄".into()))
        .map(|r| match (&r[2], &r[3], &r[4]) {
            (Cell::Number(all), Cell::Number(m), Cell::Number(f)) => {
                assert_eq!(*all, m + f);
                *all
            }
            other => panic!("an age row without numbers: {other:?}"),
        })
        .sum();
    assert_eq!(ages, f64::from(s.members.total));
    // The dues sheet: one row a month, then the 合计 of the figures.
    let dues = sheet("党费");
    assert_eq!(dues.rows.len(), s.dues.months.len() + 1);
    assert_eq!(dues.total_rows, 1);
    assert_eq!(
        dues.rows.last().map(|r| r[1..].to_vec()),
        Some(vec![
            Cell::Money(s.dues.due_fen),
            Cell::Money(s.dues.paid_fen),
            Cell::Money(s.dues.received_fen)
        ])
    );
    assert_eq!(sheet("党课").rows.len(), s.meetings.lectures.len());
    assert_eq!(sheet("主题党日").rows.len(), s.meetings.theme_days.len());
}

/// 民主评议 sheets (issue 21, item 3): each member's year against the
/// records' own attendance and the member's dues card.
#[test]
fn each_member_s_sheet_agrees_with_the_records_and_the_dues_card() {
    use std::collections::BTreeMap;
    use zhibu_core::dues::card;
    use zhibu_core::meetings::Presence;
    let (store, org) = demo_branch();
    let sheets = stats::member_sheets(store.conn(), org, 2026, today()).expect("sheets");
    // Everyone on the roll today has a sheet.
    let roll = zhibu_core::members::on_roll(store.conn(), org, today()).expect("roll");
    for m in &roll {
        assert!(
            sheets.iter().any(|s| s.member_id == m.member_id),
            "{} has no sheet",
            m.name
        );
    }
    // Each record's attendance, member by member.
    let mut rows: BTreeMap<i64, Vec<(MeetingKind, chrono::NaiveDate, Presence, bool)>> =
        BTreeMap::new();
    for m in meetings::list(store.conn(), org, 2026).expect("list") {
        let detail = meetings::detail(store.conn(), m.id).expect("detail");
        for p in detail.people {
            rows.entry(p.member_id).or_default().push((
                m.kind,
                m.date,
                p.presence,
                p.excluded.is_some(),
            ));
        }
    }
    // Each record's 议定事项 with a 责任人, by owner: (date, item, progress entries).
    let mut owned: BTreeMap<i64, Vec<(chrono::NaiveDate, String, usize)>> = BTreeMap::new();
    for m in meetings::list(store.conn(), org, 2026).expect("list") {
        for i in meetings::detail(store.conn(), m.id).expect("detail").items {
            if let Some(owner) = i.owner {
                owned
                    .entry(owner)
                    .or_default()
                    .push((m.date, i.item, i.progress.len()));
            }
        }
    }
    assert!(owned.len() > 1, "the demo's 议定事项 have owners");
    let mut talkers = 0;
    for sheet in &sheets {
        let items: Vec<_> = sheet
            .items
            .iter()
            .map(|i| (i.date, i.item.clone(), i.progress.len()))
            .collect();
        assert_eq!(
            items,
            owned.remove(&sheet.member_id).unwrap_or_default(),
            "{}",
            sheet.name
        );
        let mine = rows.get(&sheet.member_id).cloned().unwrap_or_default();
        for k in &sheet.kinds {
            let of_kind: Vec<_> = mine.iter().filter(|r| r.0 == k.kind && !r.3).collect();
            assert_eq!(
                k.expected as usize,
                of_kind.len(),
                "{} {}",
                sheet.name,
                k.kind
            );
            let present = of_kind.iter().filter(|r| r.2 == Presence::Present).count();
            assert_eq!(k.present as usize, present, "{} {}", sheet.name, k.kind);
            assert_eq!(k.missed.len(), of_kind.len() - present);
            assert!(k.missed.iter().all(|x| x.presence != Presence::Present));
        }
        let lectures = mine
            .iter()
            .filter(|r| r.0 == MeetingKind::Lecture && r.2 == Presence::Present)
            .count();
        assert_eq!(sheet.lectures.len(), lectures, "{}", sheet.name);
        // A talk is listed on both sides.
        for t in &sheet.talks {
            talkers += 1;
            for other in &t.with {
                let theirs = sheets
                    .iter()
                    .find(|s| &s.name == other)
                    .expect("the other's sheet");
                assert!(
                    theirs
                        .talks
                        .iter()
                        .any(|x| x.date == t.date && x.with.contains(&sheet.name)),
                    "{} talked with {other} on {} but not the other way",
                    sheet.name,
                    t.date
                );
            }
        }
        // 党费 against the member's dues card, month by month in 2026.
        let c = card::card(store.conn(), org, sheet.member_id, today()).expect("card");
        // Counted to today: a month ahead paid in advance is not yet in the year's record.
        let months: Vec<_> = c
            .months
            .iter()
            .filter(|m| {
                m.month.year() == 2026 && m.month <= zhibu_core::month::YearMonth::of(today())
            })
            .collect();
        let due: i64 = months.iter().filter_map(|m| m.due_fen).sum();
        let paid: i64 = months
            .iter()
            .filter_map(|m| m.due_fen.map(|d| m.paid_fen.min(d)))
            .sum();
        assert_eq!(
            (sheet.dues.due_fen, sheet.dues.paid_fen),
            (due, paid),
            "{}",
            sheet.name
        );
        let late = months
            .iter()
            .filter(|m| m.late && m.due_fen.is_some_and(|d| m.paid_fen >= d))
            .count();
        assert_eq!(sheet.dues.late.len(), late, "{}", sheet.name);
    }
    assert!(talkers > 0, "the demo has 谈心谈话");
    assert!(
        owned.is_empty(),
        "items owned by no sheet's member: {owned:?}"
    );
    // Who owes, against the arrears list (2026 months only).
    for a in ledger::arrears(store.conn(), org, today()).expect("arrears") {
        let sheet = sheets
            .iter()
            .find(|s| s.member_id == a.member_id)
            .expect("sheet");
        let this_year: Vec<&String> = a.months.iter().filter(|m| m.starts_with("2026")).collect();
        assert_eq!(
            sheet.dues.owed.len(),
            this_year.len(),
            "{}: {:?}",
            a.name,
            a.months
        );
    }
}
