//! The roster as a sheet of cells, both ways: reading the 花名册 a clerk
//! already keeps (title rows, merged or two-row headers, the date forms people
//! type, ID numbers Excel mangled) and laying the roster out for export in the
//! same columns, so that an export re-imports cleanly.
//!
//! Files are read and written elsewhere (zhibu-report); this module sees only
//! cells, so every rule here is tested without a file.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::roster::RosterRow;
use super::rules;
use super::{add_member, update_profile, MemberId, MemberProfile, NewMember, Sex, Standing};
use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::labels::label_enum;
use crate::{idcard, text};

/// One cell as a spreadsheet reader gives it (defined with the tables, a
/// leaf every area may use).
pub use crate::table::Cell;

label_enum! {
    /// A roster column the import understands; the labels are the export's headers.
    pub enum Field {
        Name = "姓名",
        Sex = "性别",
        Ethnicity = "民族",
        BirthDate = "出生日期",
        IdNumber = "公民身份号码",
        Education = "学历",
        Category = "人员类别",
        WorkUnit = "工作单位及职务",
        Phone = "联系电话",
        Residence = "现居住地",
        HouseholdReg = "户籍所在地",
        JoinedOn = "入党日期",
        FullOn = "转正日期",
        Standing = "党员类别",
        Group = "党小组",
        PartyPost = "党内职务",
        MigrantWorker = "是否农民工",
        NewStratum = "新社会阶层",
        Note = "备注",
    }
    what: "列名"
}

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

fn cell_text(cell: &Cell) -> String {
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

fn parse_yes(cell: &Cell) -> bool {
    match cell {
        Cell::Bool(b) => *b,
        other => matches!(
            cell_text(other).as_str(),
            "是" | "Y" | "y" | "√" | "1" | "是的"
        ),
    }
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

label_enum! {
    pub enum RowAction {
        Add = "新增",
        Update = "更新",
    }
    what: "导入方式"
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    /// Spreadsheet row number (1-based, as Excel shows it).
    pub row: usize,
    /// Column letter and header, e.g. "F（身份证号）"; empty for the whole row.
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewRow {
    pub row: usize,
    pub name: String,
    pub id_number: String,
    pub action: Option<RowAction>,
    pub standing: Option<Standing>,
    pub joined_on: Option<NaiveDate>,
}

/// What the clerk sees before anything is written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreview {
    pub map: ColumnMap,
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<Problem>,
    pub to_add: u32,
    pub to_update: u32,
    /// 党小组 named in the sheet that the import will create.
    pub new_groups: Vec<String>,
}

struct Parsed {
    row: usize,
    member: NewMember,
    /// A 党小组 the sheet names that the branch does not have yet.
    new_group: Option<String>,
    /// The member of this branch the row updates (same ID number), if any.
    existing: Option<MemberId>,
}

fn is_footer(row: &[Cell]) -> bool {
    let first: String = row
        .iter()
        .map(cell_text)
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    ["合计", "总计", "制表", "填表", "审核", "负责人", "说明："]
        .iter()
        .any(|w| first.starts_with(w))
}

fn parse_rows(
    conn: &Connection,
    org: OrgId,
    grid: &[Vec<Cell>],
    map: &ColumnMap,
    today: NaiveDate,
) -> Result<(Vec<Parsed>, Vec<Problem>)> {
    let col_of = |f: Field| map.columns.iter().find(|c| c.field == Some(f));
    for required in [Field::Name, Field::IdNumber, Field::JoinedOn] {
        if col_of(required).is_none() {
            return Err(Error::Validation(format!(
                "没有找到“{}”列。请在列对应中为它选择一列，或在表头中写上“{}”",
                required.label(),
                required.label()
            )));
        }
    }
    let groups: Vec<(i64, String)> = {
        let mut stmt = conn.prepare("SELECT id, name FROM party_groups WHERE org_id = ?1")?;
        let rows = stmt.query_map([org], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    let mut seen_ids: HashSet<String> = HashSet::new();
    for (i, row) in grid.iter().enumerate().skip(map.header_row + 1) {
        let line = i + 1;
        if row.iter().all(|c| cell_text(c).is_empty()) || is_footer(row) {
            continue;
        }
        let get = |f: Field| {
            col_of(f)
                .and_then(|c| row.get(c.index))
                .unwrap_or(&Cell::Empty)
        };
        let text = |f: Field| Some(cell_text(get(f))).filter(|t| !t.is_empty());
        let mut row_problems = Vec::new();
        let mut problem = |f: Field, message: String| {
            let column = col_of(f)
                .map(|c| format!("{}（{}）", c.letter, c.header))
                .unwrap_or_default();
            row_problems.push(Problem {
                row: line,
                column,
                message,
            });
        };
        let name = text(Field::Name).unwrap_or_default();
        if name.is_empty() {
            problem(Field::Name, "姓名为空".into());
        }
        let mut date_of = |f: Field| match parse_date(get(f)) {
            Ok(d) => d,
            Err(e) => {
                problem(f, e);
                None
            }
        };
        let joined_on = date_of(Field::JoinedOn);
        let full_on = date_of(Field::FullOn);
        let birth_cell = date_of(Field::BirthDate);
        let id_number = match parse_id_number(get(Field::IdNumber)) {
            Ok(Some(id)) => Some(id),
            Ok(None) => {
                problem(Field::IdNumber, "身份证号为空".into());
                None
            }
            Err(e) => {
                problem(Field::IdNumber, e);
                None
            }
        };
        // An unreadable date was reported above; an empty one is reported here.
        if joined_on.is_none() && matches!(get(Field::JoinedOn), Cell::Empty) {
            problem(Field::JoinedOn, "入党日期为空".into());
        }
        let mut profile = None;
        if let Some(id) = &id_number {
            match crate::idcard::parse(id) {
                Err(e) => problem(Field::IdNumber, e.to_string()),
                Ok(info) => {
                    let sex = match text(Field::Sex).as_deref() {
                        None => {
                            if info.male {
                                Sex::Male
                            } else {
                                Sex::Female
                            }
                        }
                        Some(s) => match Sex::parse(s) {
                            Ok(s) => s,
                            Err(e) => {
                                problem(Field::Sex, e.to_string());
                                Sex::Male
                            }
                        },
                    };
                    let birth = birth_cell.unwrap_or(info.birth_date);
                    // A birth column holding only year and month agrees with the ID's month.
                    let birth = if birth.format("%Y%m").to_string()
                        == info.birth_date.format("%Y%m").to_string()
                    {
                        info.birth_date
                    } else {
                        birth
                    };
                    if let Err(e) = rules::check_identity(id, birth, sex) {
                        problem(Field::IdNumber, e.to_string());
                    }
                    if !seen_ids.insert(id.clone()) {
                        problem(
                            Field::IdNumber,
                            format!("身份证号{id}在表格中出现了不止一次"),
                        );
                    }
                    profile = Some(MemberProfile {
                        name: name.clone(),
                        sex,
                        ethnicity: text(Field::Ethnicity).unwrap_or_else(|| "汉族".into()),
                        birth_date: info.birth_date,
                        id_number: id.clone(),
                        education: text(Field::Education),
                        category: text(Field::Category),
                        work_unit: text(Field::WorkUnit),
                        phone: text(Field::Phone),
                        residence: text(Field::Residence),
                        household_reg: text(Field::HouseholdReg),
                        group_id: None,
                        party_post: text(Field::PartyPost),
                        is_migrant_worker: parse_yes(get(Field::MigrantWorker)),
                        new_social_stratum: text(Field::NewStratum).filter(|t| t != "否"),
                        party_age_adjust_months: 0,
                        note: text(Field::Note),
                    });
                }
            }
        }
        if let Some(phone) = text(Field::Phone) {
            if let Err(e) = rules::check_phone(&phone) {
                problem(Field::Phone, e.to_string());
            }
        }
        let group_name = text(Field::Group);
        let group_id = group_name
            .as_ref()
            .and_then(|g| groups.iter().find(|(_, n)| n == g).map(|(id, _)| *id));
        if let (Some(p), Some(joined)) = (&profile, joined_on) {
            let standing = text(Field::Standing);
            if full_on.is_none() && standing.as_deref().is_some_and(|s| s.starts_with("正式")) {
                problem(Field::FullOn, "党员类别为正式党员，但转正日期为空".into());
            }
            if let Err(e) = rules::check_party_dates(p.birth_date, joined, full_on, None, today) {
                let field = if e.to_string().contains("转正") {
                    Field::FullOn
                } else {
                    Field::JoinedOn
                };
                problem(field, e.to_string());
            }
        }
        if row_problems.is_empty() {
            if let (Some(mut p), Some(joined)) = (profile, joined_on) {
                p.group_id = group_id;
                parsed.push(Parsed {
                    new_group: group_name.filter(|_| group_id.is_none()),
                    existing: None,
                    row: line,
                    member: NewMember {
                        profile: p,
                        joined_on: joined,
                        full_on,
                        transferred_in_on: None,
                        transferred_from: None,
                    },
                });
            }
        }
        problems.extend(row_problems);
    }
    Ok((parsed, problems))
}

fn existing_member(conn: &Connection, id_number: &str) -> Result<Option<(i64, OrgId)>> {
    Ok(conn
        .query_row(
            "SELECT id, org_id FROM members WHERE id_number = ?1",
            [id_number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Reads the grid with `map` (detected when absent) and says what an import
/// would do, row by row, without writing anything.
pub fn preview(
    conn: &Connection,
    org: OrgId,
    grid: &[Vec<Cell>],
    map: Option<ColumnMap>,
    today: NaiveDate,
) -> Result<ImportPreview> {
    Ok(plan(conn, org, grid, map, today)?.0)
}

/// The preview, and the parsed rows each with the member it would update.
fn plan(
    conn: &Connection,
    org: OrgId,
    grid: &[Vec<Cell>],
    map: Option<ColumnMap>,
    today: NaiveDate,
) -> Result<(ImportPreview, Vec<Parsed>)> {
    let map = match map {
        Some(m) => m,
        None => detect_columns(grid)?,
    };
    let (parsed, mut problems) = parse_rows(conn, org, grid, &map, today)?;
    let mut rows = Vec::new();
    let mut planned = Vec::new();
    let (mut to_add, mut to_update) = (0, 0);
    for mut p in parsed {
        let existing = existing_member(conn, &p.member.profile.id_number)?;
        let action = match existing {
            None => {
                to_add += 1;
                Some(RowAction::Add)
            }
            Some((_, other)) if other == org => {
                to_update += 1;
                Some(RowAction::Update)
            }
            Some(_) => {
                problems.push(Problem {
                    row: p.row,
                    column: String::new(),
                    message: format!(
                        "身份证号{}的党员已登记在本数据库的其他党支部，请先办理组织关系转接",
                        p.member.profile.id_number
                    ),
                });
                None
            }
        };
        rows.push(PreviewRow {
            row: p.row,
            name: p.member.profile.name.clone(),
            id_number: p.member.profile.id_number.clone(),
            action,
            standing: Some(if p.member.full_on.is_some() {
                Standing::Full
            } else {
                Standing::Probationary
            }),
            joined_on: Some(p.member.joined_on),
        });
        p.existing = existing.map(|(id, _)| id);
        planned.push(p);
    }
    problems.sort_by_key(|p| p.row);
    let mut new_groups: Vec<String> = Vec::new();
    for g in planned.iter().filter_map(|p| p.new_group.clone()) {
        if !new_groups.contains(&g) {
            new_groups.push(g);
        }
    }
    let preview = ImportPreview {
        map,
        rows,
        problems,
        to_add,
        to_update,
        new_groups,
    };
    Ok((preview, planned))
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    pub added: u32,
    pub updated: u32,
    pub groups_created: u32,
}

/// Imports all rows or none: any problem refuses the whole file and writes
/// nothing. Members already in this branch (same ID number) have their
/// profile updated instead of being added twice.
pub fn import(
    tx: &Transaction<'_>,
    org: OrgId,
    grid: &[Vec<Cell>],
    map: Option<ColumnMap>,
    now: chrono::DateTime<chrono::Local>,
) -> Result<ImportReport> {
    let today = now.date_naive();
    let (preview, planned) = plan(tx, org, grid, map, today)?;
    if !preview.problems.is_empty() {
        return Err(Error::Validation(format!(
            "表格中有{}处问题（第一处：第{}行 {} {}）。为避免导入一半，本次没有导入任何数据，请改正后重新导入",
            preview.problems.len(),
            preview.problems[0].row,
            preview.problems[0].column,
            preview.problems[0].message
        )));
    }
    let mut created: Vec<(&str, i64)> = Vec::new();
    for (i, name) in preview.new_groups.iter().enumerate() {
        tx.execute(
            "INSERT INTO party_groups (org_id, name, sort_order) VALUES (?1, ?2, 1000 + ?3)",
            rusqlite::params![org, name, i as i64],
        )?;
        created.push((name, tx.last_insert_rowid()));
    }
    let (mut added, mut updated) = (0, 0);
    for mut p in planned {
        if let Some(g) = &p.new_group {
            p.member.profile.group_id = created.iter().find(|(n, _)| n == g).map(|(_, id)| *id);
        }
        match p.existing {
            Some(id) => {
                let current = super::roster::detail(tx, id, today)?.profile;
                let merged = merge_mapped(current, p.member.profile, &preview.map);
                update_profile(tx, id, &merged, now)?;
                updated += 1;
            }
            None => {
                add_member(tx, org, &p.member, now)?;
                added += 1;
            }
        }
    }
    Ok(ImportReport {
        added,
        updated,
        groups_created: preview.new_groups.len() as u32,
    })
}

/// A re-import changes only what the sheet has columns for: a sheet without
/// a 党小组 or 备注 column leaves those as they were.
fn merge_mapped(current: MemberProfile, sheet: MemberProfile, map: &ColumnMap) -> MemberProfile {
    let has = |f: Field| map.columns.iter().any(|c| c.field == Some(f));
    let pick = |f: Field, new: Option<String>, old: Option<String>| if has(f) { new } else { old };
    MemberProfile {
        name: sheet.name,
        id_number: sheet.id_number,
        birth_date: sheet.birth_date,
        sex: if has(Field::Sex) {
            sheet.sex
        } else {
            current.sex
        },
        ethnicity: if has(Field::Ethnicity) {
            sheet.ethnicity
        } else {
            current.ethnicity
        },
        education: pick(Field::Education, sheet.education, current.education),
        category: pick(Field::Category, sheet.category, current.category),
        work_unit: pick(Field::WorkUnit, sheet.work_unit, current.work_unit),
        phone: pick(Field::Phone, sheet.phone, current.phone),
        residence: pick(Field::Residence, sheet.residence, current.residence),
        household_reg: pick(
            Field::HouseholdReg,
            sheet.household_reg,
            current.household_reg,
        ),
        group_id: if has(Field::Group) {
            sheet.group_id
        } else {
            current.group_id
        },
        party_post: pick(Field::PartyPost, sheet.party_post, current.party_post),
        is_migrant_worker: if has(Field::MigrantWorker) {
            sheet.is_migrant_worker
        } else {
            current.is_migrant_worker
        },
        new_social_stratum: pick(
            Field::NewStratum,
            sheet.new_social_stratum,
            current.new_social_stratum,
        ),
        party_age_adjust_months: current.party_age_adjust_months,
        note: pick(Field::Note, sheet.note, current.note),
    }
}

/// The export layout: one title row, one header row, then a row per member.
pub const EXPORT_FIELDS: &[Field] = &[
    Field::Name,
    Field::Sex,
    Field::Ethnicity,
    Field::BirthDate,
    Field::IdNumber,
    Field::Education,
    Field::Category,
    Field::WorkUnit,
    Field::Phone,
    Field::Residence,
    Field::HouseholdReg,
    Field::JoinedOn,
    Field::FullOn,
    Field::Standing,
    Field::Group,
    Field::PartyPost,
    Field::MigrantWorker,
    Field::NewStratum,
    Field::Note,
];

/// The roster rows as cells in `EXPORT_FIELDS` order (with 序号 first).
pub fn export_rows(rows: &[RosterRow]) -> Vec<Vec<Cell>> {
    let text = |t: &Option<String>| t.clone().map(Cell::Text).unwrap_or(Cell::Empty);
    let date = |d: Option<NaiveDate>| {
        d.map(|d| Cell::Date(date_to_serial(d)))
            .unwrap_or(Cell::Empty)
    };
    let mut out = Vec::new();
    for (n, r) in rows.iter().enumerate() {
        let mut cells = vec![Cell::Number((n + 1) as f64)];
        for f in EXPORT_FIELDS {
            cells.push(match f {
                Field::Name => Cell::Text(r.name.clone()),
                Field::Sex => Cell::Text(r.sex.label().into()),
                Field::Ethnicity => Cell::Text(r.ethnicity.clone()),
                Field::BirthDate => date(Some(r.birth_date)),
                Field::IdNumber => Cell::Text(r.id_number.clone()),
                Field::Education => text(&r.education),
                Field::Category => text(&r.category),
                Field::WorkUnit => text(&r.work_unit),
                Field::Phone => text(&r.phone),
                Field::Residence => text(&r.residence),
                Field::HouseholdReg => text(&r.household_reg),
                Field::JoinedOn => date(r.joined_on),
                Field::FullOn => date(r.full_on),
                Field::Standing => r
                    .standing
                    .map(|s| Cell::Text(s.label().into()))
                    .unwrap_or(Cell::Empty),
                Field::Group => text(&r.group_name),
                Field::PartyPost => text(&r.party_post),
                Field::MigrantWorker => {
                    Cell::Text(if r.is_migrant_worker { "是" } else { "否" }.into())
                }
                Field::NewStratum => text(&r.new_social_stratum),
                Field::Note => text(&r.note),
            });
        }
        out.push(cells);
    }
    out
}
