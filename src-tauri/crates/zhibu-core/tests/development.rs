//! 发展党员 on the demo roster: one applicant walked through the 25 steps,
//! the 细则's limits refusing or asking for a reason, the vote of the
//! 支部党员大会 taken from the meeting records, and the roster updated at
//! 接收 and 转正 with the dates the 细则 gives. Today is 2026-11-22.

mod common;

use chrono::NaiveDate;
use common::*;
use zhibu_core::development::{self, Decision, NewApplicant, Stage, StepInput};
use zhibu_core::meetings::votes::VoteKind;
use zhibu_core::meetings::{self, MeetingInput, MeetingKind, VoteInput};
use zhibu_core::members::state::derive;
use zhibu_core::members::{roster, EventKind, MemberProfile, RosterQuery, Standing};
use zhibu_core::{demo, ErrorKind, Store};

fn applicant(name: &str, birth: NaiveDate) -> MemberProfile {
    MemberProfile {
        education: Some("大专".into()),
        phone: None,
        ..profile(name, birth, 42)
    }
}

fn member(store: &Store, org: i64, name: &str) -> i64 {
    roster::roster(store.conn(), org, &RosterQuery::default(), today())
        .expect("roster")
        .rows
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name}"))
        .id
}

fn at(step: u8, date: NaiveDate) -> StepInput {
    StepInput {
        step,
        date: Some(date),
        ..StepInput::default()
    }
}

fn record(store: &mut Store, person: i64, input: &StepInput) -> zhibu_core::Result<i64> {
    store.with_tx(|tx| development::record_step(tx, person, input, now()))
}

/// A 支部党员大会 on `date` with every voter present and a 发展党员表决 on
/// `subject`; returns the vote's id.
fn general_meeting_vote(
    store: &mut Store,
    org: i64,
    date: NaiveDate,
    subject: &str,
    yes: u32,
) -> i64 {
    let meeting = store
        .with_tx(|tx| {
            meetings::create(
                tx,
                org,
                &MeetingInput {
                    kind: Some(MeetingKind::GeneralMeeting),
                    topic: subject.into(),
                    date: Some(date),
                    ..MeetingInput::default()
                },
                now(),
            )
        })
        .expect("meeting");
    store
        .with_tx(|tx| {
            meetings::add_vote(
                tx,
                meeting,
                &VoteInput {
                    subject: subject.into(),
                    kind: VoteKind::Membership,
                    method: "无记名投票".into(),
                    yes,
                    no: 0,
                    abstain: 0,
                    written_yes: 0,
                    written_no: 0,
                    written_abstain: 0,
                },
                now(),
            )
        })
        .expect("vote");
    meetings::detail(store.conn(), meeting)
        .expect("detail")
        .votes[0]
        .id
}

#[test]
fn an_applicant_walks_the_25_steps_into_the_roster() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let (wang, liu) = (member(&store, org, "王建国"), member(&store, org, "刘芳"));
    let person = store
        .with_tx(|tx| {
            development::add_applicant(
                tx,
                org,
                &NewApplicant {
                    profile: applicant("孙晓梅", d(1998, 4, 12)),
                    applied_on: d(2023, 3, 1),
                    note: None,
                },
                now(),
            )
        })
        .expect("applicant");

    // 细则第七条: the talk a month after the application needs a reason.
    let late = StepInput {
        people: vec![wang],
        documents: vec!["谈话记录".into()],
        ..at(2, d(2023, 4, 5))
    };
    let e = record(&mut store, person, &late).expect_err("late talk");
    assert_eq!(e.kind(), ErrorKind::NeedsReason);
    assert!(
        e.to_string().contains("第七条") && e.to_string().contains("特殊情况"),
        "{e}"
    );
    record(
        &mut store,
        person,
        &StepInput {
            override_reason: Some("申请人外出务工，四月初返村后谈话".into()),
            ..late
        },
    )
    .expect("late talk with a reason");
    record(&mut store, person, &at(3, d(2023, 6, 1))).expect("activist");
    record(&mut store, person, &at(4, d(2023, 6, 10))).expect("filed");
    let e = record(&mut store, person, &at(5, d(2023, 6, 15))).expect_err("no mentor");
    assert!(e.to_string().contains("请选择1至2名培养联系人"), "{e}");
    record(
        &mut store,
        person,
        &StepInput {
            people: vec![liu],
            ..at(5, d(2023, 6, 15))
        },
    )
    .expect("mentor");
    record(&mut store, person, &at(6, d(2023, 12, 15))).expect("review");

    // 细则第十三条: 发展对象 after ten months is refused with the rule.
    let e = record(&mut store, person, &at(7, d(2024, 4, 1))).expect_err("ten months");
    assert_eq!(e.kind(), ErrorKind::NeedsReason);
    assert!(
        e.to_string().contains("只有10个月") && e.to_string().contains("第十三条"),
        "{e}"
    );
    record(&mut store, person, &at(6, d(2024, 6, 1))).expect("review");
    // The 公示 before 确定发展对象 (本支部设置: 5 working days): missing,
    // then four days, then the week of 3–7 June.
    let e = record(&mut store, person, &at(7, d(2024, 6, 15))).expect_err("no 公示");
    assert!(e.to_string().contains("确定发展对象前应当公示"), "{e}");
    let publicised = |from, to| StepInput {
        publicity_from: Some(from),
        publicity_to: Some(to),
        ..at(7, d(2024, 6, 15))
    };
    let e = record(
        &mut store,
        person,
        &publicised(d(2024, 6, 4), d(2024, 6, 7)),
    )
    .expect_err("four working days");
    assert!(e.to_string().contains("只有4个工作日"), "{e}");
    record(
        &mut store,
        person,
        &publicised(d(2024, 6, 3), d(2024, 6, 7)),
    )
    .expect("candidate");
    record(&mut store, person, &at(8, d(2024, 6, 20))).expect("filed");
    // A 预备党员 cannot sponsor (细则第十四条: 正式党员).
    let probationer = roster::roster(store.conn(), org, &RosterQuery::default(), today())
        .expect("roster")
        .rows
        .into_iter()
        .find(|r| r.standing == Some(Standing::Probationary))
        .expect("a 预备党员 in the demo");
    let e = record(
        &mut store,
        person,
        &StepInput {
            people: vec![wang, probationer.id],
            ..at(9, today())
        },
    )
    .expect_err("probationer sponsor");
    assert!(e.to_string().contains("预备党员，不能作入党介绍人"), "{e}");
    record(
        &mut store,
        person,
        &StepInput {
            people: vec![wang, liu],
            ..at(9, d(2024, 6, 20))
        },
    )
    .expect("sponsors");
    record(&mut store, person, &at(10, d(2024, 7, 1))).expect("vetted");
    let e = record(
        &mut store,
        person,
        &StepInput {
            training_hours: Some(16),
            ..at(11, d(2024, 7, 5))
        },
    )
    .expect_err("short training");
    assert!(e.to_string().contains("第十七条"), "{e}");
    record(
        &mut store,
        person,
        &StepInput {
            training_days: Some(3),
            ..at(11, d(2024, 7, 5))
        },
    )
    .expect("trained");
    record(&mut store, person, &at(12, d(2024, 8, 1))).expect("审查");
    // The 预审 with its 公示, 5–9 August.
    record(
        &mut store,
        person,
        &StepInput {
            publicity_from: Some(d(2024, 8, 5)),
            publicity_to: Some(d(2024, 8, 9)),
            ..at(13, d(2024, 8, 10))
        },
    )
    .expect("预审");
    record(&mut store, person, &at(14, d(2024, 8, 15))).expect("志愿书");

    // The 支部大会: a vote about someone else, or one that failed, is refused.
    let other = general_meeting_vote(&mut store, org, d(2024, 9, 1), "接收高丽娟为预备党员", 10);
    let e = record(
        &mut store,
        person,
        &StepInput {
            vote_id: Some(other),
            ..at(15, today())
        },
    )
    .expect_err("someone else's vote");
    assert!(e.to_string().contains("逐个表决"), "{e}");
    let failed = general_meeting_vote(&mut store, org, d(2024, 9, 1), "接收孙晓梅为预备党员", 5);
    let e = record(
        &mut store,
        person,
        &StepInput {
            vote_id: Some(failed),
            ..at(15, today())
        },
    )
    .expect_err("failed");
    assert!(e.to_string().contains("未通过"), "{e}");
    let vote = general_meeting_vote(&mut store, org, d(2024, 9, 2), "接收孙晓梅为预备党员", 12);
    record(
        &mut store,
        person,
        &StepInput {
            vote_id: Some(vote),
            ..at(15, today())
        },
    )
    .expect("accepted");
    record(&mut store, person, &at(16, d(2024, 9, 10))).expect("talk");
    assert!(development::detail(store.conn(), person, today())
        .expect("d")
        .summary
        .member_id
        .is_none());

    // Approval: into the roster as 预备党员 from the meeting's day.
    record(&mut store, person, &at(17, d(2024, 10, 15))).expect("approved");
    let detail = development::detail(store.conn(), person, today()).expect("detail");
    assert_eq!(detail.summary.stage, Stage::Probationary);
    assert_eq!(detail.probation_end, Some(d(2025, 9, 2)));
    let id = detail.summary.member_id.expect("in the roster");
    let (_, events) = roster::history_of(store.conn(), id).expect("history");
    assert_eq!(
        (events[0].kind, events[0].date),
        (EventKind::Admitted, d(2024, 9, 2))
    );
    let state = derive(&events, org, d(2024, 12, 1));
    assert_eq!(
        (state.on_roll, state.standing),
        (true, Some(Standing::Probationary))
    );

    record(&mut store, person, &at(20, d(2024, 10, 20))).expect("oath");
    record(&mut store, person, &at(22, d(2025, 8, 20))).expect("applies");
    let early = general_meeting_vote(&mut store, org, d(2025, 9, 1), "孙晓梅按期转正", 12);
    let e = record(
        &mut store,
        person,
        &StepInput {
            vote_id: Some(early),
            decision: Some(Decision::OnTime),
            ..at(23, today())
        },
    )
    .expect_err("before the year is up");
    assert!(e.to_string().contains("2025年9月2日才满"), "{e}");
    let vote = general_meeting_vote(&mut store, org, d(2025, 9, 5), "孙晓梅按期转正", 12);
    record(
        &mut store,
        person,
        &StepInput {
            vote_id: Some(vote),
            decision: Some(Decision::OnTime),
            ..at(23, today())
        },
    )
    .expect("discussed");
    record(&mut store, person, &at(24, d(2025, 10, 8))).expect("confirmed");

    // 转正日期 = the day the 预备期 ended, not the approval (细则第三十四条).
    let (_, events) = roster::history_of(store.conn(), id).expect("history");
    let confirmed = events
        .iter()
        .find(|e| e.kind == EventKind::Confirmed)
        .expect("转正");
    assert_eq!(confirmed.date, d(2025, 9, 2));
    let detail = development::detail(store.conn(), person, today()).expect("detail");
    assert_eq!(detail.summary.stage, Stage::Full);
    assert_eq!(detail.summary.next.as_ref().map(|n| n.step), Some(25));
    let findings = development::check(store.conn(), org, today()).expect("check");
    assert!(
        findings
            .iter()
            .any(|f| f.step == 2 && f.message.contains("外出务工")),
        "{findings:?}"
    );

    let y2024 = development::stats(store.conn(), org, 2024).expect("stats");
    assert_eq!(
        (y2024.candidates, y2024.admitted, y2024.confirmed),
        (1, 1, 0)
    );
    let y2025 = development::stats(store.conn(), org, 2025).expect("stats");
    assert_eq!(y2025.confirmed, 1);
}

#[test]
fn withdrawing_closing_and_an_extended_probation() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let young = store.with_tx(|tx| {
        development::add_applicant(
            tx,
            org,
            &NewApplicant {
                profile: applicant("未成年", d(2009, 1, 1)),
                applied_on: d(2026, 11, 1),
                note: None,
            },
            now(),
        )
    });
    let e = young.expect_err("under 18");
    assert!(e.to_string().contains("未满十八周岁"), "{e}");
    assert!(
        development::list(store.conn(), org, today())
            .expect("list")
            .is_empty(),
        "nothing half-written"
    );

    let person = store
        .with_tx(|tx| {
            development::add_applicant(
                tx,
                org,
                &NewApplicant {
                    profile: applicant("周海燕", d(1995, 7, 7)),
                    applied_on: d(2026, 10, 20),
                    note: None,
                },
                now(),
            )
        })
        .expect("applicant");
    let wang = member(&store, org, "王建国");
    let talk = record(
        &mut store,
        person,
        &StepInput {
            people: vec![wang],
            ..at(2, d(2026, 11, 2))
        },
    )
    .expect("talk");
    let offered = development::detail(store.conn(), person, today()).expect("detail");
    assert_eq!(
        offered.withdrawable,
        Some(talk),
        "the latest step is offered"
    );
    let e = store
        .with_tx(|tx| development::withdraw_step(tx, talk, " ", now()))
        .expect_err("reason");
    assert_eq!(e.kind(), ErrorKind::Validation);
    store
        .with_tx(|tx| development::withdraw_step(tx, talk, "谈话日期登记错误", now()))
        .expect("withdraw");
    let detail = development::detail(store.conn(), person, today()).expect("detail");
    assert_eq!(detail.steps.len(), 2, "the withdrawn row stays");
    assert_eq!(
        detail.withdrawable, None,
        "the application itself is never offered"
    );
    assert_eq!(
        detail.steps[1].withdrawn_reason.as_deref(),
        Some("谈话日期登记错误")
    );
    assert_eq!(
        detail.summary.next.as_ref().map(|n| (n.step, n.due)),
        Some((2, Some(d(2026, 11, 20))))
    );
    assert!(detail.summary.overdue);
    let soon = development::deadlines(store.conn(), org, today(), 30).expect("deadlines");
    assert_eq!(soon.len(), 1);
    store
        .with_tx(|tx| development::close(tx, person, today(), "本人撤回入党申请", now()))
        .expect("close");
    let detail = development::detail(store.conn(), person, today()).expect("detail");
    assert_eq!(
        (detail.summary.stage, detail.summary.next.is_none()),
        (Stage::Closed, true)
    );
    let e = record(
        &mut store,
        person,
        &StepInput {
            people: vec![wang],
            ..at(2, today())
        },
    )
    .expect_err("closed");
    assert_eq!(e.kind(), ErrorKind::Conflict);
}

#[test]
fn the_demo_has_someone_at_every_stage_an_overdue_approval_and_an_extension() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let board = development::list(store.conn(), org, today()).expect("list");
    let stage_of = |name: &str| {
        board
            .iter()
            .find(|p| p.name == name)
            .map(|p| (p.stage, p.next.as_ref().map(|n| n.step), p.overdue))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(stage_of("李晓红"), (Stage::Applicant, Some(2), false));
    assert_eq!(stage_of("王磊"), (Stage::Applicant, Some(3), false));
    assert_eq!(stage_of("张倩"), (Stage::Activist, Some(6), false));
    assert_eq!(stage_of("陈浩"), (Stage::Activist, Some(7), false));
    assert_eq!(stage_of("刘洋"), (Stage::Candidate, Some(12), false));
    assert_eq!(stage_of("赵敏"), (Stage::Candidate, Some(17), true));
    assert_eq!(stage_of("孙磊"), (Stage::Probationary, Some(22), false));

    let sun = board.iter().find(|p| p.name == "孙磊").expect("孙磊");
    let detail = development::detail(store.conn(), sun.id, today()).expect("detail");
    assert_eq!(detail.probation_end, Some(d(2027, 2, 22)));
    let (_, events) =
        roster::history_of(store.conn(), sun.member_id.expect("on the roster")).expect("h");
    assert!(events
        .iter()
        .any(|e| e.kind == EventKind::ProbationExtended && e.until == Some(d(2027, 2, 22))));

    let findings = development::check(store.conn(), org, today()).expect("check");
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings[0].name == "赵敏" && findings[0].clause.contains("第二十四条"));
    // 孙磊, extended for not taking part, has handed in no 思想汇报 for over
    // a year; the branch asks for one every three months (its setting).
    assert!(
        findings[1].name == "孙磊"
            && findings[1].step == 21
            && findings[1]
                .message
                .contains("最近一次思想汇报登记于2025年8月22日")
            && findings[1].clause.contains("本支部设置"),
        "{findings:?}"
    );
    let soon = development::deadlines(store.conn(), org, today(), 30).expect("deadlines");
    assert_eq!(
        soon.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["赵敏", "李晓红"]
    );
    let year = development::stats(store.conn(), org, 2026).expect("stats");
    assert!(year.applied >= 2 && year.extended == 1, "{year:?}");
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

#[test]
fn documents_are_ticked_off_and_scanned_checked_and_never_replaced() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let wang = member(&store, org, "王建国");
    let data = tempfile::tempdir().expect("dir");
    let outside = tempfile::tempdir().expect("dir");
    let scan = outside.path().join("入党申请书.png");
    std::fs::write(&scan, PNG).expect("write");
    let person = store
        .with_tx(|tx| {
            development::add_applicant(
                tx,
                org,
                &NewApplicant {
                    profile: applicant("周佳", d(2000, 1, 5)),
                    applied_on: d(2026, 11, 10),
                    note: None,
                },
                now(),
            )
        })
        .expect("applicant");
    let steps = |store: &Store| {
        development::detail(store.conn(), person, today())
            .expect("d")
            .steps
    };
    let application = &steps(&store)[0];
    // Step 1 ticks off the 入党申请书; its scan comes later.
    assert_eq!(application.documents.len(), 1);
    assert_eq!(
        (
            application.documents[0].name.as_str(),
            &application.documents[0].file_name
        ),
        ("入党申请书", &None)
    );
    let add = |store: &mut Store, step: i64, name: &str, file: Option<&std::path::Path>| {
        store.with_tx(|tx| development::documents::add(tx, data.path(), step, name, file, now()))
    };
    let doc = add(&mut store, application.id, "入党申请书", Some(&scan)).expect("scan");
    std::fs::remove_file(&scan).expect("the original may go");
    assert_eq!(
        development::documents::read(store.conn(), data.path(), doc).expect("read"),
        PNG
    );
    let shown = &steps(&store)[0].documents[0];
    assert_eq!(
        (shown.id, shown.file_name.as_deref(), shown.mime.as_deref()),
        (doc, Some("入党申请书.png"), Some("image/png"))
    );
    std::fs::write(&scan, PNG).expect("write");
    let e = add(&mut store, application.id, "入党申请书", Some(&scan)).expect_err("replace");
    assert!(e.to_string().contains("已有扫描件，不能替换"), "{e}");
    let e = add(&mut store, application.id, "入党志愿书", None).expect_err("wrong step");
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(e.to_string().contains("可选：入党申请书"), "{e}");
    let fake = outside.path().join("谈话记录.jpg");
    std::fs::write(&fake, "不是照片").expect("write");

    // A document ticked off later, then its scan; a fake picture is refused.
    let talk = record(
        &mut store,
        person,
        &StepInput {
            people: vec![wang],
            ..at(2, d(2026, 11, 20))
        },
    )
    .expect("talk");
    let ticked = add(&mut store, talk, "谈话记录", None).expect("tick");
    let e = add(&mut store, talk, "谈话记录", None).expect_err("twice");
    assert_eq!(e.kind(), ErrorKind::Conflict);
    let e = add(&mut store, talk, "谈话记录", Some(&fake)).expect_err("fake");
    assert!(e.to_string().contains("不是照片或PDF扫描件"), "{e}");
    let e = development::documents::read(store.conn(), data.path(), ticked).expect_err("no scan");
    assert!(e.to_string().contains("还没有扫描件"), "{e}");
    assert_eq!(
        add(&mut store, talk, "谈话记录", Some(&scan)).expect("scan later"),
        ticked
    );

    // A scan changed on disk is reported, not shown.
    let stored = std::fs::read_dir(data.path().join("附件/发展党员").join(person.to_string()))
        .expect("dir")
        .next()
        .expect("a file")
        .expect("entry")
        .path();
    std::fs::write(&stored, b"\x89PNG changed").expect("tamper");
    let e = development::documents::read(store.conn(), data.path(), doc).expect_err("tampered");
    assert_eq!(e.kind(), ErrorKind::Io);

    // A withdrawn step takes no more documents.
    store
        .with_tx(|tx| development::withdraw_step(tx, talk, "谈话人记错", now()))
        .expect("withdraw");
    let e = add(&mut store, talk, "谈话记录", None).expect_err("withdrawn");
    assert!(e.to_string().contains("已经撤销"), "{e}");
}

/// A 确定发展对象 on file without a 公示 (entered while the branch had no
/// 公示 rule, or before the program asked) is a finding once the rule is on.
#[test]
fn a_step_recorded_without_its_publicity_is_a_finding() {
    use zhibu_core::development::rules::DevSettings;
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let chen = development::list(store.conn(), org, today())
        .expect("board")
        .into_iter()
        .find(|p| p.name == "陈浩")
        .expect("陈浩, a 积极分子 of twenty months")
        .id;
    let off = DevSettings {
        publicity_days: 0,
        ..DevSettings::default()
    };
    development::set_dev_settings(store.conn(), org, &off).expect("no 公示 rule");
    record(&mut store, chen, &at(7, today())).expect("发展对象 without 公示");
    let about_chen = |store: &Store| {
        development::check(store.conn(), org, today())
            .expect("check")
            .into_iter()
            .filter(|f| f.name == "陈浩")
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert!(about_chen(&store).is_empty());
    development::set_dev_settings(store.conn(), org, &DevSettings::default()).expect("5 days");
    let found = about_chen(&store);
    assert!(
        found.len() == 1 && found[0].contains("第7步“确定发展对象”（2026年11月22日）没有登记公示"),
        "{found:?}"
    );
}
