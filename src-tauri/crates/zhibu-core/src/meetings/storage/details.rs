//! The `meeting_guests`, `meeting_items` and `meeting_item_progress` tables:
//! 列席 guests, 议定事项 in their order, and each one's dated 落实情况.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::meetings::types::{Item, Progress};
use crate::meetings::MeetingId;

pub fn replace_guests(conn: &Connection, meeting: MeetingId, guests: &[String]) -> Result<()> {
    conn.execute(
        "DELETE FROM meeting_guests WHERE meeting_id = ?1",
        [meeting],
    )?;
    for guest in guests {
        conn.execute(
            "INSERT INTO meeting_guests (meeting_id, name) VALUES (?1, ?2)",
            params![meeting, guest],
        )?;
    }
    Ok(())
}

pub fn guests(conn: &Connection, meeting: MeetingId) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM meeting_guests WHERE meeting_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([meeting], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn replace_items(conn: &Connection, meeting: MeetingId, items: &[String]) -> Result<()> {
    conn.execute("DELETE FROM meeting_items WHERE meeting_id = ?1", [meeting])?;
    for (order, item) in items.iter().enumerate() {
        conn.execute(
            "INSERT INTO meeting_items (meeting_id, item, sort_order) VALUES (?1, ?2, ?3)",
            params![meeting, item, order as i64],
        )?;
    }
    Ok(())
}

/// The 议定事项 in their order, each with its 落实情况 by date.
pub fn items(conn: &Connection, meeting: MeetingId) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare(
        "SELECT id, item FROM meeting_items WHERE meeting_id = ?1 ORDER BY sort_order, id",
    )?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut progress = conn.prepare(
        "SELECT date, text FROM meeting_item_progress WHERE item_id = ?1 ORDER BY date, id",
    )?;
    rows.into_iter()
        .map(|(id, item)| {
            let progress = progress
                .query_map([id], |r| {
                    Ok(Progress {
                        date: r.get(0)?,
                        text: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Item { id, item, progress })
        })
        .collect()
}

/// The record a 议定事项 belongs to and that record's date.
pub fn item_meeting(conn: &Connection, item: i64) -> Result<Option<(MeetingId, NaiveDate)>> {
    Ok(conn
        .query_row(
            "SELECT m.id, m.date FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn insert_progress(
    conn: &Connection,
    item: i64,
    date: NaiveDate,
    text: &str,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_item_progress (item_id, date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![item, date, text, now.to_rfc3339()],
    )?;
    Ok(())
}
