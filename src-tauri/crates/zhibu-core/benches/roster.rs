//! Roster speed at 10,000 members: `cargo bench -p zhibu-core --bench roster`.
//! Prints the median of several runs for listing the whole roll and for the
//! searches a clerk types. Not a test: figures go in the issue notes.

mod common;

use chrono::NaiveDate;
use common::{now, populate, time};
use zhibu_core::members::{roster, RosterQuery};

fn main() {
    let now = now();
    let (_dir, store, org) = populate(now);
    let today = now.date_naive();
    let all = time("roster: whole roll, no filter", 7, || {
        roster::roster(store.conn(), org, &RosterQuery::default(), today).expect("roster")
    });
    println!("  rows on the roll: {}", all.rows.len());
    for (label, text) in [
        ("search: name fragment 建国", "建国"),
        ("search: pinyin initials wjg", "wjg"),
        ("search: ID fragment 19650", "19650"),
    ] {
        let q = RosterQuery {
            text: Some(text.into()),
            ..RosterQuery::default()
        };
        let r = time(label, 7, || {
            roster::roster(store.conn(), org, &q, today).expect("roster")
        });
        println!("  matches: {}", r.rows.len());
    }
    let q = RosterQuery {
        include_former: true,
        day: NaiveDate::from_ymd_opt(2020, 1, 1),
        ..RosterQuery::default()
    };
    time("roster of a past day incl. former members", 7, || {
        roster::roster(store.conn(), org, &q, today).expect("roster")
    });
    let json = serde_json::to_vec(&all).expect("json");
    println!(
        "roster as JSON for the UI: {:.1} MB",
        json.len() as f64 / 1e6
    );
}
