//! A table as it goes into a spreadsheet (and later a PDF): the sheet's
//! name, a title row, a header row and the rows. The core builds tables;
//! zhibu-report only writes them.

use serde::{Deserialize, Serialize};

/// One cell as a spreadsheet reader gives it, or as a table writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date serial (days since 1899-12-30).
    Date(f64),
    Bool(bool),
    /// An amount of money in 分, written as 元 with two decimals. Only
    /// written, never read: imports see numbers.
    Money(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters.
    pub widths: Vec<f64>,
    /// Rows and columns kept in view while scrolling (below the header,
    /// right of these columns).
    pub frozen_columns: u16,
    /// How many of the last rows are totals (合计), printed bold.
    pub total_rows: usize,
}
