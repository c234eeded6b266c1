//! A member's state on a given day, derived from their dated history. This is
//! the one place that decides who is on a branch's roll and who has a vote;
//! the roster, the overview and every later feature read it from here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::EventKind;
use crate::ids::OrgId;
use crate::labels::label_enum;

label_enum! {
    /// 正式党员 have a vote; 预备党员 do not (党章 第七条).
    pub enum Standing {
        Full = "正式党员",
        Probationary = "预备党员",
    }
    what: "党员类别"
}

/// One row of a member's history, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberEvent {
    pub id: i64,
    pub kind: EventKind,
    pub subkind: Option<String>,
    pub date: NaiveDate,
    /// The branch in this database the event concerns; None when it happened elsewhere.
    pub org_id: Option<OrgId>,
    pub other_org: Option<String>,
    pub reason: Option<String>,
    pub doc_no: Option<String>,
    /// 延长预备期: the day the extended 预备期 ends.
    pub until: Option<NaiveDate>,
    /// 更正: the entry whose date this row corrects.
    pub corrects: Option<i64>,
    /// When it was entered (RFC 3339), shown so that late entries are visible.
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberState {
    /// On this branch's roll on the day.
    pub on_roll: bool,
    /// Why and when they left this branch's roll, if they did.
    pub left: Option<(EventKind, NaiveDate)>,
    pub joined_on: Option<NaiveDate>,
    /// The 转正日期, if on or before the day.
    pub full_on: Option<NaiveDate>,
    pub standing: Option<Standing>,
    /// 流动党员 since this 流出 (not followed by 返回).
    pub flowing_since: Option<NaiveDate>,
    /// 失联党员 since this 失联 (not followed by 恢复联系).
    pub lost_since: Option<NaiveDate>,
    /// Under 留党察看 and rights not yet restored: no vote.
    pub disciplined: bool,
    /// When the 留党察看 period ends (one or two years, or extended by one).
    pub discipline_ends: Option<NaiveDate>,
    /// 停止党籍 since this day (not followed by 恢复党籍): still listed,
    /// but takes no part and owes no dues.
    pub suspended_since: Option<NaiveDate>,
    /// 中止表决权 (被依法留置、逮捕), not yet restored.
    pub vote_suspended: bool,
    /// When the 预备期 ends (one year, or as extended); None once 正式.
    pub probation_ends: Option<NaiveDate>,
}

impl MemberState {
    pub fn flowing(&self) -> bool {
        self.flowing_since.is_some()
    }

    pub fn lost(&self) -> bool {
        self.lost_since.is_some()
    }

    pub fn suspended(&self) -> bool {
        self.suspended_since.is_some()
    }

    /// Takes part in the branch's meetings and owes its dues: on the roll
    /// and 党籍 not stopped.
    pub fn takes_part(&self) -> bool {
        self.on_roll && !self.suspended()
    }

    /// Entitled to vote on the day: takes part, 正式, not under 留党察看
    /// and 表决权 not suspended (党章第七条; 选举工作条例第五条).
    pub fn can_vote(&self) -> bool {
        self.takes_part()
            && self.standing == Some(Standing::Full)
            && !self.disciplined
            && !self.vote_suspended
    }
}

/// The history as it stands after corrections: each 更正 moves the entry it
/// corrects to its date (the latest correction wins) and is then left out;
/// the result is in date order.
pub fn effective(events: &[MemberEvent]) -> Vec<MemberEvent> {
    let mut out: Vec<MemberEvent> = events
        .iter()
        .filter(|e| e.kind != EventKind::Correction)
        .map(|e| {
            let corrected = events
                .iter()
                .filter(|c| c.kind == EventKind::Correction && c.corrects == Some(e.id))
                .max_by_key(|c| c.id);
            match corrected {
                Some(c) => MemberEvent {
                    date: c.date,
                    ..e.clone()
                },
                None => e.clone(),
            }
        })
        .collect();
    out.sort_by_key(|e| (e.date, e.id));
    out
}

/// Derives the state on `day` in branch `org` from a member's history
/// (corrections applied).
pub fn derive(events: &[MemberEvent], org: OrgId, day: NaiveDate) -> MemberState {
    let mut s = MemberState::default();
    let mut extended_until: Option<NaiveDate> = None;
    let events = effective(events);
    for e in events.iter().take_while(|e| e.date <= day) {
        match e.kind {
            EventKind::Admitted => {
                s.joined_on.get_or_insert(e.date);
            }
            EventKind::Confirmed => s.full_on = Some(e.date),
            EventKind::ProbationExtended => extended_until = e.until,
            EventKind::FlowOut => s.flowing_since = Some(e.date),
            EventKind::FlowBack => s.flowing_since = None,
            EventKind::LostContact => s.lost_since = Some(e.date),
            EventKind::Reconnected => s.lost_since = None,
            EventKind::DisciplinaryProbation => {
                let from = s.discipline_ends.filter(|_| s.disciplined);
                s.disciplined = true;
                s.discipline_ends = Some(super::rules::discipline_end(
                    e.date,
                    from,
                    e.subkind.as_deref(),
                ));
            }
            EventKind::RightsRestored => {
                s.disciplined = false;
                s.discipline_ends = None;
            }
            EventKind::MembershipSuspended => s.suspended_since = Some(e.date),
            EventKind::MembershipRestored => {
                s.suspended_since = None;
                s.lost_since = None;
            }
            EventKind::VoteSuspended => s.vote_suspended = true,
            EventKind::VoteRestored => s.vote_suspended = false,
            _ => {}
        }
        if e.org_id == Some(org) {
            match e.kind.roll_effect() {
                Some(true) => {
                    s.on_roll = true;
                    s.left = None;
                }
                Some(false) => {
                    s.on_roll = false;
                    s.left = Some((e.kind, e.date));
                }
                None => {}
            }
        }
    }
    if s.joined_on.is_some() {
        s.standing = Some(if s.full_on.is_some() {
            Standing::Full
        } else {
            Standing::Probationary
        });
    }
    if s.standing == Some(Standing::Probationary) {
        s.probation_ends = s
            .joined_on
            .map(|j| super::rules::probation_end(j, extended_until))
            .or(extended_until);
    }
    s
}

/// A stretch of time on a branch's roll: from the day an event put the member
/// on it (`by`: 接收预备党员 or 转入) to the day one took them off, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollSpan {
    pub from: NaiveDate,
    pub by: EventKind,
    pub until: Option<NaiveDate>,
}

/// The stretches on branch `org`'s roll, in order, read from the history the
/// same way `derive` reads it (corrections applied).
pub fn roll_spans(events: &[MemberEvent], org: OrgId) -> Vec<RollSpan> {
    let mut spans: Vec<RollSpan> = Vec::new();
    for e in effective(events).iter().filter(|e| e.org_id == Some(org)) {
        let open = spans.last().is_some_and(|s| s.until.is_none());
        match e.kind.roll_effect() {
            Some(true) if !open => spans.push(RollSpan {
                from: e.date,
                by: e.kind,
                until: None,
            }),
            Some(false) if open => {
                if let Some(last) = spans.last_mut() {
                    last.until = Some(e.date);
                }
            }
            _ => {}
        }
    }
    spans
}

/// The stretches in which the member's 党籍 was stopped: from 停止党籍 to
/// 恢复党籍, if any (corrections applied). No dues fall due in them.
pub fn suspensions(events: &[MemberEvent]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut out: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for e in effective(events) {
        let open = out.last().is_some_and(|s| s.1.is_none());
        match e.kind {
            EventKind::MembershipSuspended if !open => out.push((e.date, None)),
            EventKind::MembershipRestored if open => {
                if let Some(last) = out.last_mut() {
                    last.1 = Some(e.date);
                }
            }
            _ => {}
        }
    }
    out
}

/// 党龄 in whole years on `day`: from the 转正日期 (党章 第七条), plus the
/// clerk's correction for historical records, never below zero.
pub fn party_years(full_on: Option<NaiveDate>, adjust_months: i32, day: NaiveDate) -> Option<i32> {
    let full = full_on?;
    let mut months = (day.year() - full.year()) * 12 + day.month() as i32 - full.month() as i32;
    if day.day() < full.day() {
        months -= 1;
    }
    Some(((months + adjust_months).max(0)) / 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HERE: OrgId = 7;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn e(kind: EventKind, date: NaiveDate, here: bool) -> MemberEvent {
        MemberEvent {
            id: 0,
            kind,
            subkind: None,
            date,
            org_id: here.then_some(HERE),
            other_org: None,
            reason: None,
            doc_no: None,
            until: None,
            corrects: None,
            created_at: String::new(),
        }
    }

    #[test]
    fn roll_and_standing_follow_the_history() {
        use EventKind::*;
        let history = vec![
            e(Admitted, d(2015, 7, 1), true),
            e(Confirmed, d(2016, 7, 1), true),
            e(FlowOut, d(2020, 3, 1), true),
            e(FlowBack, d(2021, 1, 5), true),
            e(TransferOut, d(2024, 5, 10), true),
        ];
        let table = [
            (d(2015, 6, 30), false, None),
            (d(2015, 7, 1), true, Some(Standing::Probationary)),
            (d(2016, 6, 30), true, Some(Standing::Probationary)),
            (d(2016, 7, 1), true, Some(Standing::Full)),
            (d(2024, 5, 9), true, Some(Standing::Full)),
            (d(2024, 5, 10), false, Some(Standing::Full)),
        ];
        for (day, on_roll, standing) in table {
            let s = derive(&history, HERE, day);
            assert_eq!((s.on_roll, s.standing), (on_roll, standing), "{day}");
        }
        assert!(derive(&history, HERE, d(2020, 6, 1)).flowing());
        assert!(!derive(&history, HERE, d(2021, 6, 1)).flowing());
        let gone = derive(&history, HERE, d(2025, 1, 1));
        assert_eq!(gone.left, Some((TransferOut, d(2024, 5, 10))));
    }

    #[test]
    fn events_elsewhere_do_not_put_anyone_on_this_roll() {
        use EventKind::*;
        let history = vec![
            e(Admitted, d(2008, 6, 12), false),
            e(Confirmed, d(2009, 6, 12), false),
            e(TransferIn, d(2024, 9, 1), true),
        ];
        let before = derive(&history, HERE, d(2024, 8, 31));
        assert!(!before.on_roll);
        assert_eq!(before.standing, Some(Standing::Full));
        assert!(derive(&history, HERE, d(2024, 9, 1)).can_vote());
    }

    #[test]
    fn votes_need_full_standing_and_no_discipline() {
        // 党章 第七条: 预备党员 have no vote; 留党察看 suspends it.
        use EventKind::*;
        let mut history = vec![e(Admitted, d(2025, 7, 1), true)];
        assert!(!derive(&history, HERE, d(2026, 1, 1)).can_vote());
        let mut ext = e(ProbationExtended, d(2026, 6, 20), true);
        ext.until = Some(d(2027, 1, 1));
        history.push(ext);
        let s = derive(&history, HERE, d(2026, 11, 22));
        assert_eq!(s.probation_ends, Some(d(2027, 1, 1)));
        history.push(e(Confirmed, d(2027, 1, 1), true));
        history.push(e(DisciplinaryProbation, d(2027, 3, 1), true));
        history.push(e(RightsRestored, d(2028, 3, 1), true));
        assert!(derive(&history, HERE, d(2027, 2, 1)).can_vote());
        assert!(!derive(&history, HERE, d(2027, 6, 1)).can_vote());
        assert!(derive(&history, HERE, d(2028, 3, 1)).can_vote());
    }

    #[test]
    fn a_discipline_ends_after_its_period_or_its_extension() {
        // 纪律处分条例: 留党察看一年 or 二年; a one-year one may be extended
        // by a year; at most two years in all.
        use EventKind::*;
        let with = |kind, date, period: Option<&str>| MemberEvent {
            subkind: period.map(Into::into),
            ..e(kind, date, true)
        };
        let base = vec![
            e(Admitted, d(2010, 7, 1), true),
            e(Confirmed, d(2011, 7, 1), true),
        ];
        type Entry = (EventKind, NaiveDate, Option<&'static str>);
        let table: [(&[Entry], Option<NaiveDate>); 5] = [
            (
                &[(DisciplinaryProbation, d(2025, 3, 10), Some("一年"))],
                Some(d(2026, 3, 10)),
            ),
            (
                &[(DisciplinaryProbation, d(2025, 3, 10), Some("二年"))],
                Some(d(2027, 3, 10)),
            ),
            // Recorded before periods were kept: taken at the longest.
            (
                &[(DisciplinaryProbation, d(2025, 3, 10), None)],
                Some(d(2027, 3, 10)),
            ),
            (
                &[
                    (DisciplinaryProbation, d(2025, 3, 10), Some("一年")),
                    (DisciplinaryProbation, d(2026, 3, 12), Some("延长一年")),
                ],
                Some(d(2027, 3, 10)),
            ),
            (
                &[
                    (DisciplinaryProbation, d(2025, 3, 10), Some("一年")),
                    (RightsRestored, d(2026, 3, 10), None),
                ],
                None,
            ),
        ];
        for (events, ends) in table {
            let mut history = base.clone();
            history.extend(events.iter().map(|(k, date, p)| with(*k, *date, *p)));
            let s = derive(&history, HERE, d(2026, 11, 22));
            assert_eq!(s.discipline_ends, ends, "{events:?}");
            assert_eq!(s.disciplined, ends.is_some(), "{events:?}");
        }
    }

    #[test]
    fn stopped_membership_and_suspended_votes() {
        // 党员教育管理工作条例第二十四条; 选举工作条例第五条.
        use EventKind::*;
        let history = vec![
            e(Admitted, d(2010, 7, 1), true),
            e(Confirmed, d(2011, 7, 1), true),
            e(LostContact, d(2024, 1, 5), true),
            e(MembershipSuspended, d(2024, 8, 1), true),
            e(MembershipRestored, d(2025, 2, 1), true),
            e(VoteSuspended, d(2025, 6, 1), true),
            e(VoteRestored, d(2025, 9, 1), true),
        ];
        let table = [
            (d(2024, 3, 1), true, true, true),
            (d(2024, 8, 1), true, false, false),
            (d(2025, 2, 1), true, true, true),
            (d(2025, 7, 1), true, true, false),
            (d(2025, 9, 1), true, true, true),
        ];
        for (day, on_roll, takes_part, can_vote) in table {
            let s = derive(&history, HERE, day);
            assert_eq!(
                (s.on_roll, s.takes_part(), s.can_vote()),
                (on_roll, takes_part, can_vote),
                "{day}"
            );
        }
        assert!(!derive(&history, HERE, d(2025, 2, 1)).lost());
        assert_eq!(
            suspensions(&history),
            vec![(d(2024, 8, 1), Some(d(2025, 2, 1)))]
        );
    }

    #[test]
    fn party_years_from_the_confirmation_date() {
        let full = Some(d(2016, 7, 1));
        assert_eq!(party_years(full, 0, d(2026, 6, 30)), Some(9));
        assert_eq!(party_years(full, 0, d(2026, 7, 1)), Some(10));
        assert_eq!(party_years(full, 6, d(2026, 1, 1)), Some(10));
        assert_eq!(party_years(full, -200, d(2026, 7, 1)), Some(0));
        assert_eq!(party_years(None, 0, d(2026, 7, 1)), None);
    }
}
