//! What the branch must do about a member because time has passed: a
//! 流动党员 away six months or more should move their 组织关系 (党员教育管理
//! 工作条例第二十五条); a member out of contact six months or more, and still
//! not found, is to have their 党籍 stopped (第二十四条), and after two
//! years stopped, to be removed; a 留党察看 whose period has run is to be
//! decided (纪律处分条例). Shown among the
//! overview's findings and in `zhibu-cli info`.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::roster;
use super::rules::{ymd, CLAUSE_DISCIPLINE};
use super::state::MemberState;
use super::MemberId;
use crate::month::add_months;

pub const CLAUSE_FLOWING: &str = "《中国共产党党员教育管理工作条例》第二十五条：外出学习、工作、生活6个月以上并且地点相对固定的，应当转移组织关系";
pub const CLAUSE_LOST: &str = "《中国共产党党员教育管理工作条例》第二十四条：对与党组织失去联系6个月以上、通过各种方式查找仍然没有取得联系的党员，予以停止党籍";
pub const CLAUSE_LAPSED: &str = "《中国共产党党员教育管理工作条例》第二十四条：停止党籍2年后确实无法取得联系的，按照自行脱党予以除名";

/// One thing to do about one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MemberReminder {
    pub member_id: MemberId,
    pub name: String,
    pub message: String,
    pub clause: String,
}

/// Whether `months` whole months have passed from `since` to `today`
/// ("6个月以上" includes the day six months on).
pub fn months_passed(since: NaiveDate, months: u32, today: NaiveDate) -> bool {
    add_months(since, months) <= today
}

/// The reminders for one member in `state` on `today`.
pub fn for_member(
    id: MemberId,
    name: &str,
    state: &MemberState,
    today: NaiveDate,
) -> Vec<MemberReminder> {
    let mut out = Vec::new();
    if !state.on_roll {
        return out;
    }
    let remind = |message: String, clause: &str| MemberReminder {
        member_id: id,
        name: name.to_string(),
        message,
        clause: clause.to_string(),
    };
    if let Some(since) = state.flowing_since.filter(|s| months_passed(*s, 6, today)) {
        out.push(remind(
            format!(
                "{name}自{}外出流动已满6个月。外出地点相对固定的，应当转移组织关系：请与本人联系，办理组织关系转接（转出），或已回来的，在“登记变动”中登记返回。",
                ymd(since)
            ),
            CLAUSE_FLOWING,
        ));
    }
    let lost = state.lost_since.filter(|_| !state.suspended());
    if let Some(since) = lost.filter(|s| months_passed(*s, 6, today)) {
        out.push(remind(
            format!(
                "{name}自{}与党组织失去联系已满6个月。请通过家属、原单位、户籍地等各种方式查找并记录查找情况；仍然没有取得联系的，报上级党组织按规定予以停止党籍。",
                ymd(since)
            ),
            CLAUSE_LOST,
        ));
    }
    if let Some(since) = state
        .suspended_since
        .filter(|s| months_passed(*s, 24, today))
    {
        out.push(remind(
            format!(
                "{name}自{}停止党籍已满2年。确实无法取得联系的，报上级党组织按照自行脱党予以除名（在“登记变动”中登记出党，出党方式选“自行脱党除名”）；已取得联系的，经上级党组织研究决定登记“恢复党籍”。",
                ymd(since)
            ),
            CLAUSE_LAPSED,
        ));
    }
    if let Some(end) = state
        .discipline_ends
        .filter(|e| state.disciplined && *e <= today)
    {
        out.push(remind(
            format!(
                "{name}的留党察看期限于{}届满。请支部研究：确有悔改表现的，按程序恢复其党员权利（登记“恢复党员权利”）；受留党察看一年处分、仍不符合恢复条件的，延长一年；坚持不改的，应当开除党籍（按程序报批）。",
                ymd(end)
            ),
            CLAUSE_DISCIPLINE,
        ));
    }
    out
}

/// Every reminder for the members of a branch loaded with their state on
/// `today` (`roster::load`).
pub fn reminders(
    loaded: &[(roster::StoredMember, MemberState)],
    today: NaiveDate,
) -> Vec<MemberReminder> {
    loaded
        .iter()
        .flat_map(|(m, s)| for_member(m.id, &m.name, s, today))
        .collect()
}

pub const CLAUSE_PROBATION_DUE: &str =
    "《中国共产党发展党员工作细则》第三十二条：预备党员预备期满，党支部应当及时讨论其能否转为正式党员";

/// A 预备党员 whose 预备期 ends soon, or has ended with no 转正 recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbationDue {
    pub member_id: MemberId,
    pub name: String,
    pub ends: NaiveDate,
}

/// The 预备党员 on the roll whose 预备期 ends within `days` days of `today`
/// or has already ended (the 转正 discussion is then due: 细则第三十二条),
/// soonest first.
pub fn probation_ending(
    loaded: &[(roster::StoredMember, MemberState)],
    today: NaiveDate,
    days: u32,
) -> Vec<ProbationDue> {
    let until = today + chrono::Days::new(u64::from(days));
    let mut due: Vec<ProbationDue> = loaded
        .iter()
        .filter(|(_, s)| s.on_roll && !s.suspended())
        .filter_map(|(m, s)| {
            let ends = s.probation_ends.filter(|e| *e <= until)?;
            Some(ProbationDue {
                member_id: m.id,
                name: m.name.clone(),
                ends,
            })
        })
        .collect();
    due.sort_by_key(|p| p.ends);
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn six_months_away_or_out_of_contact_at_their_edges() {
        // 第二十四条/第二十五条 "6个月以上": due on the day six months on.
        let today = d(2026, 11, 22);
        let on_roll = MemberState {
            on_roll: true,
            ..MemberState::default()
        };
        let table: [(Option<NaiveDate>, Option<NaiveDate>, &[&str]); 6] = [
            (None, None, &[]),
            (Some(d(2026, 5, 22)), None, &["外出流动已满6个月"]),
            (Some(d(2026, 5, 23)), None, &[]),
            (None, Some(d(2026, 5, 22)), &["失去联系已满6个月"]),
            (None, Some(d(2026, 5, 23)), &[]),
            (
                Some(d(2024, 1, 1)),
                Some(d(2025, 1, 1)),
                &["外出流动", "失去联系"],
            ),
        ];
        for (flowing_since, lost_since, want) in table {
            let s = MemberState {
                flowing_since,
                lost_since,
                ..on_roll
            };
            let got = for_member(7, "马俊杰", &s, today);
            assert_eq!(
                got.len(),
                want.len(),
                "{flowing_since:?} {lost_since:?}: {got:?}"
            );
            for (r, needle) in got.iter().zip(want) {
                assert!(
                    r.message.contains(needle) && r.message.starts_with("马俊杰"),
                    "{r:?}"
                );
                let clause = if needle.contains("流动") {
                    "第二十五条"
                } else {
                    "第二十四条"
                };
                assert!(r.clause.contains(clause), "{r:?}");
            }
        }
        // Someone no longer on the roll is nobody's reminder.
        let gone = MemberState {
            flowing_since: Some(d(2024, 1, 1)),
            ..MemberState::default()
        };
        assert!(for_member(7, "马俊杰", &gone, today).is_empty());
        // 停止党籍 two years on (第二十四条) and a 留党察看 whose period has
        // run (纪律处分条例) are due on the day.
        let table: [(MemberState, &str); 2] = [
            (
                MemberState {
                    suspended_since: Some(d(2024, 11, 22)),
                    lost_since: Some(d(2024, 3, 1)),
                    ..on_roll
                },
                "停止党籍已满2年",
            ),
            (
                MemberState {
                    disciplined: true,
                    discipline_ends: Some(d(2026, 11, 22)),
                    ..on_roll
                },
                "留党察看期限于2026年11月22日届满",
            ),
        ];
        for (s, needle) in table {
            let got = for_member(7, "张志强", &s, today);
            assert!(got.len() == 1 && got[0].message.contains(needle), "{got:?}");
            let day_before = today.pred_opt().expect("date");
            assert!(for_member(7, "张志强", &s, day_before).is_empty(), "{s:?}");
        }
        // 31 August + 6 months is the end of February.
        assert!(months_passed(d(2026, 8, 31), 6, d(2027, 2, 28)));
        assert!(!months_passed(d(2026, 8, 31), 6, d(2027, 2, 27)));
    }
}
