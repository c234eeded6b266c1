//! The `dev_steps` and `dev_step_people` tables: each step taken for a
//! person, with the members it names (谈话人, 培养联系人, 入党介绍人).
//! A step is never deleted: a mistake is withdrawn, with a reason.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::documents;
use crate::development::rules::Decision;
use crate::development::steps::{def, Role};
use crate::development::{PersonId, StepPerson, StepRecord};
use crate::error::Result;
use crate::members::MemberId;
use crate::org::OrgId;

/// A recorded step's person, number and withdrawal time; `None` if there is
/// no such step.
pub fn row(conn: &Connection, step_id: i64) -> Result<Option<(PersonId, u8, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT person_id, step, withdrawn_at FROM dev_steps WHERE id = ?1",
            [step_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

const COLUMNS: &str =
    "id, step, date, outcome, extend_months, training_days, training_hours, vote_id,
    note, override_reason, withdrawn_at, withdrawn_reason, created_at, publicity_from, publicity_to";

/// Every step recorded for a person (withdrawn ones too), in date order,
/// with the people and documents of each.
pub fn of_person(conn: &Connection, person: PersonId) -> Result<Vec<StepRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM dev_steps WHERE person_id = ?1 ORDER BY date, step, id"
    ))?;
    let mut people = conn.prepare_cached(
        "SELECT p.member_id, m.name, p.role FROM dev_step_people p JOIN members m ON m.id = p.member_id
         WHERE p.step_id = ?1 ORDER BY p.rowid",
    )?;
    let rows = stmt
        .query_map([person], |r| {
            let step: u8 = r.get(1)?;
            Ok(StepRecord {
                id: r.get(0)?,
                step,
                name: def(step).map(|d| d.name).unwrap_or_default().to_string(),
                date: r.get(2)?,
                people: Vec::new(),
                decision: r.get(3)?,
                extend_months: r.get(4)?,
                training_days: r.get(5)?,
                training_hours: r.get(6)?,
                vote_id: r.get(7)?,
                documents: Vec::new(),
                note: r.get(8)?,
                override_reason: r.get(9)?,
                withdrawn_at: r.get(10)?,
                withdrawn_reason: r.get(11)?,
                created_at: r.get(12)?,
                publicity_from: r.get(13)?,
                publicity_to: r.get(14)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|mut s| {
            s.people = people
                .query_map([s.id], |r| {
                    Ok(StepPerson {
                        member_id: r.get(0)?,
                        name: r.get(1)?,
                        role: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            s.documents = documents::of_step(conn, s.id)?;
            Ok(s)
        })
        .collect()
}

/// A step as it is stored, checked and cleaned.
pub struct NewStep<'a> {
    pub person: PersonId,
    pub step: u8,
    pub date: NaiveDate,
    pub decision: Option<Decision>,
    pub extend_months: Option<u32>,
    pub training_days: Option<u32>,
    pub training_hours: Option<u32>,
    pub vote_id: Option<i64>,
    pub note: Option<String>,
    pub override_reason: Option<String>,
    pub publicity: Option<(NaiveDate, NaiveDate)>,
    /// The members the step names, in the role the step gives them.
    pub people: Option<(Role, &'a [MemberId])>,
    /// The documents ticked as in the file.
    pub documents: &'a [String],
}

/// Stores a step with its people and ticked documents; returns its id.
pub fn insert(conn: &Connection, s: &NewStep<'_>, now: DateTime<Local>) -> Result<i64> {
    conn.execute(
        "INSERT INTO dev_steps (person_id, step, date, outcome, extend_months, training_days, training_hours,
             vote_id, note, override_reason, created_at, publicity_from, publicity_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            s.person,
            s.step,
            s.date,
            s.decision,
            s.extend_months,
            s.training_days,
            s.training_hours,
            s.vote_id,
            s.note,
            s.override_reason,
            now.to_rfc3339(),
            s.publicity.map(|p| p.0),
            s.publicity.map(|p| p.1)
        ],
    )?;
    let id = conn.last_insert_rowid();
    if let Some((role, members)) = s.people {
        for m in members {
            conn.execute(
                "INSERT OR IGNORE INTO dev_step_people (step_id, member_id, role) VALUES (?1, ?2, ?3)",
                params![id, m, role],
            )?;
        }
    }
    for doc in s.documents {
        documents::tick(conn, id, doc, true, now)?;
    }
    Ok(id)
}

pub fn withdraw(conn: &Connection, step_id: i64, reason: &str, now: DateTime<Local>) -> Result<()> {
    conn.execute(
        "UPDATE dev_steps SET withdrawn_at = ?2, withdrawn_reason = ?3 WHERE id = ?1",
        params![step_id, now.to_rfc3339(), reason],
    )?;
    Ok(())
}

/// A step the yearly figures count: person, number, date and decision.
pub type CountedStep = (PersonId, u8, NaiveDate, Option<Decision>);

/// The steps in force of the branch that the yearly figures count
/// (1, 3, 7, 17 and 24).
pub fn counted(conn: &Connection, org: OrgId) -> Result<Vec<CountedStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.person_id, s.step, s.date, s.outcome FROM dev_steps s JOIN dev_people p ON p.id = s.person_id
         WHERE p.org_id = ?1 AND s.withdrawn_at IS NULL AND s.step IN (1, 3, 7, 17, 24)",
    )?;
    let rows = stmt.query_map([org], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
