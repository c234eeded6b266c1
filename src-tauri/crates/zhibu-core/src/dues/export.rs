//! The dues ledgers as tables, ready for a spreadsheet (and later a PDF):
//! 党费收缴登记表 (member × month), 党费收缴公示表, the cash book, the
//! remittance list and the 大额党费 ledger. The tables are built here so the CLI, the app and the
//! tests print the same thing.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::large;
use super::ledger::{Book, Owing};
use super::payments::cash_book;
use super::remit;
use crate::error::Result;
use crate::members::excel::{date_to_serial, Cell};
use crate::month::YearMonth;
use crate::org::{self, OrgId};
use crate::table::Table;

fn text(t: impl Into<String>) -> Cell {
    Cell::Text(t.into())
}

fn opt_text(t: &Option<String>) -> Cell {
    t.clone().map(Cell::Text).unwrap_or(Cell::Empty)
}

/// The 收缴登记表 (every member, month by month) and the 收缴公示表 (each
/// member's year) of `year`, counted through today when the year is not over:
/// what the printed register and notice hold, without the ledgers.
pub fn member_sheets(
    conn: &Connection,
    org_id: OrgId,
    year: i32,
    today: NaiveDate,
) -> Result<(Table, Table)> {
    crate::month::check_year(year)?;
    let branch = org::get(conn, org_id)?.name;
    let book = Book::load(conn, org_id, today)?;
    let s = &book.settings;
    let first = YearMonth::new(year, 1)?;
    let last = YearMonth::new(year, 12)?.min(YearMonth::of(today));
    let months: Vec<YearMonth> = (0..12).map(|i| first.plus(i)).collect();

    let mut register = Vec::new();
    let mut notice = Vec::new();
    let mut month_totals = [0i64; 12];
    let (mut due_total, mut paid_total) = (0i64, 0i64);
    let (mut settled_total, mut owed_total) = (0i64, 0i64);
    for m in &book.members {
        if !months
            .iter()
            .any(|&month| month >= book.start && m.owing(month, s) != Owing::NotHere)
        {
            continue;
        }
        let n = register.len() as f64 + 1.0;
        let current = months
            .iter()
            .rev()
            .filter(|&&month| month <= last)
            .find_map(|&month| match m.owing(month, s) {
                Owing::Due(fen) => Some(fen),
                _ => None,
            });
        let mut row = vec![
            Cell::Number(n),
            text(m.name.clone()),
            super::profile::applying(&m.bases, last)
                .map(|b| text(b.terms.category.label()))
                .unwrap_or(text("未核定")),
            current.map(Cell::Money).unwrap_or(Cell::Empty),
        ];
        let (mut due, mut paid, mut due_months, mut owed_months) = (0i64, 0i64, 0u32, 0u32);
        for (i, &month) in months.iter().enumerate() {
            let got = m.paid(month);
            let cell = if month < book.start {
                text("")
            } else {
                match m.owing(month, s) {
                    Owing::NotHere if got == 0 => text("—"),
                    Owing::Elsewhere => text("流入地交"),
                    Owing::Due(0) => text("免交"),
                    Owing::Due(fen) if month <= last => {
                        due += fen;
                        due_months += 1;
                        if got < fen && today > m.due_date(month, s) {
                            owed_months += 1;
                        }
                        if got > 0 {
                            Cell::Money(got)
                        } else if today > m.due_date(month, s) {
                            text("未交")
                        } else {
                            Cell::Empty
                        }
                    }
                    Owing::NoBase if month <= last => {
                        due_months += 1;
                        if got > 0 {
                            Cell::Money(got)
                        } else {
                            text("未核定")
                        }
                    }
                    _ if got > 0 => Cell::Money(got),
                    _ => Cell::Empty,
                }
            };
            month_totals[i] += got;
            paid += got;
            row.push(cell);
        }
        due_total += due;
        paid_total += paid;
        row.push(Cell::Money(due));
        row.push(Cell::Money(paid));
        register.push(row);

        let settled: i64 = months
            .iter()
            .filter(|&&month| month <= last)
            .map(|&month| match m.owing(month, s) {
                Owing::Due(fen) => m.paid(month).min(fen),
                _ => 0,
            })
            .sum();
        settled_total += settled;
        owed_total += (due - settled).max(0);
        notice.push(vec![
            Cell::Number(n),
            text(m.name.clone()),
            current.map(Cell::Money).unwrap_or(text("未核定")),
            Cell::Number(f64::from(due_months)),
            Cell::Money(due),
            Cell::Money(settled),
            Cell::Number(f64::from(owed_months)),
            Cell::Money((due - settled).max(0)),
        ]);
    }
    let mut total_row = vec![Cell::Empty, text("合计"), Cell::Empty, Cell::Empty];
    total_row.extend(month_totals.iter().map(|&f| Cell::Money(f)));
    total_row.push(Cell::Money(due_total));
    total_row.push(Cell::Money(paid_total));
    register.push(total_row);
    // The notice adds up too: what an inspector (and every member) checks first.
    notice.push(vec![
        Cell::Empty,
        text("合计"),
        Cell::Empty,
        Cell::Empty,
        Cell::Money(due_total),
        Cell::Money(settled_total),
        Cell::Empty,
        Cell::Money(owed_total),
    ]);

    let mut register_header: Vec<String> = ["序号", "姓名", "党费类别", "月交纳额（元）"]
        .map(String::from)
        .to_vec();
    register_header.extend((1..=12).map(|m| format!("{m}月")));
    register_header.push("应交合计（元）".into());
    register_header.push("实交合计（元）".into());
    let mut register_widths = vec![6.0, 10.0, 12.0, 10.0];
    register_widths.extend([10.0; 12]);
    register_widths.extend([12.0, 12.0]);

    let through = if last.year() == year && last.month() < 12 {
        format!("（截至{}月）", last.month())
    } else {
        String::new()
    };
    Ok((
        Table {
            sheet: "收缴登记表".into(),
            title: format!("{branch}{year}年党费收缴登记表{through}"),
            header: register_header,
            rows: register,
            widths: register_widths,
            frozen_columns: 2,
            total_rows: 1,
        },
        Table {
            sheet: "收缴公示表".into(),
            title: format!("{branch}{year}年党费收缴情况公示{through}"),
            header: [
                "序号",
                "姓名",
                "月交纳标准（元）",
                "应交月数",
                "应交金额（元）",
                "已交金额（元）",
                "欠交月数",
                "欠交金额（元）",
            ]
            .map(String::from)
            .to_vec(),
            rows: notice,
            widths: vec![6.0, 10.0, 14.0, 9.0, 13.0, 13.0, 9.0, 13.0],
            frozen_columns: 0,
            total_rows: 1,
        },
    ))
}

/// The five tables of `year` (the two above, the cash book, the remittances
/// and the 大额党费 ledger), counted through today when the year is not over.
pub fn tables(conn: &Connection, org_id: OrgId, year: i32, today: NaiveDate) -> Result<Vec<Table>> {
    let (register, notice) = member_sheets(conn, org_id, year, today)?;
    let branch = org::get(conn, org_id)?.name;
    let first = YearMonth::new(year, 1)?;
    let cash = cash_book(conn, org_id, first, YearMonth::new(year, 12)?)?
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let span = match (p.months.first(), p.months.last()) {
                (Some(a), Some(b)) if a.month != b.month => format!("{}至{}", a.month, b.month),
                (Some(a), _) => a.month.to_string(),
                _ => "（自愿多交）".into(),
            };
            let mut note = Vec::new();
            if let Some(r) = &p.reason {
                note.push(format!("冲正：{r}"));
            }
            if p.large {
                note.push("大额党费".into());
            }
            if let Some(a) = &p.approval {
                note.push(format!("批准：{a}"));
            }
            if let Some(n) = &p.note {
                note.push(n.clone());
            }
            vec![
                Cell::Number(i as f64 + 1.0),
                Cell::Date(date_to_serial(p.paid_on)),
                text(p.name),
                text(span),
                Cell::Money(p.dues_fen),
                Cell::Money(p.extra_fen),
                text(p.method.label()),
                opt_text(&p.paid_by),
                opt_text(&p.receipt_no),
                text(note.join("；")),
            ]
        })
        .collect();

    let remittances = remit::list(conn, org_id, year)?
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::Number(i as f64 + 1.0),
                Cell::Date(date_to_serial(r.remitted_on)),
                text(r.period_label),
                Cell::Money(r.amount_fen),
                text(if r.large {
                    "大额党费（上缴中央）"
                } else {
                    "党费"
                }),
                opt_text(&r.receipt_no),
                text(
                    r.reason
                        .map(|x| format!("冲正：{x}"))
                        .or(r.note)
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();

    Ok(vec![
        register,
        notice,
        Table {
            sheet: "收款流水".into(),
            title: format!("{branch}{year}年党费收款流水"),
            header: [
                "序号",
                "收款日期",
                "姓名",
                "所交月份",
                "党费（元）",
                "自愿多交（元）",
                "方式",
                "代交人",
                "收据编号",
                "备注",
            ]
            .map(String::from)
            .to_vec(),
            rows: cash,
            widths: vec![6.0, 12.0, 10.0, 18.0, 11.0, 13.0, 7.0, 10.0, 12.0, 30.0],
            frozen_columns: 0,
            total_rows: 0,
        },
        Table {
            sheet: "上缴记录".into(),
            title: format!("{branch}{year}年党费上缴记录"),
            header: [
                "序号",
                "上缴日期",
                "所属期间",
                "金额（元）",
                "类别",
                "收据编号",
                "备注",
            ]
            .map(String::from)
            .to_vec(),
            rows: remittances,
            widths: vec![6.0, 12.0, 16.0, 12.0, 18.0, 14.0, 30.0],
            frozen_columns: 0,
            total_rows: 0,
        },
        large_table(conn, org_id, year, &branch)?,
    ])
}

/// 大额党费登记簿: carried over, every sum in and out, what is still held.
fn large_table(conn: &Connection, org_id: OrgId, year: i32, branch: &str) -> Result<Table> {
    let l = large::ledger(conn, org_id, year)?;
    let mut rows = vec![vec![
        Cell::Empty,
        Cell::Empty,
        text("上年结转"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Money(l.opening_fen),
        Cell::Empty,
    ]];
    for (i, e) in l.entries.iter().enumerate() {
        let who = match (&e.name, &e.paid_by) {
            (Some(n), Some(by)) => format!("{n}（{by}代交）"),
            (Some(n), None) => n.clone(),
            _ => String::new(),
        };
        rows.push(vec![
            Cell::Number(i as f64 + 1.0),
            Cell::Date(date_to_serial(e.date)),
            text(e.kind.label()),
            text(who),
            opt_text(&e.receipt_no),
            if e.in_fen != 0 {
                Cell::Money(e.in_fen)
            } else {
                Cell::Empty
            },
            if e.out_fen != 0 {
                Cell::Money(e.out_fen)
            } else {
                Cell::Empty
            },
            Cell::Money(e.balance_fen),
            opt_text(&e.note),
        ]);
    }
    rows.push(vec![
        Cell::Empty,
        Cell::Empty,
        text("本年合计"),
        Cell::Empty,
        Cell::Empty,
        Cell::Money(l.received_fen),
        Cell::Money(l.remitted_fen),
        Cell::Money(l.closing_fen),
        text(if l.closing_fen == 0 {
            "已全部上缴中央"
        } else {
            "结存应全部上缴中央"
        }),
    ]);
    Ok(Table {
        sheet: "大额党费".into(),
        title: format!("{branch}{year}年大额党费登记簿"),
        header: [
            "序号",
            "日期",
            "摘要",
            "交纳人",
            "收据编号",
            "收到（元）",
            "上缴中央（元）",
            "结存（元）",
            "备注",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        widths: vec![6.0, 12.0, 10.0, 18.0, 14.0, 12.0, 14.0, 12.0, 30.0],
        frozen_columns: 0,
        total_rows: 1,
    })
}
