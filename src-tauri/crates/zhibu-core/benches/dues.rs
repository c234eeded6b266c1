//! 党费 speed at 10,000 members: `cargo bench -p zhibu-core --bench dues`.
//! Books from January 2026, every member with a base, eleven months of
//! payments for most of them; then the collection sheet of a month, the
//! arrears list, the reconciliation and closing a month. Not a test:
//! figures go in the issue notes.

mod common;

use std::time::Instant;

use common::{now, pay_months, populate, set_bases, time, MEMBERS};
use zhibu_core::dues::payments::{self, PayMethod, PaymentInput};
use zhibu_core::dues::{card, close, ledger, remit};
use zhibu_core::month::YearMonth;

fn main() {
    let now = now();
    let today = now.date_naive();
    let (_dir, mut store, org) = populate(now);
    let start = YearMonth::new(2026, 1).expect("month");
    let t = Instant::now();
    let bases = set_bases(&mut store, org, start, 900, now);
    println!(
        "bases for {bases} members in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    // One in ten stops paying after the summer.
    let july = YearMonth::new(2026, 7).expect("month");
    let october = YearMonth::new(2026, 10).expect("month");
    pay_months(&mut store, org, start, now, |i| {
        if i % 10 == 0 {
            july
        } else {
            october
        }
    });
    let count: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM dues_payments", [], |r| r.get(0))
        .expect("count");
    println!(
        "{count} payments written in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let november = YearMonth::new(2026, 11).expect("month");
    let sheet = time("month status: collection sheet of 2026-11", 5, || {
        ledger::month_sheet(store.conn(), org, november, today).expect("sheet")
    });
    println!(
        "  rows {}, due {} fen, paid {}",
        sheet.rows.len(),
        sheet.due_fen,
        sheet.members_paid
    );
    let arrears = time("arrears list with 第九条 warnings", 5, || {
        ledger::arrears(store.conn(), org, today).expect("arrears")
    });
    println!("  members in arrears {}", arrears.len());
    time("reconciliation of 2026 (4 quarters)", 5, || {
        remit::reconcile(store.conn(), org, 2026, today).expect("reconcile")
    });
    let member = sheet.rows[sheet.rows.len() / 2].member_id;
    time("one member's dues card", 7, || {
        card::card(store.conn(), org, member, today).expect("card")
    });
    time("one payment through the use case", 7, || {
        store
            .with_tx(|tx| {
                let input = PaymentInput {
                    member_id: member,
                    paid_on: today,
                    months: 1,
                    amount_fen: 100_000,
                    method: PayMethod::Cash,
                    paid_by: None,
                    receipt_no: None,
                    approval: None,
                    note: None,
                };
                payments::pay(tx, org, &input, now)
            })
            .expect("pay")
    });
    let mut month = start;
    let mut closes = Vec::new();
    while month < november {
        let t = Instant::now();
        store
            .with_tx(|tx| close::close_month(tx, org, month, now))
            .expect("close");
        closes.push(t.elapsed());
        month = month.next();
    }
    closes.sort();
    println!(
        "{:<44} median {:>8.1} ms over {} months (10 closes)",
        "month close",
        closes[closes.len() / 2].as_secs_f64() * 1e3,
        closes.len()
    );
    println!("members: {MEMBERS}");
}
