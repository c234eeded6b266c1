//! The SQL of removing the demo branch. Every record table refuses deletes by
//! trigger (history is append-only); the made-up branch is the one thing a
//! clerk may take out whole, so its removal lifts those guards inside its own
//! transaction and puts them back, word for word, before it commits.

use rusqlite::{Connection, Transaction};

use crate::error::Result;
use crate::org::OrgId;

/// A trigger that refuses a change (its SQL raises), as stored in the schema.
pub(super) struct Guard {
    name: String,
    sql: String,
}

/// The guards: every trigger whose body raises an error. The ones that keep
/// the search index in step are left alone, so the index follows the deletes.
pub(super) fn guards(tx: &Transaction<'_>) -> Result<Vec<Guard>> {
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'trigger' AND sql LIKE '%RAISE(%' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Guard {
            name: r.get(0)?,
            sql: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn lift(tx: &Transaction<'_>, guards: &[Guard]) -> Result<()> {
    for g in guards {
        // The name came from sqlite_master; quoted in case it ever needs it.
        tx.execute_batch(&format!("DROP TRIGGER \"{}\"", g.name.replace('"', "\"\"")))?;
    }
    Ok(())
}

pub(super) fn restore(tx: &Transaction<'_>, guards: &[Guard]) -> Result<()> {
    for g in guards {
        tx.execute_batch(&g.sql)?;
    }
    Ok(())
}

/// The files kept for the branch's meetings and applicants (paths relative to
/// the data folder, as stored).
pub(super) fn stored_files(conn: &Connection, org: OrgId) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT a.stored_path FROM meeting_attachments a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.org_id = ?1
         UNION
         SELECT d.file_path FROM dev_documents d JOIN dev_steps s ON s.id = d.step_id
         JOIN dev_people p ON p.id = s.person_id
         WHERE p.org_id = ?1 AND d.file_path IS NOT NULL",
    )?;
    let rows = stmt.query_map([org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rows of a table that point at another row of it (a correction, a
/// reversal) go first: the foreign keys restrict deletes row by row.
fn delete_chained(
    tx: &Transaction<'_>,
    table: &str,
    link: &str,
    scope: &str,
    org: OrgId,
) -> Result<()> {
    loop {
        let gone = tx.execute(
            &format!(
                "DELETE FROM {table} WHERE {scope} AND id NOT IN
                 (SELECT {link} FROM {table} WHERE {link} IS NOT NULL)"
            ),
            [org],
        )?;
        if gone == 0 {
            return Ok(());
        }
    }
}

/// Deletes every record of the branch, children before parents (a restrict
/// key checks each row as it goes). A record of another branch that points
/// here — a member transferred out of the demo into a real branch — makes a
/// foreign key fail, and the caller's transaction then keeps everything.
pub(super) fn delete_branch(tx: &Transaction<'_>, org: OrgId) -> Result<()> {
    const PEOPLE: &str = "(SELECT id FROM dev_people WHERE org_id = ?1)";
    const STEPS: &str =
        "(SELECT id FROM dev_steps WHERE person_id IN (SELECT id FROM dev_people WHERE org_id = ?1))";
    const MEETINGS: &str = "(SELECT id FROM meetings WHERE org_id = ?1)";
    const MEMBERS: &str = "(SELECT id FROM members WHERE org_id = ?1)";
    for sql in [
        format!("DELETE FROM dev_documents WHERE step_id IN {STEPS}"),
        format!("DELETE FROM dev_step_people WHERE step_id IN {STEPS}"),
        format!("DELETE FROM dev_steps WHERE person_id IN {PEOPLE}"),
        "DELETE FROM dev_people WHERE org_id = ?1".into(),
        "DELETE FROM dues_allocations WHERE payment_id IN
         (SELECT id FROM dues_payments WHERE org_id = ?1)"
            .into(),
    ] {
        tx.execute(&sql, [org])?;
    }
    delete_chained(tx, "dues_payments", "reverses_id", "org_id = ?1", org)?;
    delete_chained(tx, "dues_remittances", "reverses_id", "org_id = ?1", org)?;
    for sql in [
        "DELETE FROM dues_closed_months WHERE org_id = ?1".to_string(),
        format!("DELETE FROM dues_bases WHERE member_id IN {MEMBERS}"),
        format!(
            "DELETE FROM meeting_item_progress WHERE item_id IN
             (SELECT id FROM meeting_items WHERE meeting_id IN {MEETINGS})"
        ),
        format!("DELETE FROM meeting_items WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM meeting_guests WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM meeting_votes WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM meeting_attendance WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM meeting_attachments WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM meeting_supplements WHERE meeting_id IN {MEETINGS}"),
        "DELETE FROM meetings WHERE org_id = ?1".into(),
    ] {
        tx.execute(&sql, [org])?;
    }
    delete_chained(
        tx,
        "member_events",
        "corrects_id",
        &format!("member_id IN {MEMBERS}"),
        org,
    )?;
    for sql in [
        "DELETE FROM todo_snoozes WHERE org_id = ?1",
        "DELETE FROM committee_members WHERE org_id = ?1",
        "DELETE FROM committee_terms WHERE org_id = ?1",
        "DELETE FROM members WHERE org_id = ?1",
        "DELETE FROM party_groups WHERE org_id = ?1",
        "DELETE FROM organisations WHERE id = ?1",
    ] {
        tx.execute(sql, [org])?;
    }
    Ok(())
}

/// Removes a higher organisation that no longer has anything under it (the
/// demo's 镇党委 when no real branch was filed under it), and returns its
/// parent to be looked at next.
pub(super) fn delete_if_empty(tx: &Transaction<'_>, org: OrgId) -> Result<Option<OrgId>> {
    let parent: Option<OrgId> = tx.query_row(
        "SELECT parent_id FROM organisations WHERE id = ?1",
        [org],
        |r| r.get(0),
    )?;
    let deleted = tx.execute(
        "DELETE FROM organisations WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM organisations WHERE parent_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM members WHERE org_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM member_events WHERE org_id = ?1)",
        [org],
    )?;
    Ok(if deleted == 1 { parent } else { None })
}
