//! `info`: what a data directory holds, for the CLI and for support.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::org::{self, BranchOverview, OrgSummary};
use crate::store::{Store, SCHEMA_VERSION};
use crate::todo::{self, Todo};

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

/// Everything the window's first screen needs, in one answer: the status,
/// and (when the database opened) the branches, the one being worked on and
/// its 工作台 — read together, so the window draws its frame and its start
/// page in one go instead of after three rounds of asking.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStart {
    pub status: AppStatus,
    pub screen: Option<FirstScreen>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FirstScreen {
    pub branches: Vec<OrgSummary>,
    pub current: Option<OrgSummary>,
    /// The current branch's 工作台; none before the first branch exists.
    pub todo: Option<Todo>,
}

pub fn first_screen(
    conn: &Connection,
    data_dir: Option<&Path>,
    now: DateTime<Local>,
) -> Result<FirstScreen> {
    let branches = org::list_branches(conn)?;
    let current = org::current(conn)?;
    let todo = match &current {
        Some(c) => Some(todo::todo(conn, c.id, data_dir, now)?),
        None => None,
    };
    Ok(FirstScreen {
        branches,
        current,
        todo,
    })
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Local> {
        Local
            .with_ymd_and_hms(y, m, d, 9, 0, 0)
            .single()
            .expect("a local time")
    }

    #[test]
    fn the_first_screen_is_the_branches_the_current_one_and_its_start_page() {
        let now = at(2026, 11, 22);
        let mut store = Store::open_in_memory().expect("open_in_memory");
        // No branch yet: nothing to list, no start page (the window shows
        // the first-run screen).
        let empty = first_screen(store.conn(), None, now).expect("empty");
        assert!(empty.branches.is_empty());
        assert!(empty.current.is_none() && empty.todo.is_none());

        let org = crate::demo::load(&mut store, now).expect("demo");
        let screen = first_screen(store.conn(), None, now).expect("screen");
        assert_eq!(
            screen.branches.iter().map(|b| b.id).collect::<Vec<_>>(),
            vec![org]
        );
        assert_eq!(screen.current.as_ref().map(|c| c.id), Some(org));
        // The same list the 工作台 reads on its own, item for item.
        let alone = todo::todo(store.conn(), org, None, now).expect("todo");
        let keys = |t: &Todo| t.items.iter().map(|i| i.key.clone()).collect::<Vec<_>>();
        let start = screen.todo.expect("the start page's list");
        assert!(!alone.items.is_empty());
        assert_eq!(keys(&start), keys(&alone));
        assert_eq!(start.org.id, org);
    }
}
