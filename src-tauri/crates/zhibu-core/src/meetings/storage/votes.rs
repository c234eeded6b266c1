//! The `meeting_votes` and `meeting_supplements` tables: the counts of each
//! vote as typed, and the dated 补充说明 of a finalised record.

use chrono::{DateTime, Local};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::meetings::{MeetingId, Supplement, VoteInput};
use crate::org::OrgId;

/// Stores a vote under its cleaned `subject`.
pub fn insert(
    conn: &Connection,
    meeting: MeetingId,
    subject: &str,
    vote: &VoteInput,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_votes (meeting_id, subject, kind, method, yes, no, abstain, written_yes, written_no,
             written_abstain, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            meeting,
            subject,
            vote.kind,
            vote.method,
            vote.yes,
            vote.no,
            vote.abstain,
            vote.written_yes,
            vote.written_no,
            vote.written_abstain,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}

/// The record's votes with their ids, in the order they were taken.
pub fn list(conn: &Connection, meeting: MeetingId) -> Result<Vec<(i64, VoteInput)>> {
    let mut stmt = conn.prepare(
        "SELECT id, subject, kind, method, yes, no, abstain, written_yes, written_no, written_abstain
         FROM meeting_votes WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([meeting], |r| {
        Ok((
            r.get(0)?,
            VoteInput {
                subject: r.get(1)?,
                kind: r.get(2)?,
                method: r.get(3)?,
                yes: r.get(4)?,
                no: r.get(5)?,
                abstain: r.get(6)?,
                written_yes: r.get(7)?,
                written_no: r.get(8)?,
                written_abstain: r.get(9)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert_supplement(
    conn: &Connection,
    meeting: MeetingId,
    text: &str,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_supplements (meeting_id, text, created_at) VALUES (?1, ?2, ?3)",
        params![meeting, text, now.to_rfc3339()],
    )?;
    Ok(())
}

pub fn supplements(conn: &Connection, meeting: MeetingId) -> Result<Vec<Supplement>> {
    let mut stmt = conn.prepare(
        "SELECT text, created_at FROM meeting_supplements WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([meeting], |r| {
        Ok(Supplement {
            text: r.get(0)?,
            created_at: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The record vote `vote` was taken at, if it is one of the branch's.
pub fn meeting_of(conn: &Connection, org: OrgId, vote: i64) -> Result<Option<MeetingId>> {
    Ok(conn
        .query_row(
            "SELECT v.meeting_id FROM meeting_votes v JOIN meetings m ON m.id = v.meeting_id
             WHERE v.id = ?1 AND m.org_id = ?2",
            params![vote, org],
            |r| r.get(0),
        )
        .optional()?)
}

/// The branch's records with a vote whose subject contains `name`, newest first.
pub fn meetings_naming(conn: &Connection, org: OrgId, name: &str) -> Result<Vec<MeetingId>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT m.id FROM meeting_votes v JOIN meetings m ON m.id = v.meeting_id
         WHERE m.org_id = ?1 AND instr(v.subject, ?2) > 0 ORDER BY m.date DESC, m.id DESC",
    )?;
    let rows = stmt.query_map(params![org, name], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
