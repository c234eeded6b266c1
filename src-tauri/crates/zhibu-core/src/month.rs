//! A calendar month (`2026-11`): the unit of 主题党日, 支委会, dues and the
//! participation count. Serialised as `YYYY-MM`.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    /// 1–12.
    month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Result<YearMonth> {
        if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
            return Err(Error::Validation(format!("月份“{year}年{month}月”无效")));
        }
        Ok(YearMonth { year, month })
    }

    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .unwrap_or_else(|| unreachable!("validated month"))
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> YearMonth {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The month `n` months later.
    pub fn plus(self, n: u32) -> YearMonth {
        let index = self.year * 12 + self.month as i32 - 1 + n as i32;
        YearMonth {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `later`, counting both ends (0 when `later` is earlier).
    pub fn months_through(self, later: YearMonth) -> u32 {
        let a = self.year * 12 + self.month as i32;
        let b = later.year * 12 + later.month as i32;
        (b - a + 1).max(0) as u32
    }

    pub fn parse(text: &str) -> Result<YearMonth> {
        let bad = || Error::Validation(format!("月份“{text}”格式不对，请写成 2026-11"));
        // Full-width digits and dash from an input method are the same month.
        let folded = crate::text::number_like(text);
        let (y, m) = folded.split_once('-').ok_or_else(bad)?;
        YearMonth::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Stored as `YYYY-MM` text: read straight into a `YearMonth`, so no
/// storage module parses (and words a failure for) the text itself.
impl rusqlite::types::FromSql for YearMonth {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        YearMonth::parse(value.as_str()?)
            .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        YearMonth::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The years the program keeps records for: from the founding of the
/// Party to far beyond any clerk's need. A year outside is a typing slip
/// (or a hostile caller), refused before any date arithmetic.
/// The same day `n` months later (the last day of a shorter month: 31
/// August + 6 → 28 February), as every term and time limit counts; a date
/// past the calendar's end stays as it is.
pub fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n)).unwrap_or(d)
}

pub fn check_year(year: i32) -> crate::Result<i32> {
    crate::text::in_range("年份", year, 1921, 2200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_across_years_and_counts_inclusively() {
        let dec = YearMonth::new(2025, 12).expect("valid");
        assert_eq!(dec.next().to_string(), "2026-01");
        assert_eq!(dec.next().prev(), dec);
        assert_eq!(
            dec.last_day(),
            NaiveDate::from_ymd_opt(2025, 12, 31).expect("valid")
        );
        let feb = YearMonth::new(2024, 2).expect("valid");
        assert_eq!(
            feb.last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).expect("valid")
        );
        assert_eq!(
            dec.months_through(YearMonth::new(2026, 5).expect("valid")),
            6
        );
        assert_eq!(dec.months_through(dec), 1);
        assert_eq!(dec.plus(0), dec);
        assert_eq!(dec.plus(1).to_string(), "2026-01");
        assert_eq!(dec.plus(14).to_string(), "2027-02");
        assert_eq!(dec.months_through(dec.prev()), 0);
    }

    #[test]
    fn parses_and_refuses() {
        assert_eq!(YearMonth::parse(" 2026-03 ").expect("valid").month(), 3);
        for bad in ["2026-13", "2026", "二〇二六-1", "2026-0"] {
            let e = YearMonth::parse(bad).expect_err("invalid").to_string();
            assert!(e.contains("2026-11") || e.contains("无效"), "{bad}: {e}");
        }
    }
}
