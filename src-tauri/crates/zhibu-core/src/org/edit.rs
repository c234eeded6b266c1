//! Setting up a branch and changing it: every field checked before anything
//! is written (each message names the field and the fix), the higher
//! organisations found or created, and a new election (换届) archiving the
//! outgoing committee first.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::Transaction;

use super::rules;
use super::storage::{self, NewOrg};
use super::{
    get, BranchEdit, CommitteeMemberInput, NewBranch, OrgId, OrgKind, OrgLevel, PartyGroupEdit,
    PartyGroupInput, Position,
};
use crate::error::{Error, Result};
use crate::members;
use crate::settings;
use crate::text;

const MAX_NAME_CHARS: usize = 60;

fn clean_name(field: &str, value: &str) -> Result<String> {
    text::required_line(field, value, MAX_NAME_CHARS)
}

fn validate_term(
    term_start: Option<NaiveDate>,
    term_years: Option<u8>,
    today: NaiveDate,
) -> Result<()> {
    if let Some(start) = term_start {
        if start > today {
            return Err(Error::Validation(format!(
                "本届支委选举日期{}晚于今天，请填写已经举行选举的日期",
                start.format("%Y年%-m月%-d日")
            )));
        }
    }
    if let Some(years) = term_years {
        if !(1..=5).contains(&years) {
            return Err(Error::Validation(format!(
                "任期年限{years}年不在1至5年之间。党章规定每届任期三年至五年，请重新填写"
            )));
        }
    }
    Ok(())
}

fn validate_committee(rows: &[CommitteeMemberInput]) -> Result<Vec<CommitteeMemberInput>> {
    let mut committee = Vec::new();
    for (i, m) in rows.iter().enumerate() {
        let name = clean_name(&format!("第{}名支委的姓名", i + 1), &m.name)?;
        committee.push(CommitteeMemberInput {
            name,
            position: m.position,
        });
    }
    if committee
        .iter()
        .filter(|m| m.position == Position::Secretary)
        .count()
        > 1
    {
        return Err(Error::Validation(
            "一个党支部只能有1名书记，请把其他人改为副书记或委员".into(),
        ));
    }
    Ok(committee)
}

fn validate_groups(rows: &[PartyGroupEdit]) -> Result<Vec<PartyGroupEdit>> {
    let mut groups: Vec<PartyGroupEdit> = Vec::new();
    for (i, g) in rows.iter().enumerate() {
        let name = clean_name(&format!("第{}个党小组的名称", i + 1), &g.name)?;
        if groups.iter().any(|other| other.name == name) {
            return Err(Error::Validation(format!(
                "党小组“{name}”重复了，请给每个党小组起不同的名称"
            )));
        }
        let leader_name = match &g.leader_name {
            Some(l) if !l.trim().is_empty() => Some(clean_name("党小组组长姓名", l)?),
            _ => None,
        };
        groups.push(PartyGroupEdit {
            id: g.id,
            name,
            leader_name,
        });
    }
    Ok(groups)
}

/// Checks a new branch before anything is written; every message names the
/// field and the fix.
fn validate(input: &NewBranch, today: NaiveDate) -> Result<NewBranch> {
    let name = clean_name("党支部名称", &input.name)?;
    let higher_name = clean_name("上级党组织名称", &input.higher_name)?;
    if input.higher_level == OrgLevel::Branch {
        return Err(Error::Validation(
            "上级党组织应为党委或党总支，不能是党支部，请重新选择".into(),
        ));
    }
    if name == higher_name {
        return Err(Error::Validation(
            "党支部名称与上级党组织名称相同，请核对".into(),
        ));
    }
    let top_name = match input.top_name.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => {
            if input.higher_level != OrgLevel::GeneralBranch {
                return Err(Error::Validation(
                    "只有上级是党总支时才填写党总支的上级党委，请清空该项或把上级层级改为党总支"
                        .into(),
                ));
            }
            Some(clean_name("党总支的上级党委名称", t)?)
        }
        _ => None,
    };
    validate_term(input.term_start, input.term_years, today)?;
    let committee = validate_committee(&input.committee)?;
    let group_rows: Vec<PartyGroupEdit> = input
        .groups
        .iter()
        .map(|g| PartyGroupEdit {
            id: None,
            name: g.name.clone(),
            leader_name: g.leader_name.clone(),
        })
        .collect();
    let groups = validate_groups(&group_rows)?
        .into_iter()
        .map(|g| PartyGroupInput {
            name: g.name,
            leader_name: g.leader_name,
        })
        .collect();
    Ok(NewBranch {
        name,
        kind: input.kind,
        higher_name,
        higher_level: input.higher_level,
        top_name,
        term_start: input.term_start,
        term_years: Some(
            input
                .term_years
                .unwrap_or_else(|| rules::default_term_years(input.kind)),
        ),
        committee,
        groups,
    })
}

/// Creates a branch (and its higher organisation if it is new) with its
/// committee and 党小组, all in the caller's transaction.
pub fn create_branch(
    tx: &Transaction<'_>,
    input: &NewBranch,
    now: DateTime<Local>,
) -> Result<OrgId> {
    let input = validate(input, now.date_naive())?;
    let created_at = now.to_rfc3339();
    let top_id = match &input.top_name {
        Some(top) => Some(find_or_create(
            tx,
            None,
            top,
            OrgLevel::Committee,
            input.kind,
            &created_at,
        )?),
        None => None,
    };
    let parent_id = find_or_create(
        tx,
        top_id,
        &input.higher_name,
        input.higher_level,
        input.kind,
        &created_at,
    )?;
    if storage::name_taken(tx, Some(parent_id), &input.name, None)? {
        return Err(Error::Conflict(format!(
            "“{}”下已经有名为“{}”的党支部，请换一个名称，或在顶部切换到已有的支部",
            input.higher_name, input.name
        )));
    }
    let org_id = storage::insert(
        tx,
        &NewOrg {
            parent: Some(parent_id),
            name: &input.name,
            level: OrgLevel::Branch,
            kind: input.kind,
            term_start: input.term_start,
            term_years: input.term_years,
            created_at: &created_at,
        },
    )?;
    storage::set_committee(tx, org_id, &input.committee)?;
    for (i, g) in input.groups.iter().enumerate() {
        storage::insert_group(tx, org_id, &g.name, g.leader_name.as_deref(), i)?;
    }
    settings::set(tx, settings::CURRENT_ORG, &org_id.to_string())?;
    Ok(org_id)
}

/// The higher organisation named `name` at `level`, created under `parent`
/// the first time a branch names it.
fn find_or_create(
    tx: &Transaction<'_>,
    parent: Option<OrgId>,
    name: &str,
    level: OrgLevel,
    kind: OrgKind,
    created_at: &str,
) -> Result<OrgId> {
    if let Some(id) = storage::find(tx, name, level)? {
        return Ok(id);
    }
    storage::insert(
        tx,
        &NewOrg {
            parent,
            name,
            level,
            kind,
            term_start: None,
            term_years: None,
            created_at,
        },
    )
}

/// Changes a branch's name, kind, term, committee and 党小组 in the caller's
/// transaction. A new election date archives the outgoing committee; a 党小组
/// that still has members cannot be removed.
pub fn update_branch(
    tx: &Transaction<'_>,
    id: OrgId,
    edit: &BranchEdit,
    now: DateTime<Local>,
) -> Result<()> {
    let org = get(tx, id)?;
    if org.level != OrgLevel::Branch {
        return Err(Error::Validation(format!(
            "“{}”不是党支部，不能在这里编辑",
            org.name
        )));
    }
    let name = clean_name("党支部名称", &edit.name)?;
    validate_term(edit.term_start, edit.term_years, now.date_naive())?;
    let committee = validate_committee(&edit.committee)?;
    let groups = validate_groups(&edit.groups)?;
    let term_years = edit
        .term_years
        .unwrap_or_else(|| rules::default_term_years(edit.kind));

    if storage::name_taken(tx, org.parent_id, &name, Some(id))? {
        return Err(Error::Conflict(format!(
            "上级党组织下已经有名为“{name}”的党支部，请换一个名称"
        )));
    }

    let (old_start, old_years) = storage::term(tx, id)?;
    if old_start.is_some() && edit.term_start != old_start {
        let outgoing: Vec<CommitteeMemberInput> = storage::committee(tx, id)?
            .into_iter()
            .map(|c| CommitteeMemberInput {
                name: c.name,
                position: c.position,
            })
            .collect();
        storage::archive_term(tx, id, old_start, old_years, &outgoing, &now.to_rfc3339())?;
    }

    storage::update(tx, id, &name, edit.kind, edit.term_start, term_years)?;
    storage::set_committee(tx, id, &committee)?;

    let existing: Vec<(i64, String)> = storage::groups(tx, id)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    // Only members on the roll today keep a group; former members' group
    // falls back to none (ON DELETE SET NULL).
    let on_roll = members::on_roll(tx, id, now.date_naive())?;
    for (group_id, group_name) in &existing {
        if groups.iter().any(|g| g.id == Some(*group_id)) {
            continue;
        }
        let members = on_roll
            .iter()
            .filter(|m| m.group_id == Some(*group_id))
            .count();
        if members > 0 {
            return Err(Error::Rule(format!(
                "党小组“{group_name}”还有{members}名党员，不能删除。请先在党员花名册中把他们调到其他党小组，再删除该党小组"
            )));
        }
        storage::delete_group(tx, *group_id)?;
    }
    // Rename in two passes so that swapping two names does not trip UNIQUE.
    for g in groups.iter().filter_map(|g| g.id) {
        if !existing.iter().any(|(e, _)| *e == g) {
            return Err(Error::NotFound(
                "要修改的党小组已不存在，请关闭窗口后重新打开再编辑".into(),
            ));
        }
        storage::park_group_name(tx, g)?;
    }
    for (i, g) in groups.iter().enumerate() {
        let leader = g.leader_name.as_deref();
        match g.id {
            Some(gid) => storage::update_group(tx, gid, &g.name, leader, i)?,
            None => storage::insert_group(tx, id, &g.name, leader, i)?,
        }
    }
    Ok(())
}
