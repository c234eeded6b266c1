//! The start-up benchmark (`zhibu-e2e --bench-startup`, run by `cargo xtask
//! bench-startup`): the release app against a bare Tauri window of the same
//! tauri version (once as it is, once drawing in software like the app),
//! launched in rotation through the same driver under the same Xvfb, several
//! rounds each. Reported as medians and ratios:
//!
//! - launch → first screen interactive: from asking the driver for a session
//!   (which starts the program) until the first screen's marker is visible
//!   (the app: the demo branch's name on the 工作台; the bare window: its page),
//!   looked for every 50 ms (150 ms in the tests; the gap counts against
//!   the one not ready at the first look, and each look runs in the page,
//!   so looking more often slows a page still loading); and, by the page's
//!   own clock, until the first screen was painted (a mark each sets);
//! - memory: PSS of the program and every process under it (WebKit's web
//!   and network processes) 4 s after that, and for the app again after the
//!   roster and the meetings were opened;
//! - the size of each binary.
//!
//! Beside the medians, the quartiles of each and the ratio app ÷ bare taken
//! round by round (the two launches of a round are seconds apart, so a drift
//! of the machine's speed over the run cancels out): a run's ratio of
//! medians alone moved between 1.13× and 1.44× on one day, with no change.
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
    pss_each(pid).iter().map(|(_, kib)| kib).sum()
}

/// Each process of the tree with its command name and PSS in KiB.
fn pss_each(pid: u32) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut pending = vec![pid];
    while let Some(p) = pending.pop() {
        let kib = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup"))
            .ok()
            .and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .unwrap_or(0);
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        out.push((name.trim().to_string(), kib));
        pending.extend(children(p));
    }
    out
}

/// Where the time and memory went in one launch: each process's PSS, and
/// the page's own timeline (navigation, the largest loads, the marks the
/// app sets) as the web engine recorded it, then again after a reload. Only
/// in the first round, whose memory after exploring therefore includes the
/// reload's leftovers (one launch of those the median is taken over).
fn breakdown(s: &Session, pid: u32, label: &str, painted_mark: &str) {
    let each: Vec<String> = pss_each(pid)
        .iter()
        .map(|(name, kib)| format!("{name} {:.0} MB", *kib as f64 / 1024.0))
        .collect();
    println!("  {label}: {}", each.join(", "));
    timeline(s, "");
    // The same page again in the same web process, its scripts already
    // compiled, its files and fonts at hand: what the first timeline adds to
    // this is the cost of running everything for the first time, not the
    // page's own work (on 2026-12-03: the start page painted at 57 ms
    // reloaded against 146 ms at launch).
    let painted = format!("return performance.getEntriesByName('{painted_mark}').length > 0");
    let again = s.reload().and_then(|()| {
        let start = Instant::now();
        while s.execute(&painted)?.as_bool() != Some(true) {
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!("no mark {painted_mark} 10 s after reloading"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    });
    match again {
        Ok(()) => timeline(s, "reloaded, warm: "),
        Err(e) => println!("    (not reloaded: {e})"),
    }
}

/// The page's own timeline (navigation, marks, the largest loads), on one line.
fn timeline(s: &Session, label: &str) {
    // No template literals: the driver's script wrapper does not take them.
    let script = "const n = performance.getEntriesByType('navigation')[0];
        const head = n ? ['dom ready ' + Math.round(n.domContentLoadedEventEnd) + ' ms', 'load ' + Math.round(n.loadEventEnd) + ' ms'] : [];
        const marks = performance.getEntriesByType('mark').map(function (m) { return m.name + ' ' + Math.round(m.startTime) + ' ms'; });
        const loads = performance.getEntriesByType('resource').map(function (r) {
          return r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '+' + Math.round(r.duration) + ' ms';
        });
        return head.concat(marks, loads).join(' | ');";
    match s.execute(script) {
        Ok(v) => println!("    {label}{}", v.as_str().unwrap_or_default()),
        Err(e) => println!("    (no timeline: {e})"),
    }
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

/// The value `q` (0…1) of the way up the sorted values, between the two
/// nearest ones; values that are not numbers (a mark never set) are left
/// out, and none at all gives NaN.
fn quantile(mut v: Vec<f64>, q: f64) -> f64 {
    v.retain(|x| x.is_finite());
    v.sort_by(f64::total_cmp);
    let Some(last) = v.len().checked_sub(1) else {
        return f64::NAN;
    };
    let at = q.clamp(0.0, 1.0) * last as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    v[lo] + (v[hi] - v[lo]) * (at - lo as f64)
}

fn median(v: Vec<f64>) -> f64 {
    quantile(v, 0.5)
}

/// "median (first quartile–third quartile)", each through `show`.
fn spread(v: &[f64], show: impl Fn(f64) -> String) -> String {
    let q = |p| quantile(v.to_vec(), p);
    format!("{} ({}–{})", show(q(0.5)), show(q(0.25)), show(q(0.75)))
}

struct Run {
    launch: f64,
    /// Of `launch`, the part before the page began to load (the program's
    /// own start, the window and the web engine), from the page's time origin.
    native: Option<f64>,
    /// From the start to the first screen painted, by the page's own mark
    /// (the start page's list for the app; the page for the bare window).
    painted: Option<f64>,
    pss_mb: f64,
    pss_after_mb: Option<f64>,
}

fn one(
    b: &Bench<'_>,
    exe: &Path,
    args: &[String],
    ready: &str,
    painted_mark: &str,
    explore: bool,
    trace: Option<&str>,
) -> Result<Run, String> {
    let start = Instant::now();
    let epoch = std::time::SystemTime::now();
    let s = Session::start(b.url, exe, args, b.shots, "bench")?;
    s.wait_every(ready, Duration::from_millis(50))?;
    let launch = start.elapsed().as_secs_f64();
    let native = s
        .execute("return performance.timeOrigin")
        .ok()
        .and_then(|v| v.as_f64())
        .and_then(|origin| {
            let began = epoch.duration_since(std::time::UNIX_EPOCH).ok()?;
            Some(origin / 1000.0 - began.as_secs_f64())
        });
    std::thread::sleep(Duration::from_secs(4));
    let painted = s
        .execute(&format!(
            "const m = performance.getEntriesByName('{painted_mark}')[0]; return m ? m.startTime : null"
        ))
        .ok()
        .and_then(|v| v.as_f64())
        .zip(native)
        .map(|(mark, native)| native + mark / 1000.0);
    let pid = pid_of(exe).ok_or_else(|| format!("no process runs {}", exe.display()))?;
    let pss_mb = pss_tree(pid) as f64 / 1024.0;
    if let Some(label) = trace {
        breakdown(&s, pid, label, painted_mark);
    }
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
        native,
        painted,
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
    let ready_app = "[data-test=start-name]";
    let (app_mark, bare_mark) = ("zhibu-todo-painted", "zhibu-painted");
    let soft = vec!["--software-rendering".to_string()];
    let (mut app, mut bare, mut bare_soft): (Vec<Run>, Vec<Run>, Vec<Run>) =
        (Vec::new(), Vec::new(), Vec::new());
    // One warm-up of each (disk cache), then rotate which goes first.
    one(b, b.app, &app_args, ready_app, app_mark, false, None)?;
    one(b, b.bare, &[], "#ready", bare_mark, false, None)?;
    for round in 0..b.rounds {
        for k in 0..3 {
            let trace = |label| (round == 0).then_some(label);
            match (round + k) % 3 {
                0 => app.push(one(
                    b,
                    b.app,
                    &app_args,
                    ready_app,
                    app_mark,
                    true,
                    trace("app"),
                )?),
                1 => bare.push(one(
                    b,
                    b.bare,
                    &[],
                    "#ready",
                    bare_mark,
                    false,
                    trace("bare"),
                )?),
                _ => bare_soft.push(one(
                    b,
                    b.bare,
                    &soft,
                    "#ready",
                    bare_mark,
                    false,
                    trace("bare in software"),
                )?),
            }
        }
        println!("round {} of {} done", round + 1, b.rounds);
    }
    let m = |runs: &[Run], f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    let launch = |r: &Run| r.launch;
    let pss = |r: &Run| r.pss_mb;
    let (al, bl, sl) = (m(&app, launch), m(&bare, launch), m(&bare_soft, launch));
    let (am, bm, sm) = (m(&app, pss), m(&bare, pss), m(&bare_soft, pss));
    let after = m(&app, |r| r.pss_after_mb.unwrap_or(f64::NAN));
    let (asz, bsz): (f64, f64) = (size_mb(b.app), size_mb(b.bare));
    println!(
        "\nstart-up benchmark, {} rounds (medians; release builds; Xvfb)",
        b.rounds
    );
    println!("  the app draws without accelerated compositing on Linux; the bare window is measured both ways");
    println!(
        "  launch → first screen interactive: app {al:.2} s; bare {bl:.2} s = {:.2}×; bare in software {sl:.2} s = {:.2}× (target ≤ 1.2×)",
        al / bl,
        al / sl
    );
    let secs = |x: f64| format!("{x:.2} s");
    let times = |runs: &[Run]| runs.iter().map(launch).collect::<Vec<_>>();
    let by_round = |other: &[Run]| {
        app.iter()
            .zip(other)
            .map(|(a, o)| a.launch / o.launch)
            .collect::<Vec<_>>()
    };
    println!(
        "    median (quartiles): app {}; bare {}; app ÷ bare round by round {}, ÷ bare in software {}",
        spread(&times(&app), secs),
        spread(&times(&bare), secs),
        spread(&by_round(&bare), |x| format!("{x:.2}×")),
        spread(&by_round(&bare_soft), |x| format!("{x:.2}×")),
    );
    let painted = |r: &Run| r.painted.unwrap_or(f64::NAN);
    let (ap, bp) = (m(&app, painted), m(&bare, painted));
    println!(
        "    by the page's own clock, start → first screen painted: app {ap:.2} s; bare {bp:.2} s = {:.2}×",
        ap / bp
    );
    let native = |r: &Run| r.native.unwrap_or(f64::NAN);
    let page = |r: &Run| r.launch - r.native.unwrap_or(f64::NAN);
    println!(
        "    of which before the page begins to load: app {:.2} s, bare {:.2} s; the page itself: app {:.2} s, bare {:.2} s",
        m(&app, native),
        m(&bare, native),
        m(&app, page),
        m(&bare, page)
    );
    println!(
        "  PSS 4 s after: app {am:.0} MB; bare {bm:.0} MB = {:.2}×; bare in software {sm:.0} MB = {:.2}× (target ≤ 1.3×)",
        am / bm,
        am / sm
    );
    println!("  PSS after opening 花名册 and 会议记录: app {after:.0} MB");
    println!("  binary: app {asz:.1} MB, bare {bsz:.1} MB");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{median, quantile, spread};

    #[test]
    fn quantiles_lie_between_the_nearest_values() {
        let v = vec![4.0, 1.0, 3.0, 2.0];
        assert_eq!(median(v.clone()), 2.5);
        assert_eq!(quantile(v.clone(), 0.25), 1.75);
        assert_eq!(quantile(v.clone(), 0.75), 3.25);
        assert_eq!(quantile(v.clone(), 0.0), 1.0);
        assert_eq!(quantile(v, 1.0), 4.0);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), 3.0);
    }

    #[test]
    fn values_that_are_not_numbers_are_left_out() {
        assert_eq!(median(vec![f64::NAN, 2.0, 4.0]), 3.0);
        assert!(median(vec![f64::NAN]).is_nan());
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn spread_shows_the_median_then_the_quartiles() {
        let shown = spread(&[1.0, 2.0, 3.0, 4.0, 5.0], |x| format!("{x:.1}"));
        assert_eq!(shown, "3.0 (2.0–4.0)");
    }
}
