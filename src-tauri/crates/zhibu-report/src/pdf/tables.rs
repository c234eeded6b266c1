//! Printed tables: the core's `Table`s (党员花名册, 党费收缴登记表, 公示表 …)
//! typeset by `tables.typ`, the same rows the Excel export writes.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{json, Value};
use zhibu_core::members::excel::serial_to_date;
use zhibu_core::members::rules::ymd;
use zhibu_core::money::yuan;
use zhibu_core::table::{Cell, Table};

use super::engine::Job;

/// One table on its own pages, with what is printed around it.
pub struct Section {
    pub table: Table,
    /// Centred under the title: the day, the counts …
    pub lines: Vec<String>,
    /// Small print under the table: the rule it follows, what a mark means.
    pub notes: Vec<String>,
    /// Who signs under it (制表人, 审核人 …).
    pub signatures: Vec<&'static str>,
    /// 制表日期, when printed.
    pub made: Option<NaiveDate>,
    /// A place for the seal at the bottom right: whose, and the day under it.
    pub seal: Option<(String, NaiveDate)>,
}

/// A cell as printed: money in 元 with two decimals, dates as 2026.03.05.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Cell::Number(n) => n.to_string(),
        Cell::Date(serial) => serial_to_date(*serial)
            .map(|d| d.format("%Y.%m.%d").to_string())
            .unwrap_or_default(),
        Cell::Bool(b) => if *b { "是" } else { "否" }.into(),
        Cell::Money(fen) => yuan(*fen),
    }
}

/// Amounts line up on the right, numbers, dates and short words sit
/// centred, text reads from the left: a column takes the alignment of what
/// it holds.
fn alignments(table: &Table) -> Vec<&'static str> {
    (0..table.header.len())
        .map(|c| {
            let cells = || table.rows.iter().filter_map(|r| r.get(c));
            let money = cells().any(|x| matches!(x, Cell::Money(_)));
            let words = cells().any(|x| matches!(x, Cell::Text(t) if !t.is_empty()));
            if money && !words {
                "right"
            } else if money {
                // Amounts among words (未交, 流入地交 …): all centred, so neither looks out of place.
                "center"
            } else if cells().all(|x| {
                matches!(
                    x,
                    Cell::Empty | Cell::Number(_) | Cell::Date(_) | Cell::Bool(_)
                ) || matches!(x, Cell::Text(t) if t.chars().count() <= 4)
            }) {
                "center"
            } else {
                "left"
            }
        })
        .collect()
}

fn section(s: &Section) -> Value {
    let t = &s.table;
    let name_column = t.header.iter().position(|h| h == "姓名");
    let first_total = t.rows.len().saturating_sub(t.total_rows);
    let rows: Vec<Value> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let who = name_column
                .and_then(|c| r.get(c))
                .map(cell_text)
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("第{}行", i + 1));
            json!({
                "where": format!("{} {who}", t.title),
                "cells": (0..t.header.len()).map(|c| r.get(c).map(cell_text).unwrap_or_default()).collect::<Vec<_>>(),
                "total": i >= first_total,
            })
        })
        .collect();
    json!({
        "title": t.title,
        "lines": s.lines,
        "header": t.header,
        "widths": t.widths,
        "align": alignments(t),
        "rows": rows,
        "notes": s.notes,
        "signatures": s.signatures,
        "made": s.made.map(ymd).unwrap_or_default(),
        "seal": s.seal.as_ref().map(|(by, on)| json!({ "by": by, "on": ymd(*on) })),
    })
}

/// A document of `sections`, each starting a page; landscape for wide tables.
pub fn job(title: &str, landscape: bool, sections: &[Section], today: NaiveDate) -> Job {
    let widest = sections
        .iter()
        .map(|s| s.table.header.len())
        .max()
        .unwrap_or(0);
    let size = match widest {
        0..=10 => 10.5,
        11..=14 => 9.0,
        15..=16 => 8.5,
        _ => 8.0,
    };
    Job {
        template: "tables.typ",
        data: json!({
            "title": title,
            "landscape": landscape,
            "size": size,
            "sections": sections.iter().map(section).collect::<Vec<_>>(),
        }),
        pictures: HashMap::new(),
        today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            sheet: "s".into(),
            title: "表".into(),
            header: vec!["序号".into(), "姓名".into(), "金额".into(), "备注".into()],
            rows,
            widths: vec![3.0, 5.0, 6.0, 10.0],
            frozen_columns: 0,
            total_rows: 1,
        }
    }

    #[test]
    fn cells_print_as_a_clerk_writes_them() {
        assert_eq!(cell_text(&Cell::Money(1500)), "15.00");
        assert_eq!(cell_text(&Cell::Money(-20)), "-0.20");
        assert_eq!(cell_text(&Cell::Number(3.0)), "3");
        assert_eq!(cell_text(&Cell::Number(2.5)), "2.5");
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        let serial = zhibu_core::members::excel::date_to_serial(d);
        assert_eq!(cell_text(&Cell::Date(serial)), "2026.03.05");
        assert_eq!(cell_text(&Cell::Empty), "");
    }

    #[test]
    fn columns_align_by_what_they_hold_and_totals_are_marked() {
        let t = table(vec![
            vec![
                Cell::Number(1.0),
                Cell::Text("王建国".into()),
                Cell::Money(1500),
                Cell::Text("代交人：王小明".into()),
            ],
            vec![
                Cell::Empty,
                Cell::Text("合计".into()),
                Cell::Money(1500),
                Cell::Empty,
            ],
        ]);
        assert_eq!(alignments(&t), ["center", "center", "right", "left"]);
        let v = section(&Section {
            table: t,
            lines: vec![],
            notes: vec![],
            signatures: vec![],
            made: None,
            seal: None,
        });
        assert_eq!(v["rows"][0]["where"], "表 王建国");
        assert_eq!(v["rows"][0]["total"], false);
        assert_eq!(v["rows"][1]["total"], true);
        assert_eq!(v["rows"][0]["cells"][2], "15.00");
    }
}
