//! The clock every program reads. `ZHIBU_TODAY=YYYY-MM-DD` pins the date (at
//! 09:00 local time) for end-to-end tests, CLI tests and screenshots, so that
//! "this month", "overdue" and "not yet due" do not depend on when they run.

use chrono::{DateTime, Local, NaiveDate};

pub const TODAY_ENV: &str = "ZHIBU_TODAY";

pub fn now() -> DateTime<Local> {
    pinned().unwrap_or_else(Local::now)
}

fn pinned() -> Option<DateTime<Local>> {
    let text = std::env::var(TODAY_ENV).ok()?;
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()?;
    date.and_hms_opt(9, 0, 0)?
        .and_local_timezone(Local)
        .single()
}
