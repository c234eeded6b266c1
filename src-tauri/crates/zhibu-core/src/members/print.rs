//! The 党员花名册 as it is printed: the columns an inspector reads on one
//! landscape page (the Excel export keeps every field for re-import).

use super::roster::Roster;
use super::rules::ymd;
use crate::members::excel::{date_to_serial, Cell};
use crate::table::Table;

/// The printed roster of `branch` as `roster` lists it (its filter, its
/// day); with `mask`, ID numbers and phones only in part (a posted copy).
pub fn roster_table(branch: &str, roster: &Roster, mask: bool) -> Table {
    let hide = |t: String, how: fn(&str) -> String| if mask { how(&t) } else { t };
    let text = |t: &Option<String>| t.clone().map(Cell::Text).unwrap_or(Cell::Empty);
    let date = |d| Cell::Date(date_to_serial(d));
    let rows = roster
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let mut note = Vec::new();
            if let (Some(kind), Some(on)) = (r.left_kind, r.left_on) {
                note.push(format!("{}{}", ymd(on), kind.label()));
            }
            if r.flowing {
                note.push("流动党员".to_string());
            }
            if r.lost {
                note.push("失去联系".to_string());
            }
            if r.suspended {
                note.push("停止党籍".to_string());
            }
            if r.vote_suspended {
                note.push("中止表决权".to_string());
            }
            if r.disciplined {
                note.push("留党察看".to_string());
            }
            if let Some(n) = &r.note {
                note.push(n.clone());
            }
            vec![
                Cell::Number((n + 1) as f64),
                Cell::Text(r.name.clone()),
                Cell::Text(r.sex.label().into()),
                Cell::Text(r.ethnicity.clone()),
                date(r.birth_date),
                text(&r.education),
                Cell::Text(hide(r.id_number.clone(), crate::text::mask_id_number)),
                r.joined_on.map(date).unwrap_or(Cell::Empty),
                r.full_on.map(date).unwrap_or(Cell::Empty),
                r.standing
                    .map(|s| Cell::Text(s.label().trim_end_matches("党员").into()))
                    .unwrap_or(Cell::Empty),
                text(&r.group_name),
                text(&r.party_post),
                text(&r.work_unit),
                text(
                    &r.phone
                        .as_ref()
                        .map(|p| hide(p.clone(), crate::text::mask_phone)),
                ),
                Cell::Text(note.join("；")),
            ]
        })
        .collect();
    Table {
        sheet: "党员花名册".into(),
        title: format!("{branch}党员花名册"),
        header: [
            "序号",
            "姓名",
            "性别",
            "民族",
            "出生日期",
            "学历",
            "公民身份号码",
            "入党日期",
            "转正日期",
            "类别",
            "党小组",
            "党内职务",
            "工作单位及职务",
            "联系电话",
            "备注",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        // In the spreadsheet's unit (half a Chinese character), so an ID
        // number or a date stays on one line.
        widths: vec![
            4.5, 6.5, 4.5, 4.5, 10.5, 8.0, 19.0, 10.5, 10.5, 4.5, 10.0, 10.0, 18.0, 12.0, 9.0,
        ],
        frozen_columns: 2,
        total_rows: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::roster::{roster, RosterQuery};
    use crate::{demo, Store};
    use chrono::{Local, TimeZone};

    #[test]
    fn the_printed_roster_has_everyone_listed_with_their_dates() {
        let now = Local
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .single()
            .expect("test setup");
        let mut store = Store::open_in_memory().expect("test setup");
        let org = demo::load(&mut store, now).expect("test setup");
        let r = roster(store.conn(), org, &RosterQuery::default(), now.date_naive())
            .expect("test setup");
        let t = roster_table("东坡村党支部", &r, false);
        assert_eq!(t.rows.len(), r.rows.len());
        assert!(t.rows.iter().all(|row| row.len() == t.header.len()));
        assert_eq!(t.widths.len(), t.header.len());
        let first = &r.rows[0];
        let row = &t.rows[0];
        assert_eq!(row[1], Cell::Text(first.name.clone()));
        assert_eq!(row[6], Cell::Text(first.id_number.clone()));
        assert_eq!(row[4], Cell::Date(date_to_serial(first.birth_date)));
        // 预备党员 are marked as such (the demo has one).
        assert!(t.rows.iter().any(|row| row[9] == Cell::Text("预备".into())));
        assert!(t.rows.iter().any(|row| row[9] == Cell::Text("正式".into())));
    }
}
