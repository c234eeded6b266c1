//! The PDF 台账: which document to make, what it holds — gathered here from
//! the records as plain data, checked (an empty year is refused with what to
//! do), and named as a clerk would name the file — and what the export tells
//! the clerk afterwards. zhibu-report only lays the data out and typesets it.

mod development_record;
mod dues_notice;
mod dues_sheets;
mod member_sheets;
mod minutes_book;
mod roster_sheet;
mod signin_sheet;
mod stats_report;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use development_record::{DevelopmentRecord, FiledDocument};
pub use dues_notice::DuesNotice;
pub use dues_sheets::DuesSheets;
pub use member_sheets::MemberSheets;
pub use minutes_book::{MinutesBook, MinutesEntry};
pub use roster_sheet::RosterSheet;
pub use signin_sheet::SigninSheet;
pub use stats_report::StatsReport;

use crate::development::PersonId;
use crate::error::Result;
use crate::meetings::{MeetingId, MeetingKind};
use crate::members::roster::RosterQuery;
use crate::org::OrgId;
use crate::stats::StatsQuery;

/// Which PDF 台账 to make, and of what.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "doc", rename_all = "snake_case")]
pub enum Document {
    /// 年度组织生活记录 of a year; every kind when `kinds` is empty.
    Minutes {
        org: OrgId,
        year: i32,
        kinds: Vec<MeetingKind>,
    },
    /// 党员花名册 as the roster screen lists it; `mask` hides the middle of
    /// ID numbers and phones, for a copy that is posted.
    Roster {
        org: OrgId,
        query: RosterQuery,
        #[serde(default)]
        mask: bool,
    },
    /// 党费收缴登记表 of a year (for the file).
    Dues { org: OrgId, year: i32 },
    /// 党费收缴情况公示表 of a year, for the notice board from `from` to `to`.
    DuesNotice {
        org: OrgId,
        year: i32,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// 签到表 of a meeting.
    Signin { meeting: MeetingId },
    /// A person's 发展党员 record.
    Development { person: PersonId },
    /// 民主评议党员 sheets of a year: one page per member.
    MemberSheets { org: OrgId, year: i32 },
    /// 年度统计 of a year, a half year or a run of years.
    Stats { org: OrgId, query: StatsQuery },
}

/// Characters no font on this computer draws (printed as empty boxes), and
/// where the clerk typed them, so that none vanishes unnoticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MissingChars {
    /// E.g. "2026年3月5日 支部委员会的会议记录".
    pub place: String,
    pub chars: String,
}

/// A file written by an export.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Exported {
    pub path: String,
    pub pages: u32,
    pub bytes: u64,
    pub missing: Vec<MissingChars>,
}

/// What a document holds, ready to lay out.
pub enum Model {
    Minutes(MinutesBook),
    Roster(RosterSheet),
    Dues(DuesSheets),
    DuesNotice(DuesNotice),
    Signin(SigninSheet),
    Development(DevelopmentRecord),
    MemberSheets(MemberSheets),
    Stats(Box<StatsReport>),
}

/// Gathers what `doc` prints from the records in `conn` (photos stay in
/// `data_dir`, read while typesetting).
pub fn gather(
    conn: &Connection,
    data_dir: &Path,
    doc: &Document,
    today: NaiveDate,
) -> Result<Model> {
    Ok(match doc {
        Document::Minutes { org, year, kinds } => {
            Model::Minutes(minutes_book::gather(conn, data_dir, *org, *year, kinds)?)
        }
        Document::Roster { org, query, mask } => {
            Model::Roster(roster_sheet::gather(conn, *org, query, *mask, today)?)
        }
        Document::Dues { org, year } => Model::Dues(dues_sheets::gather(conn, *org, *year, today)?),
        Document::DuesNotice {
            org,
            year,
            from,
            to,
        } => Model::DuesNotice(dues_notice::gather(conn, *org, *year, *from, *to, today)?),
        Document::Signin { meeting } => Model::Signin(signin_sheet::gather(conn, *meeting)?),
        Document::Development { person } => {
            Model::Development(development_record::gather(conn, *person, today)?)
        }
        Document::MemberSheets { org, year } => {
            Model::MemberSheets(member_sheets::gather(conn, *org, *year, today)?)
        }
        Document::Stats { org, query } => {
            Model::Stats(Box::new(stats_report::gather(conn, *org, *query, today)?))
        }
    })
}

/// The file name a clerk would give `doc`.
pub fn file_name(conn: &Connection, doc: &Document, today: NaiveDate) -> Result<String> {
    let branch = |org: OrgId| crate::org::get(conn, org).map(|o| o.name);
    Ok(match doc {
        Document::Minutes { org, year, .. } => minutes_book::file_name(&branch(*org)?, *year),
        Document::Roster { org, query, .. } => {
            roster_sheet::file_name(&branch(*org)?, query.day.unwrap_or(today))
        }
        Document::Dues { org, year } => dues_sheets::file_name(&branch(*org)?, *year),
        Document::DuesNotice { org, year, .. } => dues_notice::file_name(&branch(*org)?, *year),
        Document::Signin { meeting } => signin_sheet::file_name_of(conn, *meeting)?,
        Document::Development { person } => development_record::file_name_of(conn, *person, today)?,
        Document::MemberSheets { org, year } => member_sheets::file_name(&branch(*org)?, *year),
        Document::Stats { org, query } => stats_report::file_name(&branch(*org)?, *query),
    })
}
