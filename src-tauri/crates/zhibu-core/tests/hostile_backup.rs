//! Backups are untrusted input: a `.zhibu` someone else made (or altered) is
//! refused as 损坏/不是本程序的备份 — links, devices, sparse or duplicate
//! entries, a database naming files outside the data folder or carrying an
//! extra trigger — and nothing in the data folder changes.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local, TimeZone};
use sha2::{Digest, Sha256};
use zhibu_core::backup::{self, Options};
use zhibu_core::store::DB_FILE;
use zhibu_core::{demo, Error, Store};

fn at(hour: u32) -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, hour, 0, 0)
        .single()
        .expect("valid time")
}

/// A data folder with the demo branch, and a good backup of it.
fn good_backup(root: &Path) -> (PathBuf, PathBuf) {
    let data = root.join("data");
    let usb = root.join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let mut store = Store::open_in_dir(&data).expect("store");
    demo::load(&mut store, at(9)).expect("demo");
    let info = backup::create(
        store.conn(),
        &data,
        &usb,
        &Options {
            passphrase: None,
            keep: 10,
        },
        at(10),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("backup");
    (data, PathBuf::from(info.path))
}

/// One entry of a hand-made archive.
struct Entry {
    name: String,
    kind: tar::EntryType,
    bytes: Vec<u8>,
    link: Option<String>,
}

fn entries_of(file: &Path) -> Vec<Entry> {
    let mut archive = tar::Archive::new(std::fs::File::open(file).expect("open"));
    archive
        .entries()
        .expect("entries")
        .map(|e| {
            let mut e = e.expect("entry");
            let name = e.path().expect("path").to_string_lossy().into_owned();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).expect("read");
            Entry {
                name,
                kind: tar::EntryType::Regular,
                bytes,
                link: None,
            }
        })
        .collect()
}

/// Writes `entries` (the manifest is rebuilt to match them, as a forger
/// would) to `out`.
fn forge(out: &Path, mut entries: Vec<Entry>) {
    entries.retain(|e| e.name != "manifest.json");
    let parts: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "path": e.name,
                "bytes": e.bytes.len(),
                "sha256": format!("{:x}", Sha256::digest(&e.bytes)),
            })
        })
        .collect();
    entries.push(regular(
        "manifest.json",
        serde_json::to_vec(&serde_json::json!({ "format": 1, "parts": parts })).expect("json"),
    ));
    let mut builder = tar::Builder::new(std::fs::File::create(out).expect("create"));
    for e in entries {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(e.kind);
        header.set_mode(0o644);
        header.set_size(if e.kind == tar::EntryType::Regular {
            e.bytes.len() as u64
        } else {
            0
        });
        if let Some(link) = &e.link {
            header.set_link_name(link).expect("link name");
        }
        // Written into the header as they are: tar's own setter refuses `..`,
        // which is what a forger would put there.
        let name = e.name.as_bytes();
        header.as_gnu_mut().expect("gnu header").name[..name.len()].copy_from_slice(name);
        header.set_cksum();
        if e.kind == tar::EntryType::Regular {
            builder.append(&header, &e.bytes[..]).expect("append");
        } else {
            builder.append(&header, std::io::empty()).expect("append");
        }
    }
    builder.finish().expect("finish");
}

/// The database of a backup, changed by `sql`, put back in its place.
fn with_database_changed(entries: Vec<Entry>, root: &Path, sql: &str) -> Vec<Entry> {
    entries
        .into_iter()
        .map(|mut e| {
            if e.name == DB_FILE {
                let db = root.join("forged.db");
                std::fs::write(&db, &e.bytes).expect("db");
                let conn = rusqlite::Connection::open(&db).expect("open");
                conn.execute_batch(sql).expect("forge");
                drop(conn);
                e.bytes = std::fs::read(&db).expect("read");
            }
            e
        })
        .collect()
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for e in std::fs::read_dir(&d).expect("dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                pending.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

/// Verify and restore both refuse `forged`, as not ours or damaged, and
/// the data folder is byte for byte as it was.
fn refused(data: &Path, forged: &Path, needle: &str) {
    let before = snapshot(data);
    let e = backup::verify(forged, None, data).expect_err("verify refuses");
    assert!(matches!(e, Error::BadBackup(_)), "{e}");
    assert!(e.to_string().contains(needle), "{e}");
    let e = backup::restore(data, forged, None, at(11), &|_| {}, &AtomicBool::new(false))
        .expect_err("restore refuses");
    assert!(matches!(e, Error::BadBackup(_)), "{e}");
    assert_eq!(snapshot(data), before, "nothing in the data folder changed");
}

#[test]
fn a_forged_archive_that_is_in_fact_whole_is_accepted() {
    // The forger's tool itself is sound: re-forging a good backup verifies.
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let copy = root.path().join("copy.zhibu");
    forge(&copy, entries_of(&file));
    let info = backup::verify(&copy, None, &data).expect("a faithful copy verifies");
    let original = backup::verify(&file, None, &data).expect("the original verifies");
    assert_eq!(info.summary.counts, original.summary.counts);
    assert!(info.summary.counts.members >= 17);
}

/// A plain file entry.
fn regular(name: &str, bytes: Vec<u8>) -> Entry {
    Entry {
        name: name.into(),
        kind: tar::EntryType::Regular,
        bytes,
        link: None,
    }
}

/// An entry of another kind (a link, a sparse file) with no content.
fn special(name: &str, kind: tar::EntryType, link: Option<&str>) -> Entry {
    Entry {
        name: name.into(),
        kind,
        bytes: Vec::new(),
        link: link.map(str::to_string),
    }
}

/// The entries of `file` with `extra` added before the manifest.
fn with_entry(file: &Path, extra: Entry) -> Vec<Entry> {
    let mut entries = entries_of(file);
    let at = entries.len() - 1;
    entries.insert(at, extra);
    entries
}

#[test]
fn a_symlink_entry_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let entries = with_entry(
        &file,
        special(
            "附件/1/0123456789abcdef.jpg",
            tar::EntryType::Symlink,
            Some("/etc/passwd"),
        ),
    );
    let forged = root.path().join("link.zhibu");
    forge(&forged, entries);
    refused(&data, &forged, "不是普通文件");
}

#[test]
fn a_sparse_entry_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let entries = with_entry(
        &file,
        special(
            "附件/1/0123456789abcdef.jpg",
            tar::EntryType::GNUSparse,
            None,
        ),
    );
    let forged = root.path().join("sparse.zhibu");
    forge(&forged, entries);
    // tar may stop at the sparse header before the program sees its type;
    // either way it is refused as a bad backup.
    refused(&data, &forged, "");
}

#[test]
fn a_duplicate_or_unknown_entry_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let db = entries_of(&file)
        .into_iter()
        .find(|e| e.name == DB_FILE)
        .map(|e| e.bytes)
        .expect("db");
    let entries = with_entry(&file, regular(DB_FILE, db));
    let forged = root.path().join("twice.zhibu");
    forge(&forged, entries);
    refused(&data, &forged, "出现了两次");

    let entries = with_entry(&file, regular("附件/../../evil.sh", b"rm -rf ~".to_vec()));
    let forged = root.path().join("outside.zhibu");
    forge(&forged, entries);
    refused(&data, &forged, "不认识的内容");
}

#[test]
fn a_database_naming_files_outside_the_data_folder_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    for place in [
        "../../.ssh/id_rsa",
        "/etc/passwd",
        "\\\\\\\\host\\\\share\\\\x.jpg",
    ] {
        let sql = format!(
            "INSERT INTO meeting_attachments (meeting_id, file_name, stored_path, caption, bytes, sha256, added_at)
             SELECT id, 'x.jpg', '{place}', '', 1, 'aa', '2026-11-22T10:00:00+08:00' FROM meetings
             WHERE finalised_at IS NULL LIMIT 1"
        );
        let forged = root.path().join("paths.zhibu");
        forge(
            &forged,
            with_database_changed(entries_of(&file), root.path(), &sql),
        );
        refused(&data, &forged, "附件位置");
    }
}

#[test]
fn a_database_with_an_added_trigger_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let forged = root.path().join("trigger.zhibu");
    forge(
        &forged,
        with_database_changed(
            entries_of(&file),
            root.path(),
            "CREATE TRIGGER wipe AFTER INSERT ON meetings BEGIN DELETE FROM members; END;",
        ),
    );
    refused(&data, &forged, "结构");
}

#[test]
fn the_summary_shown_is_the_databases_not_the_archives_word() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, file) = good_backup(root.path());
    let entries = entries_of(&file)
        .into_iter()
        .map(|mut e| {
            if e.name == "zhibu-backup.json" {
                let mut v: serde_json::Value = serde_json::from_slice(&e.bytes).expect("json");
                v["counts"]["members"] = 9999.into();
                v["branches"] = serde_json::json!(["假支部"]);
                e.bytes = serde_json::to_vec(&v).expect("json");
            }
            e
        })
        .collect();
    let forged = root.path().join("boast.zhibu");
    forge(&forged, entries);
    let info = backup::verify(&forged, None, &data).expect("it is whole");
    let original = backup::verify(&file, None, &data).expect("the original verifies");
    assert_eq!(info.summary.counts, original.summary.counts);
    assert_ne!(info.summary.counts.members, 9999);
    assert_eq!(info.summary.branches, ["东坡村党支部"]);
}
