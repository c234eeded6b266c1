//! The parts of a record beyond its text: 列席 guests, the people of a
//! 谈心谈话, a 主题党日's contents and 议定事项, and the dated 落实情况 of
//! each 议定事项 (which happens after the meeting, so it is logged, not edited).

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{is_final, MeetingId, MeetingInput, MeetingKind, Presence};
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::members::{self, MemberId};
use crate::org::OrgId;
use crate::text;

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

/// Replaces a draft's guests, talk participants, day contents and 议定事项
/// with what the form sent. Creating and editing both call it.
pub(super) fn write(
    tx: &Transaction<'_>,
    id: MeetingId,
    org: OrgId,
    kind: MeetingKind,
    date: NaiveDate,
    input: &MeetingInput,
) -> Result<()> {
    tx.execute("DELETE FROM meeting_guests WHERE meeting_id = ?1", [id])?;
    for guest in cleaned("列席人员", &input.guests)? {
        tx.execute(
            "INSERT INTO meeting_guests (meeting_id, name) VALUES (?1, ?2)",
            params![id, guest],
        )?;
    }
    let contents: Vec<DayContent> = if kind == MeetingKind::ThemeDay {
        let mut c = input.day_contents.clone();
        c.dedup();
        c
    } else {
        Vec::new()
    };
    tx.execute(
        "UPDATE meetings SET day_contents = ?1 WHERE id = ?2",
        params![serde_json::to_string(&contents)?, id],
    )?;
    tx.execute("DELETE FROM meeting_items WHERE meeting_id = ?1", [id])?;
    for (order, item) in cleaned("议定事项", &input.items)?.into_iter().enumerate() {
        tx.execute(
            "INSERT INTO meeting_items (meeting_id, item, sort_order) VALUES (?1, ?2, ?3)",
            params![id, item, order as i64],
        )?;
    }
    if kind == MeetingKind::Talk {
        write_talkers(tx, id, org, date, &input.participants)?;
    }
    Ok(())
}

/// Non-empty, trimmed lines, each once.
fn cleaned(field: &str, lines: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let line = text::line(field, line)?;
        if !line.is_empty() && !out.contains(&line) {
            out.push(line);
        }
    }
    Ok(out)
}

/// The people of a 谈心谈话: at least two, each on the roll that day.
fn write_talkers(
    tx: &Transaction<'_>,
    id: MeetingId,
    org: OrgId,
    date: NaiveDate,
    chosen: &[MemberId],
) -> Result<()> {
    let mut people = chosen.to_vec();
    people.sort_unstable();
    people.dedup();
    if people.len() < 2 {
        return Err(Error::Validation(
            "谈心谈话请至少选择两名谈话人（谈话双方都要选上）".into(),
        ));
    }
    let roll = members::on_roll(tx, org, date)?;
    tx.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?1", [id])?;
    for person in people {
        let on = roll.iter().find(|m| m.member_id == person).ok_or_else(|| {
            Error::Validation("所选谈话人在谈话当天不在本支部名册中，请重新选择".into())
        })?;
        tx.execute(
            "INSERT INTO meeting_attendance (meeting_id, member_id, can_vote, status) VALUES (?1, ?2, ?3, ?4)",
            params![id, person, on.can_vote, Presence::Present],
        )?;
    }
    Ok(())
}

/// Reads back what `write` stored into the form's shape.
pub(super) fn read_into(conn: &Connection, id: MeetingId, input: &mut MeetingInput) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT name FROM meeting_guests WHERE meeting_id = ?1 ORDER BY id")?;
    input.guests = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let contents: String = conn.query_row(
        "SELECT day_contents FROM meetings WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    input.day_contents = serde_json::from_str(&contents)?;
    input.items = items(conn, id)?.into_iter().map(|i| i.item).collect();
    if input.kind == Some(MeetingKind::Talk) {
        let mut stmt = conn.prepare(
            "SELECT member_id FROM meeting_attendance WHERE meeting_id = ?1 ORDER BY member_id",
        )?;
        input.participants = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(())
}

/// One 落实情况 entry.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Progress {
    pub date: NaiveDate,
    pub text: String,
}

/// A 议定事项 with its 落实情况 so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Item {
    pub id: i64,
    pub item: String,
    pub progress: Vec<Progress>,
}

pub(super) fn items(conn: &Connection, meeting: MeetingId) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare(
        "SELECT id, item FROM meeting_items WHERE meeting_id = ?1 ORDER BY sort_order, id",
    )?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut progress = conn.prepare(
        "SELECT date, text FROM meeting_item_progress WHERE item_id = ?1 ORDER BY date, id",
    )?;
    rows.into_iter()
        .map(|(id, item)| {
            let progress = progress
                .query_map([id], |r| {
                    Ok(Progress {
                        date: r.get(0)?,
                        text: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Item { id, item, progress })
        })
        .collect()
}

/// Logs how a 议定事项 of a finalised record was carried out (条例: 开展后，
/// 应当抓好议定事项的组织落实). Entries are dated and never edited.
pub fn add_progress(
    tx: &Transaction<'_>,
    item: i64,
    date: Option<NaiveDate>,
    text: &str,
    now: DateTime<Local>,
) -> Result<()> {
    let meeting: Option<(MeetingId, NaiveDate)> = tx
        .query_row(
            "SELECT m.id, m.date FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (meeting, held) =
        meeting.ok_or_else(|| Error::NotFound("找不到这项议定事项，请刷新后重试".into()))?;
    if !is_final(tx, meeting)? {
        return Err(Error::Validation(
            "请先把这次会议记录定稿，再登记议定事项的落实情况".into(),
        ));
    }
    let date = date.ok_or_else(|| Error::Validation("请填写落实日期".into()))?;
    if date < held {
        return Err(Error::Validation(format!(
            "落实日期不能早于会议日期（{}）",
            held.format("%Y年%-m月%-d日")
        )));
    }
    if date > now.date_naive() {
        return Err(Error::Validation("落实日期不能晚于今天".into()));
    }
    let text = text::paragraphs("落实情况", text)?;
    if text.is_empty() {
        return Err(Error::Validation("请填写落实情况".into()));
    }
    tx.execute(
        "INSERT INTO meeting_item_progress (item_id, date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![item, date, text, now.to_rfc3339()],
    )?;
    Ok(())
}
