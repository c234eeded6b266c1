//! Importing the rows: each checked like a hand-entered member, shown as a
//! preview (新增/更新, problems by row and column), then written all or
//! nothing; an existing member is updated only in the mapped columns.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::cells::{cell_text, parse_date, parse_id_number, parse_yes};
use super::columns::{detect_columns, ColumnMap};
use super::{Cell, Field};
use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::labels::label_enum;
use crate::members::rules;
use crate::members::storage;
use crate::members::{
    add_member, update_profile, MemberId, MemberProfile, NewMember, Sex, Standing,
};

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
    let groups: Vec<(i64, String)> = storage::group_names(conn, org)?;
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
        let existing = storage::member_by_id_number(conn, &p.member.profile.id_number)?;
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
        created.push((name, storage::insert_group_after_others(tx, org, name, i)?));
    }
    let (mut added, mut updated) = (0, 0);
    for mut p in planned {
        if let Some(g) = &p.new_group {
            p.member.profile.group_id = created.iter().find(|(n, _)| n == g).map(|(_, id)| *id);
        }
        match p.existing {
            Some(id) => {
                let current = crate::members::roster::detail(tx, id, today)?.profile;
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
