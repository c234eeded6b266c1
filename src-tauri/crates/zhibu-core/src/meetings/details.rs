//! The parts of a record beyond its text: 列席 guests, the people of a
//! 谈心谈话, a 主题党日's contents and 议定事项, and the dated 落实情况 of
//! each 议定事项 (which happens after the meeting, so it is logged, not edited).

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};

use super::storage::{attendance, details as stored, record};
pub use super::types::{DayContent, Item, ItemInput, Progress};
use super::{is_final, MeetingId, MeetingInput, MeetingKind, Presence};
use crate::error::{Error, Result};
use crate::members::{self, MemberId};
use crate::org::OrgId;
use crate::text;

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
    stored::replace_guests(tx, id, &cleaned("列席人员", &input.guests)?)?;
    let contents: Vec<DayContent> = if kind == MeetingKind::ThemeDay {
        let mut c = input.day_contents.clone();
        c.dedup();
        c
    } else {
        Vec::new()
    };
    record::set_day_contents(tx, id, &serde_json::to_string(&contents)?)?;
    stored::replace_items(tx, id, &owned_items(tx, org, date, &input.items)?)?;
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

/// The 议定事项 trimmed, each once (the first wins), with no empty ones;
/// a named 责任人 must be on the branch's roll on the meeting's date.
fn owned_items(
    tx: &Transaction<'_>,
    org: OrgId,
    date: NaiveDate,
    items: &[ItemInput],
) -> Result<Vec<ItemInput>> {
    let mut out: Vec<ItemInput> = Vec::new();
    let mut roll = None;
    for entry in items {
        let item = text::line("议定事项", &entry.item)?;
        if item.is_empty() {
            if entry.owner.is_some() {
                return Err(Error::Validation(
                    "有一项议定事项选了责任人但没有填写内容，请填写事项或删去这一行".into(),
                ));
            }
            continue;
        }
        if out.iter().any(|o| o.item == item) {
            continue;
        }
        if let Some(owner) = entry.owner {
            let roll = match &mut roll {
                Some(r) => r,
                None => roll.insert(members::on_roll(tx, org, date)?),
            };
            if !roll.iter().any(|m: &members::OnRoll| m.member_id == owner) {
                return Err(Error::Validation(format!(
                    "议定事项“{item}”的责任人在会议当天不在本支部名册中，请重新选择责任人"
                )));
            }
        }
        out.push(ItemInput {
            item,
            owner: entry.owner,
        });
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
    attendance::clear(tx, id)?;
    for person in people {
        let on = roll.iter().find(|m| m.member_id == person).ok_or_else(|| {
            Error::Validation("所选谈话人在谈话当天不在本支部名册中，请重新选择".into())
        })?;
        attendance::insert(tx, id, person, on.can_vote, Presence::Present)?;
    }
    Ok(())
}

/// Reads back what `write` stored into the form's shape.
pub(super) fn read_into(conn: &Connection, id: MeetingId, input: &mut MeetingInput) -> Result<()> {
    input.guests = stored::guests(conn, id)?;
    input.day_contents = serde_json::from_str(&record::day_contents(conn, id)?)?;
    input.items = items(conn, id)?
        .into_iter()
        .map(|i| ItemInput {
            item: i.item,
            owner: i.owner,
        })
        .collect();
    if input.kind == Some(MeetingKind::Talk) {
        input.participants = attendance::member_ids(conn, id)?;
    }
    Ok(())
}

/// The 议定事项 in their order, each with its 落实情况 so far.
pub(super) fn items(conn: &Connection, meeting: MeetingId) -> Result<Vec<Item>> {
    stored::items(conn, meeting)
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
    let (meeting, held) = stored::item_meeting(tx, item)?
        .ok_or_else(|| Error::NotFound("找不到这项议定事项，请刷新后重试".into()))?;
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
    stored::insert_progress(tx, item, date, &text, now)
}
