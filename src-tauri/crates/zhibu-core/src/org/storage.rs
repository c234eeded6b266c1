//! The org area's SQL, and only that: organisations, their committee (today's
//! and the archived terms) and their 党小组. Plain values in, plain structs
//! out; what may be written is decided in `edit.rs` and `rules.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{
    CommitteeMember, CommitteeMemberInput, OrgId, OrgKind, OrgLevel, OrgSummary, PartyGroup,
    PastTerm,
};
use crate::error::{Error, Result};

const SUMMARY_SQL: &str =
    "SELECT o.id, o.name, o.level, o.kind, o.parent_id, p.name AS parent_name, o.demo
     FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id";

fn summary_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OrgSummary> {
    Ok(OrgSummary {
        id: r.get("id")?,
        name: r.get("name")?,
        level: r.get("level")?,
        kind: r.get("kind")?,
        parent_id: r.get("parent_id")?,
        parent_name: r.get("parent_name")?,
        demo: r.get("demo")?,
    })
}

/// Every branch, ordered by its higher committee's name and its own.
pub(super) fn branches(conn: &Connection) -> Result<Vec<OrgSummary>> {
    let mut stmt = conn.prepare(&format!(
        "{SUMMARY_SQL} WHERE o.level = '党支部' ORDER BY p.name, o.name"
    ))?;
    let rows = stmt.query_map([], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn summary(conn: &Connection, id: OrgId) -> Result<Option<OrgSummary>> {
    Ok(conn
        .query_row(
            &format!("{SUMMARY_SQL} WHERE o.id = ?1"),
            [id],
            summary_from_row,
        )
        .optional()?)
}

/// The current term's election date and length, as recorded.
pub(super) fn term(conn: &Connection, id: OrgId) -> Result<(Option<NaiveDate>, Option<u8>)> {
    Ok(conn.query_row(
        "SELECT term_start, term_years FROM organisations WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

pub(super) fn committee(conn: &Connection, id: OrgId) -> Result<Vec<CommitteeMember>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, position FROM committee_members WHERE org_id = ?1 ORDER BY sort_order, id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(CommitteeMember {
            id: r.get(0)?,
            name: r.get(1)?,
            position: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The archived committees, newest first.
pub(super) fn past_terms(conn: &Connection, id: OrgId) -> Result<Vec<PastTerm>> {
    let mut stmt = conn.prepare(
        "SELECT term_start, term_years, committee FROM committee_terms WHERE org_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, Option<NaiveDate>>(0)?,
            r.get::<_, Option<u8>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (term_start, term_years, json) = row?;
        let committee = serde_json::from_str(&json).map_err(|e| Error::Internal(e.to_string()))?;
        out.push(PastTerm {
            term_start,
            term_years,
            committee,
        });
    }
    Ok(out)
}

/// The 党小组 in their order, without member counts.
pub(super) fn groups(conn: &Connection, id: OrgId) -> Result<Vec<PartyGroup>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, leader_name FROM party_groups WHERE org_id = ?1 ORDER BY sort_order, id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(PartyGroup {
            id: r.get(0)?,
            name: r.get(1)?,
            leader_name: r.get(2)?,
            member_count: 0,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Marks the branch as the demo one.
pub(super) fn mark_demo(conn: &Connection, id: OrgId) -> Result<()> {
    conn.execute("UPDATE organisations SET demo = 1 WHERE id = ?1", [id])?;
    Ok(())
}

/// The organisation named `name` at `level`, if there is one.
pub(super) fn find(tx: &Transaction<'_>, name: &str, level: OrgLevel) -> Result<Option<OrgId>> {
    Ok(tx
        .query_row(
            "SELECT id FROM organisations WHERE name = ?1 AND level = ?2",
            params![name, level],
            |r| r.get(0),
        )
        .optional()?)
}

/// A new organisation row.
pub(super) struct NewOrg<'a> {
    pub parent: Option<OrgId>,
    pub name: &'a str,
    pub level: OrgLevel,
    pub kind: OrgKind,
    pub term_start: Option<NaiveDate>,
    pub term_years: Option<u8>,
    pub created_at: &'a str,
}

pub(super) fn insert(tx: &Transaction<'_>, org: &NewOrg<'_>) -> Result<OrgId> {
    tx.execute(
        "INSERT INTO organisations (parent_id, name, level, kind, term_start, term_years, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            org.parent,
            org.name,
            org.level,
            org.kind,
            org.term_start,
            org.term_years,
            org.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Whether another organisation under `parent` (other than `except`) has `name`.
pub(super) fn name_taken(
    tx: &Transaction<'_>,
    parent: Option<OrgId>,
    name: &str,
    except: Option<OrgId>,
) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM organisations WHERE parent_id IS ?1 AND name = ?2 AND id IS NOT ?3)",
        params![parent, name, except],
        |r| r.get(0),
    )?)
}

pub(super) fn update(
    tx: &Transaction<'_>,
    id: OrgId,
    name: &str,
    kind: OrgKind,
    term_start: Option<NaiveDate>,
    term_years: u8,
) -> Result<()> {
    tx.execute(
        "UPDATE organisations SET name = ?1, kind = ?2, term_start = ?3, term_years = ?4 WHERE id = ?5",
        params![name, kind, term_start, term_years, id],
    )?;
    Ok(())
}

/// Keeps the outgoing committee of the term that started `start`.
pub(super) fn archive_term(
    tx: &Transaction<'_>,
    id: OrgId,
    start: Option<NaiveDate>,
    years: Option<u8>,
    committee: &[CommitteeMemberInput],
    archived_at: &str,
) -> Result<()> {
    let json = serde_json::to_string(committee).map_err(|e| Error::Internal(e.to_string()))?;
    tx.execute(
        "INSERT INTO committee_terms (org_id, term_start, term_years, committee, archived_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, start, years, json, archived_at],
    )?;
    Ok(())
}

/// Today's committee becomes `rows`, in their order.
pub(super) fn set_committee(
    tx: &Transaction<'_>,
    id: OrgId,
    rows: &[CommitteeMemberInput],
) -> Result<()> {
    tx.execute("DELETE FROM committee_members WHERE org_id = ?1", [id])?;
    for (i, m) in rows.iter().enumerate() {
        tx.execute(
            "INSERT INTO committee_members (org_id, name, position, sort_order) VALUES (?1, ?2, ?3, ?4)",
            params![id, m.name, m.position, i as i64],
        )?;
    }
    Ok(())
}

pub(super) fn insert_group(
    tx: &Transaction<'_>,
    org: OrgId,
    name: &str,
    leader: Option<&str>,
    order: usize,
) -> Result<()> {
    tx.execute(
        "INSERT INTO party_groups (org_id, name, leader_name, sort_order) VALUES (?1, ?2, ?3, ?4)",
        params![org, name, leader, order as i64],
    )?;
    Ok(())
}

pub(super) fn update_group(
    tx: &Transaction<'_>,
    group: i64,
    name: &str,
    leader: Option<&str>,
    order: usize,
) -> Result<()> {
    tx.execute(
        "UPDATE party_groups SET name = ?1, leader_name = ?2, sort_order = ?3 WHERE id = ?4",
        params![name, leader, order as i64, group],
    )?;
    Ok(())
}

/// Gives the group a name no other can have ("~id"), so that renaming
/// groups in any order never trips the UNIQUE name.
pub(super) fn park_group_name(tx: &Transaction<'_>, group: i64) -> Result<()> {
    tx.execute(
        "UPDATE party_groups SET name = '~' || id WHERE id = ?1",
        [group],
    )?;
    Ok(())
}

pub(super) fn delete_group(tx: &Transaction<'_>, group: i64) -> Result<()> {
    tx.execute("DELETE FROM party_groups WHERE id = ?1", [group])?;
    Ok(())
}
