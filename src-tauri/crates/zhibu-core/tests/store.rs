//! The store on real files: migrations from nothing, refusal of files it must
//! not touch, and the guarantee that a refused file is left byte-for-byte alone.

use rusqlite::Connection;
use zhibu_core::store::{Store, APPLICATION_ID, DB_FILE, SCHEMA_VERSION};
use zhibu_core::{Error, ErrorKind};

fn sha(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[test]
fn migrates_an_empty_directory_to_the_current_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in_dir(dir.path()).expect("open");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let conn = store.conn();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("fk");
    assert_eq!(fk, 1);
    // synchronous=FULL (2): a commit the UI reported survives power loss.
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("sync");
    assert_eq!(sync, 2);
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("id");
    assert_eq!(app_id, APPLICATION_ID);
    drop(store);
    // Opening again is a no-op migration and keeps the data.
    let store = Store::open_in_dir(dir.path()).expect("reopen");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42);")
            .expect("schema");
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .expect("app id");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
            .expect("version");
    }
    let before = sha(&path);
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    assert!(matches!(err, Error::NewerSchema { .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("较新版本"), "{err}");
    assert_eq!(sha(&path), before, "the refused file must not change");
    assert!(
        !dir.path().join("zhibu.db-wal").exists(),
        "no WAL may be created"
    );
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;")
            .expect("schema");
    }
    let before = sha(&path);
    let err = Store::open(&path)
        .err()
        .expect("foreign file must be refused");
    assert!(err.to_string().contains("不是支部台账的数据库"), "{err}");
    assert_eq!(sha(&path), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    std::fs::write(&path, vec![0x5a_u8; 8192]).expect("write garbage");
    let before = sha(&path);
    let err = Store::open(&path).err().expect("garbage must be refused");
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().contains("备份"), "{err}");
    assert_eq!(sha(&path), before);
}

#[test]
fn a_damaged_page_fails_quick_check_and_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let store = Store::open(&path).expect("create");
        let conn = store.conn();
        conn.execute_batch(
            "CREATE TABLE filler (x TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO filler SELECT hex(randomblob(64)) FROM n;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .expect("fill");
    }
    // Overwrite the middle of the file: b-tree pages no longer parse.
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(bytes.len() > 64 * 1024, "file big enough to damage");
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 8192] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("write damaged");
    let err = Store::open(&path)
        .err()
        .expect("damaged file must be refused");
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("从最近的备份恢复"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "left untouched");
}

#[test]
fn a_failed_transaction_writes_nothing() {
    let mut store = Store::open_in_memory().expect("memory");
    let result: zhibu_core::Result<()> = store.with_tx(|tx| {
        zhibu_core::settings::set(tx, "k", "v")?;
        Err(Error::Validation("stop".into()))
    });
    assert!(result.is_err());
    assert_eq!(
        zhibu_core::settings::get(store.conn(), "k").expect("get"),
        None
    );
}

#[test]
fn an_older_database_is_snapshotted_before_it_is_migrated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        // A file as version 1 of the program left it, with some data in it.
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .expect("v1 schema");
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .expect("id");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
        conn.execute(
            "INSERT INTO app_settings (key, value) VALUES ('k', 'v1 data')",
            [],
        )
        .expect("data");
    }
    let store = Store::open(&path).expect("migrates");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_eq!(
        zhibu_core::settings::get(store.conn(), "k")
            .expect("get")
            .as_deref(),
        Some("v1 data")
    );
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("backups folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0]
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    assert!(name.starts_with("升级前-v1-"), "{name}");
    let snapshot = Connection::open(&backups[0]).expect("snapshot opens");
    let version: i64 = snapshot
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(version, 1, "the snapshot is the file as it was");
    let value: String = snapshot
        .query_row("SELECT value FROM app_settings WHERE key = 'k'", [], |r| {
            r.get(0)
        })
        .expect("data in snapshot");
    assert_eq!(value, "v1 data");
}

#[test]
fn a_finalised_meeting_cannot_be_changed_by_any_path() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    conn.execute_batch(
        "INSERT INTO organisations (id, name, level, kind, created_at) VALUES (1, '支部', '党支部', '农村', 'now');
         INSERT INTO meetings (id, org_id, kind, topic, date, minutes, created_at, updated_at)
         VALUES (1, 1, '支部委员会', '研究发展党员工作', '2026-11-05', '会议讨论了积极分子培养', 'now', 'now');",
    )
    .expect("meeting");
    // Found by a three-character word through the trigram index.
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM meetings_fts WHERE meetings_fts MATCH '积极分子'",
            [],
            |r| r.get(0),
        )
        .expect("search");
    assert_eq!(hits, 1);
    conn.execute(
        "UPDATE meetings SET finalised_at = '2026-11-06' WHERE id = 1",
        [],
    )
    .expect("finalise");
    let e = conn
        .execute("UPDATE meetings SET minutes = '改写' WHERE id = 1", [])
        .expect_err("locked");
    assert!(e.to_string().contains("已定稿"), "{e}");
    assert!(conn
        .execute("DELETE FROM meetings WHERE id = 1", [])
        .is_err());
    conn.execute(
        "INSERT INTO meeting_supplements (meeting_id, text, created_at) VALUES (1, '补充：记录人更正', 'now')",
        [],
    )
    .expect("a supplement is the way to add to it");
    assert!(conn
        .execute("UPDATE meeting_supplements SET text = 'x'", [])
        .is_err());
}
