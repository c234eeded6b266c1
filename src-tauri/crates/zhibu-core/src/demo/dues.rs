//! Three years of the demo branch's 党费, collected the way a village branch
//! does it: in cash at the start of the month, a few people always late, a
//! 补交 of four months, an old member whose son pays for him (代交), a
//! 流动党员 who pays where he works, a member out of contact who stopped paying, 大额党费 given once, a remittance after
//! every quarter, months closed up to two months ago, and the current month
//! half collected — so every screen has something true to show.

use chrono::{DateTime, Datelike, Local, NaiveDate};
use rusqlite::Transaction;

use crate::dues::payments::{self, PayMethod, PaymentInput};
use crate::dues::profile::{self, BaseInput};
use crate::dues::remit::{self, RemittanceInput};
use crate::dues::{self, close, ledger, DuesCategory, DuesSettings, PayPeriod};
use crate::error::Result;
use crate::members::{roster, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;

/// Category and base (元) by name; everyone else is 农民.
fn terms(name: &str, year_offset: i32) -> (DuesCategory, Option<i64>) {
    use DuesCategory::*;
    match name {
        "王建国" => (Salaried, Some(320_000)),
        // 3000元 exactly: 0.5 %, 15.00 a month (one 分 more would be 1 %).
        "刘芳" => (Salaried, Some(300_000)),
        // A pay rise each year: 4600, 4900, 5100 (5100 × 1.5 % = 76.50).
        "黄海波" => (
            Salaried,
            Some([460_000, 490_000, 510_000][year_offset.clamp(0, 2) as usize]),
        ),
        "田宇" => (SelfEmployed, Some(420_000)),
        "马俊杰" => (Salaried, Some(480_000)),
        "韩磊" => (Salaried, Some(360_000)),
        "郑玉梅" => (Dibao, None),
        _ => (Farmer, None),
    }
}

fn on(month: YearMonth, day: u32) -> NaiveDate {
    month
        .first_day()
        .with_day0(day - 1)
        .unwrap_or(month.first_day())
}

pub(super) fn load(tx: &Transaction<'_>, org: OrgId, now: DateTime<Local>) -> Result<()> {
    let today = now.date_naive();
    let this_month = YearMonth::of(today);
    let start = YearMonth::new(today.year() - 2, 1)?;
    let settings = DuesSettings {
        start: Some(start),
        // 东坡村党支部 decided on 1元 for 农民党员 (党费规定 第六条: 0.2–1元).
        farmer_fen: 100,
        ..DuesSettings::default()
    };
    dues::set_settings(tx, org, &settings)?;
    // The latest month already past its due day: before the 5th that is last
    // month, so the arrears below read the same on any day of a month.
    let last_overdue = if today > settings.due_date(this_month) {
        this_month
    } else {
        this_month.prev()
    };
    let people: Vec<(MemberId, String)> = roster::histories(tx, org)?
        .into_iter()
        .map(|(m, _)| (m.id, m.name))
        .collect();
    let flow_out = today
        .checked_sub_months(chrono::Months::new(8))
        .unwrap_or(today);
    // The yearly 核定 each January.
    for year_offset in 0..=2 {
        let january = YearMonth::new(start.year() + year_offset, 1)?;
        for (id, name) in &people {
            let (category, base_fen) = terms(name, year_offset);
            // 刘芳 pays each quarter, as the 支委会 agreed (党费规定第十二条).
            let quarterly = name == "刘芳";
            let input = BaseInput {
                effective: january,
                category,
                base_fen,
                fixed_fen: None,
                pays_elsewhere: false,
                period: if quarterly {
                    PayPeriod::Quarterly
                } else {
                    PayPeriod::Monthly
                },
                approval: quarterly.then(|| "2024年1月8日支委会研究同意按季度交纳".into()),
                note: Some(format!("{}年度核定", january.year())),
            };
            profile::set_base(tx, org, *id, &input, now)?;
        }
    }
    let id_of = |name: &str| people.iter().find(|p| p.1 == name).map(|p| p.0);
    if let Some(ma) = id_of("马俊杰") {
        let (category, base_fen) = terms("马俊杰", 2);
        profile::set_base(
            tx,
            org,
            ma,
            &BaseInput {
                effective: YearMonth::of(flow_out).next(),
                category,
                base_fen,
                fixed_fen: None,
                pays_elsewhere: true,
                period: PayPeriod::Monthly,
                approval: None,
                note: Some("持《流动党员活动证》，在东莞市长安镇流入地党组织交纳".into()),
            },
            now,
        )?;
    }

    let pay = |member: MemberId,
               paid_on: NaiveDate,
               months: u32,
               extra: i64,
               paid_by: Option<&str>,
               note: Option<&str>|
     -> Result<()> {
        let card = dues::card::card(tx, org, member, today)?;
        let due: i64 = card
            .open
            .iter()
            .take(months as usize)
            .filter_map(|o| o.fen)
            .sum();
        payments::pay(
            tx,
            org,
            &PaymentInput {
                member_id: member,
                paid_on,
                months,
                amount_fen: due + extra,
                method: PayMethod::Cash,
                paid_by: paid_by.map(Into::into),
                receipt_no: None,
                approval: None,
                note: note.map(Into::into),
            },
            now,
        )?;
        Ok(())
    };

    let last_year_july = YearMonth::new(today.year() - 1, 7)?;
    let feng_gap = [
        YearMonth::new(today.year() - 1, 3)?,
        YearMonth::new(today.year() - 1, 4)?,
        YearMonth::new(today.year() - 1, 5)?,
    ];
    let gap_from = last_overdue.prev().prev();
    let lost_on = today
        .checked_sub_months(chrono::Months::new(9))
        .unwrap_or(today);
    let paid_this_month = ["王建国", "李秀英", "黄海波", "张志强", "陈德福", "周晓燕"];
    let mut month = start;
    while month <= this_month {
        let sheet = ledger::month_sheet(tx, org, month, today)?;
        for row in &sheet.rows {
            if row.due_fen.unwrap_or(0) == 0 || row.paid_fen > 0 {
                continue;
            }
            let name = row.name.as_str();
            if month == this_month && !paid_this_month.contains(&name) {
                continue;
            }
            // 潘志明 has paid nothing since he lost contact.
            if name == "潘志明" && month.first_day() >= lost_on {
                continue;
            }
            // 孙桂兰 and 郑玉梅 owe the last three months past their due day
            // (a 3-month 提醒), and have not paid the current one either.
            if (name == "孙桂兰" || name == "郑玉梅") && month >= gap_from {
                continue;
            }
            // 冯国庆 was in hospital in spring last year and paid four months at once in June.
            if name == "冯国庆" && feng_gap.contains(&month) {
                continue;
            }
            if name == "冯国庆" && month == feng_gap[2].next() {
                pay(
                    row.member_id,
                    on(month, 6),
                    4,
                    0,
                    None,
                    Some("住院期间未交，出院后补交"),
                )?;
                continue;
            }
            // 赵永刚 works away on weekdays and always pays after the 5th.
            let day = if name == "赵永刚" { 16 } else { 3 };
            // 吴长顺 is 81; his son brings the money.
            let by = (name == "吴长顺").then_some("吴建军（儿子）");
            // On 七一 last year 陈德福 gave 1000元 over his dues: 大额党费.
            let extra = if name == "陈德福" && month == last_year_july {
                100_000
            } else {
                0
            };
            let note = (extra > 0).then_some("七一自愿多交党费");
            // 刘芳 pays each quarter at its start, with the branch's agreement.
            if name == "刘芳" {
                if (month.month() - 1) % 3 == 0 && on(month, 3) <= today {
                    pay(
                        row.member_id,
                        on(month, 3),
                        3,
                        0,
                        None,
                        Some("经支部同意按季度交纳"),
                    )?;
                }
                continue;
            }
            if on(month, day) > today {
                continue;
            }
            pay(row.member_id, on(month, day), 1, extra, by, note)?;
        }
        month = month.next();
    }

    // A remittance on the 10th after every quarter; 大额党费 goes on to 中央.
    let settings = dues::settings(tx, org)?;
    let mut quarter = start;
    while settings.remit_period.period_of(quarter).1 < this_month {
        let (first, last) = settings.remit_period.period_of(quarter);
        let (ordinary, large) = ledger::received_in(tx, org, first, last)?;
        let remitted_on = on(last.next(), 10);
        let receipt = format!("柳党费〔{}〕{}号", remitted_on.year(), 10 + last.month());
        if ordinary > 0 {
            remit::remit(
                tx,
                org,
                &RemittanceInput {
                    remitted_on,
                    period: first,
                    amount_fen: ordinary,
                    large: false,
                    receipt_no: Some(receipt.clone()),
                    note: None,
                },
                now,
            )?;
        }
        if large > 0 {
            remit::remit(
                tx,
                org,
                &RemittanceInput {
                    remitted_on,
                    period: first,
                    amount_fen: large,
                    large: true,
                    receipt_no: Some(format!("{receipt}-大额")),
                    note: Some("陈德福同志自愿交纳大额党费，经镇党委上缴中央".into()),
                },
                now,
            )?;
        }
        quarter = last.next();
    }

    // Books closed up to two months ago.
    let mut month = start;
    while month < this_month.prev() {
        close::close_month(tx, org, month, now)?;
        month = month.next();
    }
    Ok(())
}
