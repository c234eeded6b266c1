//! 三会一课, 主题党日 and organisational life: a meeting record, who was
//! expected (from the roll on the meeting date) and how each took part, the
//! votes taken with their validity, and the 定稿 lock after which only dated
//! 补充说明 can be added.

pub mod attachments;
mod attendance;
pub mod calendar;
pub mod details;
pub mod participation;
mod search;
mod storage;
mod types;
pub mod votes;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::members::{self, MemberId};
use crate::org::OrgId;
use crate::text;
pub use attendance::{attendance, set_exclusion, set_presence, EXCLUSION_REASONS};
use details::{DayContent, ItemInput};
pub use search::{search, SearchHit};
use storage::record::{self, NewMeeting};
pub use types::{Attendance, AttendanceRow, Exclusion, OwnedItem};
use votes::{Outcome, Tally, VoteKind};

label_enum! {
    pub enum MeetingKind {
        GeneralMeeting = "支部党员大会",
        Committee = "支部委员会",
        Group = "党小组会",
        Lecture = "党课",
        ThemeDay = "主题党日",
        LifeMeeting = "组织生活会",
        Appraisal = "民主评议党员",
        Talk = "谈心谈话",
        Other = "其他",
    }
    what: "会议类型"
}

label_enum! {
    pub enum Presence {
        Present = "出席",
        Leave = "请假",
        Absent = "缺席",
    }
    what: "出席情况"
}

impl MeetingKind {
    /// The usual agenda a new record of this kind starts from (支部工作条例
    /// for what each meeting is for; 主题党日 per its five usual parts).
    pub fn agenda_template(self) -> &'static str {
        match self {
            MeetingKind::GeneralMeeting => "一、传达学习上级有关文件和会议精神\n二、讨论决定支部重要事项\n三、对决定事项进行表决\n四、部署下一阶段工作",
            MeetingKind::Committee => "一、研究本月支部工作\n二、讨论需提交党员大会决定的事项\n三、研究发展党员、党员教育管理等工作",
            MeetingKind::Group => "一、组织学习\n二、开展谈心谈话、批评和自我批评\n三、落实支部工作安排",
            MeetingKind::Lecture => "一、授课\n二、交流讨论",
            MeetingKind::ThemeDay => "一、重温入党誓词\n二、交纳党费\n三、集中学习\n四、民主议事\n五、志愿服务",
            MeetingKind::LifeMeeting => "一、通报上次组织生活会整改落实情况\n二、支部班子对照检查\n三、党员个人对照检查，开展批评和自我批评\n四、民主评议党员\n五、研究整改措施",
            MeetingKind::Appraisal => "一、个人自评\n二、党员互评\n三、民主测评\n四、支部综合评定",
            MeetingKind::Talk => "谈话内容：",
            MeetingKind::Other => "",
        }
    }
}

impl MeetingKind {
    /// The words by which a topic already says what kind of meeting it was.
    fn named_by(self) -> &'static [&'static str] {
        match self {
            MeetingKind::GeneralMeeting => &["党员大会"],
            MeetingKind::Committee => &["支委会", "支部委员会"],
            MeetingKind::Group => &["党小组会", "小组会"],
            MeetingKind::Lecture => &["党课"],
            MeetingKind::ThemeDay => &["主题党日"],
            MeetingKind::LifeMeeting => &["组织生活会"],
            MeetingKind::Appraisal => &["民主评议"],
            MeetingKind::Talk => &["谈心谈话"],
            MeetingKind::Other => &[],
        }
    }
}

/// A record's title in a contents line or a heading: "党课：…" before the
/// topic, unless the topic already says it is one ("专题党课：学习…",
/// "第3季度党员大会"), so the kind is never said twice.
pub fn title(kind: MeetingKind, topic: &str) -> String {
    if kind.named_by().iter().any(|w| topic.contains(w)) {
        topic.to_string()
    } else {
        format!("{}：{topic}", kind.label())
    }
}

pub type MeetingId = i64;

/// What the meeting form sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct MeetingInput {
    pub kind: Option<MeetingKind>,
    /// 党小组会: which group.
    pub group_id: Option<i64>,
    pub topic: String,
    pub date: Option<NaiveDate>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub agenda: String,
    pub minutes: String,
    pub decisions: String,
    pub lecturer: Option<String>,
    pub lecture_title: Option<String>,
    /// 列席人员, by name (and role, as typed).
    #[serde(default)]
    pub guests: Vec<String>,
    /// 主题党日: what was held.
    #[serde(default)]
    pub day_contents: Vec<DayContent>,
    /// 议定事项 (主题党日, or any meeting that decides follow-up work),
    /// each with its 责任人 if one is named.
    #[serde(default)]
    pub items: Vec<ItemInput>,
    /// 谈心谈话: the people who talked (chosen, not derived from the roll).
    #[serde(default)]
    pub participants: Vec<MemberId>,
}

pub(super) fn locked_error() -> Error {
    Error::Conflict("该会议记录已定稿，不能修改；如需更正或补充，请添加“补充说明”".into())
}

pub(super) fn is_final(conn: &Connection, meeting: MeetingId) -> Result<bool> {
    match record::finalised_at(conn, meeting)? {
        None => Err(not_found()),
        Some(f) => Ok(f.is_some()),
    }
}

/// Who is expected at a meeting of `kind` on `date`: the whole roll, a
/// 党小组's members, or the committee (the roll's members named on it).
fn expected(
    conn: &Connection,
    org: OrgId,
    kind: MeetingKind,
    group: Option<i64>,
    date: NaiveDate,
) -> Result<Vec<members::OnRoll>> {
    // A member whose 党籍 is stopped takes no part in the branch's life.
    let roll: Vec<_> = members::on_roll(conn, org, date)?
        .into_iter()
        .filter(|m| !m.suspended)
        .collect();
    Ok(match kind {
        MeetingKind::Group => roll.into_iter().filter(|m| m.group_id == group).collect(),
        MeetingKind::Committee => {
            let names = crate::org::committee_names(conn, org)?;
            roll.into_iter()
                .filter(|m| names.contains(&m.name))
                .collect()
        }
        // The two people of a talk are chosen, not derived.
        MeetingKind::Talk => Vec::new(),
        _ => roll,
    })
}

/// Creates a draft record with everyone expected marked 出席.
pub fn create(
    tx: &Transaction<'_>,
    org: OrgId,
    input: &MeetingInput,
    now: DateTime<Local>,
) -> Result<MeetingId> {
    let kind = input
        .kind
        .ok_or_else(|| Error::Validation("请选择会议类型".into()))?;
    let date = input
        .date
        .ok_or_else(|| Error::Validation("请填写会议日期".into()))?;
    let topic = clean_topic(&input.topic)?;
    if kind == MeetingKind::Group {
        let group = input
            .group_id
            .ok_or_else(|| Error::Validation("党小组会请选择是哪个党小组".into()))?;
        if !crate::org::groups(tx, org)?.iter().any(|g| g.id == group) {
            return Err(Error::Validation(
                "所选党小组不属于本支部，请重新选择".into(),
            ));
        }
    }
    let new = NewMeeting {
        org,
        kind,
        group_id: input.group_id.filter(|_| kind == MeetingKind::Group),
        topic: &topic,
        date,
    };
    let id = record::insert(tx, &new, now)?;
    write_text(tx, id, &topic, input, now)?;
    for m in expected(tx, org, kind, input.group_id, date)? {
        storage::attendance::insert(tx, id, m.member_id, m.can_vote, Presence::Present)?;
    }
    details::write(tx, id, org, kind, date, input)?;
    Ok(id)
}

/// A vote as recorded: the counts typed by the clerk; 应到/实到 come from attendance.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct VoteInput {
    pub subject: String,
    pub kind: VoteKind,
    /// 举手表决, 无记名投票 …
    pub method: String,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub written_yes: u32,
    pub written_no: u32,
    pub written_abstain: u32,
}

/// The counts a vote is judged on: the typed votes, and 应到/实到 from the
/// attendance (all members for a 支委会 decision, those with a vote otherwise).
fn tally_of(v: &VoteInput, a: &Attendance) -> Tally {
    let (expected, present) = if v.kind == VoteKind::Committee {
        (a.expected, a.present)
    } else {
        (a.voting_expected, a.voting_present)
    };
    Tally {
        expected,
        present,
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
        written_yes: v.written_yes,
        written_no: v.written_no,
        written_abstain: v.written_abstain,
    }
}

/// Records a vote and returns whether it was valid and passed, and why.
pub fn add_vote(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    vote: &VoteInput,
    now: DateTime<Local>,
) -> Result<Outcome> {
    if is_final(tx, meeting)? {
        return Err(locked_error());
    }
    let subject = text::required_line("表决事项", &vote.subject, 200)?;
    let outcome = votes::evaluate(vote.kind, &tally_of(vote, &attendance(tx, meeting)?))?;
    storage::votes::insert(tx, meeting, &subject, vote, now)?;
    Ok(outcome)
}

/// Locks the record. A 定稿 needs the date to have passed and the elements
/// inspectors look for: 主持人, 记录人 and the minutes.
pub fn finalise(tx: &Transaction<'_>, meeting: MeetingId, now: DateTime<Local>) -> Result<()> {
    if is_final(tx, meeting)? {
        return Err(Error::Conflict("该会议记录已经定稿".into()));
    }
    let record::Completeness {
        date,
        host,
        recorder,
        minutes,
    } = record::completeness(tx, meeting)?;
    let blank = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").is_empty();
    if date > now.date_naive() {
        return Err(Error::Validation(
            "会议还没有召开，不能定稿；会后补齐记录再定稿".into(),
        ));
    }
    if blank(&host) || blank(&recorder) {
        return Err(Error::Validation("定稿前请填写主持人和记录人".into()));
    }
    if minutes.trim().is_empty() {
        return Err(Error::Validation("定稿前请填写会议记录内容".into()));
    }
    record::set_finalised(tx, meeting, now)
}

/// Adds a dated 补充说明 to a finalised record (drafts are simply edited).
pub fn add_supplement(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    text: &str,
    now: DateTime<Local>,
) -> Result<()> {
    if !is_final(tx, meeting)? {
        return Err(Error::Validation(
            "草稿可以直接修改；定稿之后才需要添加补充说明".into(),
        ));
    }
    let text = text::paragraphs("补充说明", text)?;
    if text.is_empty() {
        return Err(Error::Validation("请填写补充说明的内容".into()));
    }
    storage::votes::insert_supplement(tx, meeting, &text, now)
}

/// A topic as typed, with full-width spaces treated as spaces; never empty.
fn clean_topic(topic: &str) -> Result<String> {
    text::required_line("会议主题", topic, 200)
}

/// Writes the fields a draft may change; creating and editing both use it.
fn write_text(
    tx: &Transaction<'_>,
    id: MeetingId,
    topic: &str,
    input: &MeetingInput,
    now: DateTime<Local>,
) -> Result<()> {
    let line = |field: &str, v: &Option<String>| text::optional_line(field, v);
    let cleaned = MeetingInput {
        topic: topic.to_string(),
        start_time: line("开始时间", &input.start_time)?,
        end_time: line("结束时间", &input.end_time)?,
        place: line("地点", &input.place)?,
        host: line("主持人", &input.host)?,
        recorder: line("记录人", &input.recorder)?,
        agenda: text::paragraphs("议程", &input.agenda)?,
        minutes: text::paragraphs("会议记录", &input.minutes)?,
        decisions: text::paragraphs("决议", &input.decisions)?,
        lecturer: line("授课人", &input.lecturer)?,
        lecture_title: line("党课题目", &input.lecture_title)?,
        ..MeetingInput::default()
    };
    record::write_text(tx, id, &cleaned, now)
}

/// Changes a draft's text fields; a finalised record is refused.
pub fn update(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    input: &MeetingInput,
    now: DateTime<Local>,
) -> Result<()> {
    if is_final(tx, meeting)? {
        return Err(locked_error());
    }
    let topic = clean_topic(&input.topic)?;
    write_text(tx, meeting, &topic, input, now)?;
    // Kind, date and branch are fixed at creation: the 应到 list was built from them.
    let (org, kind, date) = fixed(tx, meeting)?;
    details::write(tx, meeting, org, kind, date, input)
}

/// The branch a meeting belongs to.
pub fn org_of(conn: &Connection, meeting: MeetingId) -> Result<OrgId> {
    Ok(fixed(conn, meeting)?.0)
}

/// What a record is fixed to at creation: its branch, kind and date.
pub(super) fn fixed(
    conn: &Connection,
    meeting: MeetingId,
) -> Result<(OrgId, MeetingKind, NaiveDate)> {
    record::fixed(conn, meeting)?.ok_or_else(not_found)
}

fn not_found() -> Error {
    Error::NotFound("找不到这次会议的记录，请刷新后重试".into())
}

/// The branch's record that vote `vote` was taken at, if it is the branch's.
pub fn meeting_of_vote(conn: &Connection, org: OrgId, vote: i64) -> Result<Option<MeetingId>> {
    storage::votes::meeting_of(conn, org, vote)
}

/// The branch's records with a vote whose subject names `name` (a
/// 发展党员表决 names the person), newest first.
pub fn with_vote_naming(conn: &Connection, org: OrgId, name: &str) -> Result<Vec<MeetingId>> {
    storage::votes::meetings_naming(conn, org, name)
}

/// One line of the meeting list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub topic: String,
    pub date: NaiveDate,
    pub finalised: bool,
    pub attendance: Attendance,
}

/// A 议定事项 of a finalised record with no 落实情况 written yet.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OpenItem {
    pub meeting: MeetingId,
    pub meeting_title: String,
    pub date: NaiveDate,
    pub item_id: i64,
    pub item: String,
    /// 责任人, if one was named.
    pub owner_name: Option<String>,
}

/// The 议定事项 of these meetings (finalised ones) still without 落实情况.
pub fn open_items(conn: &Connection, meetings: &[MeetingSummary]) -> Result<Vec<OpenItem>> {
    let mut out = Vec::new();
    for m in meetings.iter().filter(|m| m.finalised) {
        for item in details::items(conn, m.id)? {
            if item.progress.is_empty() {
                out.push(OpenItem {
                    meeting: m.id,
                    meeting_title: title(m.kind, &m.topic),
                    date: m.date,
                    item_id: item.id,
                    item: item.item,
                    owner_name: item.owner_name,
                });
            }
        }
    }
    Ok(out)
}

/// The dates `[from, to)` of a year as stored (`YYYY-MM-DD` text), for
/// `date >= from AND date < to`.
pub(crate) fn year_bounds(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1))
}

/// The meetings of a branch in a year, in date order.
pub fn list(conn: &Connection, org: OrgId, year: i32) -> Result<Vec<MeetingSummary>> {
    crate::month::check_year(year)?;
    record::ids_in_year(conn, org, year)?
        .into_iter()
        .map(|id| summary(conn, id))
        .collect()
}

/// One meeting's line in a list, with its derived attendance.
fn summary(conn: &Connection, id: MeetingId) -> Result<MeetingSummary> {
    let line = record::line(conn, id)?;
    Ok(MeetingSummary {
        id,
        kind: line.kind,
        topic: line.topic,
        date: line.date,
        finalised: line.finalised,
        attendance: attendance(conn, id)?,
    })
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RecordedVote {
    pub id: i64,
    pub input: VoteInput,
    /// Judged again from the stored counts and attendance.
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Supplement {
    pub text: String,
    pub created_at: String,
}

/// Everything the meeting page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingDetail {
    pub id: MeetingId,
    pub input: MeetingInput,
    pub finalised_at: Option<String>,
    pub attendance: Attendance,
    pub people: Vec<AttendanceRow>,
    pub votes: Vec<RecordedVote>,
    pub supplements: Vec<Supplement>,
    /// 议定事项 with their 落实情况.
    pub items: Vec<details::Item>,
    pub attachments: Vec<attachments::Attachment>,
}

pub use storage::attendance::PartLine;

/// Every member's part in the branch's records dated `from..=to`, by member,
/// then date (the 民主评议 sheets read a year of it at once).
pub fn parts_between(
    conn: &Connection,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PartLine>> {
    storage::attendance::parts_between(conn, org, from, to)
}

/// The 议定事项 with a named 责任人 in the branch's records dated
/// `from..=to`, by date, each with its 落实情况 so far.
pub fn owned_items_between(
    conn: &Connection,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<OwnedItem>> {
    storage::details::owned_between(conn, org, from, to)
}

/// What a record says — its form's fields with the 主题党日 contents, 议定事项
/// and 谈心谈话 people — without its attendance, votes and attachments.
pub fn input(conn: &Connection, id: MeetingId) -> Result<MeetingInput> {
    let (mut input, _) = record::input(conn, id)?.ok_or_else(not_found)?;
    details::read_into(conn, id, &mut input)?;
    Ok(input)
}

pub fn detail(conn: &Connection, id: MeetingId) -> Result<MeetingDetail> {
    let (mut input, finalised_at) = record::input(conn, id)?.ok_or_else(not_found)?;
    details::read_into(conn, id, &mut input)?;
    let people = storage::attendance::rows(conn, id)?;
    let counts = attendance(conn, id)?;
    let stored = storage::votes::list(conn, id)?;
    let mut votes_out = Vec::new();
    for (vote_id, v) in stored {
        let judged = votes::evaluate(v.kind, &tally_of(&v, &counts));
        // Attendance edited after the vote can contradict its counts: show
        // that on the record instead of failing to open it.
        let outcome = judged.unwrap_or_else(|e| Outcome {
            quorum_met: false,
            passed: false,
            quorum_needed: 0,
            yes_needed: 0,
            explanation: format!("票数与现在的出席情况不一致：{e}"),
            clause: String::new(),
        });
        votes_out.push(RecordedVote {
            id: vote_id,
            input: v,
            outcome,
        });
    }
    let supplements = storage::votes::supplements(conn, id)?;
    Ok(MeetingDetail {
        id,
        input,
        finalised_at,
        attendance: counts,
        people,
        votes: votes_out,
        supplements,
        items: details::items(conn, id)?,
        attachments: attachments::list(conn, id)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_says_the_kind_once() {
        let table = [
            (
                MeetingKind::Lecture,
                "专题党课：学习党章",
                "专题党课：学习党章",
            ),
            (MeetingKind::Lecture, "学习党章", "党课：学习党章"),
            (
                MeetingKind::GeneralMeeting,
                "2026年第3季度党员大会",
                "2026年第3季度党员大会",
            ),
            (
                MeetingKind::GeneralMeeting,
                "讨论发展党员",
                "支部党员大会：讨论发展党员",
            ),
            (MeetingKind::Committee, "11月支委会", "11月支委会"),
            (
                MeetingKind::ThemeDay,
                "11月主题党日：重温入党誓词",
                "11月主题党日：重温入党誓词",
            ),
            (MeetingKind::Other, "其他会议", "其他：其他会议"),
        ];
        for (kind, topic, want) in table {
            assert_eq!(title(kind, topic), want, "{kind:?} {topic}");
        }
    }
}
