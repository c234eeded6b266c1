//! The shapes of a meeting record that its use cases and its storage both
//! speak: attendance rows and counts, 主题党日 contents, 议定事项 with their
//! 落实情况, attachments. It uses nothing of the area but the parent's
//! enums, so `storage` can return these without a circle.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{MeetingId, MeetingKind, Presence};
use crate::labels::label_enum;
use crate::members::MemberId;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AttendanceRow {
    pub member_id: MemberId,
    pub name: String,
    pub can_vote: bool,
    pub presence: Presence,
    pub reason: Option<String>,
    /// Left out of 应到 with the higher committee's consent.
    pub excluded: Option<Exclusion>,
}

/// 应到/实到, derived from the attendance rows, never typed. Those left out
/// of 应到 with the higher committee's consent count in none of the figures
/// but `excluded`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Attendance {
    pub expected: u32,
    pub present: u32,
    pub leave: u32,
    pub absent: u32,
    /// 有表决权 应到 / 实到.
    pub voting_expected: u32,
    pub voting_present: u32,
    /// 经上级党组织同意不计入应到会人数.
    pub excluded: u32,
}

/// Why someone is left out of a meeting's 应到, and whose consent says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Exclusion {
    /// 如：因病不能表达本人意志、出国半年以上、外出半年以上未转组织关系.
    pub reason: String,
    /// The higher committee's consent: who, when, document number.
    pub consent: String,
}

label_enum! {
    /// What a 主题党日 held (支部工作条例: 集中学习、过组织生活、民主议事、志愿服务).
    pub enum DayContent {
        Study = "集中学习",
        OrgLife = "过组织生活",
        Deliberation = "民主议事",
        Volunteering = "志愿服务",
        Other = "其他",
    }
    what: "主题党日内容"
}

/// One 落实情况 entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub date: NaiveDate,
    pub text: String,
}

/// A 议定事项 with its 落实情况 so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Item {
    pub id: i64,
    pub item: String,
    /// 责任人: the member who carries it out, if one was named.
    pub owner: Option<MemberId>,
    pub owner_name: Option<String>,
    pub progress: Vec<Progress>,
}

/// A 议定事项 with a named 责任人, and the record it was decided at.
#[derive(Debug, Clone)]
pub struct OwnedItem {
    pub meeting: MeetingId,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub topic: String,
    pub item: Item,
}

/// A 议定事项 as the form sends it: the words and, if one is named, the
/// member who carries it out (on the roll on the meeting's date).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemInput {
    pub item: String,
    #[serde(default)]
    pub owner: Option<MemberId>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Attachment {
    pub id: i64,
    /// The name the file had when it was added.
    pub file_name: String,
    pub caption: String,
    pub bytes: i64,
    pub mime: String,
    pub added_at: String,
    /// Added after the record was finalised (shown as such to an inspector).
    pub after_final: bool,
}
