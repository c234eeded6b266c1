//! Organisation and demo use cases on a temporary database, as the app and
//! the CLI run them — no window involved.

mod common;

use chrono::NaiveDate;
use common::*;
use zhibu_core::members::{self, EventKind};
use zhibu_core::org::{
    self, CommitteeMemberInput, NewBranch, OrgKind, OrgLevel, PartyGroupInput, Position, Severity,
    TermState,
};
use zhibu_core::{demo, ErrorKind, Store};

fn branch(name: &str) -> NewBranch {
    NewBranch {
        name: name.into(),
        kind: OrgKind::Enterprise,
        higher_name: "某某集团党委".into(),
        higher_level: OrgLevel::Committee,
        top_name: None,
        term_start: NaiveDate::from_ymd_opt(2024, 3, 1),
        term_years: None,
        committee: vec![
            CommitteeMemberInput {
                name: "赵书记".into(),
                position: Position::Secretary,
            },
            CommitteeMemberInput {
                name: "钱委员".into(),
                position: Position::Organisation,
            },
        ],
        groups: vec![PartyGroupInput {
            name: "生产党小组".into(),
            leader_name: Some("孙组长".into()),
        }],
    }
}

#[test]
fn create_branch_and_read_its_overview() {
    let mut store = Store::open_in_memory().expect("store");
    let id = store
        .with_tx(|tx| org::create_branch(tx, &branch("一车间党支部"), now()))
        .expect("create");
    let o = org::overview(store.conn(), id, today()).expect("overview");
    assert_eq!(o.org.name, "一车间党支部");
    assert_eq!(o.org.parent_name.as_deref(), Some("某某集团党委"));
    assert_eq!(o.ancestors.len(), 1);
    let term = o.term.expect("term");
    // 企业 branch: 3-year default term (支部工作条例).
    assert_eq!(term.years, 3);
    assert_eq!(term.end, NaiveDate::from_ymd_opt(2027, 3, 1).expect("date"));
    assert_eq!(term.state, TermState::DueSoon);
    assert_eq!(o.committee.len(), 2);
    assert_eq!(o.groups[0].leader_name.as_deref(), Some("孙组长"));
    // No members yet: a notice that size checks wait for the roster.
    let size = o
        .findings
        .iter()
        .find(|f| f.message.contains("还没有党员"))
        .expect("roster notice");
    assert_eq!(size.severity, Severity::Notice);
    assert!(size.clause.contains("第四条"));
    // The branch created last becomes the current one; a second branch
    // under the same 党委 reuses the parent.
    let id2 = store
        .with_tx(|tx| org::create_branch(tx, &branch("二车间党支部"), now()))
        .expect("second");
    assert_eq!(
        org::current(store.conn()).expect("current").map(|o| o.id),
        Some(id2)
    );
    let list = org::list_branches(store.conn()).expect("list");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].parent_id, list[1].parent_id);
    org::set_current(store.conn(), id).expect("switch");
    assert_eq!(
        org::current(store.conn()).expect("current").map(|o| o.id),
        Some(id)
    );
    let parent = list[0].parent_id.expect("parent");
    let e = org::set_current(store.conn(), parent).expect_err("a 党委 is not a branch");
    assert_eq!(e.kind(), ErrorKind::Validation);
}

#[test]
fn a_branch_under_a_general_branch_builds_the_three_level_tree() {
    let mut store = Store::open_in_memory().expect("store");
    let input = NewBranch {
        higher_name: "机关党总支".into(),
        higher_level: OrgLevel::GeneralBranch,
        top_name: Some("县直机关工委".into()),
        ..branch("办公室党支部")
    };
    let id = store
        .with_tx(|tx| org::create_branch(tx, &input, now()))
        .expect("create");
    let second = NewBranch {
        name: "财务科党支部".into(),
        ..input.clone()
    };
    let id2 = store
        .with_tx(|tx| org::create_branch(tx, &second, now()))
        .expect("second");
    let o = org::overview(store.conn(), id, today()).expect("overview");
    let chain: Vec<(&str, OrgLevel)> = o
        .ancestors
        .iter()
        .map(|a| (a.name.as_str(), a.level))
        .collect();
    assert_eq!(
        chain,
        vec![
            ("机关党总支", OrgLevel::GeneralBranch),
            ("县直机关工委", OrgLevel::Committee)
        ]
    );
    let o2 = org::overview(store.conn(), id2, today()).expect("overview");
    assert_eq!(
        o2.ancestors[0].id, o.ancestors[0].id,
        "the 党总支 is shared, not duplicated"
    );

    let wrong = NewBranch {
        top_name: Some("某党委".into()),
        ..branch("x")
    };
    let err = store
        .with_tx(|tx| org::create_branch(tx, &wrong, now()))
        .expect_err("top without 党总支");
    assert!(err.to_string().contains("只有上级是党总支时"), "{err}");
}

#[test]
fn bad_input_is_refused_with_a_message_and_nothing_is_written() {
    let mut store = Store::open_in_memory().expect("store");
    let cases: Vec<(NewBranch, &str)> = vec![
        (
            NewBranch {
                name: "\u{3000} ".into(),
                ..branch("x")
            },
            "请填写党支部名称",
        ),
        (
            NewBranch {
                higher_name: "".into(),
                ..branch("x")
            },
            "请填写上级党组织名称",
        ),
        (
            NewBranch {
                term_years: Some(6),
                ..branch("x")
            },
            "三年至五年",
        ),
        (
            NewBranch {
                term_start: NaiveDate::from_ymd_opt(2027, 1, 1),
                ..branch("x")
            },
            "晚于今天",
        ),
        (
            NewBranch {
                committee: vec![
                    CommitteeMemberInput {
                        name: "甲".into(),
                        position: Position::Secretary,
                    },
                    CommitteeMemberInput {
                        name: "乙".into(),
                        position: Position::Secretary,
                    },
                ],
                ..branch("x")
            },
            "只能有1名书记",
        ),
        (
            NewBranch {
                groups: vec![
                    PartyGroupInput {
                        name: "一组".into(),
                        leader_name: None,
                    },
                    PartyGroupInput {
                        name: "一组".into(),
                        leader_name: None,
                    },
                ],
                ..branch("x")
            },
            "重复",
        ),
    ];
    for (input, needle) in cases {
        let err = store
            .with_tx(|tx| org::create_branch(tx, &input, now()))
            .expect_err(needle);
        assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
        assert!(
            err.to_string().contains(needle),
            "{err} should mention {needle}"
        );
    }
    assert!(org::list_branches(store.conn()).expect("list").is_empty());
    let orgs: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))
        .expect("count");
    assert_eq!(orgs, 0, "no half-written parent organisation");

    store
        .with_tx(|tx| org::create_branch(tx, &branch("一车间党支部"), now()))
        .expect("first");
    let dup = store
        .with_tx(|tx| org::create_branch(tx, &branch("一车间党支部"), now()))
        .expect_err("duplicate");
    assert_eq!(dup.kind(), ErrorKind::Conflict);
}

#[test]
fn demo_branch_is_a_realistic_village_branch() {
    let mut store = Store::open_in_memory().expect("store");
    let id = demo::load(&mut store, now()).expect("demo");
    let o = org::overview(store.conn(), id, today()).expect("overview");
    // Marked as made up, for the window's 示例支部 tag; a branch the clerk
    // creates is not.
    assert!(o.org.demo);
    let own = store
        .with_tx(|tx| org::create_branch(tx, &branch("西坡村党支部"), now()))
        .expect("own branch");
    assert!(!org::get(store.conn(), own).expect("get").demo);
    assert_eq!(o.org.kind, OrgKind::Rural);
    assert_eq!(o.org.parent_name.as_deref(), Some(demo::DEMO_HIGHER));
    // 高丽娟 and 田宇, and 孙磊 whose 预备期 was extended (发展党员 demo).
    assert_eq!(
        (o.counts.total, o.counts.full, o.counts.probationary),
        (18, 15, 3)
    );
    assert_eq!(o.committee.len(), 5);
    assert_eq!(o.groups.len(), 2);
    assert_eq!(o.groups.iter().map(|g| g.member_count).sum::<u32>(), 17);
    // The one outside both groups is named (党章第八条), as a notice.
    let outside: Vec<_> = o
        .findings
        .iter()
        .filter(|f| f.message.contains("还没有编入党小组"))
        .collect();
    assert_eq!(outside.len(), 1, "{:?}", o.findings);
    assert!(outside[0].message.starts_with("1名党员"), "{outside:?}");
    assert_eq!(outside[0].severity, Severity::Notice);
    let term = o.term.expect("term");
    assert_eq!(term.years, 5);
    assert_eq!(term.state, TermState::DueSoon);
    assert!(o.findings.iter().any(|f| f.message.contains("换届准备")));
    // The two warnings: 马俊杰, away at work for eight months, should move
    // his 组织关系 (党员教育管理工作条例第二十五条); 潘志明, out of contact
    // for nine months, is to be searched for and his 党籍 stopped (第二十四条).
    let warnings: Vec<_> = o
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].message.starts_with("马俊杰")
            && warnings[0].message.contains("外出流动已满6个月"),
        "{warnings:?}"
    );
    assert!(warnings[0].clause.contains("第二十五条"), "{warnings:?}");
    assert!(
        warnings[1].message.starts_with("潘志明")
            && warnings[1].message.contains("失去联系已满6个月"),
        "{warnings:?}"
    );
    assert!(warnings[1].clause.contains("第二十四条"), "{warnings:?}");

    // Every ID number carries a valid check digit and matches the birth date.
    let mut stmt = store
        .conn()
        .prepare("SELECT id_number, birth_date FROM members")
        .expect("stmt");
    let rows: Vec<(String, NaiveDate)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    drop(stmt);
    assert_eq!(
        rows.len(),
        20,
        "19 on the demo roster and 孙磊 from 发展党员"
    );
    for (id, birth) in rows {
        assert_eq!(
            zhibu_core::idcard::parse(&id).expect("valid id").birth_date,
            birth
        );
    }

    // Three years back the transferred-out member was still on the roll, the
    // two 预备党员 and the transferred-in one not yet, and the deceased was alive.
    let three_years_ago = NaiveDate::from_ymd_opt(2023, 11, 22).expect("date");
    let then = members::on_roll(store.conn(), id, three_years_ago).expect("roll");
    let names: Vec<&str> = then.iter().map(|m| m.name.as_str()).collect();
    assert!(
        names.contains(&"韩磊") && names.contains(&"钱福生"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"黄海波") && !names.contains(&"高丽娟"),
        "{names:?}"
    );

    // Loading the demo twice is refused instead of duplicating it.
    assert_eq!(
        demo::load(&mut store, now()).expect_err("twice").kind(),
        ErrorKind::Conflict
    );
}

#[test]
fn history_is_append_only() {
    let mut store = Store::open_in_memory().expect("store");
    demo::load(&mut store, now()).expect("demo");
    let conn = store.conn();
    let update = conn.execute("UPDATE member_events SET date = '2000-01-01'", []);
    assert!(update
        .expect_err("update refused")
        .to_string()
        .contains("只能追加"));
    let delete = conn.execute("DELETE FROM member_events", []);
    assert!(delete
        .expect_err("delete refused")
        .to_string()
        .contains("只能追加"));
    let confirmed: i64 = conn
        .query_row(
            "SELECT count(*) FROM member_events WHERE kind = ?1",
            [EventKind::Confirmed],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(
        confirmed, 17,
        "every member but the two 预备党员 has a 转正 event"
    );
}

fn edit_of(o: &org::BranchOverview) -> org::BranchEdit {
    org::BranchEdit {
        name: o.org.name.clone(),
        kind: o.org.kind,
        term_start: o.term.as_ref().map(|t| t.start),
        term_years: o.term.as_ref().map(|t| t.years),
        committee: o
            .committee
            .iter()
            .map(|c| CommitteeMemberInput {
                name: c.name.clone(),
                position: c.position,
            })
            .collect(),
        groups: o
            .groups
            .iter()
            .map(|g| org::PartyGroupEdit {
                id: Some(g.id),
                name: g.name.clone(),
                leader_name: g.leader_name.clone(),
            })
            .collect(),
    }
}

#[test]
fn a_new_election_archives_the_outgoing_committee() {
    let mut store = Store::open_in_memory().expect("store");
    let id = demo::load(&mut store, now()).expect("demo");
    let before = org::overview(store.conn(), id, today()).expect("overview");
    let mut edit = edit_of(&before);
    edit.term_start = NaiveDate::from_ymd_opt(2026, 11, 20);
    edit.committee[1] = CommitteeMemberInput {
        name: "周晓燕".into(),
        position: Position::DeputySecretary,
    };
    store
        .with_tx(|tx| org::update_branch(tx, id, &edit, now()))
        .expect("换届");
    let after = org::overview(store.conn(), id, today()).expect("overview");
    let term = after.term.clone().expect("term");
    assert_eq!(
        term.end,
        NaiveDate::from_ymd_opt(2031, 11, 20).expect("date")
    );
    assert_eq!(term.state, TermState::Running);
    assert_eq!(after.committee[1].name, "周晓燕");
    assert_eq!(after.past_terms.len(), 1);
    let past = &after.past_terms[0];
    assert_eq!(past.term_start, before.term.as_ref().map(|t| t.start));
    assert_eq!(past.committee[1].name, "李秀英");

    // Correcting a name within the same term archives nothing.
    let mut fix = edit_of(&after);
    fix.committee[0].name = "王建国".into();
    store
        .with_tx(|tx| org::update_branch(tx, id, &fix, now()))
        .expect("fix");
    assert_eq!(
        org::overview(store.conn(), id, today())
            .expect("o")
            .past_terms
            .len(),
        1
    );
}

#[test]
fn groups_are_renamed_added_and_only_removed_when_empty() {
    let mut store = Store::open_in_memory().expect("store");
    let id = demo::load(&mut store, now()).expect("demo");
    let before = org::overview(store.conn(), id, today()).expect("overview");

    // Removing a group that still has members is refused, and the whole
    // edit (including the rename in it) is rolled back.
    let mut edit = edit_of(&before);
    edit.name = "东坡村第一党支部".into();
    edit.groups.pop();
    let err = store
        .with_tx(|tx| org::update_branch(tx, id, &edit, now()))
        .expect_err("has members");
    assert_eq!(err.kind(), ErrorKind::Rule);
    assert!(
        err.to_string().contains("第二党小组") && err.to_string().contains("8名党员"),
        "{err}"
    );
    assert_eq!(
        org::get(store.conn(), id).expect("org").name,
        "东坡村党支部"
    );

    // Swapping two names and adding a third works; members stay in their group.
    let mut edit = edit_of(&before);
    edit.groups[0].name = "第二党小组".into();
    edit.groups[1].name = "第一党小组".into();
    edit.groups.push(org::PartyGroupEdit {
        id: None,
        name: "流动党员党小组".into(),
        leader_name: None,
    });
    store
        .with_tx(|tx| org::update_branch(tx, id, &edit, now()))
        .expect("swap");
    let after = org::overview(store.conn(), id, today()).expect("overview");
    let names: Vec<(&str, u32)> = after
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.member_count))
        .collect();
    assert_eq!(
        names,
        vec![("第二党小组", 9), ("第一党小组", 8), ("流动党员党小组", 0)]
    );

    // An empty group can go.
    let mut edit = edit_of(&after);
    edit.groups.pop();
    store
        .with_tx(|tx| org::update_branch(tx, id, &edit, now()))
        .expect("remove empty");
    assert_eq!(
        org::overview(store.conn(), id, today())
            .expect("o")
            .groups
            .len(),
        2
    );
}
