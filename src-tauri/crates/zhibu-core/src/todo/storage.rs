//! The snoozes of the 工作台, append-only.

use std::collections::HashMap;

use chrono::{DateTime, Local};
use rusqlite::{params, Connection};

use super::Snooze;
use crate::error::Result;
use crate::org::OrgId;

/// The branch's snoozes by item key.
pub(super) fn snoozes(conn: &Connection, org: OrgId) -> Result<HashMap<String, Snooze>> {
    let mut stmt =
        conn.prepare("SELECT item_key, reason, snoozed_at FROM todo_snoozes WHERE org_id = ?1")?;
    let rows = stmt.query_map([org], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Snooze {
                reason: r.get(1)?,
                at: r.get(2)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert(
    conn: &Connection,
    org: OrgId,
    key: &str,
    reason: &str,
    now: DateTime<Local>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO todo_snoozes (org_id, item_key, reason, snoozed_at) VALUES (?1, ?2, ?3, ?4)",
        params![org, key, reason, now.format("%Y-%m-%d %H:%M").to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::store::Store;

    #[test]
    fn a_snooze_is_kept_as_written() {
        let now = Local
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .single()
            .expect("a local time");
        let mut store = Store::open_in_memory().expect("open_in_memory");
        let org = crate::demo::load(&mut store, now).expect("load");
        let conn = store.conn();
        insert(conn, org, "dues/2026-11", "已口头提醒", now).expect("insert");
        assert_eq!(
            snoozes(conn, org).expect("snoozes")["dues/2026-11"],
            Snooze {
                reason: "已口头提醒".into(),
                at: "2026-11-22 09:00".into(),
            }
        );
        // The table refuses changes and deletes (migration 0011's triggers),
        // and a second snooze of the same item.
        assert!(conn.execute("DELETE FROM todo_snoozes", []).is_err());
        assert!(conn
            .execute("UPDATE todo_snoozes SET reason = 'x'", [])
            .is_err());
        assert!(insert(conn, org, "dues/2026-11", "再次", now).is_err());
    }
}
