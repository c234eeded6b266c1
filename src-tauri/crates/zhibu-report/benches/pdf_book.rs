//! PDF book timings (issue: the 60-meeting year in under 3 s, and at least
//! 10× faster than LibreOffice converting the same book from .docx, timed in
//! the same run when `soffice` is installed).
//!
//! Run: `CARGO_TARGET_DIR=target/bench cargo bench -p zhibu-report`
//! (a separate target dir: a release typst build takes ~28 min on 2 cores
//! and would otherwise block the debug builds).

#[path = "support/docx.rs"]
mod docx;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::{Local, NaiveDate, TimeZone};
use zhibu_core::meetings::{self, attachments, MeetingInput, MeetingKind};
use zhibu_core::{demo, Store};
use zhibu_report::pdf;

#[path = "support/book.rs"]
mod book;
use book::book;

const MEETINGS: usize = 60;
const PHOTOS: usize = 3;

/// A phone-sized photo (2400×1800 JPEG) with some structure in it.
fn photo(path: &Path, seed: u32) {
    let img = image::RgbImage::from_fn(2400, 1800, |x, y| {
        let v = ((x / 40 + y / 40 + seed) % 7) as u8;
        image::Rgb([v * 30 + (x % 50) as u8, (y % 200) as u8, 200 - v * 20])
    });
    img.save(path).expect("jpeg");
}

fn time(label: &str, f: impl FnOnce() -> (usize, usize)) -> f64 {
    let start = Instant::now();
    let (pages, bytes) = f();
    let s = start.elapsed().as_secs_f64();
    println!(
        "{label}: {s:.2} s, {pages} pages, {:.1} MB",
        bytes as f64 / 1_048_576.0
    );
    s
}

/// LibreOffice converting `docx` to PDF as a clerk would (headless, its
/// own profile so a desktop session is not disturbed); `None` when it is
/// not installed.
fn libreoffice(profile: &Path, docx: &Path) -> Option<f64> {
    let outdir = docx.parent()?;
    let start = Instant::now();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(outdir)
        .arg(docx)
        .output()
        .ok()?;
    let s = start.elapsed().as_secs_f64();
    let pdf = docx.with_extension("pdf");
    if !status.status.success() || !pdf.is_file() {
        println!(
            "LibreOffice failed on {}: {}",
            docx.display(),
            String::from_utf8_lossy(&status.stderr)
        );
        return None;
    }
    let pages = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_string()))
        })
        .unwrap_or_else(|| "?".into());
    let bytes = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    println!(
        "  LibreOffice {}: {s:.2} s, {pages} pages, {:.1} MB",
        docx.file_name()?.to_string_lossy(),
        bytes as f64 / 1_048_576.0
    );
    Some(s)
}

/// Writes `job` as a .docx and times LibreOffice on it.
fn race(dir: &Path, job: &pdf::Job, name: &str) -> Option<f64> {
    let docx: PathBuf = dir.join(format!("{name}.docx"));
    docx::write_book(job, &docx);
    libreoffice(&dir.join("lo-profile"), &docx)
}

fn ratio(ours: f64, theirs: Option<f64>) {
    match theirs {
        Some(t) => println!(
            "  ratio: {:.1}× faster than LibreOffice (target ≥ 10×: {})",
            t / ours,
            if t / ours >= 10.0 { "met" } else { "NOT met" }
        ),
        None => println!(
            "  LibreOffice not installed (apt-get install libreoffice-writer-nogui): no comparison"
        ),
    }
}

fn main() {
    let now = Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_dir(dir.path()).expect("store");
    let org = demo::load(&mut store, now).expect("demo");
    let never = AtomicBool::new(false);

    // LibreOffice's first start builds its profile; a clerk's copy has one.
    let lo_dir = dir.path().join("lo");
    std::fs::create_dir_all(&lo_dir).expect("lo dir");
    let empty = book(
        store.conn(),
        dir.path(),
        org,
        2026,
        &[MeetingKind::Lecture],
        now.date_naive(),
    )
    .expect("book");
    race(&lo_dir, &empty, "warm-up");

    let demo_job = book(store.conn(), dir.path(), org, 2026, &[], now.date_naive()).expect("book");
    let demo = time("demo year 2026 (no photos), first in the process", || {
        let job = book(store.conn(), dir.path(), org, 2026, &[], now.date_naive()).expect("book");
        let r = pdf::render(&job, &never).expect("render");
        (r.pages, r.pdf.len())
    });
    ratio(demo, race(&lo_dir, &demo_job, "demo-2026"));
    // typst memoises layout within a process: the same book again is quicker.
    time("demo year 2026 again", || {
        let job = book(store.conn(), dir.path(), org, 2026, &[], now.date_naive()).expect("book");
        let r = pdf::render(&job, &never).expect("render");
        (r.pages, r.pdf.len())
    });

    let photos: Vec<_> = (0..MEETINGS * PHOTOS)
        .map(|i| {
            let p = dir.path().join(format!("photo{i}.jpg"));
            photo(&p, i as u32);
            p
        })
        .collect();
    let minutes_text = "王建国主持会议并传达上级会议精神。张志强汇报本月工作进展，李秀英、刘芳、陈德福分别发言，\
        大家围绕议题深入讨论，提出了具体意见和建议。会议要求各位党员发挥先锋模范作用，把各项工作落到实处。\n"
        .repeat(6);
    let group = zhibu_core::org::overview(store.conn(), org, now.date_naive())
        .expect("overview")
        .groups[0]
        .id;
    for i in 0..MEETINGS {
        let input = MeetingInput {
            kind: Some(if i % 3 == 0 {
                MeetingKind::Committee
            } else {
                MeetingKind::Group
            }),
            group_id: (i % 3 != 0).then_some(group),
            topic: format!("第{}次会议：研究部署近期重点工作", i + 1),
            date: NaiveDate::from_ymd_opt(2023, (i / 5 + 1) as u32, (i % 5 * 5 + 1) as u32),
            host: Some("王建国".into()),
            recorder: Some("刘芳".into()),
            agenda: "一、传达学习\n二、研究工作\n三、部署安排".into(),
            minutes: minutes_text.clone(),
            decisions: "同意上述工作安排，由相关支委牵头落实。".into(),
            ..MeetingInput::default()
        };
        let id = store
            .with_tx(|tx| meetings::create(tx, org, &input, now))
            .expect("meeting");
        for p in &photos[i * PHOTOS..(i + 1) * PHOTOS] {
            store
                .with_tx(|tx| attachments::add(tx, dir.path(), id, p, "会议现场", now))
                .expect("photo");
        }
    }
    let photo_mb = photos
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum::<u64>() as f64
        / 1_048_576.0;
    println!(
        "synthetic year: {MEETINGS} meetings, {} photos ({photo_mb:.1} MB)",
        photos.len()
    );
    let ours = time("60-meeting year with photos", || {
        let job = book(store.conn(), dir.path(), org, 2023, &[], now.date_naive()).expect("book");
        let r = pdf::render(&job, &never).expect("render");
        let out = dir.path().join("book.pdf");
        let (pages, bytes) = (r.pages, r.pdf.len());
        pdf::save(r, &out).expect("save");
        (pages, bytes)
    });
    println!(
        "  target < 3 s: {}",
        if ours < 3.0 { "met" } else { "NOT met" }
    );
    let job = book(store.conn(), dir.path(), org, 2023, &[], now.date_naive()).expect("book");
    ratio(ours, race(&lo_dir, &job, "synthetic-2023"));
}
