//! `info`: what a data directory holds, for the CLI and for support.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::org::{self, BranchOverview};
use crate::store::{Store, SCHEMA_VERSION};

#[derive(Debug, Clone, Serialize, TS)]
pub struct Info {
    pub app_version: String,
    pub schema_version: i64,
    pub supported_schema_version: i64,
    pub database: Option<String>,
    pub current_branch_id: Option<i64>,
    pub branches: Vec<BranchOverview>,
}

/// What the window needs before anything else: did the database open?
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub version: String,
    pub data_dir: Option<String>,
    /// How the data folder was chosen (portable mode, installed …).
    pub data_mode: Option<crate::paths::DataMode>,
    /// Why the database could not be opened; the UI shows it full-screen.
    pub startup_error: Option<String>,
    /// The app's "today" (pinned by ZHIBU_TODAY in tests), for forms that default to it.
    pub today: NaiveDate,
}

pub fn info(store: &Store, today: NaiveDate) -> Result<Info> {
    let conn = store.conn();
    let branches = org::list_branches(conn)?
        .into_iter()
        .map(|b| org::overview(conn, b.id, today))
        .collect::<Result<Vec<_>>>()?;
    Ok(Info {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: store.schema_version()?,
        supported_schema_version: SCHEMA_VERSION,
        database: store.path().map(|p| p.display().to_string()),
        current_branch_id: org::current(conn)?.map(|o| o.id),
        branches,
    })
}
