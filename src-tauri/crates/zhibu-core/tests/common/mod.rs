//! The fixed clock and date helper every core test uses.
#![allow(dead_code)]

use chrono::{DateTime, Local, NaiveDate, TimeZone};

/// The tests' "now": 2026-11-22 09:30 local time.
pub fn now() -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("valid time")
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}
