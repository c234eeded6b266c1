//! The parts of a meeting record beyond its text (列席, 议定事项 and their
//! 落实情况, 谈心谈话 people, attachments), the compliance calendar and the
//! participation warnings of 党章 第九条, on a branch built for each test.

mod common;

use common::*;
use zhibu_core::meetings::attachments::{self, MAX_BYTES};
use zhibu_core::meetings::calendar::{self, CellStatus, Frequency, Requirements, TalkScope};
use zhibu_core::meetings::details::{self, DayContent, ItemInput};
use zhibu_core::meetings::participation::{self, ParticipationLevel};
use zhibu_core::meetings::{self, MeetingInput, MeetingKind, Presence};
use zhibu_core::members::{roster, RosterQuery};
use zhibu_core::{demo, ErrorKind, Store};

fn input(kind: MeetingKind, date: chrono::NaiveDate) -> MeetingInput {
    MeetingInput {
        kind: Some(kind),
        topic: "学习党的二十届四中全会精神".into(),
        date: Some(date),
        host: Some("王建国".into()),
        recorder: Some("刘芳".into()),
        minutes: "集中学习，交流发言。".into(),
        ..MeetingInput::default()
    }
}

/// The demo branch without its demo meetings, so each test sees only its own.
fn branch() -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    (store, org)
}

fn people(store: &Store, org: i64) -> Vec<(i64, String)> {
    roster::roster(store.conn(), org, &RosterQuery::default(), today())
        .expect("roster")
        .rows
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect()
}

fn item(text: &str, owner: Option<i64>) -> ItemInput {
    ItemInput {
        item: text.into(),
        owner,
    }
}

fn create(store: &mut Store, org: i64, input: &MeetingInput) -> i64 {
    store
        .with_tx(|tx| meetings::create(tx, org, input, now()))
        .expect("create")
}

fn finalise(store: &mut Store, id: i64) {
    store
        .with_tx(|tx| meetings::finalise(tx, id, now()))
        .expect("finalise");
}

#[test]
fn guests_contents_and_items_round_trip_and_lock_with_the_record() {
    let (mut store, org) = branch();
    let ids = people(&store, org);
    let (owner, owner_name) = ids[1].clone();
    let day = MeetingInput {
        guests: vec![
            "  张镇长（镇党委联系领导）".into(),
            "".into(),
            "张镇长（镇党委联系领导）".into(),
        ],
        day_contents: vec![DayContent::Study, DayContent::Volunteering],
        items: vec![
            item(" 修缮村东水渠 ", Some(owner)),
            item("　", None),
            item("走访慰问困难党员", None),
            item("修缮村东水渠", None),
        ],
        ..input(MeetingKind::ThemeDay, d(2026, 11, 5))
    };
    let id = create(&mut store, org, &day);
    let detail = meetings::detail(store.conn(), id).expect("detail");
    assert_eq!(detail.input.guests, vec!["张镇长（镇党委联系领导）"]);
    assert_eq!(
        detail.input.day_contents,
        vec![DayContent::Study, DayContent::Volunteering]
    );
    // Trimmed, blank lines dropped, a repeated item kept once (the first, with its owner).
    assert_eq!(
        detail.input.items,
        vec![
            item("修缮村东水渠", Some(owner)),
            item("走访慰问困难党员", None)
        ]
    );
    let owners: Vec<_> = detail
        .items
        .iter()
        .map(|i| (i.owner, i.owner_name.clone()))
        .collect();
    assert_eq!(owners, vec![(Some(owner), Some(owner_name)), (None, None)]);

    // 落实情况 only once the record is final.
    let item = detail.items[0].id;
    let early = store
        .with_tx(|tx| details::add_progress(tx, item, Some(d(2026, 11, 10)), "已完成", now()))
        .expect_err("draft");
    assert!(
        early.to_string().contains("先把这次会议记录定稿"),
        "{early}"
    );
    finalise(&mut store, id);
    for (date, text, why) in [
        (Some(d(2026, 11, 1)), "已开工", "不能早于会议日期"),
        (Some(d(2026, 12, 1)), "已开工", "不能晚于今天"),
        (None, "已开工", "请填写落实日期"),
        (Some(d(2026, 11, 10)), "  ", "请填写落实情况"),
    ] {
        let e = store
            .with_tx(|tx| details::add_progress(tx, item, date, text, now()))
            .expect_err(why);
        assert!(e.to_string().contains(why), "{e}");
    }
    store
        .with_tx(|tx| {
            details::add_progress(tx, item, Some(d(2026, 11, 12)), "已开工，投工40人次", now())
        })
        .expect("progress");
    store
        .with_tx(|tx| details::add_progress(tx, item, Some(d(2026, 11, 20)), "已完工验收", now()))
        .expect("progress");
    let detail = meetings::detail(store.conn(), id).expect("detail");
    let log: Vec<&str> = detail.items[0]
        .progress
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(log, vec!["已开工，投工40人次", "已完工验收"]);

    // The record, its guests and items are locked; the log is append-only.
    let edit = MeetingInput {
        guests: vec!["另一人".into()],
        ..day.clone()
    };
    let e = store
        .with_tx(|tx| meetings::update(tx, id, &edit, now()))
        .expect_err("locked");
    assert_eq!(e.kind(), ErrorKind::Conflict);
    for sql in [
        "DELETE FROM meeting_guests",
        "UPDATE meeting_items SET item = 'x'",
        "UPDATE meeting_items SET owner_id = NULL",
        "DELETE FROM meeting_items",
        "UPDATE meeting_item_progress SET text = 'x'",
        "DELETE FROM meeting_item_progress",
    ] {
        assert!(
            store.conn().execute(sql, []).is_err(),
            "{sql} must be refused"
        );
    }
    assert_eq!(
        meetings::detail(store.conn(), id).expect("d").input.guests,
        vec!["张镇长（镇党委联系领导）"]
    );
}

#[test]
fn a_talk_is_between_the_people_chosen_who_must_be_on_the_roll() {
    let (mut store, org) = branch();
    let roll = people(&store, org);
    let one = MeetingInput {
        participants: vec![roll[0].0],
        ..input(MeetingKind::Talk, d(2026, 10, 8))
    };
    let e = store
        .with_tx(|tx| meetings::create(tx, org, &one, now()))
        .expect_err("one person");
    assert!(e.to_string().contains("至少选择两名"), "{e}");
    let stranger = MeetingInput {
        participants: vec![roll[0].0, 999_999],
        ..one.clone()
    };
    let e = store
        .with_tx(|tx| meetings::create(tx, org, &stranger, now()))
        .expect_err("not on roll");
    assert!(e.to_string().contains("不在本支部名册"), "{e}");
    let pair = MeetingInput {
        participants: vec![roll[3].0, roll[0].0, roll[3].0],
        ..one
    };
    let id = create(&mut store, org, &pair);
    let detail = meetings::detail(store.conn(), id).expect("detail");
    assert_eq!(detail.attendance.expected, 2);
    assert_eq!(detail.attendance.present, 2);
    assert_eq!(detail.input.participants, vec![roll[0].0, roll[3].0]);
}

#[test]
fn an_item_owner_is_on_the_roll_on_the_day_and_an_item_needs_words() {
    let (mut store, org) = branch();
    let roll = people(&store, org);
    let owner = roll[2].0;
    for (items, date, why) in [
        (
            vec![item("修缮村东水渠", Some(999_999))],
            d(2026, 11, 5),
            "不在本支部名册",
        ),
        // Nobody of the demo roll was on it in 1990.
        (
            vec![item("修缮村东水渠", Some(owner))],
            d(1990, 3, 5),
            "不在本支部名册",
        ),
        (
            vec![item("  ", Some(owner))],
            d(2026, 11, 5),
            "没有填写内容",
        ),
    ] {
        let day = MeetingInput {
            items,
            ..input(MeetingKind::ThemeDay, date)
        };
        let e = store
            .with_tx(|tx| meetings::create(tx, org, &day, now()))
            .expect_err(why);
        assert!(e.to_string().contains(why), "{why}: {e}");
        assert_eq!(e.kind(), ErrorKind::Validation);
    }
    // Nothing half-written: the refused records are not there.
    assert!(meetings::list(store.conn(), org, 2026)
        .expect("list")
        .is_empty());
    // A 支委会 decides follow-up work too; its owner is kept on an edit.
    let committee = MeetingInput {
        items: vec![item("制定冬季防火值班表", Some(owner))],
        ..input(MeetingKind::Committee, d(2026, 11, 3))
    };
    let id = create(&mut store, org, &committee);
    let mut edit = meetings::input(store.conn(), id).expect("input");
    edit.minutes = "补充：值班表张贴到村务公开栏。".into();
    store
        .with_tx(|tx| meetings::update(tx, id, &edit, now()))
        .expect("edit");
    let detail = meetings::detail(store.conn(), id).expect("detail");
    assert_eq!(detail.items[0].owner, Some(owner));
    assert_eq!(
        detail.items[0].owner_name.as_deref(),
        Some(roll[2].1.as_str())
    );
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

#[test]
fn attachments_are_copied_checked_and_only_added_after_the_record_is_final() {
    let (mut store, org) = branch();
    let data = tempfile::tempdir().expect("dir");
    let outside = tempfile::tempdir().expect("dir");
    let photo = outside.path().join("签到表.png");
    std::fs::write(&photo, PNG).expect("write");
    let id = create(
        &mut store,
        org,
        &input(MeetingKind::Committee, d(2026, 11, 3)),
    );

    let first = store
        .with_tx(|tx| attachments::add(tx, data.path(), id, &photo, "签到表（签字）", now()))
        .expect("add");
    // The file was copied: deleting the original does not lose it.
    std::fs::remove_file(&photo).expect("rm");
    assert_eq!(
        attachments::read(store.conn(), data.path(), first).expect("read"),
        PNG
    );
    std::fs::write(&photo, PNG).expect("write");
    let dup = store
        .with_tx(|tx| attachments::add(tx, data.path(), id, &photo, "", now()))
        .expect_err("duplicate");
    assert!(
        dup.to_string().contains("已经作为“签到表.png”添加过"),
        "{dup}"
    );

    // Not a picture or PDF, whatever its name says.
    let fake = outside.path().join("照片.jpg");
    std::fs::write(&fake, "这不是照片").expect("write");
    let e = store
        .with_tx(|tx| attachments::add(tx, data.path(), id, &fake, "", now()))
        .expect_err("not an image");
    assert!(e.to_string().contains("只能添加"), "{e}");
    // Too big: refused before it is read.
    let big = outside.path().join("大.pdf");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(MAX_BYTES + 1).expect("grow");
    let e = store
        .with_tx(|tx| attachments::add(tx, data.path(), id, &big, "", now()))
        .expect_err("too big");
    assert!(e.to_string().contains("超过了 20 MB"), "{e}");

    let pdf = outside.path().join("会议照片.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n").expect("write");
    let second = store
        .with_tx(|tx| attachments::add(tx, data.path(), id, &pdf, "会议现场", now()))
        .expect("pdf");
    // A draft's attachment can be removed; the file goes once committed.
    let gone = store
        .with_tx(|tx| attachments::remove(tx, data.path(), second))
        .expect("remove");
    std::fs::remove_file(gone).expect("file existed");

    finalise(&mut store, id);
    let e = store
        .with_tx(|tx| attachments::remove(tx, data.path(), first))
        .expect_err("final");
    assert!(e.to_string().contains("只能添加，不能删除"), "{e}");
    // A scan brought in later is still accepted and marked as such.
    let later = store
        .with_tx(|tx| {
            attachments::add(
                tx,
                data.path(),
                id,
                &pdf,
                "补充扫描件",
                now() + chrono::Duration::days(1),
            )
        })
        .expect("after final");
    let list = attachments::list(store.conn(), id).expect("list");
    assert_eq!(list.len(), 2);
    assert!(!list[0].after_final && list[1].after_final);
    assert_eq!(list[0].mime, "image/png");
    assert_eq!(list[1].mime, "application/pdf");

    // A file changed on disk is reported, not shown as if nothing happened.
    let hits = meetings::search(store.conn(), org, "扫描").expect("search");
    assert_eq!(hits.len(), 1, "captions are searched");
    assert!(
        hits[0].excerpt.contains("补充扫描件"),
        "{}",
        hits[0].excerpt
    );
    let stored = std::fs::read_dir(data.path().join(attachments::DIR).join(id.to_string()))
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("pdf stored");
    std::fs::write(&stored, b"%PDF-1.4 tampered").expect("tamper");
    let e = attachments::read(store.conn(), data.path(), later).expect_err("tampered");
    assert!(e.to_string().contains("与添加时不一致"), "{e}");
}

fn status(cal: &calendar::Calendar, kind: MeetingKind, period: &str) -> CellStatus {
    cal.rows
        .iter()
        .find(|r| r.kind == kind)
        .and_then(|r| r.cells.iter().find(|c| c.period == period))
        .unwrap_or_else(|| panic!("{kind} {period}"))
        .status
}

#[test]
fn the_calendar_marks_held_missing_due_and_not_yet_due() {
    let (mut store, org) = branch();
    for m in [1, 2, 4] {
        let id = create(
            &mut store,
            org,
            &input(MeetingKind::Committee, d(2026, m, 10)),
        );
        finalise(&mut store, id);
    }
    create(
        &mut store,
        org,
        &input(MeetingKind::Committee, d(2026, 5, 10)),
    );
    let q2 = create(
        &mut store,
        org,
        &input(MeetingKind::GeneralMeeting, d(2026, 6, 30)),
    );
    finalise(&mut store, q2);

    // Judged on 2026-11-22.
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("calendar");
    assert_eq!(
        status(&cal, MeetingKind::Committee, "1月"),
        CellStatus::Held
    );
    assert_eq!(
        status(&cal, MeetingKind::Committee, "3月"),
        CellStatus::Missing
    );
    assert_eq!(
        status(&cal, MeetingKind::Committee, "5月"),
        CellStatus::DraftOnly
    );
    assert_eq!(
        status(&cal, MeetingKind::Committee, "11月"),
        CellStatus::Due
    );
    assert_eq!(
        status(&cal, MeetingKind::Committee, "12月"),
        CellStatus::NotYetDue
    );
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "第一季度"),
        CellStatus::Missing
    );
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "第二季度"),
        CellStatus::Held
    );
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "第四季度"),
        CellStatus::Due
    );
    assert_eq!(
        status(&cal, MeetingKind::LifeMeeting, "全年"),
        CellStatus::Due
    );
    // One row per 党小组, each with its own clause.
    let groups: Vec<_> = cal
        .rows
        .iter()
        .filter(|r| r.kind == MeetingKind::Group)
        .collect();
    assert_eq!(groups.len(), 2);
    assert!(
        groups[0].clause.contains("党小组会……“一般每月召开1次”")
            && groups[0].clause.contains("第十三条")
    );
    // The findings are what the CLI prints.
    let findings = calendar::findings(&cal);
    assert!(findings.iter().any(|f| f.kind == MeetingKind::Committee
        && f.period == "2026年3月"
        && f.status == CellStatus::Missing
        && f.clause.contains("党支部委员会会议“一般每月召开1次")));
    assert!(!findings
        .iter()
        .any(|f| f.period == "2026年1月" && f.kind == MeetingKind::Committee));

    // A past year is fully judged; a year before anyone joined requires nothing.
    let last = calendar::calendar(store.conn(), org, 2025, today()).expect("2025");
    assert_eq!(
        status(&last, MeetingKind::Committee, "12月"),
        CellStatus::Missing
    );
    let before = calendar::calendar(store.conn(), org, 1950, today()).expect("1950");
    assert_eq!(
        status(&before, MeetingKind::Committee, "6月"),
        CellStatus::NotRequired
    );
}

#[test]
fn requirements_are_settings_with_documented_defaults() {
    let (mut store, org) = branch();
    let defaults = calendar::requirements(store.conn()).expect("req");
    assert_eq!(defaults, Requirements::default());
    assert_eq!(defaults.lecture, Frequency::Quarterly);
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    let lecture = cal
        .rows
        .iter()
        .find(|r| r.kind == MeetingKind::Lecture)
        .expect("row");
    assert!(lecture.clause.contains("未规定"), "{}", lecture.clause);

    let changed = Requirements {
        lecture: Frequency::NotRequired,
        general_meeting: Frequency::HalfYearly,
        talk: TalkScope::EveryPair,
        ..defaults
    };
    calendar::set_requirements(store.conn(), &changed).expect("set");
    let held = create(
        &mut store,
        org,
        &input(MeetingKind::GeneralMeeting, d(2026, 2, 1)),
    );
    finalise(&mut store, held);
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    let lecture = cal
        .rows
        .iter()
        .find(|r| r.kind == MeetingKind::Lecture)
        .expect("row");
    assert!(lecture.cells.is_empty());
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "上半年"),
        CellStatus::Held
    );
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "下半年"),
        CellStatus::Due
    );
    let talk = cal
        .rows
        .iter()
        .find(|r| r.kind == MeetingKind::Talk)
        .expect("talk");
    let n = people(&store, org).len() as u32;
    assert_eq!(talk.cells[0].note, format!("已谈 0/{}", n * (n - 1) / 2));
}

#[test]
fn talk_coverage_counts_committee_pairs_and_each_member_with_a_committee_member() {
    let (mut store, org) = branch();
    let roll = people(&store, org);
    let committee: Vec<i64> = {
        let names: Vec<String> = zhibu_core::org::overview(store.conn(), org, today())
            .expect("o")
            .committee
            .into_iter()
            .map(|c| c.name)
            .collect();
        roll.iter()
            .filter(|(_, n)| names.contains(n))
            .map(|(id, _)| *id)
            .collect()
    };
    assert_eq!(committee.len(), 5);
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    let required = 10 + (roll.len() as u32 - 5);
    assert_eq!(cal.talks_missing_total, required);
    // The 书记 talks with everyone once, and the other 支委 with each other.
    let secretary = committee[0];
    let mut talks = 0;
    for (id, _) in roll.iter().filter(|(id, _)| *id != secretary) {
        let t = MeetingInput {
            participants: vec![secretary, *id],
            ..input(MeetingKind::Talk, d(2026, 11, 1))
        };
        create(&mut store, org, &t);
        talks += 1;
    }
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    assert_eq!(cal.talks_missing_total, 6, "{:?}", cal.talks_missing);
    assert!(cal.talks_missing.iter().all(|m| m.contains("支委之间")));
    for (i, a) in committee[1..].iter().enumerate() {
        for b in &committee[i + 2..] {
            let t = MeetingInput {
                participants: vec![*a, *b],
                ..input(MeetingKind::Talk, d(2026, 11, 2))
            };
            create(&mut store, org, &t);
            talks += 1;
        }
    }
    assert_eq!(talks, roll.len() - 1 + 6);
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    assert_eq!(cal.talks_missing_total, 0);
    assert_eq!(status(&cal, MeetingKind::Talk, "全年"), CellStatus::Held);
}

#[test]
fn participation_warns_at_three_five_and_six_months_and_changes_nothing() {
    let (mut store, org) = branch();
    let roll = people(&store, org);
    let (absent, excused, attended) = (roll[5].0, roll[6].0, roll[7].0);
    // Monthly 主题党日 from June to November 2026 (six months).
    for m in 6..=11 {
        let id = create(
            &mut store,
            org,
            &input(MeetingKind::ThemeDay, d(2026, m, 5)),
        );
        store
            .with_tx(|tx| {
                meetings::set_presence(tx, id, absent, Presence::Absent, Some("联系不上"))?;
                if m >= 9 {
                    meetings::set_presence(tx, id, excused, Presence::Leave, Some("外出务工"))?;
                }
                if m == 11 {
                    meetings::set_presence(tx, id, attended, Presence::Absent, Some("生病"))?;
                }
                Ok(())
            })
            .expect("presence");
    }
    let warnings = participation::participation(store.conn(), org, today()).expect("p");
    let of = |id: i64| warnings.iter().find(|w| w.member_id == id);
    let a = of(absent).expect("six months");
    assert_eq!((a.months, a.level), (6, ParticipationLevel::Article9));
    assert_eq!(a.since.to_string(), "2026-06");
    assert!(a.message.contains("党章第九条") && a.message.contains("不会自动改变"));
    assert!(a.clause.contains("连续六个月不参加党的组织生活"));
    let e = of(excused).expect("three months");
    assert_eq!(
        (e.months, e.excused_months, e.level),
        (3, 3, ParticipationLevel::Notice)
    );
    assert_eq!(e.reasons, vec!["外出务工"]);
    assert!(of(attended).is_none(), "one month is not a warning");

    // A month without any meeting neither counts nor breaks the run: with
    // July removed the absent member has five months → 警示.
    store
        .conn()
        .execute_batch("DELETE FROM meetings WHERE date = '2026-07-05';")
        .expect("drop july");
    let warnings = participation::participation(store.conn(), org, today()).expect("p");
    let a = warnings
        .iter()
        .find(|w| w.member_id == absent)
        .expect("five");
    assert_eq!((a.months, a.level), (5, ParticipationLevel::Warning));
    // Nothing about the member changed.
    assert!(people(&store, org).iter().any(|(id, _)| *id == absent));
}

#[test]
fn a_month_with_one_meeting_attended_ends_the_run_though_a_later_one_was_missed() {
    let (mut store, org) = branch();
    let member = people(&store, org)[5].0;
    // August: at the 主题党日 on the 5th, absent from the 党课 on the 20th —
    // the records are read newest first, so the absence comes before the
    // attendance that makes August a month taken part in.
    create(
        &mut store,
        org,
        &input(MeetingKind::ThemeDay, d(2026, 8, 5)),
    );
    let lecture = create(
        &mut store,
        org,
        &MeetingInput {
            lecturer: Some("王建国".into()),
            lecture_title: Some("专题党课".into()),
            ..input(MeetingKind::Lecture, d(2026, 8, 20))
        },
    );
    let mut missed = vec![lecture];
    for m in 9..=11 {
        missed.push(create(
            &mut store,
            org,
            &input(MeetingKind::ThemeDay, d(2026, m, 5)),
        ));
    }
    store
        .with_tx(|tx| {
            for id in &missed {
                meetings::set_presence(tx, *id, member, Presence::Absent, Some("联系不上"))?;
            }
            Ok(())
        })
        .expect("presence");
    let warnings = participation::participation(store.conn(), org, today()).expect("p");
    let w = warnings
        .iter()
        .find(|w| w.member_id == member)
        .expect("three months");
    assert_eq!(
        (w.months, w.since.to_string(), w.level),
        (3, "2026-09".to_string(), ParticipationLevel::Notice)
    );
}

#[test]
fn the_demo_branch_has_three_years_of_records_with_gaps_and_warnings() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    for year in [2024, 2025, 2026] {
        let list = meetings::list(store.conn(), org, year).expect("list");
        assert!(list.len() > 40, "{year}: {} records", list.len());
    }
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("cal");
    let missing: Vec<String> = calendar::findings(&cal)
        .into_iter()
        .filter(|f| f.status == CellStatus::Missing)
        .map(|f| format!("{} {}", f.title, f.period))
        .collect();
    assert!(
        missing.contains(&"支部委员会 2026年3月".to_string()),
        "{missing:?}"
    );
    assert_eq!(
        status(&cal, MeetingKind::ThemeDay, "11月"),
        CellStatus::DraftOnly
    );
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "第四季度"),
        CellStatus::Due
    );
    let last = calendar::calendar(store.conn(), org, 2025, today()).expect("2025");
    assert_eq!(
        status(&last, MeetingKind::LifeMeeting, "全年"),
        CellStatus::Held
    );
    assert_eq!(
        status(&last, MeetingKind::GeneralMeeting, "第二季度"),
        CellStatus::Missing
    );

    // The 支部大会 that admitted 高丽娟 carries its vote, judged valid and passed.
    let hits = meetings::search(store.conn(), org, "接收高丽娟").expect("search");
    let admitted = meetings::detail(store.conn(), hits[0].meeting.id).expect("detail");
    assert!(
        admitted.votes[0].outcome.passed,
        "{:?}",
        admitted.votes[0].outcome
    );
    assert!(admitted.finalised_at.is_some());

    let warnings = participation::participation(store.conn(), org, today()).expect("p");
    let names: Vec<(&str, ParticipationLevel)> = warnings
        .iter()
        .map(|w| (w.name.as_str(), w.level))
        .collect();
    assert!(
        names.contains(&("马俊杰", ParticipationLevel::Article9)),
        "{names:?}"
    );
    assert!(
        names.contains(&("郑玉梅", ParticipationLevel::Notice)),
        "{names:?}"
    );
}

/// 支部工作条例第二十条: a branch with fewer than 7 正式党员 sets up no
/// 支部委员会 (one 书记), so the calendar asks for no monthly 支委会 there.
#[test]
fn a_branch_of_fewer_than_seven_full_members_is_not_asked_for_committee_meetings() {
    use zhibu_core::org::{self, CommitteeMemberInput, NewBranch, OrgKind, OrgLevel, Position};
    let mut store = Store::open_in_memory().expect("store");
    let input = NewBranch {
        name: "小店党支部".into(),
        kind: OrgKind::Enterprise,
        higher_name: "某某镇党委".into(),
        higher_level: OrgLevel::Committee,
        top_name: None,
        term_start: Some(d(2024, 3, 1)),
        term_years: None,
        committee: vec![CommitteeMemberInput {
            name: "赵书记".into(),
            position: Position::Secretary,
        }],
        groups: vec![],
    };
    let small = store
        .with_tx(|tx| org::create_branch(tx, &input, now()))
        .expect("branch");
    let add =
        |store: &mut Store, n: u16, joined: chrono::NaiveDate, full: Option<chrono::NaiveDate>| {
            store
                .with_tx(|tx| {
                    zhibu_core::members::add_member(
                        tx,
                        small,
                        &new_member(profile(&format!("党员{n}"), d(1980, 1, 1), n), joined, full),
                        now(),
                    )
                })
                .expect("member");
        };
    // Six 正式党员 and two 预备党员: still fewer than 7 正式党员.
    for n in 1..=6 {
        add(&mut store, 2 * n + 1, d(2010, 7, 1), Some(d(2011, 7, 1)));
    }
    for n in 7..=8 {
        add(&mut store, 2 * n + 1, d(2026, 1, 10), None);
    }
    let cal = calendar::calendar(store.conn(), small, 2026, today()).expect("calendar");
    let row = cal
        .rows
        .iter()
        .find(|r| r.kind == MeetingKind::Committee)
        .expect("committee row");
    assert!(
        row.cells
            .iter()
            .all(|c| c.status == CellStatus::NotRequired),
        "{row:?}"
    );
    assert!(row.cells[0].note.contains("不足7人"), "{:?}", row.cells[0]);
    assert!(!calendar::findings(&cal)
        .iter()
        .any(|f| f.kind == MeetingKind::Committee));
    // The 党员大会 is still asked for every quarter.
    assert_eq!(
        status(&cal, MeetingKind::GeneralMeeting, "第一季度"),
        CellStatus::Missing
    );

    // The demo village (14 正式党员) is asked for one every month.
    let (store, org) = branch();
    let cal = calendar::calendar(store.conn(), org, 2026, today()).expect("calendar");
    assert_eq!(
        status(&cal, MeetingKind::Committee, "1月"),
        CellStatus::Missing
    );
}
