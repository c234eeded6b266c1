//! 党费 on the demo roster: months due from the roster history, payments
//! and their allocation, the 补交/预交 windows, reversals, month closing,
//! arrears warnings, remittance and reconciliation, the yearly 核定 and the
//! exported tables. Today is 2026-11-22 (tests/common).

mod common;

use common::*;
use zhibu_core::dues::card;
use zhibu_core::dues::export;
use zhibu_core::dues::large::{self, LargeKind};
use zhibu_core::dues::ledger::{self, MonthState};
use zhibu_core::dues::payments::{self, PayMethod, PaymentInput};
use zhibu_core::dues::profile::{self, BaseInput, ReviewEntry};
use zhibu_core::dues::remit::{self, RemittanceInput};
use zhibu_core::dues::{self, close, DuesCategory, DuesSettings, PayPeriod, WindowPolicy};
use zhibu_core::meetings::participation::ParticipationLevel;
use zhibu_core::members::excel::Cell;
use zhibu_core::members::{roster, RosterQuery};
use zhibu_core::month::YearMonth;
use zhibu_core::{demo, ErrorKind, Store};

fn ym(text: &str) -> YearMonth {
    YearMonth::parse(text).expect("month")
}

fn id_of(store: &Store, org: i64, name: &str) -> i64 {
    let query = RosterQuery {
        include_former: true,
        ..RosterQuery::default()
    };
    roster::roster(store.conn(), org, &query, today())
        .expect("roster")
        .rows
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} on the roster"))
        .id
}

fn farmer(effective: &str) -> BaseInput {
    BaseInput {
        effective: ym(effective),
        category: DuesCategory::Farmer,
        base_fen: None,
        fixed_fen: None,
        pays_elsewhere: false,
        period: PayPeriod::Monthly,
        approval: None,
        note: None,
    }
}

fn salaried(effective: &str, base_fen: i64) -> BaseInput {
    BaseInput {
        category: DuesCategory::Salaried,
        base_fen: Some(base_fen),
        ..farmer(effective)
    }
}

/// The demo roster, books from `start`, 农民 at 1元, everyone ever on the
/// roll given a 农民 base from `start`.
fn branch(start: &str) -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let settings = DuesSettings {
        start: Some(ym(start)),
        farmer_fen: 100,
        ..DuesSettings::default()
    };
    dues::set_settings(store.conn(), org, &settings).expect("settings");
    let everyone: Vec<i64> = roster::load(store.conn(), org, today())
        .expect("members")
        .into_iter()
        .map(|(m, _)| m.id)
        .collect();
    store
        .with_tx(|tx| {
            for id in &everyone {
                profile::set_base(tx, org, *id, &farmer(start), now())?;
            }
            Ok(())
        })
        .expect("bases");
    (store, org)
}

fn pay_input(
    member: i64,
    paid_on: chrono::NaiveDate,
    months: u32,
    amount_fen: i64,
) -> PaymentInput {
    PaymentInput {
        member_id: member,
        paid_on,
        months,
        amount_fen,
        method: PayMethod::Cash,
        paid_by: None,
        receipt_no: None,
        approval: None,
        note: None,
    }
}

fn pay(store: &mut Store, org: i64, input: &PaymentInput) -> zhibu_core::Result<i64> {
    store.with_tx(|tx| payments::pay(tx, org, input, now()))
}

fn card_months(store: &Store, org: i64, member: i64) -> Vec<(String, Option<i64>, i64)> {
    card::card(store.conn(), org, member, today())
        .expect("card")
        .months
        .into_iter()
        .map(|m| (m.month.to_string(), m.due_fen, m.paid_fen))
        .collect()
}

#[test]
fn months_due_follow_the_roster_history() {
    // 党费规定 第八条: dues start in the month of the 支部大会 that admitted
    // them; a transfer in mid-month pays that month where they came from.
    let (store, org) = branch("2024-01");
    let months = |name: &str| -> Vec<String> {
        card_months(&store, org, id_of(&store, org, name))
            .into_iter()
            .map(|m| m.0)
            .collect()
    };
    let tian = months("田宇"); // admitted 2026-06-22
    assert_eq!(tian.first().map(String::as_str), Some("2026-06"));
    assert_eq!(tian.last().map(String::as_str), Some("2026-11"));
    let huang = months("黄海波"); // transferred in 2024-09-22
    assert_eq!(huang.first().map(String::as_str), Some("2024-10"));
    let han = months("韩磊"); // transferred out 2025-09-22
    assert_eq!(han.first().map(String::as_str), Some("2024-01"));
    assert_eq!(han.last().map(String::as_str), Some("2025-09"));
    let qian = months("钱福生"); // died 2024-08-22
    assert_eq!(qian.last().map(String::as_str), Some("2024-08"));
    assert_eq!(months("王建国").len(), 35);
}

#[test]
fn a_base_of_3000_01_pays_30_yuan_on_the_sheet() {
    // 党费规定 第二条: 3000元以上至5000元（含） 1%, on the whole base.
    let (mut store, org) = branch("2026-01");
    let liu = id_of(&store, org, "刘芳");
    store
        .with_tx(|tx| {
            profile::set_base(
                tx,
                org,
                liu,
                &BaseInput {
                    note: Some("村文书报酬调整".into()),
                    ..salaried("2026-11", 300_001)
                },
                now(),
            )
        })
        .expect("base");
    let sheet = ledger::month_sheet(store.conn(), org, ym("2026-11"), today()).expect("sheet");
    let row = sheet
        .rows
        .iter()
        .find(|r| r.member_id == liu)
        .expect("刘芳");
    assert_eq!((row.due_fen, row.base_fen), (Some(3000), Some(300_001)));
    assert_eq!(row.state, MonthState::Overdue, "unpaid after the 5th");
    let october = ledger::month_sheet(store.conn(), org, ym("2026-10"), today()).expect("sheet");
    let row = october
        .rows
        .iter()
        .find(|r| r.member_id == liu)
        .expect("刘芳");
    assert_eq!(
        row.due_fen,
        Some(100),
        "the new base applies from its month only"
    );
}

#[test]
fn payments_pay_the_oldest_months_and_keep_the_extra_apart() {
    let (mut store, org) = branch("2026-09");
    let wang = id_of(&store, org, "王建国");
    // Before: September to November are past their due day (the 5th; today
    // is 22 November), and the card says how many months its 欠交 adds up.
    let before = card::card(store.conn(), org, wang, today()).expect("card");
    assert_eq!((before.overdue_fen, before.overdue_months), (300, 3));
    // Three months (9, 10, 11) at 1元 = 3元; 5元 handed over: 2元 is 自愿多交.
    let short = pay(&mut store, org, &pay_input(wang, d(2026, 11, 20), 3, 250)).expect_err("short");
    assert_eq!(short.kind(), ErrorKind::Validation);
    assert!(short.to_string().contains("少了0.50元"), "{short}");
    let id = pay(
        &mut store,
        org,
        &PaymentInput {
            paid_by: Some("王建国的妻子 刘桂芝".into()),
            receipt_no: Some("No.0012".into()),
            ..pay_input(wang, d(2026, 11, 20), 3, 500)
        },
    )
    .expect("pay");
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    let p = card.payments.iter().find(|p| p.id == id).expect("payment");
    assert_eq!((p.dues_fen, p.extra_fen, p.large), (300, 200, false));
    assert_eq!(p.paid_by.as_deref(), Some("王建国的妻子 刘桂芝"));
    let months: Vec<String> = p.months.iter().map(|a| a.month.to_string()).collect();
    assert_eq!(months, ["2026-09", "2026-10", "2026-11"]);
    assert!(card.months.iter().all(|m| m.state == MonthState::Paid));
    // The next payment goes to December (预交).
    pay(&mut store, org, &pay_input(wang, d(2026, 11, 21), 1, 100)).expect("advance");
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    assert_eq!(
        card.months.last().map(|m| m.month.to_string()),
        Some("2026-12".into())
    );
    // A date in the future is refused.
    let future =
        pay(&mut store, org, &pay_input(wang, d(2026, 11, 23), 1, 100)).expect_err("future");
    assert!(future.to_string().contains("晚于今天"));
}

#[test]
fn large_voluntary_dues_are_their_own_ledger() {
    // 党费规定 第十一条: 自愿一次多交纳1000元以上 goes wholly to 中央.
    let (mut store, org) = branch("2026-10");
    let wang = id_of(&store, org, "王建国");
    let id = pay(
        &mut store,
        org,
        &pay_input(wang, d(2026, 10, 3), 1, 100_100),
    )
    .expect("pay");
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    let p = card.payments.iter().find(|p| p.id == id).expect("payment");
    assert_eq!((p.dues_fen, p.extra_fen, p.large), (100, 100_000, true));
    let voluntary =
        pay(&mut store, org, &pay_input(wang, d(2026, 10, 4), 0, 5000)).expect("voluntary only");
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    let v = card
        .payments
        .iter()
        .find(|p| p.id == voluntary)
        .expect("voluntary");
    assert_eq!(
        (v.dues_fen, v.extra_fen, v.large, v.months.len()),
        (0, 5000, false, 0)
    );
    let rec = remit::reconcile(store.conn(), org, 2026, today()).expect("reconcile");
    let q4 = rec
        .rows
        .iter()
        .find(|r| r.label == "2026年第4季度")
        .expect("Q4");
    assert_eq!(q4.large_received_fen, 100_000);
    assert_eq!(q4.received_fen, 100 + 5000);

    // Its own ledger: the 1000元 is held until passed on to 中央; the 50元
    // voluntary extra is ordinary money and not in it.
    let held = large::ledger(store.conn(), org, 2026).expect("ledger");
    assert_eq!(held.opening_fen, 0);
    assert_eq!(
        held.entries
            .iter()
            .map(|e| (e.kind, e.name.as_deref(), e.in_fen, e.balance_fen))
            .collect::<Vec<_>>(),
        vec![(LargeKind::Received, Some("王建国"), 100_000, 100_000)]
    );
    assert_eq!(held.closing_fen, 100_000);
    let to_centre = |on, amount_fen| RemittanceInput {
        remitted_on: on,
        period: ym("2026-10"),
        amount_fen,
        large: true,
        receipt_no: Some("中组部大额党费收据".into()),
        note: None,
    };
    let wrong = store
        .with_tx(|tx| remit::remit(tx, org, &to_centre(d(2026, 11, 2), 10_000), now()))
        .expect("remit");
    store
        .with_tx(|tx| remit::reverse(tx, org, wrong, d(2026, 11, 3), "金额填错", now()))
        .expect("reverse");
    store
        .with_tx(|tx| remit::remit(tx, org, &to_centre(d(2026, 11, 3), 100_000), now()))
        .expect("remit");
    let held = large::ledger(store.conn(), org, 2026).expect("ledger");
    assert_eq!(
        held.entries
            .iter()
            .map(|e| (e.kind, e.out_fen, e.balance_fen))
            .collect::<Vec<_>>(),
        vec![
            (LargeKind::Received, 0, 100_000),
            (LargeKind::Remitted, 10_000, 90_000),
            (LargeKind::RemittedReversed, -10_000, 100_000),
            (LargeKind::Remitted, 100_000, 0),
        ]
    );
    assert_eq!(held.entries[2].note.as_deref(), Some("金额填错"));
    assert_eq!(
        (held.received_fen, held.remitted_fen, held.closing_fen),
        (100_000, 100_000, 0)
    );
    // A year later nothing is carried over; a year with no lines is empty.
    let next = large::ledger(store.conn(), org, 2027).expect("ledger");
    assert_eq!((next.opening_fen, next.entries.len()), (0, 0));

    // Reversing the payment takes the 1000元 back out of the ledger.
    store
        .with_tx(|tx| payments::reverse(tx, org, id, today(), "重复登记", now()))
        .expect("reverse payment");
    let held = large::ledger(store.conn(), org, 2026).expect("ledger");
    let last = held.entries.last().expect("reversal");
    assert_eq!(
        (last.kind, last.in_fen, last.balance_fen),
        (LargeKind::ReceivedReversed, -100_000, -100_000)
    );
}

#[test]
fn large_dues_held_at_year_end_are_carried_over() {
    let (mut store, org) = branch("2025-12");
    let wang = id_of(&store, org, "王建国");
    pay(
        &mut store,
        org,
        &pay_input(wang, d(2025, 12, 20), 1, 150_100),
    )
    .expect("pay");
    let held = large::ledger(store.conn(), org, 2026).expect("ledger");
    assert_eq!(
        (held.opening_fen, held.entries.len(), held.closing_fen),
        (150_000, 0, 150_000)
    );
    let sheets = export::tables(store.conn(), org, 2026, today()).expect("tables");
    let sheet = sheets
        .iter()
        .find(|t| t.sheet == "大额党费")
        .expect("sheet");
    assert_eq!(sheet.rows[0][2], Cell::Text("上年结转".into()));
    assert_eq!(sheet.rows[0][7], Cell::Money(150_000));
    assert_eq!(
        sheet.rows.last().expect("total")[8],
        Cell::Text("结存应全部上缴中央".into())
    );
}

#[test]
fn late_arrears_and_advances_outside_the_window_need_the_branchs_approval() {
    // 党费规定 第十二条: 补交党费的时间一般不得超过6个月.
    let (mut store, org) = branch("2026-01");
    let zhao = id_of(&store, org, "赵永刚");
    // January is ten months back from November.
    let err = pay(&mut store, org, &pay_input(zhao, today(), 2, 200)).expect_err("too old");
    assert_eq!(err.kind(), ErrorKind::Rule);
    assert!(
        err.to_string().contains("补交2026年1月") && err.to_string().contains("第十二条"),
        "{err}"
    );
    pay(
        &mut store,
        org,
        &PaymentInput {
            approval: Some("2026年11月支委会研究同意补交".into()),
            ..pay_input(zhao, today(), 2, 200)
        },
    )
    .expect("with approval");
    // A branch that refuses them outright.
    let settings = DuesSettings {
        window_policy: WindowPolicy::Refuse,
        ..dues::settings(store.conn(), org).expect("settings")
    };
    dues::set_settings(store.conn(), org, &settings).expect("settings");
    let refused = pay(
        &mut store,
        org,
        &PaymentInput {
            approval: Some("同意".into()),
            ..pay_input(zhao, today(), 1, 100)
        },
    )
    .expect_err("refused");
    assert!(refused.to_string().contains("不予登记"), "{refused}");
    // 预交 beyond six months ahead (secondary sources: up to 6 months).
    dues::set_settings(
        store.conn(),
        org,
        &DuesSettings {
            window_policy: WindowPolicy::NeedsApproval,
            ..settings
        },
    )
    .expect("settings");
    let sun = id_of(&store, org, "孙桂兰");
    let through_november = PaymentInput {
        approval: Some("支委会同意补交".into()),
        ..pay_input(sun, today(), 11, 1100)
    };
    pay(&mut store, org, &through_november).expect("补交 with approval");
    let ahead = pay(&mut store, org, &pay_input(sun, today(), 8, 800)).expect_err("too far");
    assert!(ahead.to_string().contains("预交到2027年7月"), "{ahead}");
    pay(&mut store, org, &pay_input(sun, today(), 6, 600)).expect("six months ahead is fine");
}

#[test]
fn a_payment_is_corrected_by_a_reversal_never_edited() {
    let (mut store, org) = branch("2026-11");
    let wang = id_of(&store, org, "王建国");
    let id = pay(&mut store, org, &pay_input(wang, d(2026, 11, 3), 1, 100)).expect("pay");
    let edit = store
        .conn()
        .execute("UPDATE dues_payments SET dues_fen = 1 WHERE id = ?1", [id]);
    assert!(edit.expect_err("locked").to_string().contains("冲正"));
    let delete = store
        .conn()
        .execute("DELETE FROM dues_allocations WHERE payment_id = ?1", [id]);
    assert!(delete.is_err());
    let no_reason = store.with_tx(|tx| payments::reverse(tx, org, id, today(), "  ", now()));
    assert_eq!(no_reason.expect_err("reason").kind(), ErrorKind::Validation);
    let rev = store
        .with_tx(|tx| payments::reverse(tx, org, id, today(), "收错了人，应为王建军", now()))
        .expect("reverse");
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    assert_eq!(card.months[0].paid_fen, 0);
    assert_eq!(card.months[0].state, MonthState::Overdue);
    let original = card
        .payments
        .iter()
        .find(|p| p.id == id)
        .expect("original kept");
    assert_eq!(original.reversed_by, Some(rev));
    let again = store.with_tx(|tx| payments::reverse(tx, org, id, today(), "再冲", now()));
    assert_eq!(again.expect_err("twice").kind(), ErrorKind::Conflict);
    let of_reversal = store.with_tx(|tx| payments::reverse(tx, org, rev, today(), "再冲", now()));
    assert_eq!(
        of_reversal.expect_err("reversal").kind(),
        ErrorKind::Conflict
    );
}

#[test]
fn months_close_in_order_and_lock_their_cash_book() {
    let (mut store, org) = branch("2026-09");
    let wang = id_of(&store, org, "王建国");
    pay(&mut store, org, &pay_input(wang, d(2026, 9, 3), 1, 100)).expect("pay");
    let out_of_order = store.with_tx(|tx| close::close_month(tx, org, ym("2026-10"), now()));
    assert!(out_of_order
        .expect_err("order")
        .to_string()
        .contains("请先结账2026年9月"));
    let current = store.with_tx(|tx| close::close_month(tx, org, ym("2026-11"), now()));
    assert!(current
        .expect_err("current")
        .to_string()
        .contains("还没有结束"));
    let sept = store
        .with_tx(|tx| close::close_month(tx, org, ym("2026-09"), now()))
        .expect("close");
    assert_eq!((sept.received_fen, sept.members_paid), (100, 1));
    assert_eq!(sept.members_due, 17, "everyone on the roll on 1 September");
    assert_eq!(sept.due_fen, 1700);
    // No more money into September's cash book; 补交 of September goes in November.
    let late = pay(&mut store, org, &pay_input(wang, d(2026, 9, 30), 1, 100));
    assert!(late.expect_err("closed").to_string().contains("已结账"));
    let zhao = id_of(&store, org, "赵永刚");
    let id = pay(&mut store, org, &pay_input(zhao, today(), 1, 100)).expect("into an open month");
    let card = card::card(store.conn(), org, zhao, today()).expect("card");
    let p = card.payments.iter().find(|p| p.id == id).expect("payment");
    assert_eq!(
        (p.ledger_month.to_string(), p.months[0].month.to_string()),
        ("2026-11".into(), "2026-09".into())
    );
    // A base cannot reach back into a closed month.
    let back =
        store.with_tx(|tx| profile::set_base(tx, org, zhao, &salaried("2026-09", 400_000), now()));
    assert!(back
        .expect_err("closed")
        .to_string()
        .contains("2026年10月起"));
    // The row cannot be removed behind the program's back.
    assert!(store
        .conn()
        .execute("DELETE FROM dues_closed_months", [])
        .is_err());
    let again = store.with_tx(|tx| close::close_month(tx, org, ym("2026-09"), now()));
    assert!(again.expect_err("again").to_string().contains("已经结账"));
    assert_eq!(
        close::closed_months(store.conn(), org).expect("list").len(),
        1
    );
}

#[test]
fn consecutive_unpaid_months_warn_at_three_five_and_six() {
    // 党章 第九条; 党费规定 第十三条: six months without dues → the branch decides.
    let (mut store, org) = branch("2026-01");
    let paid_through = |store: &mut Store, name: &str, month: u32| {
        let id = id_of(store, org, name);
        store
            .with_tx(|tx| {
                payments::pay(
                    tx,
                    org,
                    &PaymentInput {
                        approval: Some("补交".into()),
                        ..pay_input(id, d(2026, month, 1), month, 100 * i64::from(month))
                    },
                    now(),
                )
            })
            .expect("pay");
    };
    paid_through(&mut store, "王建国", 11);
    paid_through(&mut store, "李秀英", 8); // 9, 10, 11 unpaid → 3
    paid_through(&mut store, "张志强", 6); // 7–11 → 5
    paid_through(&mut store, "刘芳", 5); // 6–11 → 6
    let rows = ledger::arrears(store.conn(), org, today()).expect("arrears");
    let level = |name: &str| {
        rows.iter()
            .find(|r| r.name == name)
            .map(|r| (r.unpaid_run, r.level))
    };
    assert_eq!(level("王建国"), None);
    assert_eq!(level("李秀英"), Some((3, Some(ParticipationLevel::Notice))));
    assert_eq!(
        level("张志强"),
        Some((5, Some(ParticipationLevel::Warning)))
    );
    assert_eq!(level("刘芳"), Some((6, Some(ParticipationLevel::Article9))));
    let liu = rows.iter().find(|r| r.name == "刘芳").expect("刘芳");
    assert!(liu.clause.as_deref().unwrap_or("").contains("第十三条"));
    assert!(liu
        .message
        .as_deref()
        .unwrap_or("")
        .contains("不会自动改变"));
    assert_eq!(liu.owed_fen, 600);
    // 马俊杰 pays where he works from his flow-out month: those months are
    // not his arrears here and do not lengthen a run.
    let ma = id_of(&store, org, "马俊杰");
    store
        .with_tx(|tx| {
            profile::set_base(
                tx,
                org,
                ma,
                &BaseInput {
                    pays_elsewhere: true,
                    note: Some("持《流动党员活动证》在流入地交纳".into()),
                    ..farmer("2026-04")
                },
                now(),
            )
        })
        .expect("elsewhere");
    let rows = ledger::arrears(store.conn(), org, today()).expect("arrears");
    let ma_row = rows
        .iter()
        .find(|r| r.member_id == ma)
        .expect("still owes January–March");
    assert_eq!(ma_row.months.len(), 3);
    assert_eq!(ma_row.unpaid_run, 3);
    // Before the 5th the current month is not yet overdue.
    let early = ledger::arrears(store.conn(), org, d(2026, 11, 4)).expect("arrears");
    let li = early.iter().find(|r| r.name == "李秀英").expect("李秀英");
    assert_eq!(li.unpaid_run, 2);
}

#[test]
fn reconciliation_flags_what_does_not_match() {
    let (mut store, org) = branch("2026-07");
    let everyone: Vec<i64> = ledger::month_sheet(store.conn(), org, ym("2026-07"), today())
        .expect("sheet")
        .rows
        .iter()
        .map(|r| r.member_id)
        .collect();
    store
        .with_tx(|tx| {
            for id in &everyone {
                payments::pay(tx, org, &pay_input(*id, d(2026, 9, 10), 3, 300), now())?;
            }
            Ok(())
        })
        .expect("pay the quarter");
    let n = everyone.len() as i64;
    let rec = remit::reconcile(store.conn(), org, 2026, today()).expect("reconcile");
    let q3 = rec
        .rows
        .iter()
        .find(|r| r.label == "2026年第3季度")
        .expect("Q3");
    assert_eq!(
        (q3.due_fen, q3.settled_fen, q3.received_fen),
        (300 * n, 300 * n, 300 * n)
    );
    assert!(
        q3.flags.iter().any(|f| f.contains("尚未上缴")),
        "{:?}",
        q3.flags
    );
    let remit_input = |amount_fen| RemittanceInput {
        remitted_on: d(2026, 10, 8),
        period: ym("2026-08"),
        amount_fen,
        large: false,
        receipt_no: Some("柳党费〔2026〕31号".into()),
        note: None,
    };
    let wrong = store
        .with_tx(|tx| remit::remit(tx, org, &remit_input(100), now()))
        .expect("remit");
    let rec = remit::reconcile(store.conn(), org, 2026, today()).expect("reconcile");
    let q3 = rec
        .rows
        .iter()
        .find(|r| r.label == "2026年第3季度")
        .expect("Q3");
    assert!(
        q3.flags.iter().any(|f| f.contains("不符")),
        "{:?}",
        q3.flags
    );
    // The same checks as a payment's 冲正: not dated ahead, not without a reason.
    let e = store
        .with_tx(|tx| remit::reverse(tx, org, wrong, d(2026, 11, 23), "金额录错", now()))
        .expect_err("tomorrow");
    assert!(e.to_string().contains("不能晚于今天"), "{e}");
    let e = store
        .with_tx(|tx| remit::reverse(tx, org, wrong, d(2026, 10, 9), "　", now()))
        .expect_err("no reason");
    assert!(e.to_string().contains("写明原因"), "{e}");
    store
        .with_tx(|tx| remit::reverse(tx, org, wrong, d(2026, 10, 9), "金额录错", now()))
        .expect("reverse");
    store
        .with_tx(|tx| remit::remit(tx, org, &remit_input(300 * n), now()))
        .expect("remit");
    let rec = remit::reconcile(store.conn(), org, 2026, today()).expect("reconcile");
    let q3 = rec
        .rows
        .iter()
        .find(|r| r.label == "2026年第3季度")
        .expect("Q3");
    assert_eq!((q3.remitted_fen, q3.balance_fen), (300 * n, 0));
    assert!(q3.flags.is_empty(), "{:?}", q3.flags);
    let q4 = rec
        .rows
        .iter()
        .find(|r| r.label == "2026年第4季度")
        .expect("Q4");
    assert!(!q4.ended && q4.flags.iter().any(|f| f.contains("尚欠")));
    let list = remit::list(store.conn(), org, 2026).expect("list");
    assert_eq!(list.len(), 3);
    let reversal = list
        .iter()
        .find(|r| r.reverses == Some(wrong))
        .expect("reversal listed");
    assert_eq!(
        (reversal.amount_fen, reversal.reason.as_deref()),
        (-100, Some("金额录错"))
    );
    assert_eq!(
        list.iter()
            .find(|r| r.id == wrong)
            .and_then(|r| r.reversed_by),
        Some(reversal.id)
    );
    let future = store.with_tx(|tx| {
        remit::remit(
            tx,
            org,
            &RemittanceInput {
                period: ym("2027-01"),
                ..remit_input(100)
            },
            now(),
        )
    });
    assert!(future
        .expect_err("future period")
        .to_string()
        .contains("还没有开始"));
}

#[test]
fn the_yearly_review_records_every_base_and_asks_why_for_changes_in_between() {
    let (mut store, org) = branch("2026-01");
    let review = profile::review(store.conn(), org, ym("2027-01")).expect("review");
    assert_eq!(review.reviewed, 0);
    assert!(review.rows.iter().all(|r| r.current_fen == Some(100)));
    let huang = id_of(&store, org, "黄海波");
    let entries: Vec<ReviewEntry> = review
        .rows
        .iter()
        .map(|r| ReviewEntry {
            member_id: r.member_id,
            category: if r.member_id == huang {
                DuesCategory::Salaried
            } else {
                DuesCategory::Farmer
            },
            base_fen: (r.member_id == huang).then_some(510_000),
            fixed_fen: None,
            pays_elsewhere: false,
            approval: None,
        })
        .collect();
    let bad: Vec<ReviewEntry> = entries
        .iter()
        .cloned()
        .map(|mut e| {
            if e.member_id == huang {
                e.base_fen = None;
            }
            e
        })
        .collect();
    let err = store.with_tx(|tx| profile::apply_review(tx, org, ym("2027-01"), &bad, now()));
    assert!(err
        .expect_err("no base")
        .to_string()
        .starts_with("黄海波："));
    assert_eq!(
        profile::review(store.conn(), org, ym("2027-01"))
            .expect("review")
            .reviewed,
        0,
        "nothing half-written"
    );
    store
        .with_tx(|tx| profile::apply_review(tx, org, ym("2027-01"), &entries, now()))
        .expect("apply");
    let review = profile::review(store.conn(), org, ym("2027-01")).expect("review");
    assert_eq!(review.reviewed as usize, review.rows.len());
    let row = review
        .rows
        .iter()
        .find(|r| r.member_id == huang)
        .expect("黄海波");
    assert_eq!(row.current_fen, Some(7650), "5100 × 1.5% (党务问答)");
    // Under 年初核定 a change in between needs a reason.
    let mid =
        store.with_tx(|tx| profile::set_base(tx, org, huang, &salaried("2027-05", 520_000), now()));
    assert_eq!(mid.expect_err("reason").kind(), ErrorKind::Rule);
    // 少交/免交 need the approval.
    let exempt = BaseInput {
        category: DuesCategory::ExemptApproved,
        ..farmer("2027-01")
    };
    let no_doc = store.with_tx(|tx| profile::set_base(tx, org, huang, &exempt, now()));
    assert!(no_doc.expect_err("approval").to_string().contains("第七条"));
}

#[test]
fn settings_are_checked() {
    let (mut store, org) = branch("2026-03");
    let farmer_low = DuesSettings {
        farmer_fen: 10,
        ..DuesSettings::default()
    };
    let err = dues::set_settings(store.conn(), org, &farmer_low).expect_err("0.1元");
    assert!(err.to_string().contains("第六条"));
    let wang = id_of(&store, org, "王建国");
    pay(&mut store, org, &pay_input(wang, d(2026, 3, 2), 1, 100)).expect("pay");
    let later = DuesSettings {
        start: Some(ym("2026-05")),
        farmer_fen: 100,
        ..DuesSettings::default()
    };
    let err = dues::set_settings(store.conn(), org, &later).expect_err("start after payments");
    assert!(err.to_string().contains("2026年3月"), "{err}");
}

#[test]
fn the_exported_tables_add_up() {
    let (mut store, org) = branch("2026-01");
    let wang = id_of(&store, org, "王建国");
    pay(
        &mut store,
        org,
        &PaymentInput {
            approval: Some("补交".into()),
            ..pay_input(wang, d(2026, 11, 1), 11, 1100)
        },
    )
    .expect("pay");
    let tables = export::tables(store.conn(), org, 2026, today()).expect("tables");
    assert_eq!(
        tables.iter().map(|t| t.sheet.as_str()).collect::<Vec<_>>(),
        [
            "收缴登记表",
            "收缴公示表",
            "收款流水",
            "上缴记录",
            "大额党费"
        ]
    );
    for t in &tables {
        assert!(
            t.rows.iter().all(|r| r.len() == t.header.len()),
            "{}: every row as wide as the header",
            t.sheet
        );
    }
    let register = &tables[0];
    assert!(register.title.contains("2026年党费收缴登记表（截至11月）"));
    let row = register
        .rows
        .iter()
        .find(|r| r.get(1) == Some(&Cell::Text("王建国".into())))
        .expect("王建国");
    assert_eq!(row.len(), register.header.len());
    assert_eq!(row[4], Cell::Money(100));
    assert_eq!(row[16], Cell::Money(1100), "应交合计");
    let totals = register.rows.last().expect("totals");
    assert_eq!(totals[1], Cell::Text("合计".into()));
    assert_eq!(totals[17], Cell::Money(1100));
    let others = register
        .rows
        .iter()
        .filter(|r| r.contains(&Cell::Text("未交".into())))
        .count();
    assert!(others >= 10, "the unpaid months of the others show as 未交");
    assert_eq!(tables[2].rows.len(), 1, "one payment in the cash book");
    // The 公示表 adds up: its 合计 row is the sum of the members' rows.
    let notice = &tables[1];
    assert_eq!(notice.total_rows, 1);
    let (members, total) = notice.rows.split_at(notice.rows.len() - 1);
    assert_eq!(total[0][1], Cell::Text("合计".into()));
    for column in [4, 5, 7] {
        let sum: i64 = members
            .iter()
            .map(|r| match r[column] {
                Cell::Money(f) => f,
                _ => 0,
            })
            .sum();
        assert_eq!(
            total[0][column],
            Cell::Money(sum),
            "{}",
            notice.header[column]
        );
    }
    assert_eq!(total[0][5], Cell::Money(1100), "已交 by 王建国 only");
}

/// 第十二条 "补交党费的时间一般不得超过6个月" holds whatever window the
/// branch set: with a 12-month window, 补交 of the seventh month back still
/// needs a recorded approval; the sixth does not.
#[test]
fn arrears_beyond_six_months_need_approval_even_with_a_wide_window() {
    let (mut store, org) = branch("2026-01");
    let settings = DuesSettings {
        arrears_window: 12,
        ..dues::settings(store.conn(), org).expect("settings")
    };
    dues::set_settings(store.conn(), org, &settings).expect("settings");
    let zhao = id_of(&store, org, "赵永刚");
    // Paid in November: the oldest unpaid month, January, is ten months back.
    let err = pay(&mut store, org, &pay_input(zhao, today(), 4, 400)).expect_err("beyond six");
    assert_eq!(err.kind(), ErrorKind::Rule);
    assert!(
        err.to_string().contains("补交2026年1月的党费已超过6个月")
            && err.to_string().contains("第十二条"),
        "{err}"
    );
    pay(
        &mut store,
        org,
        &PaymentInput {
            approval: Some("2026年11月支委会研究同意补交".into()),
            ..pay_input(zhao, today(), 4, 400)
        },
    )
    .expect("January to April with approval");
    // Now May is the oldest unpaid month: six months back, no approval needed.
    pay(&mut store, org, &pay_input(zhao, today(), 1, 100)).expect("May, six months back");
}

/// 党费规定第六条 "农民党员每月交纳党费0.2元至1元": the branch's standard, or
/// a member's own amount within that range; outside it is refused.
#[test]
fn a_farmer_may_have_an_own_amount_within_twenty_fen_and_one_yuan() {
    let (mut store, org) = branch("2026-01");
    let wu = id_of(&store, org, "吴长顺");
    let own = |fen: i64| BaseInput {
        fixed_fen: Some(fen),
        note: Some("支委会研究确定本人每月交纳金额".into()),
        ..farmer("2026-11")
    };
    for bad in [10, 101, 500] {
        let e = store
            .with_tx(|tx| profile::set_base(tx, org, wu, &own(bad), now()))
            .expect_err("outside 0.2–1元");
        assert_eq!(e.kind(), ErrorKind::Rule);
        assert!(
            e.to_string().contains("0.2元至1元") && e.to_string().contains("第六条"),
            "{e}"
        );
    }
    for (fen, due) in [(20, 20), (100, 100), (50, 50)] {
        store
            .with_tx(|tx| profile::set_base(tx, org, wu, &own(fen), now()))
            .expect("within the range");
        let sheet = ledger::month_sheet(store.conn(), org, ym("2026-11"), today()).expect("sheet");
        let row = sheet
            .rows
            .iter()
            .find(|r| r.member_id == wu)
            .expect("吴长顺");
        assert_eq!(row.due_fen, Some(due));
    }
    // Others keep the branch's 1元.
    let zhao = id_of(&store, org, "赵永刚");
    let sheet = ledger::month_sheet(store.conn(), org, ym("2026-11"), today()).expect("sheet");
    let row = sheet
        .rows
        .iter()
        .find(|r| r.member_id == zhao)
        .expect("赵永刚");
    assert_eq!(row.due_fen, Some(100));
}

/// Months with no base yet cannot have been paid (the amount is unknown), so
/// they do not count toward the 3/5/6-month run (党章第九条, 党费规定第十三条):
/// they are reported as 未核定基数 instead.
#[test]
fn months_without_a_base_are_reported_not_counted_as_unpaid() {
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load_roster(&mut store, now()).expect("demo");
    let settings = DuesSettings {
        start: Some(ym("2026-01")),
        farmer_fen: 100,
        ..DuesSettings::default()
    };
    dues::set_settings(store.conn(), org, &settings).expect("settings");
    let zhao = id_of(&store, org, "赵永刚");
    // Only 赵永刚 has a base, and only from September: Sep–Nov unpaid.
    store
        .with_tx(|tx| {
            profile::set_base(
                tx,
                org,
                zhao,
                &BaseInput {
                    note: Some("补核定".into()),
                    ..farmer("2026-09")
                },
                now(),
            )
        })
        .expect("base");
    let rows = ledger::arrears(store.conn(), org, today()).expect("arrears");
    let row = rows.iter().find(|r| r.member_id == zhao).expect("赵永刚");
    assert_eq!(row.unpaid_run, 3, "{row:?}");
    assert_eq!(row.level, Some(ParticipationLevel::Notice));
    assert_eq!(row.no_base_months, 8);
    assert!(
        row.message
            .as_deref()
            .is_some_and(|m| m.contains("已连续3个月") && m.contains("8个月未核定党费基数")),
        "{row:?}"
    );
    // Someone with no base at all: eleven months, no run, no level.
    let wang = id_of(&store, org, "王建国");
    let row = rows.iter().find(|r| r.member_id == wang).expect("王建国");
    assert_eq!((row.unpaid_run, row.level), (0, None), "{row:?}");
    assert!(
        row.message
            .as_deref()
            .is_some_and(|m| m.starts_with("有11个月未核定党费基数")),
        "{row:?}"
    );
}

/// 党费规定第八条: a 预备党员 pays from the 支部大会 that accepted them. One
/// handed over from 发展党员 comes onto the books only when the 上级党委
/// approves: the months before are owed, but the branch could not have
/// asked for them, so they do not start a 3/5/6-month run (issue 18, item 6).
#[test]
fn a_handed_over_probationer_owes_from_the_meeting_but_is_not_counted_unpaid_before() {
    use zhibu_core::development::{self, StepInput};
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    // 赵敏: accepted by the 支部大会 on 22 July, approved today.
    let zhao = development::list(store.conn(), org, today())
        .expect("board")
        .into_iter()
        .find(|p| p.name == "赵敏")
        .expect("赵敏")
        .id;
    store
        .with_tx(|tx| {
            development::record_step(
                tx,
                zhao,
                &StepInput {
                    step: 17,
                    date: Some(today()),
                    override_reason: Some("镇党委会议推迟".into()),
                    ..StepInput::default()
                },
                now(),
            )
        })
        .expect("approved");
    let member = development::detail(store.conn(), zhao, today())
        .expect("detail")
        .summary
        .member_id
        .expect("on the roster");
    // The books are closed through September: the base starts in October.
    store
        .with_tx(|tx| profile::set_base(tx, org, member, &farmer("2026-10"), now()))
        .expect("base");
    let card = card::card(store.conn(), org, member, today()).expect("card");
    let owed: Vec<(String, Option<i64>)> = card
        .open
        .iter()
        .filter(|o| o.month <= ym("2026-11"))
        .map(|o| (o.month.to_string(), o.fen))
        .collect();
    assert!(
        owed.contains(&("2026-10".into(), Some(100)))
            && owed.contains(&("2026-11".into(), Some(100))),
        "October and November are owed: {owed:?}"
    );
    assert_eq!(card.unpaid_run, 0, "{card:?}");
    let rows = ledger::arrears(store.conn(), org, today()).expect("arrears");
    let row = rows.iter().find(|r| r.member_id == member);
    assert!(
        row.is_none_or(|r| r.level.is_none() && r.unpaid_run == 0),
        "{row:?}"
    );
    // A month that falls due after the handover counts as usual.
    let later = d(2027, 1, 6);
    let card = card::card(store.conn(), org, member, later).expect("card");
    assert_eq!(card.unpaid_run, 2, "December and January: {card:?}");
}

/// 党费规定第十二条: "遇到特殊情况，经党支部同意，可以每季度交纳一次党费".
/// A quarterly payer's months fall due together, on the due day of the
/// quarter's last month; the consent must be recorded (issue 18, item 7).
#[test]
fn a_quarterly_payer_owes_each_quarter_by_its_last_months_due_day() {
    use zhibu_core::dues::PayPeriod::{self, *};
    // The period each month belongs to ends in …
    let table: [(PayPeriod, &str, &str); 7] = [
        (Monthly, "2026-02", "2026-02"),
        (Quarterly, "2026-01", "2026-03"),
        (Quarterly, "2026-03", "2026-03"),
        (Quarterly, "2026-04", "2026-06"),
        (Quarterly, "2026-12", "2026-12"),
        (HalfYearly, "2026-06", "2026-06"),
        (HalfYearly, "2026-07", "2026-12"),
    ];
    for (period, month, last) in table {
        assert_eq!(period.last_month(ym(month)), ym(last), "{period} {month}");
    }

    let (mut store, org) = branch("2026-07");
    let wang = id_of(&store, org, "王建国");
    let li = id_of(&store, org, "李秀英");
    let quarterly = |approval: Option<&str>| BaseInput {
        period: Quarterly,
        approval: approval.map(Into::into),
        note: Some("本人常年在外务工，申请按季度交纳".into()),
        ..farmer("2026-07")
    };
    let e = store
        .with_tx(|tx| profile::set_base(tx, org, wang, &quarterly(None), now()))
        .expect_err("needs the branch's consent");
    assert!(
        e.to_string().contains("须经党支部同意") && e.to_string().contains("第十二条"),
        "{e}"
    );
    store
        .with_tx(|tx| {
            profile::set_base(
                tx,
                org,
                wang,
                &quarterly(Some("2026年7月3日支委会同意")),
                now(),
            )
        })
        .expect("quarterly");
    // On 22 November: the third quarter was due on 5 September and is
    // unpaid; October and November are not due until 5 December.
    let card = card::card(store.conn(), org, wang, today()).expect("card");
    let states: Vec<(String, MonthState)> = card
        .months
        .iter()
        .map(|m| (m.month.to_string(), m.state))
        .collect();
    assert_eq!(
        states,
        [
            ("2026-07".into(), MonthState::Overdue),
            ("2026-08".into(), MonthState::Overdue),
            ("2026-09".into(), MonthState::Overdue),
            ("2026-10".into(), MonthState::Unpaid),
            ("2026-11".into(), MonthState::Unpaid),
        ]
    );
    assert_eq!(card.unpaid_run, 3);
    // A monthly payer with the same months unpaid is five months behind.
    assert_eq!(
        card::card(store.conn(), org, li, today())
            .expect("card")
            .unpaid_run,
        5
    );
    let sheet = ledger::month_sheet(store.conn(), org, ym("2026-11"), today()).expect("sheet");
    let state_of = |id| {
        sheet
            .rows
            .iter()
            .find(|r| r.member_id == id)
            .map(|r| r.state)
    };
    assert_eq!(
        (state_of(wang), state_of(li)),
        (Some(MonthState::Unpaid), Some(MonthState::Overdue))
    );
    // The next yearly 核定 keeps the period, with the consent carried over.
    let entry = ReviewEntry {
        member_id: wang,
        category: DuesCategory::Farmer,
        base_fen: None,
        fixed_fen: None,
        pays_elsewhere: false,
        approval: Some("2026年7月3日支委会同意".into()),
    };
    store
        .with_tx(|tx| profile::apply_review(tx, org, ym("2027-01"), &[entry], now()))
        .expect("review");
    let bases = profile::bases(store.conn(), wang).expect("bases");
    assert_eq!(
        bases.last().map(|b| (b.effective.to_string(), b.period)),
        Some(("2027-01".into(), Quarterly))
    );
}
