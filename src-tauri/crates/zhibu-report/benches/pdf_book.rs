//! PDF book timings (issue: the 60-meeting year in under 3 s, and against
//! LibreOffice converting the same text from .docx when it is installed).
//!
//! Run: `CARGO_TARGET_DIR=target/bench cargo bench -p zhibu-report`
//! (a separate target dir: a release typst build takes ~28 min on 2 cores
//! and would otherwise block the debug builds).

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::{Local, NaiveDate, TimeZone};
use zhibu_core::meetings::{self, attachments, MeetingInput, MeetingKind};
use zhibu_core::{demo, Store};
use zhibu_report::pdf::{self, minutes};

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

fn main() {
    let now = Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_dir(dir.path()).expect("store");
    let org = demo::load(&mut store, now).expect("demo");
    let never = AtomicBool::new(false);

    time("demo year 2026 (no photos)", || {
        let job = minutes::book(store.conn(), dir.path(), org, 2026, &[], now.date_naive())
            .expect("book");
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
    for i in 0..MEETINGS {
        let input = MeetingInput {
            kind: Some(if i % 3 == 0 {
                MeetingKind::Committee
            } else {
                MeetingKind::Group
            }),
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
        let job = minutes::book(store.conn(), dir.path(), org, 2023, &[], now.date_naive())
            .expect("book");
        let r = pdf::render(&job, &never).expect("render");
        let out = dir.path().join("book.pdf");
        let (pages, bytes) = (r.pages, r.pdf.len());
        pdf::save(r, &out).expect("save");
        (pages, bytes)
    });
    println!(
        "target: < 3 s → {}",
        if ours < 3.0 { "met" } else { "NOT met" }
    );
}
