//! Finding the header of a roster sheet below its title rows, and which
//! field each column holds, by the names clerks give them.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cells::{cell_text, column_letter};
use super::{Cell, Field};
use crate::error::{Error, Result};

/// Header texts clerks use for each field (after removing spaces and
/// anything in brackets), beyond the field's own label.
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Name, &["名字", "党员姓名"]),
    (Field::BirthDate, &["出生年月", "出生时间", "出生年月日"]),
    (
        Field::IdNumber,
        &[
            "身份证号",
            "身份证号码",
            "身份证",
            "公民身份证号",
            "公民身份证号码",
            "证件号码",
        ],
    ),
    (
        Field::Education,
        &["文化程度", "学历学位", "全日制学历", "最高学历"],
    ),
    (Field::Category, &["人员身份", "身份类别", "工作岗位"]),
    (
        Field::WorkUnit,
        &[
            "工作单位",
            "单位及职务",
            "工作单位及职务岗位",
            "职务",
            "单位职务",
        ],
    ),
    (
        Field::Phone,
        &["手机号码", "手机号", "手机", "电话", "联系方式", "电话号码"],
    ),
    (
        Field::Residence,
        &["家庭住址", "住址", "现住址", "居住地", "家庭地址"],
    ),
    (Field::HouseholdReg, &["户籍地", "户口所在地", "籍贯"]),
    (
        Field::JoinedOn,
        &["入党时间", "入党年月", "入党日期年月日", "加入党组织日期"],
    ),
    (Field::FullOn, &["转正时间", "转正年月"]),
    (
        Field::Standing,
        &["类别", "党员身份", "正式或预备", "正式预备"],
    ),
    (Field::Group, &["所在党小组", "党小组名称"]),
    (Field::PartyPost, &["党内职务职位"]),
    (Field::MigrantWorker, &["农民工"]),
    (Field::NewStratum, &["新的社会阶层", "是否新社会阶层"]),
    (Field::Note, &["说明"]),
];

fn normalise_header(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = (depth - 1).max(0),
            c if depth > 0
                || c.is_whitespace()
                || c == '\u{3000}'
                || c == '*'
                || c == '：'
                || c == ':' => {}
            c => out.push(c),
        }
    }
    out
}

/// The field a header text names, if any.
pub fn field_for_header(text: &str) -> Option<Field> {
    let h = normalise_header(text);
    if h.is_empty() {
        return None;
    }
    Field::ALL
        .iter()
        .copied()
        .find(|f| f.label() == h)
        .or_else(|| {
            SYNONYMS
                .iter()
                .find(|(_, names)| names.contains(&h.as_str()))
                .map(|(f, _)| *f)
        })
}

/// Where the header is and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMap {
    /// 0-based index of the (last) header row.
    pub header_row: usize,
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Column {
    pub index: usize,
    /// Spreadsheet letter: A, B, … AA.
    pub letter: String,
    pub header: String,
    pub field: Option<Field>,
}

const HEADER_SCAN_ROWS: usize = 30;

/// Finds the header below any title rows. A header split over two rows (a
/// merged group title above, the real names below, or vertically merged
/// cells) is read as one: each column takes whichever of the two rows names a
/// field.
pub fn detect_columns(grid: &[Vec<Cell>]) -> Result<ColumnMap> {
    let score = |row: &[Cell]| {
        row.iter()
            .filter(|c| field_for_header(&cell_text(c)).is_some())
            .count()
    };
    let best = grid
        .iter()
        .take(HEADER_SCAN_ROWS)
        .enumerate()
        .max_by_key(|(i, row)| (score(row), usize::MAX - i))
        .map(|(i, _)| i);
    let Some(best) = best.filter(|i| score(&grid[*i]) >= 2) else {
        return Err(Error::Validation(
            "在表格前30行中没有找到表头（如“姓名”“身份证号”“入党日期”）。请确认选择的是党员花名册，或在表头行写上这些列名".into(),
        ));
    };
    let width = grid.iter().take(best + 3).map(Vec::len).max().unwrap_or(0);
    let neighbour = |i: usize, col: usize| -> Option<(String, Field)> {
        let text = cell_text(grid.get(i)?.get(col)?);
        field_for_header(&text).map(|f| (text, f))
    };
    let mut header_row = best;
    // A second header row right below the best one holds sub-columns.
    if best + 1 < grid.len() && score(&grid[best + 1]) >= 1 {
        header_row = best + 1;
    }
    let mut columns = Vec::new();
    let mut taken = HashSet::new();
    for col in 0..width {
        let found = [best, best + 1]
            .into_iter()
            .filter(|i| *i <= header_row)
            .chain(best.checked_sub(1))
            .find_map(|i| neighbour(i, col));
        let header = found.as_ref().map(|(t, _)| t.clone()).unwrap_or_else(|| {
            // Unmapped columns still show their header, which a vertically
            // merged cell may have left in the row above.
            [Some(header_row), Some(best), best.checked_sub(1)]
                .into_iter()
                .flatten()
                .filter_map(|i| grid.get(i).and_then(|r| r.get(col)).map(cell_text))
                .find(|t| !t.is_empty())
                .unwrap_or_default()
        });
        // A field maps to its first column only.
        let field = found.map(|(_, f)| f).filter(|f| taken.insert(*f));
        columns.push(Column {
            index: col,
            letter: column_letter(col),
            header,
            field,
        });
    }
    Ok(ColumnMap {
        header_row,
        columns,
    })
}
