//! The start-up benchmark (`zhibu-e2e --bench-startup`, run by `cargo xtask
//! bench-startup`): the release app against a bare Tauri window of the same
//! tauri version, launched alternately through the same driver under the
//! same Xvfb, several rounds each. Reported as medians and ratios:
//!
//! - launch → first screen interactive: from asking the driver for a session
//!   (which starts the program) until the first screen's marker is visible
//!   (the app: the demo branch's name on 支部概况; the bare window: its page);
//! - memory: PSS of the program and every process under it (WebKit's web
//!   and network processes) 4 s after that, and for the app again after the
//!   roster and the meetings were opened;
//! - the size of each binary.
//!
//! These are benchmark figures, never a test's pass or fail.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::driver::Session;

pub struct Bench<'a> {
    pub url: &'a str,
    pub app: &'a Path,
    pub bare: &'a Path,
    pub rounds: usize,
    pub shots: &'a Path,
}

/// PSS in KiB of `pid` and all its descendants, from /proc.
fn pss_tree(pid: u32) -> u64 {
    let mut total = 0;
    let mut pending = vec![pid];
    while let Some(p) = pending.pop() {
        total += std::fs::read_to_string(format!("/proc/{p}/smaps_rollup"))
            .ok()
            .and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .unwrap_or(0);
        pending.extend(children(p));
    }
    total
}

fn children(pid: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| {
                    // The fourth field, after the command in parentheses.
                    let after = s.rsplit_once(')')?.1;
                    after.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

/// The process running `exe` (started by the driver).
fn pid_of(exe: &Path) -> Option<u32> {
    let want = std::fs::canonicalize(exe).ok()?;
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .find(|p| std::fs::read_link(format!("/proc/{p}/exe")).ok().as_ref() == Some(&want))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

struct Run {
    launch: f64,
    pss_mb: f64,
    pss_after_mb: Option<f64>,
}

fn one(
    b: &Bench<'_>,
    exe: &Path,
    args: &[String],
    ready: &str,
    explore: bool,
) -> Result<Run, String> {
    let start = Instant::now();
    let s = Session::start(b.url, exe, args, b.shots, "bench")?;
    s.wait(ready)?;
    let launch = start.elapsed().as_secs_f64();
    std::thread::sleep(Duration::from_secs(4));
    let pid = pid_of(exe).ok_or_else(|| format!("no process runs {}", exe.display()))?;
    let pss_mb = pss_tree(pid) as f64 / 1024.0;
    let pss_after_mb = if explore {
        s.click("[data-test=nav-members]")?;
        s.wait_text("[data-test=roster-counts]", "在册")?;
        s.click("[data-test=nav-meetings]")?;
        s.wait("[data-test=meeting-add]")?;
        std::thread::sleep(Duration::from_secs(2));
        Some(pss_tree(pid) as f64 / 1024.0)
    } else {
        None
    };
    s.end();
    std::thread::sleep(Duration::from_millis(800));
    Ok(Run {
        launch,
        pss_mb,
        pss_after_mb,
    })
}

fn size_mb(p: &Path) -> f64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1_048_576.0
}

pub fn run(b: &Bench<'_>) -> Result<(), String> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    {
        let mut store = zhibu_core::Store::open_in_dir(data.path()).map_err(|e| e.to_string())?;
        zhibu_core::demo::load(&mut store, zhibu_core::clock::now()).map_err(|e| e.to_string())?;
    }
    let app_args = vec!["--data-dir".to_string(), data.path().display().to_string()];
    let ready_app = "[data-test=overview-name]";
    let (mut app, mut bare): (Vec<Run>, Vec<Run>) = (Vec::new(), Vec::new());
    // One warm-up of each (disk cache), then alternate which goes first.
    one(b, b.app, &app_args, ready_app, false)?;
    one(b, b.bare, &[], "#ready", false)?;
    for round in 0..b.rounds {
        let order: [bool; 2] = if round % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for is_app in order {
            if is_app {
                app.push(one(b, b.app, &app_args, ready_app, true)?);
            } else {
                bare.push(one(b, b.bare, &[], "#ready", false)?);
            }
        }
        println!("round {} of {} done", round + 1, b.rounds);
    }
    let m = |runs: &[Run], f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    let (al, bl) = (m(&app, |r| r.launch), m(&bare, |r| r.launch));
    let (am, bm) = (m(&app, |r| r.pss_mb), m(&bare, |r| r.pss_mb));
    let after = m(&app, |r| r.pss_after_mb.unwrap_or(0.0));
    let (asz, bsz): (f64, f64) = (size_mb(b.app), size_mb(b.bare));
    println!(
        "\nstart-up benchmark, {} rounds (medians; release builds; Xvfb)",
        b.rounds
    );
    println!("  launch → first screen interactive: app {al:.2} s, bare {bl:.2} s = {:.2}× (target ≤ 1.2×)", al / bl);
    println!(
        "  PSS 4 s after: app {am:.0} MB, bare {bm:.0} MB = {:.2}× (target ≤ 1.3×)",
        am / bm
    );
    println!("  PSS after opening 花名册 and 会议记录: app {after:.0} MB");
    println!("  binary: app {asz:.1} MB, bare {bsz:.1} MB");
    Ok(())
}
