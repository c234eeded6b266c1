//! Finding records by their words: the trigram index over the record's text
//! (`meetings_fts`), a scan for short words, and the short texts beside a
//! record (议定事项, attachment captions).

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::meetings::MeetingId;
use crate::org::OrgId;

/// Records whose topic, agenda, minutes or decisions hold `phrase`
/// (an FTS5 phrase query, three characters or more).
pub fn by_index(conn: &Connection, org: OrgId, phrase: &str) -> Result<Vec<MeetingId>> {
    let mut stmt = conn.prepare(
        "SELECT m.id FROM meetings_fts f JOIN meetings m ON m.id = f.rowid
         WHERE meetings_fts MATCH ?1 AND m.org_id = ?2",
    )?;
    let rows = stmt.query_map(params![phrase, org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The same by scanning, for `like` (a LIKE pattern escaped with `\`).
pub fn by_scan(conn: &Connection, org: OrgId, like: &str) -> Result<Vec<MeetingId>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM meetings WHERE org_id = ?2 AND (topic LIKE ?1 ESCAPE '\\' OR agenda LIKE ?1 ESCAPE '\\'
             OR minutes LIKE ?1 ESCAPE '\\' OR decisions LIKE ?1 ESCAPE '\\')",
    )?;
    let rows = stmt.query_map(params![like, org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records with an attachment caption or a 议定事项 matching `like`.
pub fn by_parts(conn: &Connection, org: OrgId, like: &str) -> Result<Vec<MeetingId>> {
    let mut stmt = conn.prepare(
        "SELECT m.id FROM meetings m WHERE m.org_id = ?2 AND (
             EXISTS (SELECT 1 FROM meeting_attachments a WHERE a.meeting_id = m.id AND a.caption LIKE ?1 ESCAPE '\\')
             OR EXISTS (SELECT 1 FROM meeting_items i WHERE i.meeting_id = m.id AND i.item LIKE ?1 ESCAPE '\\'))",
    )?;
    let rows = stmt.query_map(params![like, org], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The texts an excerpt is taken from, in the order they are looked at:
/// topic, minutes, decisions, agenda, the 议定事项, "附件：" and each caption.
pub fn texts(conn: &Connection, meeting: MeetingId) -> Result<Vec<String>> {
    let mut texts: Vec<String> = conn.query_row(
        "SELECT topic, minutes, decisions, agenda FROM meetings WHERE id = ?1",
        [meeting],
        |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
    )?;
    let mut extra = conn.prepare_cached(
        "SELECT item FROM meeting_items WHERE meeting_id = ?1
         UNION ALL SELECT '附件：' || caption FROM meeting_attachments WHERE meeting_id = ?1",
    )?;
    for text in extra.query_map([meeting], |r| r.get(0))? {
        texts.push(text?);
    }
    Ok(texts)
}
