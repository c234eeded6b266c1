//! Roster use cases on a temporary database: adding members with the checks
//! a clerk relies on, and the roster of any day derived from history.

mod common;

use chrono::NaiveDate;
use common::*;
use zhibu_core::members::{self, roster, RosterQuery, Standing};
use zhibu_core::{demo, org, ErrorKind, Store};

#[test]
fn add_member_and_find_them_by_name_initials_and_id() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let p = profile("欧阳晓峰", d(1985, 3, 12), 271);
    let id_number = p.id_number.clone();
    let input = new_member(p, d(2010, 7, 1), Some(d(2011, 7, 1)));
    let id = store
        .with_tx(|tx| members::add_member(tx, org, &input, now()))
        .expect("add");
    let q = |text: &str| RosterQuery {
        text: Some(text.into()),
        ..RosterQuery::default()
    };
    for text in ["欧阳", "oyxf", "OYX", &id_number[10..16]] {
        let r = roster::roster(store.conn(), org, &q(text), now().date_naive()).expect("roster");
        assert!(
            r.rows.iter().any(|row| row.id == id),
            "{text} should find the new member"
        );
        // The branch's 党小组 come with any search, in their order (the
        // filter's choices, and what tells a member outside all of them).
        let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["第一党小组", "第二党小组"], "{text}");
    }
    let r = roster::roster(
        store.conn(),
        org,
        &RosterQuery::default(),
        now().date_naive(),
    )
    .expect("roster");
    assert_eq!((r.counts.total, r.counts.full), (18, 16));
    let row = r.rows.iter().find(|row| row.id == id).expect("row");
    assert_eq!(row.standing, Some(Standing::Full));
    assert_eq!(row.party_years, Some(15));
    assert_eq!(row.age, 41);
}

#[test]
fn wrong_check_digit_duplicate_and_underage_are_refused() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let mut p = profile("李四", d(1990, 5, 6), 123);
    let good = p.id_number.clone();
    let wrong = if good.ends_with('1') { "2" } else { "1" };
    p.id_number = format!("{}{wrong}", &good[..17]);
    let e = store
        .with_tx(|tx| {
            members::add_member(tx, org, &new_member(p.clone(), d(2015, 7, 1), None), now())
        })
        .expect_err("check digit");
    assert!(
        e.to_string()
            .contains(&format!("第18位校验码应为{}", &good[17..])),
        "{e}"
    );

    // The demo's 王建国 already holds this number.
    let taken = roster::roster(
        store.conn(),
        org,
        &RosterQuery::default(),
        now().date_naive(),
    )
    .expect("roster")
    .rows
    .into_iter()
    .find(|r| r.name == "王建国")
    .expect("王建国");
    let mut dup = profile("王建国", taken.birth_date, 1);
    dup.id_number = taken.id_number.clone();
    let e = store
        .with_tx(|tx| members::add_member(tx, org, &new_member(dup, d(1992, 7, 1), None), now()))
        .expect_err("duplicate");
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("已登记在党员“王建国”名下"), "{e}");

    p.id_number = good;
    let e = store
        .with_tx(|tx| members::add_member(tx, org, &new_member(p, d(2008, 5, 5), None), now()))
        .expect_err("under 18");
    assert_eq!(e.kind(), ErrorKind::Rule);
    assert!(e.to_string().contains("第一条"), "{e}");
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 19, "nothing half-written");
}

#[test]
fn a_transferred_in_member_is_on_the_roll_from_the_transfer() {
    let mut store = Store::open_in_memory().expect("store");
    let org = store
        .with_tx(|tx| {
            org::create_branch(
                tx,
                &org::NewBranch {
                    name: "二支部".into(),
                    kind: org::OrgKind::Organ,
                    higher_name: "机关党委".into(),
                    higher_level: org::OrgLevel::Committee,
                    top_name: None,
                    term_start: None,
                    term_years: None,
                    committee: vec![],
                    groups: vec![],
                },
                now(),
            )
        })
        .expect("branch");
    let mut input = new_member(
        profile("赵六", d(1980, 1, 2), 55),
        d(2005, 6, 1),
        Some(d(2006, 6, 1)),
    );
    input.transferred_in_on = Some(d(2026, 3, 1));
    input.transferred_from = Some("县委办公室党支部".into());
    let id = store
        .with_tx(|tx| members::add_member(tx, org, &input, now()))
        .expect("add");
    let on = |day| members::on_roll(store.conn(), org, day).expect("roll");
    assert!(on(d(2026, 2, 28)).is_empty());
    assert_eq!(on(d(2026, 3, 1)).len(), 1);
    let detail = roster::detail(store.conn(), id, now().date_naive()).expect("detail");
    assert!(detail.can_vote);
    assert_eq!(detail.history.len(), 3);
    assert_eq!(
        detail.history[2].other_org.as_deref(),
        Some("县委办公室党支部")
    );
}

#[test]
fn the_roster_of_a_past_day_and_former_members() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let today = now().date_naive();
    let with_former = RosterQuery {
        include_former: true,
        ..RosterQuery::default()
    };
    let r = roster::roster(store.conn(), org, &with_former, today).expect("roster");
    assert_eq!(r.rows.len(), 19);
    let han = r.rows.iter().find(|row| row.name == "韩磊").expect("韩磊");
    assert!(!han.on_roll);
    assert_eq!(han.left_kind, Some(members::EventKind::TransferOut));
    let ma = r
        .rows
        .iter()
        .find(|row| row.name == "马俊杰")
        .expect("马俊杰");
    assert!(ma.flowing && ma.on_roll);

    let flowing = RosterQuery {
        status: Some(roster::StatusFilter::Flowing),
        ..RosterQuery::default()
    };
    let names: Vec<String> = roster::roster(store.conn(), org, &flowing, today)
        .expect("roster")
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, vec!["马俊杰"]);
    let former = RosterQuery {
        status: Some(roster::StatusFilter::Former),
        ..RosterQuery::default()
    };
    let mut names: Vec<String> = roster::roster(store.conn(), org, &former, today)
        .expect("roster")
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect();
    names.sort();
    assert_eq!(names, vec!["钱福生", "韩磊"]);

    let probationary = RosterQuery {
        standing: Some(Standing::Probationary),
        ..RosterQuery::default()
    };
    let names: Vec<String> = roster::roster(store.conn(), org, &probationary, today)
        .expect("roster")
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, vec!["高丽娟", "田宇"]);

    let past = RosterQuery {
        day: Some(d(2023, 11, 22)),
        ..RosterQuery::default()
    };
    let then = roster::roster(store.conn(), org, &past, today).expect("roster");
    assert!(then.rows.iter().any(|r| r.name == "韩磊"));
    assert!(!then.rows.iter().any(|r| r.name == "高丽娟"));
}

fn member_named(store: &Store, org: i64, name: &str) -> i64 {
    let all = RosterQuery {
        include_former: true,
        ..RosterQuery::default()
    };
    roster::roster(store.conn(), org, &all, now().date_naive())
        .expect("roster")
        .rows
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.id)
        .expect("member")
}

#[test]
fn status_changes_follow_the_rules() {
    use members::history::record;
    use members::{EventKind, NewEvent};
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let today = now().date_naive();
    let gao = member_named(&store, org, "高丽娟"); // 预备党员, admitted 11 months ago
    let ma = member_named(&store, org, "马俊杰"); // flowing out
    let han = member_named(&store, org, "韩磊"); // transferred out
    let wu = member_named(&store, org, "吴长顺");
    let mut rec = |id: i64, e: NewEvent| store.with_tx(|tx| record(tx, id, &e, now()));

    // 转正 is dated the day the 预备期 ends, which for 高丽娟 is still ahead.
    let e = rec(gao, NewEvent::new(EventKind::Confirmed, today)).expect_err("not yet");
    assert!(
        e.to_string().contains("预备期满之日，即2026年12月22日"),
        "{e}"
    );

    // 延长预备期: once, by six to twelve months (党章 第七条).
    let extend = |until| NewEvent {
        until: Some(until),
        ..NewEvent::new(EventKind::ProbationExtended, today)
    };
    let e = rec(gao, extend(d(2027, 3, 1))).expect_err("too short");
    assert!(
        e.to_string().contains("2027年6月22日至2027年12月22日"),
        "{e}"
    );
    rec(gao, extend(d(2027, 6, 22))).expect("extend by six months");
    let e = rec(gao, extend(d(2027, 12, 22))).expect_err("twice");
    assert!(e.to_string().contains("只能延长一次"), "{e}");

    let e = rec(
        ma,
        NewEvent {
            other_org: Some("深圳".into()),
            ..NewEvent::new(EventKind::FlowOut, today)
        },
    )
    .expect_err("already out");
    assert_eq!(e.kind(), ErrorKind::Rule);
    rec(ma, NewEvent::new(EventKind::FlowBack, today)).expect("back home");

    let e = rec(
        han,
        NewEvent {
            other_org: Some("某地".into()),
            ..NewEvent::new(EventKind::TransferOut, today)
        },
    )
    .expect_err("not on roll");
    assert!(e.to_string().contains("不在本支部名册上"), "{e}");

    let e = rec(
        wu,
        NewEvent {
            subkind: Some("劝退".into()),
            ..NewEvent::new(EventKind::LeftParty, today)
        },
    )
    .expect_err("unknown way of leaving");
    assert!(e.to_string().contains("自行脱党除名"), "{e}");
    let e = rec(wu, NewEvent::new(EventKind::Died, d(1970, 1, 1))).expect_err("backdated");
    assert!(e.to_string().contains("按时间顺序"), "{e}");
    rec(
        wu,
        NewEvent {
            reason: Some("病逝".into()),
            ..NewEvent::new(EventKind::Died, today)
        },
    )
    .expect("died");

    // 留党察看 suspends the vote (党章第七条) but not membership; its period
    // (一年 or 二年, 纪律处分条例) must be given.
    let zhang = member_named(&store, org, "张志强");
    let discipline = |period: Option<&str>| NewEvent {
        subkind: period.map(Into::into),
        ..NewEvent::new(EventKind::DisciplinaryProbation, today)
    };
    let e = store
        .with_tx(|tx| record(tx, zhang, &discipline(None), now()))
        .expect_err("period");
    assert!(e.to_string().contains("留党察看期限"), "{e}");
    let e = store
        .with_tx(|tx| record(tx, zhang, &discipline(Some("延长一年")), now()))
        .expect_err("nothing to extend");
    assert!(e.to_string().contains("最长不超过二年"), "{e}");
    store
        .with_tx(|tx| record(tx, zhang, &discipline(Some("二年")), now()))
        .expect("discipline");
    let e = store
        .with_tx(|tx| record(tx, zhang, &discipline(Some("延长一年")), now()))
        .expect_err("a two-year period is not extended");
    assert!(e.to_string().contains("只有受留党察看一年处分"), "{e}");
    let r = roster::roster(store.conn(), org, &RosterQuery::default(), today).expect("roster");
    assert_eq!(r.counts.total, 16);
    assert_eq!((r.counts.full, r.counts.voting), (14, 13));
    assert!(
        !r.rows
            .iter()
            .find(|row| row.id == zhang)
            .expect("张志强")
            .can_vote
    );
    let detail = roster::detail(store.conn(), gao, today).expect("detail");
    assert_eq!(detail.probation_ends, Some(d(2027, 6, 22)));
}

#[test]
fn a_wrong_date_is_corrected_by_a_new_entry_and_the_old_one_stays() {
    use members::history::record;
    use members::{EventKind, NewEvent};
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let he = member_named(&store, org, "何春燕"); // admitted 2024-08-22, confirmed 2025-08-22
    let wang = member_named(&store, org, "王建国");
    let history = roster::detail(store.conn(), he, today())
        .expect("detail")
        .history;
    let admitted = history
        .iter()
        .find(|e| e.kind == EventKind::Admitted)
        .expect("admitted")
        .id;
    let wang_admitted = roster::detail(store.conn(), wang, today())
        .expect("detail")
        .history[0]
        .id;
    let correct = |target: i64, date: NaiveDate, reason: Option<&str>| NewEvent {
        corrects: Some(target),
        reason: reason.map(Into::into),
        ..NewEvent::new(EventKind::Correction, date)
    };
    let mut rec = |id: i64, e: NewEvent| store.with_tx(|tx| record(tx, id, &e, now()));

    let e = rec(he, correct(admitted, d(2024, 8, 1), None)).expect_err("no reason");
    assert!(e.to_string().contains("更正原因"), "{e}");
    let e =
        rec(he, correct(wang_admitted, d(2024, 8, 1), Some("笔误"))).expect_err("someone else's");
    assert!(e.to_string().contains("不属于这名党员"), "{e}");
    // Past the next entry (转正) is refused.
    let e = rec(he, correct(admitted, d(2025, 9, 1), Some("笔误"))).expect_err("order");
    assert!(e.to_string().contains("晚于后一条记录"), "{e}");
    let confirmed = history
        .iter()
        .find(|e| e.kind == EventKind::Confirmed)
        .expect("confirmed")
        .id;
    // 转正 alone can only be corrected to the day the 预备期 ended (党章第七条).
    let e = rec(he, correct(confirmed, d(2025, 9, 10), Some("笔误"))).expect_err("not the end");
    assert!(e.to_string().contains("转正日期应为2025年8月22日"), "{e}");

    rec(
        he,
        correct(admitted, d(2024, 8, 1), Some("依据入党志愿书更正")),
    )
    .expect("corrected");
    let detail = roster::detail(store.conn(), he, today()).expect("detail");
    assert_eq!(detail.row.joined_on, Some(d(2024, 8, 1)));
    // 转正 moved with 入党, by a correction of its own that says why.
    assert_eq!(detail.row.full_on, Some(d(2025, 8, 1)));
    assert_eq!(
        detail.history.len(),
        4,
        "the original entries and both corrections are kept"
    );
    let follow = detail
        .history
        .iter()
        .find(|e| e.kind == EventKind::Correction && e.corrects == Some(confirmed))
        .expect("the 转正 correction");
    assert_eq!(follow.date, d(2025, 8, 1));
    assert!(
        follow
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("预备期满之日2025年8月1日")),
        "{follow:?}"
    );
    assert_eq!(
        detail
            .history
            .iter()
            .filter(|e| e.kind == EventKind::Admitted)
            .count(),
        1
    );
}

/// After an extension, 转正 is the extended end and stays there when 入党 is
/// corrected — as long as the extension still lies half a year to a year
/// past the corrected one-year end (党章第七条).
#[test]
fn an_extended_probation_keeps_its_end_through_a_correction() {
    use members::history::record;
    use members::{EventKind, NewEvent};
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let input = new_member(profile("赵延长", d(1995, 3, 3), 31), d(2024, 12, 1), None);
    let id = store
        .with_tx(|tx| members::add_member(tx, org, &input, now()))
        .expect("added");
    let admitted = roster::detail(store.conn(), id, today())
        .expect("detail")
        .history[0]
        .id;
    let mut rec = |e: NewEvent| store.with_tx(|tx| record(tx, id, &e, now()));
    rec(NewEvent {
        until: Some(d(2026, 6, 1)),
        ..NewEvent::new(EventKind::ProbationExtended, d(2025, 12, 1))
    })
    .expect("extended");
    let e = rec(NewEvent::new(EventKind::Confirmed, d(2025, 12, 1))).expect_err("not the end");
    assert!(e.to_string().contains("2026年6月1日"), "{e}");
    rec(NewEvent::new(EventKind::Confirmed, d(2026, 6, 1))).expect("confirmed");
    let correct = |date: NaiveDate| NewEvent {
        corrects: Some(admitted),
        reason: Some("依据入党志愿书更正".into()),
        ..NewEvent::new(EventKind::Correction, date)
    };
    // The one-year end would be 2025-05-01: 2026-06-01 is more than a year past it.
    let e = rec(correct(d(2024, 5, 1))).expect_err("extension out of range");
    assert!(e.to_string().contains("不在延长半年至一年"), "{e}");
    rec(correct(d(2024, 11, 20))).expect("corrected");
    let detail = roster::detail(store.conn(), id, today()).expect("detail");
    assert_eq!(detail.row.joined_on, Some(d(2024, 11, 20)));
    assert_eq!(detail.row.full_on, Some(d(2026, 6, 1)));
    assert_eq!(detail.history.len(), 4, "no second correction");
}

/// Adding a member checks 转正 against the day one year after 入党.
#[test]
fn adding_a_member_refuses_the_approval_date_as_full_date() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let input = new_member(
        profile("钱审批", d(1990, 1, 9), 33),
        d(2015, 7, 1),
        Some(d(2016, 7, 20)),
    );
    let e = store
        .with_tx(|tx| members::add_member(tx, org, &input, now()))
        .expect_err("approval date");
    assert_eq!(e.kind(), ErrorKind::Rule);
    assert!(e.to_string().contains("转正日期应为2016年7月1日"), "{e}");
    assert!(e.to_string().contains("章程》第七条"), "{e}");
    let all = RosterQuery {
        include_former: true,
        ..RosterQuery::default()
    };
    let rows = roster::roster(store.conn(), org, &all, today())
        .expect("roster")
        .rows;
    assert!(
        !rows.iter().any(|r| r.name == "钱审批"),
        "nothing was saved"
    );
}

#[test]
fn a_lost_member_has_the_party_membership_stopped_and_restored() {
    // 党员教育管理工作条例第二十四条: 失联 6个月以上 and not found → 停止党籍;
    // 停止党籍2年后 still not found → 自行脱党除名; back in contact → 恢复党籍.
    use members::history::record;
    use members::{reminders, EventKind, NewEvent};
    use zhibu_core::dues::ledger::Book;
    use zhibu_core::month::YearMonth;
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let today = today();
    let pan = member_named(&store, org, "潘志明"); // 失联 since 2026-02-22
    let wu = member_named(&store, org, "吴长顺");
    let rec =
        |store: &mut Store, id: i64, e: NewEvent| store.with_tx(|tx| record(tx, id, &e, now()));
    let stop = |date, reason: Option<&str>| NewEvent {
        reason: reason.map(Into::into),
        ..NewEvent::new(EventKind::MembershipSuspended, date)
    };
    let searched = Some("走访家属、原务工单位，电话、微信均联系不上");

    let e = rec(&mut store, wu, stop(today, searched)).expect_err("not lost");
    assert!(e.to_string().contains("请先登记“失联”"), "{e}");
    // Six months after 23 May is 23 November: one day short.
    rec(
        &mut store,
        wu,
        NewEvent::new(EventKind::LostContact, d(2026, 5, 23)),
    )
    .expect("lost");
    let e = rec(&mut store, wu, stop(today, searched)).expect_err("five months and 30 days");
    assert!(
        e.to_string().contains("到2026年11月23日满6个月") && e.to_string().contains("第二十四条"),
        "{e}"
    );
    let e = rec(&mut store, pan, stop(today, None)).expect_err("the search must be recorded");
    assert!(e.to_string().contains("查找情况"), "{e}");
    rec(&mut store, pan, stop(today, searched)).expect("停止党籍");
    let e = rec(&mut store, pan, stop(today, searched)).expect_err("twice");
    assert!(e.to_string().contains("已停止党籍"), "{e}");

    // Still listed, but no vote, not 应到, no dues from the next month on.
    let r = roster::roster(store.conn(), org, &RosterQuery::default(), today).expect("roster");
    let row = r.rows.iter().find(|row| row.id == pan).expect("潘志明");
    assert!(row.on_roll && row.suspended && !row.can_vote, "{row:?}");
    assert_eq!(
        (r.counts.total, r.counts.voting, r.counts.suspended),
        (17, 14, 1)
    );
    let suspended = RosterQuery {
        status: Some(roster::StatusFilter::Suspended),
        ..RosterQuery::default()
    };
    let only = roster::roster(store.conn(), org, &suspended, today).expect("filter");
    assert_eq!(only.rows.len(), 1);
    let roll = members::on_roll(store.conn(), org, today).expect("roll");
    assert!(roll.iter().any(|m| m.member_id == pan && m.suspended));
    let book = Book::load(store.conn(), org, today).expect("book");
    let pan_book = book.member(pan).expect("in the book");
    assert!(pan_book.here_in(YearMonth::of(today)));
    assert!(!pan_book.here_in(YearMonth::of(today).next()));

    // The 失联 reminder has been acted on; two years on, the 除名 one comes.
    let on = |day| {
        let loaded = roster::load(store.conn(), org, day).expect("load");
        reminders::reminders(&loaded, day)
            .into_iter()
            .filter(|r| r.member_id == pan)
            .map(|r| r.message)
            .collect::<Vec<_>>()
    };
    assert!(on(today).is_empty(), "{:?}", on(today));
    assert!(on(d(2028, 11, 21)).is_empty());
    let due = on(d(2028, 11, 22));
    assert!(
        due.len() == 1 && due[0].contains("停止党籍已满2年") && due[0].contains("自行脱党除名"),
        "{due:?}"
    );

    // Found again: 恢复联系 is not enough, the 党籍 is restored.
    let e = rec(
        &mut store,
        pan,
        NewEvent::new(EventKind::Reconnected, today),
    )
    .expect_err("restore");
    assert!(e.to_string().contains("恢复党籍"), "{e}");
    rec(
        &mut store,
        pan,
        NewEvent::new(EventKind::MembershipRestored, today),
    )
    .expect("恢复党籍");
    let detail = roster::detail(store.conn(), pan, today).expect("detail");
    assert!(detail.can_vote && !detail.row.lost && !detail.row.suspended);
}

#[test]
fn a_member_held_in_custody_has_the_vote_suspended_until_restored() {
    // 选举工作条例第五条: 被依法留置、逮捕 → 中止表决权、选举权和被选举权.
    use members::history::record;
    use members::{EventKind, NewEvent};
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let today = today();
    let huang = member_named(&store, org, "黄海波");
    let mut rec = |e: NewEvent| store.with_tx(|tx| record(tx, huang, &e, now()));
    let e = rec(NewEvent::new(EventKind::VoteSuspended, today)).expect_err("reason");
    assert!(e.to_string().contains("留置、逮捕"), "{e}");
    let e = rec(NewEvent::new(EventKind::VoteRestored, today)).expect_err("not suspended");
    assert!(e.to_string().contains("没有中止表决权的记录"), "{e}");
    rec(NewEvent {
        reason: Some("被县监委依法留置".into()),
        ..NewEvent::new(EventKind::VoteSuspended, today)
    })
    .expect("中止表决权");
    let voting = |store: &Store| {
        let r = roster::roster(store.conn(), org, &RosterQuery::default(), today).expect("r");
        let row = r.rows.into_iter().find(|row| row.id == huang).expect("row");
        (
            row.on_roll,
            row.vote_suspended,
            row.can_vote,
            r.counts.voting,
        )
    };
    assert_eq!(voting(&store), (true, true, false, 14));
    store
        .with_tx(|tx| {
            record(
                tx,
                huang,
                &NewEvent::new(EventKind::VoteRestored, today),
                now(),
            )
        })
        .expect("恢复表决权");
    assert_eq!(voting(&store), (true, false, true, 15));
}
