//! 党费 speed at 10,000 members: `cargo bench -p zhibu-core --bench dues`.
//! Books from January 2026, every member with a base, eleven months of
//! payments for most of them; then the collection sheet of a month, the
//! arrears list, the reconciliation and closing a month. Not a test:
//! figures go in the issue notes.

mod common;

use std::time::Instant;

use chrono::NaiveDate;
use common::{now, populate, time, MEMBERS};
use zhibu_core::dues::payments::{self, PayMethod, PaymentInput};
use zhibu_core::dues::profile::{self, BaseInput};
use zhibu_core::dues::{self, card, close, ledger, remit, DuesCategory, DuesSettings};
use zhibu_core::members::roster;
use zhibu_core::month::YearMonth;

fn main() {
    let now = now();
    let today = now.date_naive();
    let (_dir, mut store, org) = populate(now);
    let start = YearMonth::new(2026, 1).expect("month");
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
    let t = Instant::now();
    store
        .with_tx(|tx| {
            for (i, id) in ids.iter().enumerate() {
                let input = BaseInput {
                    effective: start,
                    category: DuesCategory::Salaried,
                    base_fen: Some(250_000 + (i as i64 % 900) * 1_000),
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
    println!(
        "bases for {} members in {:.2} s",
        ids.len(),
        t.elapsed().as_secs_f64()
    );
    // Payments straight into the tables (the use case reloads one member per
    // call; that path is timed separately below).
    let t = Instant::now();
    store
        .with_tx(|tx| {
            let book = ledger::Book::load(tx, org, today)?;
            let mut pay = tx.prepare(
                "INSERT INTO dues_payments (org_id, member_id, paid_on, ledger_month, dues_fen, method, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '现金', ?6)",
            )?;
            let mut alloc = tx.prepare("INSERT INTO dues_allocations (payment_id, month, amount_fen) VALUES (?1, ?2, ?3)")?;
            for (i, m) in book.members.iter().enumerate() {
                // One in ten stops paying after the summer.
                let last = if i % 10 == 0 { 7 } else { 10 };
                for month_no in 1..=last {
                    let month = YearMonth::new(2026, month_no)?;
                    let ledger::Owing::Due(fen) = m.owing(month, &book.settings) else { continue };
                    let day = NaiveDate::from_ymd_opt(2026, month_no, 3).expect("day");
                    pay.execute(rusqlite::params![org, m.member_id, day, month.to_string(), fen, now.to_rfc3339()])?;
                    alloc.execute(rusqlite::params![tx.last_insert_rowid(), month.to_string(), fen])?;
                }
            }
            Ok(())
        })
        .expect("payments");
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
