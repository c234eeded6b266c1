//! What the benchmarks share: a branch of 10,000 members with history, its
//! 党费 books, and a median timer.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use chrono::{DateTime, Local, Months, NaiveDate, TimeZone};
use zhibu_core::dues::profile::{self, BaseInput};
use zhibu_core::dues::{self, ledger, DuesCategory, DuesSettings};
use zhibu_core::members::{self, roster, EventKind, MemberProfile, NewEvent, Sex};
use zhibu_core::month::YearMonth;
use zhibu_core::org::{self, NewBranch, OrgId, OrgKind, OrgLevel, PartyGroupInput};
use zhibu_core::{idcard, Store};

pub const MEMBERS: usize = 10_000;
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "志强", "芳", "德福", "永刚", "桂兰", "晓燕", "长顺", "玉梅", "俊杰", "海波",
    "丽娟", "宇", "国庆",
];

pub fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

pub fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut out = None;
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        out = Some(f());
        times.push(start.elapsed());
    }
    println!(
        "{label:<44} median {:>8.1} ms over {runs} runs",
        median(times).as_secs_f64() * 1e3
    );
    out.unwrap_or_else(|| unreachable!("runs > 0"))
}

/// The benchmarks' "now": 2026-11-22 09:00.
pub fn now() -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time")
}

/// A branch in a temporary directory with `MEMBERS` members: 1 in 20 still
/// 预备, 1 in 50 transferred out in March 2024.
pub fn populate(now: DateTime<Local>) -> (tempfile::TempDir, Store, OrgId) {
    populate_with(now, MEMBERS, 20)
}

/// The same with `members` members in `groups` 党小组.
pub fn populate_with(
    now: DateTime<Local>,
    members: usize,
    groups: usize,
) -> (tempfile::TempDir, Store, OrgId) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_dir(dir.path()).expect("store");
    let org = store
        .with_tx(|tx| {
            org::create_branch(
                tx,
                &NewBranch {
                    name: "基准测试党支部".into(),
                    kind: OrgKind::Enterprise,
                    higher_name: "基准党委".into(),
                    higher_level: OrgLevel::Committee,
                    top_name: None,
                    term_start: None,
                    term_years: None,
                    committee: vec![],
                    groups: (1..=groups)
                        .map(|i| PartyGroupInput {
                            name: format!("第{i}党小组"),
                            leader_name: None,
                        })
                        .collect(),
                },
                now,
            )
        })
        .expect("branch");
    let groups: Vec<i64> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM party_groups")
            .expect("stmt");
        stmt.query_map([], |r| r.get(0))
            .expect("q")
            .collect::<Result<_, _>>()
            .expect("ids")
    };
    let start = Instant::now();
    store
        .with_tx(|tx| {
            for i in 0..members {
                let birth = NaiveDate::from_ymd_opt(
                    1950 + (i % 50) as i32,
                    1 + (i % 12) as u32,
                    1 + (i % 28) as u32,
                )
                .expect("date");
                let joined = birth
                    .checked_add_months(Months::new(12 * 25))
                    .expect("joined");
                let seq = (i % 999) as u16;
                let profile = MemberProfile {
                    name: format!(
                        "{}{}",
                        SURNAMES[i % SURNAMES.len()],
                        GIVEN[(i / SURNAMES.len()) % GIVEN.len()]
                    ),
                    sex: if seq % 2 == 1 { Sex::Male } else { Sex::Female },
                    ethnicity: "汉族".into(),
                    birth_date: birth,
                    id_number: idcard::compose(&format!("{:06}", 110101 + i / 999), birth, seq),
                    education: None,
                    category: None,
                    work_unit: Some("某某公司".into()),
                    phone: None,
                    residence: None,
                    household_reg: None,
                    group_id: Some(groups[i % groups.len()]),
                    party_post: None,
                    is_migrant_worker: false,
                    new_social_stratum: None,
                    party_age_adjust_months: 0,
                    note: None,
                };
                let mut events = vec![NewEvent::new(EventKind::Admitted, joined)];
                if i % 20 != 0 {
                    let full = joined.checked_add_months(Months::new(12)).expect("full");
                    events.push(NewEvent::new(EventKind::Confirmed, full));
                }
                if i % 50 == 0 {
                    events.push(NewEvent::new(
                        EventKind::TransferOut,
                        NaiveDate::from_ymd_opt(2024, 3, 1).expect("d"),
                    ));
                }
                members::insert_with_history(tx, org, &profile, &events, now)?;
            }
            Ok(())
        })
        .expect("members");
    println!(
        "inserted {members} members with history in {:.2} s",
        start.elapsed().as_secs_f64()
    );

    (dir, store, org)
}

/// Opens the 党费 books at `start` and gives every member a 工资收入 base:
/// 2,500 元 plus 10 元 steps, `spread` different amounts in turn. Returns
/// how many members got one.
pub fn set_bases(
    store: &mut Store,
    org: OrgId,
    start: YearMonth,
    spread: i64,
    now: DateTime<Local>,
) -> usize {
    dues::set_settings(
        store.conn(),
        org,
        &DuesSettings {
            start: Some(start),
            ..DuesSettings::default()
        },
    )
    .expect("settings");
    let ids: Vec<i64> = roster::histories(store.conn(), org)
        .expect("members")
        .into_iter()
        .map(|(m, _)| m.id)
        .collect();
    store
        .with_tx(|tx| {
            for (i, id) in ids.iter().enumerate() {
                let input = BaseInput {
                    effective: start,
                    category: DuesCategory::Salaried,
                    base_fen: Some(250_000 + (i as i64 % spread) * 1_000),
                    fixed_fen: None,
                    pays_elsewhere: false,
                    period: Default::default(),
                    approval: None,
                    note: None,
                };
                profile::set_base(tx, org, *id, &input, now)?;
            }
            Ok(())
        })
        .expect("bases");
    ids.len()
}

/// Pays every month owed from `start` up to `last(i)` for the i-th member of
/// the books, cash on the 3rd. Straight into the tables: the use case reloads
/// one member per call, which the dues benchmark times on its own.
pub fn pay_months(
    store: &mut Store,
    org: OrgId,
    start: YearMonth,
    now: DateTime<Local>,
    last: impl Fn(usize) -> YearMonth,
) {
    store
        .with_tx(|tx| {
            let book = ledger::Book::load(tx, org, now.date_naive())?;
            let mut pay = tx.prepare(
                "INSERT INTO dues_payments (org_id, member_id, paid_on, ledger_month, dues_fen, method, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '现金', ?6)",
            )?;
            let mut alloc = tx.prepare(
                "INSERT INTO dues_allocations (payment_id, month, amount_fen) VALUES (?1, ?2, ?3)",
            )?;
            for (i, m) in book.members.iter().enumerate() {
                let mut month = start;
                while month <= last(i) {
                    if let ledger::Owing::Due(fen) = m.owing(month, &book.settings) {
                        let day =
                            NaiveDate::from_ymd_opt(month.year(), month.month(), 3).expect("day");
                        pay.execute(rusqlite::params![
                            org,
                            m.member_id,
                            day,
                            month.to_string(),
                            fen,
                            now.to_rfc3339()
                        ])?;
                        alloc.execute(rusqlite::params![
                            tx.last_insert_rowid(),
                            month.to_string(),
                            fen
                        ])?;
                    }
                    month = month.next();
                }
            }
            Ok(())
        })
        .expect("payments");
}
