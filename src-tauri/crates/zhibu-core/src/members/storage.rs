//! The members area's SQL, and only that: members, their history
//! (member_events), and the names of the 党小组 they belong to. Plain values
//! in, plain structs out; what may be written is decided by the use cases.

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::state::MemberEvent;
use super::{name_initials, MemberId, MemberProfile, NewEvent};
use crate::error::{Error, Result};
use crate::ids::OrgId;

/// A stored member: the profile plus what the database adds.
#[derive(Debug, Clone)]
pub struct StoredMember {
    pub id: MemberId,
    pub name: String,
    pub name_initials: String,
    pub group_id: Option<i64>,
    pub profile: MemberProfile,
}

const MEMBER_COLUMNS: &str = "m.id, m.name, m.name_initials, m.sex, m.ethnicity, m.birth_date, m.id_number,
     m.education, m.category, m.work_unit, m.phone, m.residence, m.household_reg, m.group_id, m.party_post,
     m.is_migrant_worker, m.new_social_stratum, m.party_age_adjust_months, m.note";

fn member_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredMember> {
    let profile = MemberProfile {
        name: r.get(1)?,
        sex: r.get(3)?,
        ethnicity: r.get(4)?,
        birth_date: r.get(5)?,
        id_number: r.get(6)?,
        education: r.get(7)?,
        category: r.get(8)?,
        work_unit: r.get(9)?,
        phone: r.get(10)?,
        residence: r.get(11)?,
        household_reg: r.get(12)?,
        group_id: r.get(13)?,
        party_post: r.get(14)?,
        is_migrant_worker: r.get(15)?,
        new_social_stratum: r.get(16)?,
        party_age_adjust_months: r.get(17)?,
        note: r.get(18)?,
    };
    Ok(StoredMember {
        id: r.get(0)?,
        name: profile.name.clone(),
        name_initials: r.get(2)?,
        group_id: profile.group_id,
        profile,
    })
}

const EVENT_COLUMNS: &str =
    "e.id, e.kind, e.subkind, e.date, e.org_id, e.other_org, e.reason, e.doc_no,
     e.until_date, e.corrects_id, e.created_at";

/// Reads the `EVENT_COLUMNS` that start at column `at`.
fn event_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<MemberEvent> {
    Ok(MemberEvent {
        id: r.get(at)?,
        kind: r.get(at + 1)?,
        subkind: r.get(at + 2)?,
        date: r.get(at + 3)?,
        org_id: r.get(at + 4)?,
        other_org: r.get(at + 5)?,
        reason: r.get(at + 6)?,
        doc_no: r.get(at + 7)?,
        until: r.get(at + 8)?,
        corrects: r.get(at + 9)?,
        created_at: r.get(at + 10)?,
    })
}

/// One member's history in date order (ties in the order entered).
pub fn events_of(conn: &Connection, member: MemberId) -> Result<Vec<MemberEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM member_events e WHERE e.member_id = ?1 ORDER BY e.date, e.id"
    ))?;
    let rows = stmt.query_map([member], |r| event_at(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One member with their whole history.
pub fn history_of(conn: &Connection, member: MemberId) -> Result<(StoredMember, Vec<MemberEvent>)> {
    let stored = conn
        .query_row(
            &format!("SELECT {MEMBER_COLUMNS} FROM members m WHERE m.id = ?1"),
            [member],
            member_from_row,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound("找不到这名党员的记录，请刷新后重试".into()))?;
    Ok((stored, events_of(conn, member)?))
}

/// Every member the branch has ever had, with their whole history.
pub fn histories(conn: &Connection, org: OrgId) -> Result<Vec<(StoredMember, Vec<MemberEvent>)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MEMBER_COLUMNS} FROM members m
         WHERE m.org_id = ?1 OR m.id IN (SELECT member_id FROM member_events WHERE org_id = ?1)
         ORDER BY m.id"
    ))?;
    let members = stmt
        .query_map([org], member_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.member_id, {EVENT_COLUMNS} FROM member_events e
         WHERE e.member_id IN (SELECT id FROM members WHERE org_id = ?1)
            OR e.member_id IN (SELECT member_id FROM member_events WHERE org_id = ?1)
         ORDER BY e.member_id, e.date, e.id"
    ))?;
    let mut by_member: HashMap<MemberId, Vec<MemberEvent>> = HashMap::new();
    let rows = stmt.query_map([org], |r| Ok((r.get::<_, MemberId>(0)?, event_at(r, 1)?)))?;
    for row in rows {
        let (member, event) = row?;
        by_member.entry(member).or_default().push(event);
    }
    Ok(members
        .into_iter()
        .map(|m| {
            let events = by_member.remove(&m.id).unwrap_or_default();
            (m, events)
        })
        .collect())
}

/// A member with the branch whose roll they are on.
pub(super) fn member_and_org(
    conn: &Connection,
    id: MemberId,
) -> Result<Option<(StoredMember, OrgId)>> {
    Ok(conn
        .query_row(
            &format!("SELECT {MEMBER_COLUMNS}, m.org_id FROM members m WHERE m.id = ?1"),
            [id],
            |r| Ok((member_from_row(r)?, r.get::<_, OrgId>(19)?)),
        )
        .optional()?)
}

/// The branch whose roll the member is on.
pub(super) fn org_of(conn: &Connection, id: MemberId) -> Result<Option<OrgId>> {
    Ok(conn
        .query_row("SELECT org_id FROM members WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn birth_date(conn: &Connection, id: MemberId) -> Result<NaiveDate> {
    Ok(
        conn.query_row("SELECT birth_date FROM members WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

/// Who holds `id_number` (any branch), by id and name.
pub(super) fn id_number_holder(
    conn: &Connection,
    id_number: &str,
) -> Result<Option<(MemberId, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, name FROM members WHERE id_number = ?1",
            [id_number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Who holds `id_number` (any branch), by id and branch.
pub(super) fn member_by_id_number(
    conn: &Connection,
    id_number: &str,
) -> Result<Option<(MemberId, OrgId)>> {
    Ok(conn
        .query_row(
            "SELECT id, org_id FROM members WHERE id_number = ?1",
            [id_number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The branch's 党小组 (id, name) in their order.
pub(super) fn group_names(conn: &Connection, org: OrgId) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM party_groups WHERE org_id = ?1 ORDER BY sort_order, id",
    )?;
    let rows = stmt.query_map([org], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether 党小组 `group` belongs to branch `org`.
pub(super) fn group_in_org(conn: &Connection, group: i64, org: OrgId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM party_groups WHERE id = ?1 AND org_id = ?2)",
        params![group, org],
        |r| r.get(0),
    )?)
}

/// The branch's member named `name` (the first entered, if two share it).
pub(super) fn id_by_name(conn: &Connection, org: OrgId, name: &str) -> Result<Option<MemberId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM members WHERE org_id = ?1 AND name = ?2 ORDER BY id LIMIT 1",
            params![org, name],
            |r| r.get(0),
        )
        .optional()?)
}

/// A 党小组 an import names that the branch does not have yet, placed after
/// the branch's own groups.
pub(super) fn insert_group_after_others(
    tx: &Transaction<'_>,
    org: OrgId,
    name: &str,
    index: usize,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO party_groups (org_id, name, sort_order) VALUES (?1, ?2, 1000 + ?3)",
        params![org, name, index as i64],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn insert_profile(
    tx: &Transaction<'_>,
    org_id: OrgId,
    p: &MemberProfile,
    now: DateTime<Local>,
) -> Result<MemberId> {
    // The row is created with its required columns, then filled by the same
    // statement an edit uses, so the two can never disagree.
    tx.execute(
        "INSERT INTO members (org_id, name, sex, birth_date, id_number, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            org_id,
            p.name,
            p.sex,
            p.birth_date,
            p.id_number,
            now.to_rfc3339()
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_profile(tx, id, p, now)?;
    Ok(id)
}

pub(super) fn write_profile(
    tx: &Transaction<'_>,
    id: MemberId,
    p: &MemberProfile,
    now: DateTime<Local>,
) -> Result<()> {
    tx.execute(
        "UPDATE members SET name = ?1, name_initials = ?2, sex = ?3, ethnicity = ?4, birth_date = ?5,
             id_number = ?6, education = ?7, category = ?8, work_unit = ?9, phone = ?10, residence = ?11,
             household_reg = ?12, group_id = ?13, party_post = ?14, is_migrant_worker = ?15,
             new_social_stratum = ?16, party_age_adjust_months = ?17, note = ?18, updated_at = ?19
         WHERE id = ?20",
        params![
            p.name,
            name_initials(&p.name),
            p.sex,
            p.ethnicity,
            p.birth_date,
            p.id_number,
            p.education,
            p.category,
            p.work_unit,
            p.phone,
            p.residence,
            p.household_reg,
            p.group_id,
            p.party_post,
            p.is_migrant_worker,
            p.new_social_stratum,
            p.party_age_adjust_months,
            p.note,
            now.to_rfc3339(),
            id
        ],
    )?;
    Ok(())
}

pub(super) fn insert_event(
    tx: &Transaction<'_>,
    org_id: OrgId,
    member_id: MemberId,
    e: &NewEvent,
    now: DateTime<Local>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO member_events (member_id, org_id, kind, subkind, date, other_org, reason, doc_no, until_date,
             corrects_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            member_id,
            e.in_branch.then_some(org_id),
            e.kind,
            e.subkind,
            e.date,
            e.other_org,
            e.reason,
            e.doc_no,
            e.until,
            e.corrects,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}
