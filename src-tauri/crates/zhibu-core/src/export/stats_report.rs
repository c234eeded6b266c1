//! The 年度统计 printed: the same tables the Excel export writes (and the
//! page shows), for the file and for an inspector.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::org::{self, OrgId};
use crate::stats::{self, Stats, StatsQuery};

pub struct StatsReport {
    pub branch: String,
    pub stats: Stats,
}

/// 东坡村党支部2020—2023年党建工作统计.pdf
pub fn file_name(branch: &str, query: StatsQuery) -> String {
    format!("{branch}{}党建工作统计.pdf", stats::period(query))
}

pub fn gather(
    conn: &Connection,
    org_id: OrgId,
    query: StatsQuery,
    today: NaiveDate,
) -> Result<StatsReport> {
    Ok(StatsReport {
        branch: org::get(conn, org_id)?.name,
        stats: stats::stats(conn, org_id, query, today)?,
    })
}
