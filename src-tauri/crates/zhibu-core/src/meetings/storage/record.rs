//! The `meetings` table: one row per record, its text fields and its 定稿 time.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::meetings::{year_bounds, MeetingId, MeetingInput, MeetingKind};
use crate::org::OrgId;

/// What a new record is created with; the rest is written by `write_text`.
pub struct NewMeeting<'a> {
    pub org: OrgId,
    pub kind: MeetingKind,
    pub group_id: Option<i64>,
    pub topic: &'a str,
    pub date: NaiveDate,
}

pub fn insert(conn: &Connection, m: &NewMeeting<'_>, now: DateTime<Local>) -> Result<MeetingId> {
    conn.execute(
        "INSERT INTO meetings (org_id, kind, group_id, topic, date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![m.org, m.kind, m.group_id, m.topic, m.date, now.to_rfc3339()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes the text fields of `t` (topic to 党课题目), already checked and
/// cleaned; its other fields are stored elsewhere.
pub fn write_text(
    conn: &Connection,
    id: MeetingId,
    t: &MeetingInput,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET topic = ?1, start_time = ?2, end_time = ?3, place = ?4, host = ?5, recorder = ?6,
             agenda = ?7, minutes = ?8, decisions = ?9, lecturer = ?10, lecture_title = ?11, updated_at = ?12
         WHERE id = ?13",
        params![
            t.topic,
            t.start_time,
            t.end_time,
            t.place,
            t.host,
            t.recorder,
            t.agenda,
            t.minutes,
            t.decisions,
            t.lecturer,
            t.lecture_title,
            now.to_rfc3339(),
            id
        ],
    )?;
    Ok(())
}

/// The 主题党日 contents, stored as a JSON list.
pub fn set_day_contents(conn: &Connection, id: MeetingId, json: &str) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET day_contents = ?1 WHERE id = ?2",
        params![json, id],
    )?;
    Ok(())
}

pub fn day_contents(conn: &Connection, id: MeetingId) -> Result<String> {
    Ok(conn.query_row(
        "SELECT day_contents FROM meetings WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// When the record was finalised: `None` if there is no such record,
/// `Some(None)` for a draft.
pub fn finalised_at(conn: &Connection, id: MeetingId) -> Result<Option<Option<String>>> {
    Ok(conn
        .query_row(
            "SELECT finalised_at FROM meetings WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_finalised(conn: &Connection, id: MeetingId, now: DateTime<Local>) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET finalised_at = ?1 WHERE id = ?2",
        params![now.to_rfc3339(), id],
    )?;
    Ok(())
}

/// What a 定稿 is checked against.
pub struct Completeness {
    pub date: NaiveDate,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub minutes: String,
}

pub fn completeness(conn: &Connection, id: MeetingId) -> Result<Completeness> {
    Ok(conn.query_row(
        "SELECT date, host, recorder, minutes FROM meetings WHERE id = ?1",
        [id],
        |r| {
            Ok(Completeness {
                date: r.get(0)?,
                host: r.get(1)?,
                recorder: r.get(2)?,
                minutes: r.get(3)?,
            })
        },
    )?)
}

/// What is fixed at creation: the branch, the kind and the date.
pub fn fixed(conn: &Connection, id: MeetingId) -> Result<Option<(OrgId, MeetingKind, NaiveDate)>> {
    Ok(conn
        .query_row(
            "SELECT org_id, kind, date FROM meetings WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// The branch's records of a year, in date order.
pub fn ids_in_year(conn: &Connection, org: OrgId, year: i32) -> Result<Vec<MeetingId>> {
    let (from, to) = year_bounds(year);
    let mut stmt = conn.prepare(
        "SELECT id FROM meetings WHERE org_id = ?1 AND date >= ?2 AND date < ?3 ORDER BY date, id",
    )?;
    let ids = stmt.query_map(params![org, from, to], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One record as a list shows it (without its attendance).
pub struct Line {
    pub kind: MeetingKind,
    pub topic: String,
    pub date: NaiveDate,
    pub finalised: bool,
}

pub fn line(conn: &Connection, id: MeetingId) -> Result<Line> {
    Ok(conn.query_row(
        "SELECT kind, topic, date, finalised_at IS NOT NULL FROM meetings WHERE id = ?1",
        [id],
        |r| {
            Ok(Line {
                kind: r.get(0)?,
                topic: r.get(1)?,
                date: r.get(2)?,
                finalised: r.get(3)?,
            })
        },
    )?)
}

/// The record's own fields in the form's shape (guests, items and the other
/// parts are read by `details`), with its 定稿 time; `None` if there is none.
pub fn input(conn: &Connection, id: MeetingId) -> Result<Option<(MeetingInput, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT kind, group_id, topic, date, start_time, end_time, place, host, recorder, agenda, minutes,
                    decisions, lecturer, lecture_title, finalised_at
             FROM meetings WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    MeetingInput {
                        kind: Some(r.get(0)?),
                        group_id: r.get(1)?,
                        topic: r.get(2)?,
                        date: Some(r.get(3)?),
                        start_time: r.get(4)?,
                        end_time: r.get(5)?,
                        place: r.get(6)?,
                        host: r.get(7)?,
                        recorder: r.get(8)?,
                        agenda: r.get(9)?,
                        minutes: r.get(10)?,
                        decisions: r.get(11)?,
                        lecturer: r.get(12)?,
                        lecture_title: r.get(13)?,
                        ..MeetingInput::default()
                    },
                    r.get(14)?,
                ))
            },
        )
        .optional()?)
}

/// A record as the calendar places it.
pub struct Held {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub group_id: Option<i64>,
    pub date: NaiveDate,
    pub finalised: bool,
}

/// Every record of the branch in a year, in date order.
pub fn held_in_year(conn: &Connection, org: OrgId, year: i32) -> Result<Vec<Held>> {
    let (from, to) = year_bounds(year);
    let mut stmt = conn.prepare(
        "SELECT id, kind, group_id, date, finalised_at IS NOT NULL FROM meetings
         WHERE org_id = ?1 AND date >= ?2 AND date < ?3 ORDER BY date, id",
    )?;
    let rows = stmt.query_map(params![org, from, to], |r| {
        Ok(Held {
            id: r.get(0)?,
            kind: r.get(1)?,
            group_id: r.get(2)?,
            date: r.get(3)?,
            finalised: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
