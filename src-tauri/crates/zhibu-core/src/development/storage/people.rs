//! The `dev_people` table: each person the branch develops, with their
//! profile (as JSON, the roster's shape), and once on the roster, their
//! member id.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::development::{PersonId, PersonRow};
use crate::error::Result;
use crate::members::{MemberId, MemberProfile};
use crate::org::OrgId;

/// Who in development holds this 身份证号, with their name.
pub fn id_number_holder(conn: &Connection, id_number: &str) -> Result<Option<(PersonId, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, name FROM dev_people WHERE id_number = ?1",
            [id_number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn insert(
    conn: &Connection,
    org: OrgId,
    profile: &MemberProfile,
    now: DateTime<Local>,
) -> Result<PersonId> {
    conn.execute(
        "INSERT INTO dev_people (org_id, name, id_number, profile, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            org,
            profile.name,
            profile.id_number,
            serde_json::to_string(profile)?,
            now.to_rfc3339()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_profile(
    conn: &Connection,
    id: PersonId,
    profile: &MemberProfile,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "UPDATE dev_people SET name = ?2, id_number = ?3, profile = ?4, updated_at = ?5 WHERE id = ?1",
        params![
            id,
            profile.name,
            profile.id_number,
            serde_json::to_string(profile)?,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}

/// The person's row; `None` if there is no such person.
pub fn row(conn: &Connection, id: PersonId) -> Result<Option<PersonRow>> {
    let found: Option<(OrgId, String, _, _, _)> = conn
        .query_row(
            "SELECT org_id, profile, member_id, closed_on, closed_reason FROM dev_people WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    found
        .map(|(org, profile, member_id, closed_on, closed_reason)| {
            Ok(PersonRow {
                org,
                profile: serde_json::from_str(&profile)?,
                member_id,
                closed_on,
                closed_reason,
            })
        })
        .transpose()
}

/// The branch's people, in the order they were entered.
pub fn ids(conn: &Connection, org: OrgId) -> Result<Vec<PersonId>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM dev_people WHERE org_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Links the person to their roster entry (step 17).
pub fn set_member(
    conn: &Connection,
    id: PersonId,
    member: MemberId,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "UPDATE dev_people SET member_id = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, member, now.to_rfc3339()],
    )?;
    Ok(())
}

/// Ends the person's development on `on`, for `reason`.
pub fn close(
    conn: &Connection,
    id: PersonId,
    on: NaiveDate,
    reason: &str,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "UPDATE dev_people SET closed_on = ?2, closed_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, on, reason, now.to_rfc3339()],
    )?;
    Ok(())
}
