//! Finding meetings by the words in their record.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::{summary, MeetingId, MeetingSummary};
use crate::error::{Error, Result};
use crate::org::OrgId;

/// A meeting found by search, with the words around the match.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SearchHit {
    pub meeting: MeetingSummary,
    pub excerpt: String,
}

/// Up to 12 characters either side of the first occurrence of `needle`.
fn excerpt(texts: &[&str], needle: &str) -> String {
    for text in texts {
        if let Some(at) = text.find(needle) {
            let before: String = text[..at]
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = text[at + needle.len()..].chars().take(12).collect();
            return format!("…{before}{needle}{after}…");
        }
    }
    String::new()
}

/// Finds the branch's meetings whose topic, agenda, minutes or decisions
/// contain `text`. Three characters or more use the trigram index; one or
/// two characters (most Chinese words) fall back to a scan.
pub fn search(conn: &Connection, org: OrgId, text: &str) -> Result<Vec<SearchHit>> {
    let needle = text.trim();
    if needle.is_empty() {
        return Err(Error::Validation("请输入要查找的字词".into()));
    }
    let like = format!(
        "%{}%",
        needle
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut ids: Vec<MeetingId> = if needle.chars().count() >= 3 {
        let phrase = format!("\"{}\"", needle.replace('"', "\"\""));
        let mut stmt = conn.prepare(
            "SELECT m.id FROM meetings_fts f JOIN meetings m ON m.id = f.rowid
             WHERE meetings_fts MATCH ?1 AND m.org_id = ?2",
        )?;
        let rows = stmt.query_map(params![phrase, org], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    } else {
        let mut stmt = conn.prepare(
            "SELECT id FROM meetings WHERE org_id = ?2 AND (topic LIKE ?1 ESCAPE '\\' OR agenda LIKE ?1 ESCAPE '\\'
                 OR minutes LIKE ?1 ESCAPE '\\' OR decisions LIKE ?1 ESCAPE '\\')",
        )?;
        let rows = stmt.query_map(params![like, org], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    // Attachment captions and 议定事项 are short and few: scanned at any length.
    let mut stmt = conn.prepare(
        "SELECT m.id FROM meetings m WHERE m.org_id = ?2 AND (
             EXISTS (SELECT 1 FROM meeting_attachments a WHERE a.meeting_id = m.id AND a.caption LIKE ?1 ESCAPE '\\')
             OR EXISTS (SELECT 1 FROM meeting_items i WHERE i.meeting_id = m.id AND i.item LIKE ?1 ESCAPE '\\'))",
    )?;
    for id in stmt.query_map(params![like, org], |r| r.get(0))? {
        ids.push(id?);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut found = Vec::new();
    for id in ids {
        found.push(summary(conn, id)?);
    }
    found.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let mut extra = conn.prepare(
        "SELECT item FROM meeting_items WHERE meeting_id = ?1
         UNION ALL SELECT '附件：' || caption FROM meeting_attachments WHERE meeting_id = ?1",
    )?;
    let mut hits = Vec::new();
    for meeting in found {
        // Only the text fields: a full detail would also judge every vote, for nothing.
        let mut texts: Vec<String> = conn.query_row(
            "SELECT topic, minutes, decisions, agenda FROM meetings WHERE id = ?1",
            [meeting.id],
            |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )?;
        for text in extra.query_map([meeting.id], |r| r.get(0))? {
            texts.push(text?);
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        hits.push(SearchHit {
            excerpt: excerpt(&texts, needle),
            meeting,
        });
    }
    Ok(hits)
}
