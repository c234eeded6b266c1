//! Reading any sheet of a .xlsx/.xls file into cells, and writing the roster
//! as a .xlsx that re-imports cleanly.

use std::path::Path;

use calamine::{open_workbook_auto, Data, DataRef, Reader, Sheets};
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

/// The most a roster sheet may use: far beyond any branch (a 党委 of
/// thousands), far below what would exhaust a clerk's laptop.
pub const MAX_ROWS: u32 = 20_000;
pub const MAX_COLUMNS: u32 = 200;
/// Largest spreadsheet file read (a roster of 20,000 with photos is less).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

fn too_large(what: String) -> Error {
    Error::TooLarge(format!(
        "{what}。请在 Excel/WPS 中删除多余的空行和空列（或只把花名册复制到一个新表格），另存为 .xlsx 后再导入"
    ))
}

fn cell_of(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cell::Text(s.clone())
        }
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => Cell::Date(dt.as_f64()),
    }
}

/// Collects the non-empty cells one at a time into rows from A1. A sheet
/// whose used range is vast only because someone formatted a whole row or
/// column (its last cell at XFD1048576) reads as what it holds; text beyond
/// [`MAX_ROWS`] × [`MAX_COLUMNS`] is refused with what to do.
struct Sparse {
    rows: Vec<Vec<Cell>>,
}

impl Sparse {
    fn new() -> Sparse {
        Sparse { rows: Vec::new() }
    }

    fn put(&mut self, (row, col): (u32, u32), cell: Cell) -> Result<()> {
        if cell == Cell::Empty {
            return Ok(());
        }
        if row >= MAX_ROWS {
            return Err(too_large(format!(
                "表格第{}行还有内容，超过了{MAX_ROWS}行的上限",
                u64::from(row) + 1
            )));
        }
        if col >= MAX_COLUMNS {
            return Err(too_large(format!(
                "表格第{}列（{}列）还有内容，超过了{MAX_COLUMNS}列的上限",
                u64::from(col) + 1,
                zhibu_core::members::excel::column_letter(col as usize)
            )));
        }
        let (row, col) = (row as usize, col as usize);
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
        Ok(())
    }
}

/// Every cell of one sheet (the first when `sheet` is None), as rows from the
/// sheet's top-left corner A1, so row numbers match what Excel shows. Rows
/// end at their last non-empty cell. Bounded: a file over
/// [`MAX_FILE_BYTES`] or content beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] is
/// refused before it can exhaust memory; .xlsx and .xlsb are read cell by
/// cell, .xls (at most 65,536 × 256 by its format) as a whole range.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Vec<Vec<Cell>>> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    if !meta.is_file() {
        return Err(open_error(path, "这不是一个普通文件"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(format!(
            "文件有 {} MB，超过了 {} MB 的上限",
            meta.len().div_ceil(1 << 20),
            MAX_FILE_BYTES >> 20
        )));
    }
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
    let mut grid = Sparse::new();
    match &mut book {
        Sheets::Xlsx(x) => {
            let mut cells = x
                .worksheet_cells_reader(&name)
                .map_err(|e| open_error(path, e))?;
            while let Some(c) = cells.next_cell().map_err(|e| open_error(path, e))? {
                grid.put(c.get_position(), cell_of(c.get_value()))?;
            }
        }
        Sheets::Xlsb(x) => {
            let mut cells = x
                .worksheet_cells_reader(&name)
                .map_err(|e| open_error(path, e))?;
            while let Some(c) = cells.next_cell().map_err(|e| open_error(path, e))? {
                grid.put(c.get_position(), cell_of(c.get_value()))?;
            }
        }
        Sheets::Xls(x) => {
            let range = x.worksheet_range(&name).map_err(|e| open_error(path, e))?;
            let (row0, col0) = range.start().unwrap_or((0, 0));
            for (row, col, d) in range.used_cells() {
                let d = match d {
                    Data::Empty | Data::Error(_) => DataRef::Empty,
                    Data::String(s) => DataRef::String(s.clone()),
                    Data::Float(f) => DataRef::Float(*f),
                    Data::Int(i) => DataRef::Int(*i),
                    Data::Bool(b) => DataRef::Bool(*b),
                    Data::DateTime(dt) => DataRef::DateTime(*dt),
                    Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
                    Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
                };
                grid.put((row0 + row as u32, col0 + col as u32), cell_of(&d))?;
            }
        }
        // An .ods sheet is expanded whole by the reader (a formatted column
        // becomes a million cells); WPS and Excel both save .xlsx.
        Sheets::Ods(_) => {
            return Err(open_error(
                path,
                "暂不支持 .ods 格式，请在 WPS 或 Excel 中另存为 .xlsx",
            ))
        }
    }
    Ok(grid.rows)
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
        // The title spans the table; Excel refuses a "merge" of one cell.
        if columns > 1 {
            sheet
                .merge_range(0, 0, 0, columns - 1, &table.title, &title_format)
                .map_err(write_error)?;
        } else {
            sheet
                .write_with_format(0, 0, &table.title, &title_format)
                .map_err(write_error)?;
        }
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
