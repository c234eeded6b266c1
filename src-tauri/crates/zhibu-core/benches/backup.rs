//! Backup and verify of a large data directory — 10,000 members and 500 MB
//! of photos — against `cp -r` of the same directory (plus `sync`, as the
//! backup is synced) in the same run: the physical limit.
//! `CARGO_TARGET_DIR=target/bench cargo bench -p zhibu-core --bench backup`

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use common::{now, populate};
use zhibu_core::backup::{self, Options};

const PHOTO_MB: usize = 500;
const PHOTO_SIZE: usize = 2 << 20;

/// Incompressible bytes, like a JPEG.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn seconds(label: &str, f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    let s = start.elapsed().as_secs_f64();
    println!("{label}: {s:.2} s");
    s
}

fn du(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                du(&e.path())
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

fn main() {
    let now = now();
    let (dir, store, _org) = populate(now);
    // Named as the program stores them: a backup carries nothing else.
    let photos = dir.path().join("附件").join("1");
    std::fs::create_dir_all(&photos).expect("photos");
    for i in 0..PHOTO_MB * (1 << 20) / PHOTO_SIZE {
        std::fs::write(
            photos.join(format!("{i:016x}.jpg")),
            noise(i as u64, PHOTO_SIZE),
        )
        .expect("photo");
    }
    let members: u32 = store
        .conn()
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .expect("count");
    println!(
        "data: {members} members, {:.0} MB in all",
        du(dir.path()) as f64 / 1_048_576.0
    );
    let out = tempfile::tempdir_in(dir.path().parent().expect("parent")).expect("out");

    let copy = out.path().join("cp");
    let cp = seconds("cp -r + sync", || {
        let ok = Command::new("cp")
            .arg("-r")
            .arg(dir.path())
            .arg(&copy)
            .status()
            .expect("cp");
        assert!(ok.success());
        let _ = Command::new("sync").arg("-f").arg(&copy).status();
    });
    let target = out.path().join("usb");
    std::fs::create_dir_all(&target).expect("target");
    let mut file = String::new();
    let made = seconds("backup (write, sync, read back and check)", || {
        let info = backup::create(
            store.conn(),
            dir.path(),
            &target,
            &Options {
                passphrase: None,
                keep: 10,
            },
            now,
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("backup");
        println!("  {:.0} MB", info.bytes as f64 / 1_048_576.0);
        file = info.path;
    });
    let checked = seconds("verify", || {
        backup::verify(Path::new(&file), None, dir.path()).expect("verify");
    });
    println!(
        "backup / cp: {:.2}× (target ≤ 2×); verify / cp: {:.2}×",
        made / cp,
        checked / cp
    );
}
