//! Backups as the clerk relies on them: made while the data is open, read
//! back before they are called good, refused when cut short, damaged or
//! locked with another passphrase, and restored without ever leaving less
//! than there was.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local, TimeZone};
use zhibu_core::backup::{self, Options, Passphrase};
use zhibu_core::error::ErrorKind;
use zhibu_core::meetings::{self, attachments};
use zhibu_core::store::DB_FILE;
use zhibu_core::{demo, Store};

fn at(hour: u32, minute: u32) -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, hour, minute, 0)
        .single()
        .expect("valid time")
}

/// The demo branch in `dir`, with one photo attached to its first meeting.
fn demo_with_photo(dir: &Path) -> Store {
    let mut store = Store::open_in_dir(dir).expect("store");
    let org = demo::load(&mut store, at(9, 0)).expect("demo");
    let first = meetings::list(store.conn(), org, 2026).expect("list")[0].id;
    let photo = dir.with_file_name("签到表.png");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../assets/icons/icon.png"
        ),
        &photo,
    )
    .expect("photo");
    store
        .with_tx(|tx| attachments::add(tx, dir, first, &photo, "签到表", at(9, 0)))
        .expect("attach");
    store
}

fn make(
    store: &Store,
    data: &Path,
    to: &Path,
    pass: Option<&Passphrase>,
    when: DateTime<Local>,
) -> PathBuf {
    let info = backup::create(
        store.conn(),
        data,
        to,
        &Options {
            passphrase: pass,
            keep: 10,
        },
        when,
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("backup");
    PathBuf::from(info.path)
}

fn meeting_count(data: &Path) -> u32 {
    let store = backup::open_data_dir(data).expect("store");
    store
        .conn()
        .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_backup_holds_the_database_and_every_attachment_and_checks_out() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let file = make(&store, &data, &usb, None, at(10, 0));
    assert_eq!(
        file.file_name().and_then(|n| n.to_str()),
        Some("支部台账备份-20261122-100000.zhibu")
    );
    let info = backup::verify(&file, None, &scratch_dir()).expect("verify");
    assert!(!info.encrypted);
    assert_eq!(info.summary.branches, ["东坡村党支部"]);
    assert_eq!(info.summary.attachments, 1);
    let members: u32 = store
        .conn()
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .expect("members");
    assert_eq!(info.summary.counts.members, members);
    assert!(info.summary.counts.meetings > 50);
    assert!(info.summary.counts.dues_payments > 100);
    // Nothing half-written or temporary is left behind.
    let left: Vec<_> = std::fs::read_dir(&usb)
        .expect("usb")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(".backup-")));
}

#[test]
fn a_second_backup_in_the_same_second_does_not_replace_the_first_and_only_the_newest_are_kept() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let a = make(&store, &data, &usb, None, at(10, 0));
    let b = make(&store, &data, &usb, None, at(10, 0));
    assert_ne!(a, b);
    assert!(a.exists() && b.exists());
    // A leftover of a run that died two days ago, one of a backup at work
    // right now, a file the clerk put there, and a backup the clerk renamed
    // (which once crashed every backup to the folder).
    let stale = usb.join(".支部台账备份-20261101-080000.zhibu.part");
    std::fs::write(&stale, b"half").expect("part");
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| {
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86400))
        })
        .expect("age the leftover");
    let at_work = usb.join(".支部台账备份-20261122-105900.zhibu.77-0.part");
    std::fs::write(&at_work, b"busy").expect("part");
    std::fs::write(usb.join("我的文件.zhibu"), b"mine").expect("mine");
    let renamed = usb.join("支部台账备份-2026年11月22日.zhibu");
    std::fs::copy(&a, &renamed).expect("renamed copy");
    for minute in 1..4 {
        backup::create(
            store.conn(),
            &data,
            &usb,
            &Options {
                passphrase: None,
                keep: 2,
            },
            at(11, minute),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("backup");
    }
    let kept: Vec<String> = backup::list(&usb)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    // The renamed copy is listed (by when it was written: now, so last)
    // but never counted among the ones to prune.
    assert_eq!(
        kept,
        [
            "支部台账备份-20261122-110200.zhibu",
            "支部台账备份-20261122-110300.zhibu",
            "支部台账备份-2026年11月22日.zhibu",
        ]
    );
    backup::verify(&renamed, None, &scratch_dir()).expect("a renamed backup still checks out");
    assert!(
        at_work.exists(),
        "another backup's file at work is left alone"
    );
    assert!(
        usb.join("我的文件.zhibu").exists(),
        "a file the program did not name is never touched"
    );
    assert!(!usb
        .join(".支部台账备份-20261101-080000.zhibu.part")
        .exists());
}

#[test]
fn a_passphrase_locks_the_backup_and_a_wrong_one_is_told_apart_from_damage() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let pass = Passphrase::new("东坡村2026").expect("pass");
    let file = make(&store, &data, &usb, Some(&pass), at(10, 0));
    let bytes = std::fs::read(&file).expect("read");
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(
        !bytes.windows(6).any(|w| w == "东坡".as_bytes()),
        "nothing readable inside"
    );
    let asked = backup::verify(&file, None, &scratch_dir()).expect_err("needs the passphrase");
    assert_eq!(asked.kind(), ErrorKind::Passphrase);
    assert!(asked.to_string().contains("设置了密码"), "{asked}");
    let wrong = backup::verify(
        &file,
        Some(&Passphrase::new("东坡村2025").expect("p")),
        &scratch_dir(),
    )
    .expect_err("wrong passphrase");
    assert_eq!(wrong.kind(), ErrorKind::Passphrase);
    assert!(wrong.to_string().contains("密码不对"), "{wrong}");
    let info = backup::verify(&file, Some(&pass), &scratch_dir()).expect("right passphrase");
    assert!(info.encrypted);
    assert_eq!(info.summary.attachments, 1);
    assert!(Passphrase::new("12345").is_err(), "too short to be safe");
}

/// `file` cut to `len` bytes, or with one bit flipped at `flip`.
fn damaged_copy(file: &Path, name: &str, len: Option<usize>, flip: Option<usize>) -> PathBuf {
    let mut bytes = std::fs::read(file).expect("read");
    if let Some(len) = len {
        bytes.truncate(len);
    }
    if let Some(at) = flip {
        bytes[at] ^= 0x10;
    }
    let out = file.with_file_name(name);
    std::fs::write(&out, bytes).expect("write");
    out
}

#[test]
fn a_cut_short_or_bit_flipped_backup_is_refused_wherever_the_damage_is() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let pass = Passphrase::new("东坡村2026").expect("pass");
    for (label, pass) in [("plain", None), ("sealed", Some(&pass))] {
        let file = make(&store, &data, &usb, pass, at(10, 0));
        let len = std::fs::metadata(&file).expect("meta").len() as usize;
        // Cut anywhere, flip a bit anywhere: never accepted. (Each try of
        // a sealed file costs a scrypt run, so fewer places for it.)
        let places = if pass.is_some() { 6 } else { 12 };
        for k in 1..=places {
            let cut = len * k / (places + 1);
            let short = damaged_copy(&file, &format!("{label}-short-{k}.bin"), Some(cut), None);
            let e = backup::verify(&short, pass, &scratch_dir())
                .expect_err("a cut-short backup must be refused");
            assert_eq!(e.kind(), ErrorKind::Validation, "{label} cut at {cut}: {e}");
            let flipped = damaged_copy(&file, &format!("{label}-flip-{k}.bin"), None, Some(cut));
            let e = backup::verify(&flipped, pass, &scratch_dir())
                .expect_err("a bit-flipped backup must be refused");
            assert!(
                matches!(e.kind(), ErrorKind::Validation | ErrorKind::Passphrase),
                "{label} flip at {cut}: {e}"
            );
        }
        std::fs::remove_file(&file).expect("clean");
    }
}

#[test]
fn a_restore_brings_back_the_old_state_and_keeps_what_it_replaced() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let mut store = demo_with_photo(&data);
    let before = meeting_count(&data);
    let file = make(&store, &data, &usb, None, at(10, 0));

    // A mistake after the backup: a meeting deleted, a photo gone.
    store
        .with_tx(|tx| {
            tx.execute("DELETE FROM meetings WHERE finalised_at IS NULL", [])?;
            Ok(())
        })
        .expect("delete");
    let photo = walk(&data.join("附件")).pop().expect("a photo");
    std::fs::remove_file(&photo).expect("remove photo");
    let after_mistake = meeting_count(&data);
    assert!(after_mistake < before);
    drop(store);

    let report = backup::restore(
        &data,
        &file,
        None,
        at(12, 0),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("restore");
    assert_eq!(meeting_count(&data), before);
    assert!(photo.exists(), "the photo is back");
    let safety = PathBuf::from(report.safety_backup.expect("the data as it was is kept"));
    assert_eq!(
        safety.parent(),
        Some(backup::safety_dir(&data).as_path()),
        "kept where automatic pruning never reaches"
    );
    assert_eq!(backup::safety_copies(&data), [safety.display().to_string()]);
    let kept = backup::verify(&safety, None, &scratch_dir()).expect("the safety backup checks out");
    assert_eq!(kept.summary.counts.meetings, after_mistake);
    assert_eq!(kept.summary.attachments, 0);
    // No staging, journal or replaced copies are left in the data directory.
    let names: Vec<String> = std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".restore")
            && !n.starts_with(".replaced")
            && n != "restore.json"),
        "{names:?}"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_bad_backup_or_wrong_passphrase_leaves_the_current_data_untouched() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let pass = Passphrase::new("东坡村2026").expect("pass");
    let file = make(&store, &data, &usb, Some(&pass), at(10, 0));
    drop(store);
    let db_before = std::fs::read(data.join(DB_FILE)).expect("db");
    let len = std::fs::metadata(&file).expect("meta").len() as usize;
    let short = damaged_copy(&file, "short.zhibu", Some(len / 2), None);
    let flipped = damaged_copy(&file, "flipped.zhibu", None, Some(len * 2 / 3));
    let other = Passphrase::new("别的密码123").expect("p");
    for (bad, pass) in [
        (&short, Some(&pass)),
        (&flipped, Some(&pass)),
        (&file, Some(&other)),
        (&file, None),
    ] {
        let e = backup::restore(
            &data,
            bad,
            pass,
            at(12, 0),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect_err("refused");
        assert!(
            e.to_string().contains("现有数据没有改动") || e.kind() == ErrorKind::Passphrase,
            "{e}"
        );
        assert_eq!(
            std::fs::read(data.join(DB_FILE)).expect("db"),
            db_before,
            "{}",
            bad.display()
        );
        assert!(!data.join(".restore").exists());
        assert!(
            !data.join("backups").exists(),
            "no safety backup is needed when nothing was replaced"
        );
    }
}

#[test]
fn a_backup_from_a_newer_program_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    drop(demo_with_photo(&data));
    // A copy of the database as a newer version would leave it.
    let newer = root.path().join("newer");
    std::fs::create_dir_all(&newer).expect("dir");
    std::fs::copy(data.join(DB_FILE), newer.join(DB_FILE)).expect("copy");
    let conn = rusqlite::Connection::open(newer.join(DB_FILE)).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("bump");
    let info = backup::create(
        &conn,
        &newer,
        &usb,
        &Options {
            passphrase: None,
            keep: 10,
        },
        at(10, 0),
        &|_| {},
        &AtomicBool::new(false),
    );
    let e = info.expect_err("the read-back check already refuses it");
    assert!(e.to_string().contains("较新版本"), "{e}");
    assert!(backup::list(&usb).is_empty(), "nothing is left as if good");
}

/// What a restore leaves when the power goes after the old database was
/// moved aside (into `aside`) and before the new one was moved in: the
/// staging folder (checked) and no live database; the journal is the
/// caller's. Returns the data folder and its meeting count in the backup.
fn interrupted_swap(root: &Path, aside: &str) -> (PathBuf, u32) {
    let data = root.join("data");
    let usb = root.join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let mut store = demo_with_photo(&data);
    let before = meeting_count(&data);
    let file = make(&store, &data, &usb, None, at(10, 0));
    store
        .with_tx(|tx| {
            tx.execute("DELETE FROM meetings WHERE finalised_at IS NULL", [])?;
            Ok(())
        })
        .expect("delete");
    drop(store);
    let staged = root.join("staged");
    backup::restore(
        &staged,
        &file,
        None,
        at(11, 0),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("stage");
    std::fs::create_dir_all(data.join(".restore")).expect("staging");
    std::fs::rename(staged.join(DB_FILE), data.join(".restore").join(DB_FILE)).expect("db");
    std::fs::rename(staged.join("附件"), data.join(".restore").join("附件")).expect("files");
    std::fs::create_dir_all(data.join(aside)).expect("aside");
    std::fs::rename(data.join(DB_FILE), data.join(aside).join(DB_FILE)).expect("moved aside");
    (data, before)
}

#[test]
fn a_restore_cut_off_mid_swap_is_finished_at_the_next_start() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, before) = interrupted_swap(root.path(), ".replaced-x");
    std::fs::write(data.join("restore.json"), r#"{"replaced":".replaced-x"}"#).expect("journal");

    assert_eq!(meeting_count(&data), before, "opening finishes the restore");
    assert!(!data.join("restore.json").exists());
    assert!(!data.join(".restore").exists());
}

/// A journal the disk garbled is resolved from what is on disk: the
/// set-aside folder it named is found by its name, and the swap finishes.
#[test]
fn an_unreadable_journal_is_resolved_from_the_disk() {
    let root = tempfile::tempdir().expect("tempdir");
    let (data, before) = interrupted_swap(root.path(), ".replaced-20261122-110000");
    std::fs::write(data.join("restore.json"), b"{\"repl\0\0\0").expect("garbled journal");

    assert_eq!(meeting_count(&data), before, "opening finishes the restore");
    assert!(!data.join("restore.json").exists());
    assert!(!data.join(".replaced-20261122-110000").exists());
}

/// A journal naming a folder outside the data folder is never followed.
#[test]
fn a_journal_naming_another_place_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    drop(Store::open_in_dir(&data).expect("store"));
    std::fs::write(
        data.join("restore.json"),
        r#"{"replaced":"../../elsewhere"}"#,
    )
    .expect("journal");
    let e = backup::open_data_dir(&data).err().expect("refused");
    assert!(e.to_string().contains("恢复记录"), "{e}");
    assert!(!root.path().join("elsewhere").exists());
}

#[test]
fn a_damaged_database_is_mended_by_a_restore_and_kept_as_it_was() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let before = meeting_count(&data);
    let file = make(&store, &data, &usb, None, at(10, 0));
    drop(store);
    let garbage = b"SQLite format 3\0 but then the disk went bad".repeat(200);
    std::fs::write(data.join(DB_FILE), &garbage).expect("damage");
    assert!(
        Store::open_in_dir(&data).is_err(),
        "the damaged file is refused at start"
    );

    let report = backup::restore(
        &data,
        &file,
        None,
        at(12, 0),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("a restore mends it");
    assert_eq!(meeting_count(&data), before);
    let kept = PathBuf::from(report.safety_backup.expect("the damaged files are kept"));
    assert!(
        kept.to_string_lossy().contains("恢复前原样"),
        "{}",
        kept.display()
    );
    assert_eq!(std::fs::read(kept.join(DB_FILE)).expect("kept db"), garbage);
}

#[test]
fn snapshot_folders_left_by_a_crash_are_removed_once_they_are_a_day_old() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let store = demo_with_photo(&data);
    let old = data.join(".backup-crashed");
    let young = data.join(".backup-running");
    for dir in [&old, &young] {
        std::fs::create_dir_all(dir).expect("scratch");
        std::fs::write(dir.join(DB_FILE), b"snapshot").expect("snapshot");
    }
    let two_days =
        std::time::SystemTime::from(at(10, 0)) - std::time::Duration::from_secs(48 * 3600);
    std::fs::File::open(&old)
        .and_then(|d| d.set_modified(two_days))
        .expect("age the crashed one");
    make(&store, &data, &usb, None, at(10, 0));
    assert!(!old.exists(), "a day-old leftover is removed");
    assert!(young.exists(), "a young one may be another backup at work");
}

/// Where a verify takes the database out: a folder of its own per call.
fn scratch_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhibu-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}
