//! Reading any sheet of a .xlsx/.xls file into cells, and writing the roster
//! as a .xlsx that re-imports cleanly.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
use zhibu_core::members::excel::{Cell, EXPORT_FIELDS};
use zhibu_core::table::Table;

use crate::error::{Error, Result};

fn open_error(path: &Path, detail: impl ToString) -> Error {
    Error::Open {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}

/// The names of the sheets, in order.
pub fn sheet_names(path: &Path) -> Result<Vec<String>> {
    let book = open_workbook_auto(path).map_err(|e| open_error(path, e))?;
    Ok(book.sheet_names().to_vec())
}

/// Every cell of one sheet (the first when `sheet` is None), as rows from the
/// sheet's top-left corner A1, so row numbers match what Excel shows.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Vec<Vec<Cell>>> {
    let mut book = open_workbook_auto(path).map_err(|e| open_error(path, e))?;
    let name = match sheet {
        Some(s) => s.to_string(),
        None => book
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| Error::NoSheet {
                path: path.display().to_string(),
            })?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| open_error(path, e))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut grid: Vec<Vec<Cell>> = vec![Vec::new(); row0 as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; col0 as usize];
        cells.extend(row.iter().map(|d| match d {
            Data::Empty | Data::Error(_) => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Float(f) => Cell::Number(*f),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) => Cell::Date(dt.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        }));
        grid.push(cells);
    }
    Ok(grid)
}

/// Writes the roster: a title row, the header of `EXPORT_FIELDS` (with 序号),
/// then `rows`. ID numbers are text (never numbers Excel would round), dates
/// are real dates shown as 1985-03-12.
pub fn write_roster(path: &Path, title: &str, rows: &[Vec<Cell>]) -> Result<()> {
    let mut header = vec!["序号".to_string()];
    header.extend(EXPORT_FIELDS.iter().map(|f| f.label().to_string()));
    let table = Table {
        sheet: "党员花名册".into(),
        title: title.into(),
        header,
        rows: rows.to_vec(),
        widths: vec![
            6.0, 10.0, 6.0, 8.0, 12.0, 21.0, 10.0, 12.0, 26.0, 14.0, 24.0, 24.0, 12.0, 12.0, 10.0,
            12.0, 12.0, 10.0, 12.0, 20.0,
        ],
        frozen_columns: 2,
        total_rows: 0,
    };
    write_tables(path, &[table])
}

/// Writes each table as a sheet: a merged title row, a header row, the
/// rows. Text stays text, dates are real dates, money is a number of 元
/// shown with two decimals (converted from 分 here, at the file's edge).
pub fn write_tables(path: &Path, tables: &[Table]) -> Result<()> {
    let write_error = |e: rust_xlsxwriter::XlsxError| Error::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let mut book = Workbook::new();
    let title_format = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("#F2F2F2");
    let text = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("@");
    let date = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("yyyy-mm-dd");
    let number = Format::new().set_border(FormatBorder::Thin);
    let money = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.00");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.sheet).map_err(write_error)?;
        let columns = table.header.len().max(1) as u16;
        sheet
            .merge_range(0, 0, 0, columns - 1, &table.title, &title_format)
            .map_err(write_error)?;
        for (c, label) in table.header.iter().enumerate() {
            sheet
                .write_with_format(1, c as u16, label, &header)
                .map_err(write_error)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => sheet.write_blank(r, c, &text),
                    Cell::Text(s) => sheet.write_string_with_format(r, c, s, &text),
                    Cell::Number(n) => sheet.write_number_with_format(r, c, *n, &number),
                    Cell::Date(serial) => sheet.write_number_with_format(r, c, *serial, &date),
                    Cell::Bool(b) => {
                        sheet.write_string_with_format(r, c, if *b { "是" } else { "否" }, &text)
                    }
                    Cell::Money(fen) => {
                        sheet.write_number_with_format(r, c, *fen as f64 / 100.0, &money)
                    }
                }
                .map_err(write_error)?;
            }
        }
        for (c, w) in table.widths.iter().enumerate().take(columns as usize) {
            sheet.set_column_width(c as u16, *w).map_err(write_error)?;
        }
        sheet
            .set_freeze_panes(2, table.frozen_columns)
            .map_err(write_error)?;
    }
    // Write beside the target, then rename: a crash never leaves half a file
    // where the clerk expects their table.
    let tmp = path.with_extension("xlsx.part");
    book.save(&tmp).map_err(write_error)?;
    std::fs::rename(&tmp, path).map_err(|e| Error::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}
