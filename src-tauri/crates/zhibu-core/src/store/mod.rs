//! The one SQLite database: opening it safely, its pragmas, its migrations,
//! and the transaction helper every multi-table write goes through.

mod migrations;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result};
pub use migrations::{expected_schema, schema_of, SchemaObject, SCHEMA_VERSION};

/// Marks a file as ours (`PRAGMA application_id`), so that opening some other
/// program's SQLite file is refused instead of "migrated".
pub const APPLICATION_ID: i32 = 0x5A48_4255; // "ZHBU"

/// Name of the database file inside the data directory.
pub const DB_FILE: &str = "zhibu.db";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`. A restore cut
    /// short is not looked at here: the programs open their data folder with
    /// `backup::open_data_dir`, which finishes one first (the store stays
    /// below the backup module, never calling up into it).
    pub fn open_in_dir(data_dir: &Path) -> Result<Store> {
        crate::paths::create_private_dir(data_dir)
            .map_err(|e| Error::io(format!("无法创建数据目录 {}", data_dir.display()), e))?;
        Store::open(&data_dir.join(DB_FILE))
    }

    /// Opens the database file at `path`. An existing file is first inspected
    /// read-only: a newer schema, a foreign file or a failed `quick_check`
    /// is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        let existing = path.exists()
            && std::fs::metadata(path)
                .map(|m| m.len() > 0)
                .unwrap_or(false);
        let mut found_version = 0;
        if existing {
            found_version = inspect_read_only(path)?;
        }
        let conn = Connection::open(path)?;
        configure(&conn)?;
        if existing && found_version > 0 && found_version < SCHEMA_VERSION {
            snapshot_before_migration(&conn, path, found_version)?;
        }
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// A fresh database in memory, fully migrated: for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store { conn, path: None };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: commits when it returns `Ok`, rolls back
    /// (nothing half-written) when it returns `Err`.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// Every connection gets the same pragmas, in one place.
fn configure(conn: &Connection) -> Result<()> {
    // WAL: readers never block the writer, and a crash mid-write leaves the
    // main file consistent.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power
    // loss. When the UI says "已保存" the clerk will not type it again, so each
    // commit is fsynced; a clerk makes a few writes a minute, the cost is nil.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // History rows and meeting attendance point at members: keep them honest.
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A second process (zhibu-cli during a backup) waits instead of failing.
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Reads the schema version of an existing file without writing to it, and
/// refuses files that are not ours, are newer than this program, or fail
/// `quick_check`.
fn inspect_read_only(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::Corrupt {
        detail: format!("无法以只读方式打开：{e}"),
    })?;
    let read = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| Error::Corrupt {
                detail: match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::NotADatabase) => "文件内容不是数据库格式".to_string(),
                    _ => format!("无法读取数据库：{e}"),
                },
            })
    };
    let version = read("PRAGMA user_version")?;
    let app_id = read("PRAGMA application_id")?;
    if version > 0 && app_id != i64::from(APPLICATION_ID) {
        return Err(Error::Conflict(format!(
            "文件 {} 不是支部台账的数据库（可能属于其他软件），本程序没有改动它。请换一个数据目录。",
            path.display()
        )));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| Error::Corrupt {
            detail: e.to_string(),
        })?;
    if check != "ok" {
        return Err(Error::Corrupt { detail: check });
    }
    Ok(version)
}

/// Before a schema upgrade, a compact copy of the old file goes to
/// `backups/` beside it, so an upgrade can never cost the clerk their data.
fn snapshot_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let dir = path
        .parent()
        .map(|p| p.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"));
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("无法创建备份目录 {}", dir.display()), e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!("升级前-v{version}-{stamp}.db"));
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}
