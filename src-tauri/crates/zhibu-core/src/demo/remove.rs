//! Taking the demo branch out once the clerk has seen enough (issue 20): its
//! made-up people must not stay beside a real branch's, nor be counted,
//! printed or backed up with them. Only a branch marked as the demo can go;
//! a copy of all the data is kept first, in case real records were typed
//! into it after all.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local};
use serde::Serialize;
use ts_rs::TS;

use super::storage;
use crate::backup::{self, LOCAL_BACKUPS};
use crate::error::{Error, Result};
use crate::files;
use crate::org::{self, OrgId};
use crate::settings;
use crate::store::Store;

/// Folder under the automatic backups of the copy taken before a removal.
pub const SAFETY: &str = "删除示例支部前";

/// What the removal did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DemoRemoved {
    /// The removed branch's name.
    pub name: String,
    /// Where all the data, as it was just before, was kept.
    pub safety_backup: String,
    /// Branches left in the database (none: the first-run screen follows).
    pub branches_left: usize,
}

/// Removes the demo branch `org` and everything recorded in it.
pub fn remove(
    store: &mut Store,
    data_dir: &Path,
    org: OrgId,
    now: DateTime<Local>,
) -> Result<DemoRemoved> {
    let branch = org::get(store.conn(), org)?;
    if !branch.demo {
        return Err(Error::Rule(format!(
            "“{}”不是载入的示例支部，不能整个删除：本支部的记录只能补充和更正，不能删掉",
            branch.name
        )));
    }

    let dir = data_dir.join(LOCAL_BACKUPS).join(SAFETY);
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("无法建立 {}", dir.display()), e))?;
    let copy = backup::create(
        store.conn(),
        data_dir,
        &dir,
        &backup::Options {
            passphrase: None,
            keep: u32::MAX,
        },
        now,
        &|_| {},
        &AtomicBool::new(false),
    )?;

    let files = storage::stored_files(store.conn(), org)?;
    let removed = store.with_tx(|tx| {
        let guards = storage::guards(tx)?;
        storage::lift(tx, &guards)?;
        let parent = branch.parent_id;
        storage::delete_branch(tx, org).map_err(|e| match e {
            Error::Database(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Error::Conflict(format!(
                    "“{}”的记录和本机其他支部的记录连在一起（例如有党员从示例支部转到了其他支部），\
                     为不破坏那些记录，没有删除。示例支部仍在，什么也没有改动",
                    branch.name
                ))
            }
            e => e,
        })?;
        let mut next = parent;
        while let Some(id) = next {
            next = storage::delete_if_empty(tx, id)?;
        }
        settings::forget_org(tx, org)?;
        storage::restore(tx, &guards)?;
        Ok(org::list_branches(tx)?.len())
    })?;

    // The database no longer names these files; they go once it has committed.
    for relative in files {
        if let Ok(path) = files::stored_path(data_dir, &relative) {
            files::remove_stored(&path);
        }
    }
    Ok(DemoRemoved {
        name: branch.name,
        safety_backup: copy.path,
        branches_left: removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Local> {
        Local
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .single()
            .expect("a local time")
    }

    #[test]
    fn the_demo_goes_whole_and_the_guards_come_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open_in_dir(dir.path()).expect("open_in_dir");
        let before = crate::store::schema_of(store.conn()).expect("schema_of");
        let demo = super::super::load(&mut store, now()).expect("load");
        // A sign-in sheet photographed into one of its meetings.
        let photo = dir.path().join("签到表.png");
        std::fs::write(&photo, b"\x89PNG\r\n\x1a\n made up").expect("write");
        let meeting = crate::meetings::list(store.conn(), demo, 2026).expect("list")[0].id;
        let attached = store
            .with_tx(|tx| {
                crate::meetings::attachments::add(tx, dir.path(), meeting, &photo, "签到表", now())
            })
            .expect("attach");
        let kept = crate::meetings::attachments::stored_file(store.conn(), dir.path(), attached)
            .expect("stored_file")
            .path;
        assert!(kept.is_file());

        let gone = remove(&mut store, dir.path(), demo, now()).expect("remove");
        assert!(!kept.exists(), "the photo went with its meeting");
        assert_eq!(gone.name, super::super::DEMO_BRANCH);
        assert_eq!(gone.branches_left, 0);
        assert!(Path::new(&gone.safety_backup).is_file());

        // Nothing of it is left, not even its 镇党委 or its settings.
        let conn = store.conn();
        for table in [
            "organisations",
            "members",
            "member_events",
            "meetings",
            "meeting_attendance",
            "dues_payments",
            "dues_bases",
            "dev_people",
            "dev_steps",
            "party_groups",
        ] {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .expect("count");
            assert_eq!(n, 0, "{table}");
        }
        let fts: i64 = conn
            .query_row("SELECT count(*) FROM meetings_fts", [], |r| r.get(0))
            .expect("count");
        assert_eq!(fts, 0, "the search index follows the deletes");
        assert_eq!(
            settings::get(conn, settings::CURRENT_ORG).expect("get"),
            None
        );
        // The schema is as it was: every guard trigger is back, word for word.
        assert_eq!(crate::store::schema_of(conn).expect("schema_of"), before);
    }

    #[test]
    fn a_real_branch_cannot_be_removed_and_keeps_its_guards() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open_in_dir(dir.path()).expect("open_in_dir");
        let demo = super::super::load_roster(&mut store, now()).expect("load_roster");
        // The clerk's own branch, beside the demo.
        let mut own = super::super::demo_branch(now().date_naive());
        own.name = "西岭村党支部".into();
        let real = store
            .with_tx(|tx| org::create_branch(tx, &own, now()))
            .expect("create_branch");
        let e = remove(&mut store, dir.path(), real, now()).expect_err("refused");
        assert!(matches!(e, Error::Rule(_)), "{e}");
        assert!(e.to_string().contains("不是载入的示例支部"), "{e}");

        let gone = remove(&mut store, dir.path(), demo, now()).expect("remove");
        assert_eq!(gone.branches_left, 1);
        // The shared 镇党委 stays: the real branch is filed under it.
        let left = org::list_branches(store.conn()).expect("list_branches");
        assert_eq!(left[0].id, real);
        assert_eq!(
            left[0].parent_name.as_deref(),
            Some(super::super::DEMO_HIGHER)
        );
        assert_eq!(
            org::current(store.conn())
                .expect("current")
                .expect("a current branch")
                .id,
            real
        );
        // And history is append-only again after the removal.
        let guards = |conn: &rusqlite::Connection| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(%'",
                [],
                |r| r.get(0),
            )
            .expect("count")
        };
        assert!(guards(store.conn()) > 20);
        assert_eq!(
            guards(store.conn()),
            guards(Store::open_in_memory().expect("open_in_memory").conn())
        );
    }
}
