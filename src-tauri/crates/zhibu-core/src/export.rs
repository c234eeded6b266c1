//! What an export (PDF 台账) tells the clerk afterwards. The typesetting
//! itself lives in zhibu-report; these are the shapes the UI and the CLI see.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::development::PersonId;
use crate::meetings::{MeetingId, MeetingKind};
use crate::members::roster::RosterQuery;
use crate::org::OrgId;

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
    /// 党员花名册 as the roster screen lists it.
    Roster { org: OrgId, query: RosterQuery },
    /// 党费收缴登记表 and 公示表 of a year.
    Dues { org: OrgId, year: i32 },
    /// 签到表 of a meeting.
    Signin { meeting: MeetingId },
    /// A person's 发展党员 record.
    Development { person: PersonId },
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
