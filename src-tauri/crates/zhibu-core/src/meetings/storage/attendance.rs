//! The `meeting_attendance` table: who was expected at a record, whether
//! they came (with the reason if not), whether they vote, and whether they
//! were left out of 应到 with the higher committee's consent.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::record::Held;
use crate::error::Result;
use crate::meetings::types::{Attendance, AttendanceRow, Exclusion};
use crate::meetings::{year_bounds, MeetingId, MeetingKind, Presence};
use crate::members::MemberId;
use crate::org::OrgId;

pub fn insert(
    conn: &Connection,
    meeting: MeetingId,
    member: MemberId,
    can_vote: bool,
    presence: Presence,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_attendance (meeting_id, member_id, can_vote, status) VALUES (?1, ?2, ?3, ?4)",
        params![meeting, member, can_vote, presence],
    )?;
    Ok(())
}

pub fn clear(conn: &Connection, meeting: MeetingId) -> Result<()> {
    conn.execute(
        "DELETE FROM meeting_attendance WHERE meeting_id = ?1",
        [meeting],
    )?;
    Ok(())
}

/// Whether the person is on the record and left out of 应到.
pub fn is_excluded(conn: &Connection, meeting: MeetingId, member: MemberId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meeting_attendance
                        WHERE meeting_id = ?1 AND member_id = ?2 AND excluded_reason IS NOT NULL)",
        params![meeting, member],
        |r| r.get(0),
    )?)
}

/// Sets one person's presence; false if they are not on the record.
pub fn set_presence(
    conn: &Connection,
    meeting: MeetingId,
    member: MemberId,
    presence: Presence,
    reason: Option<&str>,
) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE meeting_attendance SET status = ?1, reason = ?2 WHERE meeting_id = ?3 AND member_id = ?4",
        params![presence, reason, meeting, member],
    )?;
    Ok(changed > 0)
}

/// One person's presence, if they are on the record.
pub fn presence(
    conn: &Connection,
    meeting: MeetingId,
    member: MemberId,
) -> Result<Option<Presence>> {
    Ok(conn
        .query_row(
            "SELECT status FROM meeting_attendance WHERE meeting_id = ?1 AND member_id = ?2",
            params![meeting, member],
            |r| r.get(0),
        )
        .optional()?)
}

/// Leaves one person out of 应到 (`Some`) or counts them again (`None`).
pub fn set_exclusion(
    conn: &Connection,
    meeting: MeetingId,
    member: MemberId,
    exclusion: Option<&Exclusion>,
) -> Result<()> {
    conn.execute(
        "UPDATE meeting_attendance SET excluded_reason = ?1, excluded_consent = ?2
         WHERE meeting_id = ?3 AND member_id = ?4",
        params![
            exclusion.map(|x| &x.reason),
            exclusion.map(|x| &x.consent),
            meeting,
            member
        ],
    )?;
    Ok(())
}

/// 应到/实到 and the rest, counted from the rows.
pub fn counts(conn: &Connection, meeting: MeetingId) -> Result<Attendance> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(counted), 0),
                coalesce(sum(counted AND status = '出席'), 0),
                coalesce(sum(counted AND status = '请假'), 0),
                coalesce(sum(counted AND status = '缺席'), 0),
                coalesce(sum(counted AND can_vote), 0),
                coalesce(sum(counted AND can_vote AND status = '出席'), 0),
                coalesce(sum(NOT counted), 0)
         FROM (SELECT status, can_vote, excluded_reason IS NULL AS counted
               FROM meeting_attendance WHERE meeting_id = ?1)",
        [meeting],
        |r| {
            Ok(Attendance {
                expected: r.get(0)?,
                present: r.get(1)?,
                leave: r.get(2)?,
                absent: r.get(3)?,
                voting_expected: r.get(4)?,
                voting_present: r.get(5)?,
                excluded: r.get(6)?,
            })
        },
    )?)
}

/// Everyone on the record with their name, in roster order.
pub fn rows(conn: &Connection, meeting: MeetingId) -> Result<Vec<AttendanceRow>> {
    let mut stmt = conn.prepare(
        "SELECT a.member_id, m.name, a.can_vote, a.status, a.reason, a.excluded_reason, a.excluded_consent
         FROM meeting_attendance a JOIN members m ON m.id = a.member_id
         WHERE a.meeting_id = ?1 ORDER BY m.id",
    )?;
    let rows = stmt.query_map([meeting], |r| {
        Ok(AttendanceRow {
            member_id: r.get(0)?,
            name: r.get(1)?,
            can_vote: r.get(2)?,
            presence: r.get(3)?,
            reason: r.get(4)?,
            excluded: match (r.get(5)?, r.get(6)?) {
                (Some(reason), Some(consent)) => Some(Exclusion { reason, consent }),
                _ => None,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The people on the record (a 谈心谈话's participants), by member id.
pub fn member_ids(conn: &Connection, meeting: MeetingId) -> Result<Vec<MemberId>> {
    let mut stmt = conn.prepare(
        "SELECT member_id FROM meeting_attendance WHERE meeting_id = ?1 ORDER BY member_id",
    )?;
    let rows = stmt.query_map([meeting], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A member's part in the branch's records up to `until`, newest first —
/// the record's month ("2026-03"), the status and the reason given — back to
/// the last month they attended a meeting, which is not included. The rows
/// before it are not read: the participation check counts back only that far.
pub fn since_last_attended(
    conn: &Connection,
    member: MemberId,
    org: OrgId,
    until: NaiveDate,
) -> Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT substr(m.date, 1, 7), a.status, a.reason FROM meeting_attendance a
         JOIN meetings m ON m.id = a.meeting_id
         WHERE a.member_id = ?1 AND m.org_id = ?2 AND m.date <= ?3 ORDER BY m.date DESC, m.id DESC",
    )?;
    let mut rows = stmt.query(params![member, org, until])?;
    let mut out: Vec<(String, String, Option<String>)> = Vec::new();
    while let Some(row) = rows.next()? {
        let month: String = row.get(0)?;
        let status: String = row.get(1)?;
        if status == "出席" {
            // That month was not missed: drop what was read of it, and stop.
            out.retain(|(m, _, _)| *m != month);
            break;
        }
        out.push((month, status, row.get(2)?));
    }
    Ok(out)
}

/// The year's records of `kind` with each person present, one row per
/// person, in date order.
pub fn present_in_year(
    conn: &Connection,
    org: OrgId,
    kind: MeetingKind,
    year: i32,
) -> Result<Vec<(Held, MemberId)>> {
    let (from, to) = year_bounds(year);
    let mut stmt = conn.prepare(
        "SELECT m.id, m.kind, m.group_id, m.date, m.finalised_at IS NOT NULL, a.member_id FROM meetings m
         JOIN meeting_attendance a ON a.meeting_id = m.id AND a.status = '出席'
         WHERE m.org_id = ?1 AND m.kind = ?2 AND m.date >= ?3 AND m.date < ?4 ORDER BY m.date, m.id",
    )?;
    let rows = stmt.query_map(params![org, kind, from, to], |r| {
        Ok((
            Held {
                id: r.get(0)?,
                kind: r.get(1)?,
                group_id: r.get(2)?,
                date: r.get(3)?,
                finalised: r.get(4)?,
            },
            r.get(5)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One member's part in one record, for the 民主评议 sheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartLine {
    pub member: MemberId,
    pub meeting: MeetingId,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub topic: String,
    pub presence: Presence,
    pub reason: Option<String>,
    /// Left out of 应到 with the higher committee's consent.
    pub excluded: bool,
}

/// Every attendance row of the branch's records dated `from..=to`, by
/// member, then date.
pub fn parts_between(
    conn: &Connection,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PartLine>> {
    let mut stmt = conn.prepare(
        "SELECT a.member_id, m.id, m.kind, m.date, m.topic, a.status, a.reason, a.excluded_reason IS NOT NULL
         FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.org_id = ?1 AND m.date >= ?2 AND m.date <= ?3
         ORDER BY a.member_id, m.date, m.id",
    )?;
    let rows = stmt.query_map(params![org, from, to], |r| {
        Ok(PartLine {
            member: r.get(0)?,
            meeting: r.get(1)?,
            kind: r.get(2)?,
            date: r.get(3)?,
            topic: r.get(4)?,
            presence: r.get(5)?,
            reason: r.get(6)?,
            excluded: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
