//! 组织生活 and 发展党员 over the period: the records held by kind against
//! what the calendar requires, attendance, the 主题党日 and 党课 held, and
//! the 发展党员 funnel — counted from the meetings list, the compliance
//! calendar and the development steps, nothing typed twice.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::bands::StatsSettings;
use crate::development::{self, DevStats};
use crate::error::Result;
use crate::ids::OrgId;
use crate::meetings::calendar::{self, CellStatus};
use crate::meetings::{self, MeetingKind};
use crate::members::rules::age_on;
use crate::month::YearMonth;

/// One kind of meeting over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KindFigures {
    pub kind: MeetingKind,
    /// Records 定稿.
    pub held: u32,
    /// Records not yet 定稿.
    pub drafts: u32,
    /// Periods the calendar required a meeting in (ended, or already met);
    /// None for kinds it does not check (谈心谈话, 其他).
    pub required: Option<u32>,
    /// Of those, periods over with no record (the calendar's 缺).
    pub missing: u32,
    /// 应到/实到 summed over the records (those left out with the higher
    /// committee's consent count in neither).
    pub expected: u32,
    pub present: u32,
}

impl KindFigures {
    /// Anything to show: a record, or a period the calendar asked for.
    pub fn any(&self) -> bool {
        self.held + self.drafts > 0 || self.required.is_some_and(|r| r > 0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthCount {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ThemeDayLine {
    pub date: NaiveDate,
    pub topic: String,
    pub contents: Vec<String>,
    pub finalised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LectureLine {
    pub date: NaiveDate,
    pub title: String,
    pub lecturer: String,
    pub finalised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingFigures {
    pub kinds: Vec<KindFigures>,
    /// Every record, by month, for the chart.
    pub per_month: Vec<MonthCount>,
    pub theme_days: Vec<ThemeDayLine>,
    pub lectures: Vec<LectureLine>,
}

/// The 发展党员 funnel of the period, and of those admitted how many were
/// young and from the 一线 (the settings' bands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DevFigures {
    pub counts: DevStats,
    pub admitted_young: u32,
    pub admitted_frontline: u32,
}

/// The records dated `first..=until`, against what the calendar asked for in
/// the periods up to `cutoff` (a quarter still running counts once it is met).
pub fn meetings(
    conn: &Connection,
    org: OrgId,
    first: NaiveDate,
    until: NaiveDate,
    cutoff: NaiveDate,
    today: NaiveDate,
) -> Result<MeetingFigures> {
    // The kinds in the order of the 台账: 三会一课, then the rest.
    let mut kinds: Vec<KindFigures> = MeetingKind::ALL
        .iter()
        .map(|&kind| KindFigures {
            kind,
            held: 0,
            drafts: 0,
            required: None,
            missing: 0,
            expected: 0,
            present: 0,
        })
        .collect();
    let mut per_month = Vec::new();
    let mut month = YearMonth::of(first);
    while month <= YearMonth::of(until) {
        per_month.push(MonthCount { month, count: 0 });
        month = month.next();
    }
    let (mut theme_days, mut lectures) = (Vec::new(), Vec::new());
    for year in first.year()..=until.year() {
        for m in meetings::list(conn, org, year)? {
            if m.date < first || m.date > until {
                continue;
            }
            let Some(k) = kinds.iter_mut().find(|k| k.kind == m.kind) else {
                continue;
            };
            if m.finalised {
                k.held += 1;
            } else {
                k.drafts += 1;
            }
            k.expected += m.attendance.expected;
            k.present += m.attendance.present;
            if let Some(c) = per_month
                .iter_mut()
                .find(|c| c.month == YearMonth::of(m.date))
            {
                c.count += 1;
            }
            match m.kind {
                MeetingKind::ThemeDay => {
                    let input = meetings::input(conn, m.id)?;
                    theme_days.push(ThemeDayLine {
                        date: m.date,
                        topic: m.topic,
                        contents: input
                            .day_contents
                            .iter()
                            .map(|c| c.label().to_string())
                            .collect(),
                        finalised: m.finalised,
                    });
                }
                MeetingKind::Lecture => {
                    let input = meetings::input(conn, m.id)?;
                    lectures.push(LectureLine {
                        date: m.date,
                        title: input.lecture_title.unwrap_or(m.topic),
                        lecturer: input.lecturer.unwrap_or_default(),
                        finalised: m.finalised,
                    });
                }
                _ => {}
            }
        }
        // What the calendar asked for in the year's months of the period.
        let cal = calendar::calendar(conn, org, year, today)?;
        let (from_month, to_month) = (
            if year == first.year() {
                first.month()
            } else {
                1
            },
            if year == cutoff.year() {
                cutoff.month()
            } else {
                12
            },
        );
        for row in &cal.rows {
            let Some(k) = kinds.iter_mut().find(|k| k.kind == row.kind) else {
                continue;
            };
            for cell in &row.cells {
                if cell.first_month < from_month || cell.last_month > to_month {
                    continue;
                }
                let required = match cell.status {
                    CellStatus::Held | CellStatus::DraftOnly => true,
                    CellStatus::Missing => {
                        k.missing += 1;
                        true
                    }
                    CellStatus::Due | CellStatus::NotYetDue | CellStatus::NotRequired => false,
                };
                let n = k.required.get_or_insert(0);
                *n += u32::from(required);
            }
        }
    }
    Ok(MeetingFigures {
        kinds,
        per_month,
        theme_days,
        lectures,
    })
}

pub fn development(
    conn: &Connection,
    org: OrgId,
    first: NaiveDate,
    until: NaiveDate,
    today: NaiveDate,
    bands: &StatsSettings,
) -> Result<DevFigures> {
    let (counts, admitted) = development::stats_between(conn, org, first, until)?;
    let (mut admitted_young, mut admitted_frontline) = (0, 0);
    for (person, on) in admitted {
        let profile = development::detail(conn, person, today)?.profile;
        if u32::try_from(age_on(profile.birth_date, on)).is_ok_and(|a| a <= bands.young_age) {
            admitted_young += 1;
        }
        if bands.is_frontline(profile.category.as_deref()) {
            admitted_frontline += 1;
        }
    }
    Ok(DevFigures {
        counts,
        admitted_young,
        admitted_frontline,
    })
}
