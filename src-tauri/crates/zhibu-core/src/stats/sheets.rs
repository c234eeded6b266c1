//! 民主评议党员: one sheet per member for a year (issue 21, item 3) — how
//! they took part in each kind of meeting, with the dates missed and the
//! reasons given, the 党课 and 主题党日 attended, whom they talked with
//! (谈心谈话), and their 党费 month by month. Read from the attendance of the
//! records and the dues books, the same ones the other screens read.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::dues::ledger::{Book, Owing};
use crate::dues::month_label;
use crate::error::Result;
use crate::ids::OrgId;
use crate::meetings::details::Progress;
use crate::meetings::{self, MeetingKind, PartLine, Presence};
use crate::members::state::{self, Standing};
use crate::members::{roster, MemberId};
use crate::month::{check_year, YearMonth};

/// A record the member was expected at and did not attend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Missed {
    pub date: NaiveDate,
    pub title: String,
    pub presence: Presence,
    pub reason: Option<String>,
}

/// One kind of meeting in the member's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KindPart {
    pub kind: MeetingKind,
    /// Records they counted toward 应到 at.
    pub expected: u32,
    pub present: u32,
    pub missed: Vec<Missed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attended {
    pub date: NaiveDate,
    pub title: String,
}

/// A 谈心谈话 the member took part in, and the others in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Talk {
    pub date: NaiveDate,
    pub with: Vec<String>,
}

/// A 议定事项 the member was named 责任人 of, with how it was carried out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Undertaking {
    /// The record's date and title.
    pub date: NaiveDate,
    pub title: String,
    pub item: String,
    /// 落实情况 so far, by date (empty: none written yet).
    pub progress: Vec<Progress>,
}

/// The member's 党费 over the year's months this branch collected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuesYear {
    pub due_fen: i64,
    pub paid_fen: i64,
    /// Months paid in full by their due day.
    pub on_time: u32,
    /// Months paid in full after their due day ("2026年3月").
    pub late: Vec<String>,
    /// Months past their due day and not paid in full.
    pub owed: Vec<String>,
    pub owed_fen: i64,
    /// Months on the roll with no base entered.
    pub no_base: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MemberSheet {
    pub member_id: MemberId,
    pub name: String,
    pub group: Option<String>,
    /// On the last day counted.
    pub standing: Option<Standing>,
    pub kinds: Vec<KindPart>,
    pub lectures: Vec<Attended>,
    pub theme_days: Vec<Attended>,
    pub talks: Vec<Talk>,
    /// 议定事项 they were named 责任人 of in the year's records.
    pub items: Vec<Undertaking>,
    pub dues: DuesYear,
}

/// The sheets of everyone on the branch's roll at some time in `year`
/// (counted to today in the current year), in roster order.
pub fn member_sheets(
    conn: &Connection,
    org: OrgId,
    year: i32,
    today: NaiveDate,
) -> Result<Vec<MemberSheet>> {
    check_year(year)?;
    let first = YearMonth::new(year, 1)?.first_day();
    let last = YearMonth::new(year, 12)?.last_day();
    let until = last.min(today);
    let groups: BTreeMap<i64, String> = crate::org::groups(conn, org)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let parts = meetings::parts_between(conn, org, first, until)?;
    let mut by_member: BTreeMap<MemberId, Vec<&PartLine>> = BTreeMap::new();
    let mut by_meeting: BTreeMap<i64, Vec<&PartLine>> = BTreeMap::new();
    for p in &parts {
        by_member.entry(p.member).or_default().push(p);
        by_meeting.entry(p.meeting).or_default().push(p);
    }
    let mut owned: BTreeMap<MemberId, Vec<Undertaking>> = BTreeMap::new();
    for o in meetings::owned_items_between(conn, org, first, until)? {
        if let Some(owner) = o.item.owner {
            owned.entry(owner).or_default().push(Undertaking {
                date: o.date,
                title: meetings::title(o.kind, &o.topic),
                item: o.item.item,
                progress: o.item.progress,
            });
        }
    }
    let book = Book::load(conn, org, today)?;
    let histories = roster::histories(conn, org)?;
    let names: BTreeMap<MemberId, &str> = histories
        .iter()
        .map(|(m, _)| (m.id, m.name.as_str()))
        .collect();
    let mut out = Vec::new();
    for (member, events) in &histories {
        let in_year = state::roll_spans(events, org)
            .iter()
            .any(|s| s.from <= until && s.until.is_none_or(|u| u > first));
        if !in_year {
            continue;
        }
        let mine = by_member.get(&member.id).map(Vec::as_slice).unwrap_or(&[]);
        let mut kinds: Vec<KindPart> = Vec::new();
        let (mut lectures, mut theme_days, mut talks) = (Vec::new(), Vec::new(), Vec::new());
        for p in mine {
            let title = meetings::title(p.kind, &p.topic);
            if p.presence == Presence::Present {
                let seen = Attended {
                    date: p.date,
                    title: title.clone(),
                };
                match p.kind {
                    MeetingKind::Lecture => lectures.push(seen),
                    MeetingKind::ThemeDay => theme_days.push(seen),
                    MeetingKind::Talk => talks.push(Talk {
                        date: p.date,
                        with: by_meeting
                            .get(&p.meeting)
                            .into_iter()
                            .flatten()
                            .filter(|o| o.member != member.id && o.presence == Presence::Present)
                            .filter_map(|o| names.get(&o.member).map(|n| n.to_string()))
                            .collect(),
                    }),
                    _ => {}
                }
            }
            if p.excluded {
                continue;
            }
            let i = match kinds.iter().position(|k| k.kind == p.kind) {
                Some(i) => i,
                None => {
                    kinds.push(KindPart {
                        kind: p.kind,
                        expected: 0,
                        present: 0,
                        missed: Vec::new(),
                    });
                    kinds.len() - 1
                }
            };
            let k = &mut kinds[i];
            k.expected += 1;
            if p.presence == Presence::Present {
                k.present += 1;
            } else {
                k.missed.push(Missed {
                    date: p.date,
                    title,
                    presence: p.presence,
                    reason: p.reason.clone(),
                });
            }
        }
        kinds.sort_by_key(|k| MeetingKind::ALL.iter().position(|x| *x == k.kind));
        let s = state::derive(events, org, until);
        out.push(MemberSheet {
            member_id: member.id,
            name: member.name.clone(),
            group: member.group_id.and_then(|g| groups.get(&g).cloned()),
            standing: s.standing,
            kinds,
            lectures,
            theme_days,
            talks,
            items: owned.remove(&member.id).unwrap_or_default(),
            dues: dues_year(&book, member.id, year, until),
        });
    }
    Ok(out)
}

fn dues_year(book: &Book, member: MemberId, year: i32, until: NaiveDate) -> DuesYear {
    let mut d = DuesYear {
        due_fen: 0,
        paid_fen: 0,
        on_time: 0,
        late: Vec::new(),
        owed: Vec::new(),
        owed_fen: 0,
        no_base: 0,
    };
    let Some(m) = book.member(member) else {
        return d;
    };
    let s = &book.settings;
    // The year's months on the books, counted to `until` (in `year`).
    let Ok(january) = YearMonth::new(year, 1) else {
        return d;
    };
    let (first, last) = (january.max(book.start), YearMonth::of(until));
    let mut month = first;
    while month <= last {
        match m.owing(month, s) {
            Owing::Due(fen) => {
                let paid = m.paid(month).min(fen);
                d.due_fen += fen;
                d.paid_fen += paid;
                if paid >= fen {
                    if m.paid_on(month).is_some_and(|on| on > m.due_date(month, s)) {
                        d.late.push(month_label(month));
                    } else {
                        d.on_time += 1;
                    }
                }
            }
            Owing::NoBase => d.no_base += 1,
            Owing::NotHere | Owing::Elsewhere => {}
        }
        month = month.next();
    }
    // Owed: what the books call overdue (past the due day, not paid in full).
    for (month, owed) in m.overdue(first, last, until, s) {
        if let Some(fen) = owed {
            d.owed.push(month_label(month));
            d.owed_fen += fen;
        }
    }
    d
}
