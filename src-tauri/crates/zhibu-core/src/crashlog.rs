//! What went wrong, kept for whoever helps the clerk: a panic is written to
//! `logs/zhibu.log` in the data folder (rotated at 1 MB, three old files
//! kept), with where it happened and what Rust said — but never a member's
//! name, ID number or phone: every run of non-ASCII text and every long run
//! of digits in the message is blotted out before it is written.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const LOG_DIR: &str = "logs";
const LOG_FILE: &str = "zhibu.log";
const MAX_BYTES: u64 = 1 << 20;
const KEEP: u32 = 3;

/// The panic message with personal data blotted out: non-ASCII runs (names,
/// addresses, anything the clerk typed in Chinese) become `…`, runs of five
/// or more digits (ID, phone, bank numbers) become `#`.
pub fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut digits = String::new();
    let mut in_text = false;
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 5 {
            out.push('#');
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in message.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            in_text = false;
            continue;
        }
        flush(&mut digits, &mut out);
        if c.is_ascii() {
            if !c.is_ascii_control() || c == '\n' {
                out.push(c);
            }
            in_text = false;
        } else if !in_text {
            out.push('…');
            in_text = true;
        }
    }
    flush(&mut digits, &mut out);
    out
}

fn rotate(dir: &Path) {
    let log = dir.join(LOG_FILE);
    if std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0) < MAX_BYTES {
        return;
    }
    for n in (1..KEEP).rev() {
        let _ = std::fs::rename(
            dir.join(format!("{LOG_FILE}.{n}")),
            dir.join(format!("{LOG_FILE}.{}", n + 1)),
        );
    }
    let _ = std::fs::rename(&log, dir.join(format!("{LOG_FILE}.1")));
}

/// Appends one record to the log in `data_dir/logs/`. Never fails: a log
/// that cannot be written must not become a second error.
pub fn record(data_dir: &Path, what: &str) {
    let dir = data_dir.join(LOG_DIR);
    if crate::paths::create_private_dir(&dir).is_err() {
        return;
    }
    rotate(&dir);
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(LOG_FILE))
    {
        let _ = writeln!(
            f,
            "{} 支部台账 {}: {}",
            chrono::Local::now().to_rfc3339(),
            env!("CARGO_PKG_VERSION"),
            scrub(what)
        );
    }
}

/// Logs every panic of this process to `data_dir` (after the usual message
/// on standard error), so one that a command turned into an error for the
/// clerk still leaves its trace.
pub fn install(data_dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        record(&data_dir, &format!("panic at {place}: {message}"));
    }));
}

/// The path of the current log file, for messages.
pub fn log_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR).join(LOG_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_never_reach_the_log() {
        let m = "byte index 17 is not a char boundary; it is inside '中' of `1101051949123100中X` for 王建国, phone 13912345678";
        let s = scrub(m);
        assert!(
            !s.contains("王建国") && !s.contains("1101051949") && !s.contains("13912345678"),
            "{s}"
        );
        assert!(s.contains("byte index 17"), "{s}");
    }

    #[test]
    fn the_log_is_rotated_and_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let logs = dir.path().join(LOG_DIR);
        std::fs::create_dir_all(&logs).expect("logs");
        std::fs::write(logs.join(LOG_FILE), vec![b'x'; MAX_BYTES as usize]).expect("big log");
        record(dir.path(), "panic at a.rs:1: 孙桂兰");
        assert!(logs.join(format!("{LOG_FILE}.1")).exists());
        let text = std::fs::read_to_string(log_path(dir.path())).expect("log");
        assert!(
            text.contains("panic at a.rs:1: …") && !text.contains("孙桂兰"),
            "{text}"
        );
    }

    proptest::proptest! {
        #[test]
        fn scrubbing_any_text_keeps_no_long_digit_run(s in "\\PC{0,80}") {
            let out = scrub(&s);
            proptest::prop_assert!(out.is_ascii() || out.chars().all(|c| c.is_ascii() || c == '…'));
            let longest = out.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
            proptest::prop_assert!(longest < 5);
        }
    }
}
