//! Meeting records on the demo branch: attendance from the roll of the
//! meeting date, votes judged by the rules, and the 定稿 lock.

mod common;

use common::*;
use zhibu_core::meetings::votes::VoteKind;
use zhibu_core::meetings::{self, Exclusion, MeetingInput, MeetingKind, Presence, VoteInput};
use zhibu_core::members::{history, roster, EventKind, NewEvent, RosterQuery};
use zhibu_core::{demo, ErrorKind, Store};

fn input(kind: MeetingKind) -> MeetingInput {
    MeetingInput {
        kind: Some(kind),
        topic: "研究第四季度工作".into(),
        date: Some(d(2026, 11, 10)),
        host: Some("王建国".into()),
        recorder: Some("刘芳".into()),
        minutes: "王建国传达了镇党委会议精神……".into(),
        ..MeetingInput::default()
    }
}

fn ids(store: &Store, org: i64) -> Vec<(i64, String, bool)> {
    roster::roster(store.conn(), org, &RosterQuery::default(), today())
        .expect("roster")
        .rows
        .into_iter()
        .map(|r| (r.id, r.name, r.can_vote))
        .collect()
}

fn vote(kind: VoteKind, yes: u32) -> VoteInput {
    VoteInput {
        subject: "接收高丽娟为预备党员".into(),
        kind,
        method: "无记名投票".into(),
        yes,
        no: 0,
        abstain: 0,
        written_yes: 0,
        written_no: 0,
        written_abstain: 0,
    }
}

#[test]
fn who_is_expected_comes_from_the_roll_and_the_kind_of_meeting() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let general = store
        .with_tx(|tx| meetings::create(tx, org, &input(MeetingKind::GeneralMeeting), now()))
        .expect("m");
    let a = meetings::attendance(store.conn(), general).expect("attendance");
    assert_eq!((a.expected, a.voting_expected, a.present), (17, 15, 17));
    let committee = store
        .with_tx(|tx| meetings::create(tx, org, &input(MeetingKind::Committee), now()))
        .expect("m");
    assert_eq!(
        meetings::attendance(store.conn(), committee)
            .expect("a")
            .expected,
        5
    );
    let groups = zhibu_core::org::overview(store.conn(), org, today())
        .expect("o")
        .groups;
    let first = MeetingInput {
        group_id: Some(groups[0].id),
        ..input(MeetingKind::Group)
    };
    let group = store
        .with_tx(|tx| meetings::create(tx, org, &first, now()))
        .expect("m");
    assert_eq!(
        meetings::attendance(store.conn(), group)
            .expect("a")
            .expected,
        9
    );
    let e = store
        .with_tx(|tx| meetings::create(tx, org, &input(MeetingKind::Group), now()))
        .expect_err("group meeting without a group");
    assert!(e.to_string().contains("哪个党小组"), "{e}");
}

#[test]
fn a_vote_without_quorum_is_invalid_and_says_why() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    // 潘志明, out of contact for nine months, has his 党籍 stopped (党员教育
    // 管理工作条例第二十四条): from then on he is not 应到, so 14 have a vote.
    let pan = ids(&store, org)
        .into_iter()
        .find(|p| p.1 == "潘志明")
        .expect("潘志明")
        .0;
    let stop = NewEvent {
        reason: Some("经家属、原务工单位查找，仍无音讯".into()),
        ..NewEvent::new(EventKind::MembershipSuspended, d(2026, 11, 1))
    };
    store
        .with_tx(|tx| history::record(tx, pan, &stop, now()))
        .expect("停止党籍");
    let m = store
        .with_tx(|tx| meetings::create(tx, org, &input(MeetingKind::GeneralMeeting), now()))
        .expect("m");
    let people = ids(&store, org);
    let voters: Vec<i64> = people.iter().filter(|p| p.2).map(|p| p.0).collect();
    let e = store
        .with_tx(|tx| meetings::set_presence(tx, m, voters[0], Presence::Leave, None))
        .expect_err("reason needed");
    assert!(e.to_string().contains("请填写原因"), "{e}");
    // 7 of the 14 with a vote stay away: exactly half is not a quorum (条例 第十一条).
    for v in &voters[..7] {
        store
            .with_tx(|tx| meetings::set_presence(tx, m, *v, Presence::Absent, Some("外出务工")))
            .expect("absent");
    }
    let a = meetings::attendance(store.conn(), m).expect("a");
    assert_eq!((a.voting_expected, a.voting_present, a.absent), (14, 7, 7));
    let o = store
        .with_tx(|tx| meetings::add_vote(tx, m, &vote(VoteKind::Membership, 7), now()))
        .expect("vote");
    assert!(!o.quorum_met && !o.passed);
    assert!(o.explanation.contains("到会人数不足"), "{}", o.explanation);

    // With the 镇党委's consent, one who is away more than half a year
    // without moving his 组织关系 is left out of 应到: 7 of 13 is a quorum.
    let away = Exclusion {
        reason: "外出半年以上未转组织关系".into(),
        consent: "柳河镇党委2026年11月5日同意".into(),
    };
    let exclude = |store: &mut Store, who: i64, x: Option<&Exclusion>| {
        store.with_tx(|tx| meetings::set_exclusion(tx, m, who, x))
    };
    let e = exclude(&mut store, voters[10], Some(&away)).expect_err("present");
    assert!(e.to_string().contains("出席的党员计入应到会人数"), "{e}");
    let no_consent = Exclusion {
        consent: " ".into(),
        ..away.clone()
    };
    let e = exclude(&mut store, voters[1], Some(&no_consent)).expect_err("consent");
    assert!(e.to_string().contains("须经上级党组织同意"), "{e}");
    exclude(&mut store, voters[1], Some(&away)).expect("excluded");
    let a = meetings::attendance(store.conn(), m).expect("a");
    assert_eq!(
        (
            a.expected,
            a.voting_expected,
            a.voting_present,
            a.absent,
            a.excluded
        ),
        (15, 13, 7, 6, 1)
    );
    let o = store
        .with_tx(|tx| meetings::add_vote(tx, m, &vote(VoteKind::Membership, 7), now()))
        .expect("vote");
    assert!(o.quorum_met && o.passed, "{}", o.explanation);
    let e = store
        .with_tx(|tx| meetings::set_presence(tx, m, voters[1], Presence::Present, None))
        .expect_err("excluded first");
    assert!(e.to_string().contains("取消“不计入应到”"), "{e}");
    let row = meetings::detail(store.conn(), m)
        .expect("detail")
        .people
        .into_iter()
        .find(|p| p.member_id == voters[1])
        .expect("row");
    assert_eq!(row.excluded, Some(away));
    exclude(&mut store, voters[1], None).expect("counted again");
    // A 支委会 has no 应到会 exclusions.
    let committee = store
        .with_tx(|tx| meetings::create(tx, org, &input(MeetingKind::Committee), now()))
        .expect("m");
    let member = meetings::detail(store.conn(), committee).expect("d").people[0].member_id;
    store
        .with_tx(|tx| meetings::set_presence(tx, committee, member, Presence::Leave, Some("病假")))
        .expect("leave");
    let e = store
        .with_tx(|tx| {
            meetings::set_exclusion(
                tx,
                committee,
                member,
                Some(&Exclusion {
                    reason: "正在服刑".into(),
                    consent: "镇党委同意".into(),
                }),
            )
        })
        .expect_err("only a 党员大会");
    assert!(e.to_string().contains("只有支部党员大会"), "{e}");

    // One more arrives: 8 present, 8 in favour of 14 entitled passes.
    store
        .with_tx(|tx| meetings::set_presence(tx, m, voters[0], Presence::Present, None))
        .expect("present");
    let o = store
        .with_tx(|tx| meetings::add_vote(tx, m, &vote(VoteKind::Membership, 8), now()))
        .expect("vote");
    assert!(o.passed, "{}", o.explanation);
}

#[test]
fn a_finalised_record_is_locked_and_takes_only_supplements() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let no_recorder = MeetingInput {
        recorder: None,
        ..input(MeetingKind::Committee)
    };
    let m = store
        .with_tx(|tx| meetings::create(tx, org, &no_recorder, now()))
        .expect("m");
    let e = store
        .with_tx(|tx| meetings::finalise(tx, m, now()))
        .expect_err("no recorder");
    assert!(e.to_string().contains("记录人"), "{e}");
    store
        .with_tx(|tx| meetings::update(tx, m, &input(MeetingKind::Committee), now()))
        .expect("edit draft");
    let e = store
        .with_tx(|tx| meetings::add_supplement(tx, m, "补充", now()))
        .expect_err("draft");
    assert_eq!(e.kind(), ErrorKind::Validation);
    store
        .with_tx(|tx| meetings::finalise(tx, m, now()))
        .expect("finalise");

    let e = store
        .with_tx(|tx| meetings::update(tx, m, &input(MeetingKind::Committee), now()))
        .expect_err("locked");
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("补充说明"), "{e}");
    let someone = ids(&store, org)[0].0;
    assert!(store
        .with_tx(|tx| meetings::set_presence(tx, m, someone, Presence::Leave, Some("病假")))
        .is_err());
    assert!(store
        .with_tx(|tx| meetings::add_vote(tx, m, &vote(VoteKind::Committee, 5), now()))
        .is_err());
    store
        .with_tx(|tx| meetings::add_supplement(tx, m, "经核对，记录人应为刘芳，特此说明", now()))
        .expect("supplement");
}

#[test]
fn minutes_are_found_by_one_two_or_more_characters() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let m = MeetingInput {
        minutes: "会议讨论了村集体经济发展和人居环境整治，决定下周开展志愿服务。".into(),
        ..input(MeetingKind::GeneralMeeting)
    };
    store
        .with_tx(|tx| meetings::create(tx, org, &m, now()))
        .expect("m");
    for word in ["整治", "志愿服务", "人居环境整治", "村", "环境"] {
        let hits = meetings::search(store.conn(), org, word).expect("search");
        assert_eq!(hits.len(), 1, "{word}");
        assert!(
            hits[0].excerpt.contains(word),
            "{word}: {}",
            hits[0].excerpt
        );
    }
    assert!(meetings::search(store.conn(), org, "党费")
        .expect("search")
        .is_empty());
    assert!(meetings::search(store.conn(), org, "100%")
        .expect("no wildcard")
        .is_empty());
    assert!(meetings::search(store.conn(), org, "\"引号")
        .expect("quotes are literal")
        .is_empty());
    assert!(meetings::search(store.conn(), org, "  ").is_err());
}
