//! What the 年度组织生活记录 holds: the year's meetings in date order (only
//! the kinds asked for), each with its 党小组's name and the stored photos to
//! place. A year with nothing recorded is refused with what to do.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::meetings::attachments::{self, Attachment, StoredFile};
use crate::meetings::{self, MeetingDetail, MeetingKind};
use crate::org::{self, OrgId};

pub struct MinutesBook {
    pub branch: String,
    /// The higher committee's name, empty when there is none.
    pub parent: String,
    pub year: i32,
    /// Only these kinds; every kind when empty.
    pub kinds: Vec<MeetingKind>,
    pub meetings: Vec<MinutesEntry>,
}

pub struct MinutesEntry {
    pub detail: MeetingDetail,
    /// The 党小组 of a 党小组会.
    pub group: Option<String>,
    /// Its photos with where they are stored (read while typesetting).
    pub photos: Vec<(Attachment, StoredFile)>,
}

/// 东坡村党支部2026年组织生活记录.pdf
pub fn file_name(branch: &str, year: i32) -> String {
    format!("{branch}{year}年组织生活记录.pdf")
}

pub fn gather(
    conn: &Connection,
    data_dir: &Path,
    org_id: OrgId,
    year: i32,
    kinds: &[MeetingKind],
) -> Result<MinutesBook> {
    let branch = org::get(conn, org_id)?;
    let list: Vec<_> = meetings::list(conn, org_id, year)?
        .into_iter()
        .filter(|m| kinds.is_empty() || kinds.contains(&m.kind))
        .collect();
    if list.is_empty() {
        let which = if kinds.is_empty() {
            "会议记录".to_string()
        } else {
            kinds
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join("、")
                + "的记录"
        };
        return Err(Error::Validation(format!(
            "{}{year}年还没有{which}，无法生成组织生活记录。请先在“会议记录”中登记，或换一个年份",
            branch.name
        )));
    }
    let groups: HashMap<i64, String> = org::groups(conn, org_id)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let mut entries = Vec::with_capacity(list.len());
    for m in &list {
        let detail = meetings::detail(conn, m.id)?;
        let mut photos = Vec::new();
        for a in detail
            .attachments
            .iter()
            .filter(|a| a.mime.starts_with("image/"))
        {
            photos.push((a.clone(), attachments::stored_file(conn, data_dir, a.id)?));
        }
        entries.push(MinutesEntry {
            group: detail.input.group_id.and_then(|g| groups.get(&g).cloned()),
            photos,
            detail,
        });
    }
    Ok(MinutesBook {
        branch: branch.name,
        parent: branch.parent_name.unwrap_or_default(),
        year,
        kinds: kinds.to_vec(),
        meetings: entries,
    })
}
