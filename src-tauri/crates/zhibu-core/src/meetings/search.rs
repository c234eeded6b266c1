//! Finding meetings by the words in their record.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::storage::search as stored;
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
        stored::by_index(conn, org, &phrase)?
    } else {
        stored::by_scan(conn, org, &like)?
    };
    // Attachment captions and 议定事项 are short and few: scanned at any length.
    ids.extend(stored::by_parts(conn, org, &like)?);
    ids.sort_unstable();
    ids.dedup();
    let mut found = Vec::new();
    for id in ids {
        found.push(summary(conn, id)?);
    }
    found.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let mut hits = Vec::new();
    for meeting in found {
        // Only the text fields: a full detail would also judge every vote, for nothing.
        let texts = stored::texts(conn, meeting.id)?;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        hits.push(SearchHit {
            excerpt: excerpt(&texts, needle),
            meeting,
        });
    }
    Ok(hits)
}
