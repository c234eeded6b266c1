//! The year's 发展党员 figures a branch writes into its work report.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::rules::Decision;
use super::{storage, PersonId};
use crate::error::Result;
use crate::month::YearMonth;
use crate::org::OrgId;

/// The figures of a year a branch writes into its work report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DevStats {
    pub year: i32,
    /// 申请入党 (step 1).
    pub applied: u32,
    /// 确定入党积极分子 (step 3).
    pub activists: u32,
    /// 确定发展对象 (step 7).
    pub candidates: u32,
    /// 发展党员: 接收预备党员 approved by the 上级党委 (step 17).
    pub admitted: u32,
    /// 转正 approved (step 24, 按期转正).
    pub confirmed: u32,
    pub extended: u32,
    pub cancelled: u32,
}

pub fn stats(conn: &Connection, org: OrgId, year: i32) -> Result<DevStats> {
    crate::month::check_year(year)?;
    let first = YearMonth::new(year, 1)?.first_day();
    let last = YearMonth::new(year, 12)?.last_day();
    Ok(between(conn, org, first, last)?.0)
}

/// The figures of the days `first..=last` (`year` is the year of `last`),
/// and who was admitted (step 17) then, with the day.
pub fn between(
    conn: &Connection,
    org: OrgId,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<(DevStats, Vec<(PersonId, NaiveDate)>)> {
    let mut s = DevStats {
        year: last.year(),
        ..DevStats::default()
    };
    let mut admitted = Vec::new();
    for (person, step, date, outcome) in storage::steps::counted(conn, org)? {
        if date < first || date > last {
            continue;
        }
        let slot = match (step, outcome) {
            (1, _) => &mut s.applied,
            (3, _) => &mut s.activists,
            (7, _) => &mut s.candidates,
            (17, _) => {
                admitted.push((person, date));
                &mut s.admitted
            }
            (24, Some(Decision::OnTime)) => &mut s.confirmed,
            (24, Some(Decision::Extend)) => &mut s.extended,
            (24, Some(Decision::Cancel)) => &mut s.cancelled,
            _ => continue,
        };
        *slot += 1;
    }
    admitted.sort_by_key(|(person, date)| (*date, *person));
    Ok((s, admitted))
}
