//! The `meeting_guests`, `meeting_items` and `meeting_item_progress` tables:
//! 列席 guests, 议定事项 in their order, and each one's dated 落实情况.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::ids::OrgId;
use crate::meetings::types::{Item, ItemInput, OwnedItem, Progress};
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

pub fn replace_items(conn: &Connection, meeting: MeetingId, items: &[ItemInput]) -> Result<()> {
    conn.execute("DELETE FROM meeting_items WHERE meeting_id = ?1", [meeting])?;
    for (order, item) in items.iter().enumerate() {
        conn.execute(
            "INSERT INTO meeting_items (meeting_id, item, owner_id, sort_order) VALUES (?1, ?2, ?3, ?4)",
            params![meeting, item.item, item.owner, order as i64],
        )?;
    }
    Ok(())
}

/// The 议定事项 in their order, each with its 落实情况 by date.
pub fn items(conn: &Connection, meeting: MeetingId) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.item, i.owner_id, p.name FROM meeting_items i
         LEFT JOIN members p ON p.id = i.owner_id
         WHERE i.meeting_id = ?1 ORDER BY i.sort_order, i.id",
    )?;
    let mut items = stmt
        .query_map([meeting], |r| item_from(r, 0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut progress = progress_query(conn)?;
    for item in &mut items {
        item.progress = progress_of(&mut progress, item.id)?;
    }
    Ok(items)
}

/// An item from the four columns `id, item, owner_id, owner's name` starting
/// at `first`, its 落实情况 still to be read.
fn item_from(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Item> {
    Ok(Item {
        id: r.get(first)?,
        item: r.get(first + 1)?,
        owner: r.get(first + 2)?,
        owner_name: r.get(first + 3)?,
        progress: Vec::new(),
    })
}

fn progress_query(conn: &Connection) -> Result<rusqlite::Statement<'_>> {
    Ok(conn.prepare(
        "SELECT date, text FROM meeting_item_progress WHERE item_id = ?1 ORDER BY date, id",
    )?)
}

/// An item's 落实情况, by date.
fn progress_of(query: &mut rusqlite::Statement<'_>, item: i64) -> Result<Vec<Progress>> {
    Ok(query
        .query_map([item], |r| {
            Ok(Progress {
                date: r.get(0)?,
                text: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The 议定事项 with a named owner in the branch's records dated
/// `from..=to`, by date, each with the record it belongs to.
pub fn owned_between(
    conn: &Connection,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<OwnedItem>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.kind, m.date, m.topic, i.id, i.item, i.owner_id, p.name
         FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
         JOIN members p ON p.id = i.owner_id
         WHERE m.org_id = ?1 AND m.date >= ?2 AND m.date <= ?3
         ORDER BY m.date, m.id, i.sort_order, i.id",
    )?;
    let mut owned = stmt
        .query_map(params![org, from, to], |r| {
            Ok(OwnedItem {
                meeting: r.get(0)?,
                kind: r.get(1)?,
                date: r.get(2)?,
                topic: r.get(3)?,
                item: item_from(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut progress = progress_query(conn)?;
    for o in &mut owned {
        o.item.progress = progress_of(&mut progress, o.item.id)?;
    }
    Ok(owned)
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
