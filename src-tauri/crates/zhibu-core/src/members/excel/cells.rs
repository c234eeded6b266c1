//! Reading one cell as a clerk typed it: text, the date forms people use,
//! Excel's serial days, ID numbers Excel turned into numbers, 是/否; and
//! column letters.

use chrono::{Duration, NaiveDate};

use super::Cell;
use crate::{idcard, text};

pub(super) fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.replace('\u{3000}', " ").trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => serial_to_date(*d)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Cell::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Cell::Money(fen) => crate::money::yuan(*fen),
    }
}

/// Excel's serial day number to a date (the 1900 leap-year bug is why the
/// epoch is 1899-12-30).
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial.floor() as i64))
}

pub fn date_to_serial(date: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (date - epoch).num_days() as f64
}

/// The date forms clerks type: 1985-03-12, 1985/3/12, 1985.3.12,
/// 1985年3月12日, 19850312, and year-month only (1985.03, 198503, 1985年3月),
/// which is taken as the first of the month. Excel date cells and serial
/// numbers are dates too.
pub fn parse_date(cell: &Cell) -> std::result::Result<Option<NaiveDate>, String> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => {
            return serial_to_date(*d)
                .map(Some)
                .ok_or_else(|| "不是有效的日期".to_string())
        }
        Cell::Number(n) if (1.0..100_000.0).contains(n) && n.fract() == 0.0 => {
            return serial_to_date(*n)
                .map(Some)
                .ok_or_else(|| "不是有效的日期".to_string());
        }
        other => text::number_like(&cell_text(other)),
    };
    let t = text.as_str();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || format!("“{t}”不是能识别的日期，请写成 1985-03-12、1985.3.12 或 1985年3月12日");
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    let parts: Vec<u32> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u32>().unwrap_or(u32::MAX))
        .collect();
    let ymd = match parts.as_slice() {
        [y, m, d] if *y >= 1900 => (*y as i32, *m, *d),
        [y, m] if *y >= 1900 => (*y as i32, *m, 1),
        [_] if digits.len() == 8 => (
            digits[..4].parse().unwrap_or(0),
            digits[4..6].parse().unwrap_or(0),
            digits[6..].parse().unwrap_or(0),
        ),
        [_] if digits.len() == 6 => (
            digits[..4].parse().unwrap_or(0),
            digits[4..].parse().unwrap_or(0),
            1,
        ),
        _ => return Err(bad()),
    };
    NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2)
        .map(Some)
        .ok_or_else(bad)
}

/// Reads an ID number cell, catching the classic damage: Excel stored the
/// number as a float and the last digits are gone (shown as 1.1E+17).
pub fn parse_id_number(cell: &Cell) -> std::result::Result<Option<String>, String> {
    const MANGLED: &str = "身份证号被Excel当成了数字，后几位已经丢失（显示为1.1E+17这样的形式）。请在Excel中把这一列设为“文本”格式，重新输入完整的18位号码后再导入";
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if *n >= 1e15 => Err(MANGLED.to_string()),
        Cell::Date(_) | Cell::Bool(_) => Err("这一格不是身份证号".to_string()),
        other => {
            // A leading apostrophe is how people force text in Excel.
            let t = idcard::normalise(&cell_text(other).replace(['\'', '‘', '’'], ""));
            if t.is_empty() {
                return Ok(None);
            }
            if t.contains("E+") {
                return Err(MANGLED.to_string());
            }
            Ok(Some(t))
        }
    }
}

pub(super) fn parse_yes(cell: &Cell) -> bool {
    match cell {
        Cell::Bool(b) => *b,
        other => matches!(
            cell_text(other).as_str(),
            "是" | "Y" | "y" | "√" | "1" | "是的"
        ),
    }
}

pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
