//! Every entry point that takes text, fed arbitrary Unicode: full-width
//! forms, emoji, combining marks, right-to-left text, NUL and other controls,
//! and strings of 10,000 characters. None may panic; each gives a value or a
//! clear error. (Ordinary Chinese input once crashed the program: full-width
//! digits in an ID number, a file renamed with 年/月/日.)

mod common;

use chrono::{Local, NaiveDate, TimeZone};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use zhibu_core::meetings::{self, MeetingKind};
use zhibu_core::members::excel::{self, Cell};
use zhibu_core::members::{self, rules, MemberProfile, NewMember};
use zhibu_core::month::YearMonth;
use zhibu_core::{demo, idcard, money, text, Store};

/// Text a clerk, a paste or a hostile file may bring.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９XxＸ　 \\-－./年月日元¥￥,，.．]{0,24}",
        "[\\u{0}-\\u{1f}\\u{7f}\\u{202a}-\\u{202e}\\u{200b}\\u{feff}a-z中文]{0,12}",
        "[\\u{0300}-\\u{036f}\\u{0590}-\\u{05ff}\\u{0600}-\\u{06ff}\\u{1F600}-\\u{1F64F}王建国]{0,16}",
        (0usize..3).prop_map(|i| ["１".repeat(10_000), "王".repeat(10_000), "\u{0}".repeat(10_000)][i].clone()),
    ]
}

fn config() -> Config {
    Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    }
}

#[test]
fn pure_parsers_never_panic() {
    let mut runner = TestRunner::new(config());
    runner
        .run(&any_text(), |s| {
            let _ = idcard::parse(&s);
            let _ = idcard::normalise(&s);
            let _ = money::parse_yuan(&s);
            let _ = rules::check_phone(&s);
            let _ = YearMonth::parse(&s);
            let _ = MeetingKind::parse(&s);
            let _ = excel::parse_date(&Cell::Text(s.clone()));
            let _ = excel::parse_id_number(&Cell::Text(s.clone()));
            let _ = text::line("字段", &s);
            let _ = text::paragraphs("字段", &s);
            let _ = text::prefix(&s, 7);
            // Masking keeps the length in characters and never shows more.
            for masked in [text::mask_id_number(&s), text::mask_phone(&s)] {
                prop_assert_eq!(masked.chars().count(), s.chars().count());
            }
            Ok(())
        })
        .expect("no input makes a parser panic");
}

/// What a posted 花名册 shows of an ID number and a phone (issue 20).
#[test]
fn posted_copies_hide_the_middle_of_id_numbers_and_phones() {
    let table = [
        (
            text::mask_id_number("110105198503121234"),
            "110105********1234",
        ),
        (
            text::mask_id_number("11010519850312123X"),
            "110105********123X",
        ),
        (text::mask_phone("13812345678"), "138****5678"),
        (text::mask_phone("0539-7654321"), "053*****4321"),
        (text::mask_phone("7654321"), "*****21"),
        (text::mask_id_number("12345"), "*****"),
        (text::mask_id_number(""), ""),
    ];
    for (got, want) in table {
        assert_eq!(got, want);
    }
}

#[test]
fn full_width_typing_means_the_same_value() {
    assert_eq!(money::parse_yuan("７６．５０元").expect("yuan"), 7650);
    assert_eq!(
        YearMonth::parse("２０２６－１１").expect("month"),
        YearMonth::parse("2026-11").expect("month")
    );
    assert_eq!(
        excel::parse_date(&Cell::Text("１９８５年３月１２日".into())).expect("date"),
        NaiveDate::from_ymd_opt(1985, 3, 12)
    );
    assert_eq!(
        rules::check_phone("１３９　１２３４　５６７８").expect("phone"),
        "13912345678"
    );
}

/// The use cases behind the screens, on one demo database: adding a member
/// with any name, phone or note, and searching the minutes for any text.
/// Each either saves cleaned text (no control characters, no surrounding
/// spaces) or refuses with a message, and a refusal writes nothing.
#[test]
fn use_cases_take_any_text_without_panicking_or_storing_controls() {
    let now = Local
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time");
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now).expect("demo");
    // The runner takes a `Fn`: the store and the serial number live in cells.
    let store = std::cell::RefCell::new(store);
    let count = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
            .expect("count")
    };
    // A new odd (male) sequence number per case: every ID differs.
    let serial = std::cell::Cell::new(0u16);
    let mut runner = TestRunner::new(Config {
        cases: 120,
        ..config()
    });
    runner
        .run(
            &(any_text(), any_text(), any_text()),
            |(name, phone, note)| {
                let _ = meetings::search(store.borrow().conn(), org, &name);
                serial.set(serial.get() + 2);
                let id = idcard::compose(
                    "370782",
                    NaiveDate::from_ymd_opt(1985, 3, 12).expect("date"),
                    serial.get() + 1,
                );
                let before = count(&store.borrow());
                let added = store.borrow_mut().with_tx(|tx| {
                    members::add_member(
                        tx,
                        org,
                        &NewMember {
                            profile: MemberProfile {
                                name: name.clone(),
                                id_number: id.clone(),
                                phone: Some(phone.clone()),
                                note: Some(note.clone()),
                                ..common::profile(
                                    "某",
                                    NaiveDate::from_ymd_opt(1985, 3, 12).expect("date"),
                                    1,
                                )
                            },
                            joined_on: NaiveDate::from_ymd_opt(2010, 7, 1).expect("date"),
                            full_on: Some(NaiveDate::from_ymd_opt(2011, 7, 1).expect("date")),
                            transferred_in_on: None,
                            transferred_from: None,
                        },
                        now,
                    )
                });
                match added {
                    Ok(member) => {
                        let (stored_name, stored_note): (String, Option<String>) = store
                            .borrow()
                            .conn()
                            .query_row(
                                "SELECT name, note FROM members WHERE id = ?1",
                                [member],
                                |r| Ok((r.get(0)?, r.get(1)?)),
                            )
                            .expect("row");
                        for t in [Some(stored_name.clone()), stored_note]
                            .into_iter()
                            .flatten()
                        {
                            prop_assert!(!t.chars().any(char::is_control), "{:?}", t);
                            prop_assert_eq!(t.trim(), t.as_str());
                        }
                        prop_assert!(!stored_name.is_empty());
                    }
                    Err(e) => {
                        prop_assert!(!e.to_string().is_empty());
                        prop_assert_eq!(count(&store.borrow()), before, "a refusal writes nothing");
                    }
                }
                Ok(())
            },
        )
        .expect("no text makes a use case panic");
}
