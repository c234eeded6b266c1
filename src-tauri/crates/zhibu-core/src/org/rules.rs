//! Pure rules about a branch's size, committee and term (domain-rules §3.2,
//! §3.3). Each finding carries the clause it comes from, cited by content
//! because article numbers differ between published copies.

use chrono::{Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{OrgKind, Position};
use crate::labels::label_enum;

label_enum! {
    /// How serious a finding is: a 警告 is something an inspector would write
    /// up; a 提示 is worth knowing.
    pub enum Severity {
        Warning = "警告",
        Notice = "提示",
    }
    what: "严重程度"
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
    /// The rule the finding comes from, e.g. "《中国共产党支部工作条例（试行）》第四条".
    pub clause: String,
}

pub const CLAUSE_BRANCH_SIZE: &str =
    "《中国共产党支部工作条例（试行）》第四条：凡是有正式党员3人以上的，都应当成立党支部；党支部党员人数一般不超过50人";
/// Where a unit with more than 50 or 100 党员 is told to set up a 党总支 or
/// a 党委: the 农村 and 国有企业 条例 say it of their units in these words;
/// for the rest 党章第三十条 says that the set-up follows 党员人数 and the
/// higher committee's approval. (Quoted only as far as checked against the
/// texts; the 机关 条例's article is not cited until it is.)
pub const CLAUSE_SIZE_RURAL: &str = "《中国共产党农村基层组织工作条例》第五条：党员人数超过50人的村，或者党员人数虽不足50人、确因工作需要的村，可以成立党的总支部。党员人数100人以上的村，根据工作需要，经县级地方党委批准，可以成立党的基层委员会";
pub const CLAUSE_SIZE_STATE_ENTERPRISE: &str = "《中国共产党国有企业基层组织工作条例（试行）》第四条：国有企业党员人数100人以上的，设立党的基层委员会";
pub const CLAUSE_SIZE_GENERAL: &str = "《中国共产党章程》第三十条：党的基层组织，根据工作需要和党员人数，经上级党组织批准，分别设立党的基层委员会、总支部委员会、支部委员会";

/// The clauses a size notice cites for a unit of `kind`.
fn size_clauses(kind: OrgKind) -> String {
    let own = match kind {
        OrgKind::Rural => CLAUSE_SIZE_RURAL,
        OrgKind::Enterprise => CLAUSE_SIZE_STATE_ENTERPRISE,
        _ => CLAUSE_SIZE_GENERAL,
    };
    format!("{CLAUSE_BRANCH_SIZE}；{own}")
}

pub const CLAUSE_COMMITTEE: &str =
    "《中国共产党支部工作条例（试行）》第二十条（大意）：有正式党员7人以上的党支部设立党支部委员会，一般由3至5人组成；原文：“正式党员不足7人的党支部，设1名书记，必要时可以设1名副书记”";
pub const CLAUSE_TERM_LENGTH: &str =
    "《中国共产党章程》第三十一条：党的基层委员会、总支部委员会、支部委员会每届任期三年至五年。村、社区党组织每届任期5年，其他党支部一般3年（按上级党组织规定）";
pub const CLAUSE_TERM_DUE: &str =
    "《中国共产党基层组织选举工作条例》第三条（大意）：任期届满应当按期进行换届选举；需要延期或者提前换届的，应当报上级党组织批准，延长或者提前的期限一般不超过1年";

/// The term a branch committee gets unless the clerk says otherwise:
/// 5 years for 村/社区, 3 for the rest (支部工作条例).
pub fn default_term_years(kind: OrgKind) -> u8 {
    match kind {
        OrgKind::Rural | OrgKind::Community => 5,
        _ => 3,
    }
}

/// The day the term ends, i.e. when 换届 is due. 29 February falls back to
/// 28 February in a common year.
pub fn term_end(start: NaiveDate, years: u8) -> NaiveDate {
    start
        .checked_add_months(Months::new(u32::from(years) * 12))
        .unwrap_or(start)
}

/// The higher level reminds the branch six months before expiry
/// (domain-rules §3.3), so the app does too.
pub const REMINDER_MONTHS: u32 = 6;

label_enum! {
    pub enum TermState {
        Running = "任期内",
        DueSoon = "临近换届",
        Expired = "已到期",
    }
    what: "任期状态"
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TermInfo {
    pub start: NaiveDate,
    pub years: u8,
    /// 换届 is due on this day.
    pub end: NaiveDate,
    /// From this day the overview shows the 换届 reminder.
    pub remind_from: NaiveDate,
    pub state: TermState,
    /// Days from today to `end`; negative once overdue.
    pub days_left: i64,
}

pub fn term_info(start: NaiveDate, years: u8, today: NaiveDate) -> TermInfo {
    let end = term_end(start, years);
    let remind_from = end
        .checked_sub_months(Months::new(REMINDER_MONTHS))
        .unwrap_or(end);
    let state = if today >= end {
        TermState::Expired
    } else if today >= remind_from {
        TermState::DueSoon
    } else {
        TermState::Running
    };
    TermInfo {
        start,
        years,
        end,
        remind_from,
        state,
        days_left: (end - today).num_days(),
    }
}

/// What the rules need to know about a branch.
pub struct BranchFacts<'a> {
    pub kind: OrgKind,
    pub full_members: usize,
    pub all_members: usize,
    pub committee: &'a [Position],
    pub term: Option<&'a TermInfo>,
}

/// Every finding about a branch's size, committee and term (§3.2, §3.3).
pub fn check_branch(facts: &BranchFacts<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let warn = |message: String, clause: &str| Finding {
        severity: Severity::Warning,
        message,
        clause: clause.to_string(),
    };
    let notice = |message: String, clause: &str| Finding {
        severity: Severity::Notice,
        message,
        clause: clause.to_string(),
    };

    if facts.all_members == 0 {
        // A branch just created has no roster yet: size rules would only alarm.
        out.push(notice(
            "党员花名册中还没有党员。录入党员后，将按规定检查党员人数和支部委员会设置。".into(),
            CLAUSE_BRANCH_SIZE,
        ));
    } else if facts.full_members < 3 {
        out.push(warn(
            format!(
                "本支部现有正式党员{}人，不足3人。正式党员不足3人的单位，一般应与邻近单位成立联合党支部，请与上级党组织沟通。",
                facts.full_members
            ),
            CLAUSE_BRANCH_SIZE,
        ));
    }
    // A notice, never a block: the set-up is the higher committee's decision.
    let enterprise_note = if facts.kind == OrgKind::Enterprise {
        "（国有企业按其基层组织工作条例；其他企业参照执行）"
    } else {
        ""
    };
    if facts.all_members >= 100 {
        out.push(notice(
            format!(
                "本支部现有党员{}人，已达100人。党员人数100人以上的，一般设立党的基层委员会（党委），下设若干党支部{enterprise_note}。请向上级党组织报告，由上级党组织决定如何调整组织设置。",
                facts.all_members
            ),
            &size_clauses(facts.kind),
        ));
    } else if facts.all_members > 50 {
        out.push(notice(
            format!(
                "本支部现有党员{}人，超过50人。党支部党员人数一般不超过50人；超过50人的可以成立党的总支部委员会（党总支），下设若干党支部，或者分设党支部{enterprise_note}。请向上级党组织报告，经批准后调整。",
                facts.all_members
            ),
            &size_clauses(facts.kind),
        ));
    }

    let size = facts.committee.len();
    let secretaries = facts
        .committee
        .iter()
        .filter(|p| **p == Position::Secretary)
        .count();
    let deputies = facts
        .committee
        .iter()
        .filter(|p| **p == Position::DeputySecretary)
        .count();
    if secretaries == 0 {
        out.push(warn(
            "尚未登记党支部书记。请在“支部委员会”中登记书记。".into(),
            CLAUSE_COMMITTEE,
        ));
    }
    if deputies > 1 {
        out.push(warn(
            format!("登记了{deputies}名副书记。党支部一般设副书记1名，请核对。"),
            CLAUSE_COMMITTEE,
        ));
    }
    // With an empty roster the committee cannot be judged against its size.
    let has_roster = facts.all_members > 0;
    if has_roster && facts.full_members >= 7 {
        if size < 3 {
            out.push(warn(
                format!(
                    "本支部有正式党员{}人（7人以上），应当设立党支部委员会（3至5人），现只登记了{}名委员。",
                    facts.full_members, size
                ),
                CLAUSE_COMMITTEE,
            ));
        } else if size > 7 {
            out.push(warn(
                format!("支部委员会登记了{size}人。支部委员会一般不超过7人，请核对。"),
                CLAUSE_COMMITTEE,
            ));
        } else if size > 5 {
            out.push(notice(
                format!("支部委员会登记了{size}人。条例规定一般由3至5人组成，最多不超过7人。"),
                CLAUSE_COMMITTEE,
            ));
        }
    } else if has_roster && size > secretaries + deputies {
        out.push(warn(
            format!(
                "本支部正式党员{}人，不足7人，按规定不设支部委员会，只设书记1名、必要时设副书记1名；现登记了{}名其他委员。",
                facts.full_members,
                size - secretaries - deputies
            ),
            CLAUSE_COMMITTEE,
        ));
    }

    if let Some(term) = facts.term {
        if !(3..=5).contains(&term.years) {
            out.push(warn(
                format!(
                    "支部委员会任期登记为{}年，党章规定每届任期三年至五年，请核对。",
                    term.years
                ),
                CLAUSE_TERM_LENGTH,
            ));
        } else if term.years != default_term_years(facts.kind) {
            out.push(notice(
                format!(
                    "{}类党支部委员会一般每届任期{}年，本支部登记为{}年；如上级有明确规定，以上级规定为准。",
                    facts.kind.label(),
                    default_term_years(facts.kind),
                    term.years
                ),
                CLAUSE_TERM_LENGTH,
            ));
        }
        match term.state {
            TermState::Expired => out.push(warn(
                format!(
                    "支部委员会任期已于{}届满（已超过{}天），应当按期换届；延期换届须报上级党组织批准，一般不超过1年。",
                    term.end.format("%Y年%-m月%-d日"),
                    -term.days_left
                ),
                CLAUSE_TERM_DUE,
            )),
            TermState::DueSoon => out.push(notice(
                format!(
                    "支部委员会任期将于{}届满（还有{}天），请提前向上级党组织报告，做好换届准备。",
                    term.end.format("%Y年%-m月%-d日"),
                    term.days_left
                ),
                CLAUSE_TERM_DUE,
            )),
            TermState::Running => {}
        }
    } else {
        out.push(notice(
            "尚未登记本届支部委员会的选举日期，无法提醒换届时间。".into(),
            CLAUSE_TERM_DUE,
        ));
    }
    out
}

/// 党章 第八条 (the part about where a member belongs).
pub const CLAUSE_IN_A_GROUP: &str = "《中国共产党章程》第八条：每个党员，不论职务高低，都必须编入党的一个支部、小组或其他特定组织，参加党的组织生活";

/// The members on the roll who are in no 党小组, when the branch has
/// 党小组 (a branch without them has nobody to place): a notice naming them.
pub fn ungrouped(has_groups: bool, names: &[String]) -> Option<Finding> {
    if !has_groups || names.is_empty() {
        return None;
    }
    const SHOWN: usize = 5;
    let mut list = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("、");
    if names.len() > SHOWN {
        list.push_str(&format!("等{}人", names.len()));
    }
    Some(Finding {
        severity: Severity::Notice,
        message: format!(
            "{}名党员还没有编入党小组：{list}。请在党员花名册中打开其记录，用“修改信息”选择党小组",
            names.len()
        ),
        clause: CLAUSE_IN_A_GROUP.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_outside_every_group_are_named_when_the_branch_has_groups() {
        // 党章第八条: every member belongs to a 支部, 小组 or other unit.
        let names = |n: usize| (1..=n).map(|i| format!("党员{i}")).collect::<Vec<_>>();
        assert_eq!(
            ungrouped(false, &names(3)),
            None,
            "no groups: nobody to place"
        );
        assert_eq!(ungrouped(true, &[]), None, "everyone placed");
        let one = ungrouped(true, &names(1)).expect("one");
        assert_eq!(one.severity, Severity::Notice);
        assert!(
            one.message.starts_with("1名党员还没有编入党小组：党员1。"),
            "{}",
            one.message
        );
        assert!(one.clause.contains("第八条"));
        let many = ungrouped(true, &names(7)).expect("seven");
        assert!(
            many.message
                .contains("党员1、党员2、党员3、党员4、党员5等7人"),
            "{}",
            many.message
        );
        assert!(!many.message.contains("党员6"));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn default_terms_follow_the_branch_regulation() {
        // 支部工作条例: 村、社区 5 years, other units 3.
        let table = [
            (OrgKind::Rural, 5),
            (OrgKind::Community, 5),
            (OrgKind::Enterprise, 3),
            (OrgKind::Organ, 3),
            (OrgKind::Institution, 3),
            (OrgKind::School, 3),
            (OrgKind::NewOrganisation, 3),
            (OrgKind::Other, 3),
        ];
        for (kind, years) in table {
            assert_eq!(default_term_years(kind), years, "{kind}");
        }
    }

    #[test]
    fn term_end_and_reminder_window() {
        // Reminder from six months before expiry (选举条例; domain-rules §3.3).
        let start = d(2021, 12, 20);
        let table = [
            (d(2026, 6, 19), TermState::Running, 184),
            (d(2026, 6, 20), TermState::DueSoon, 183),
            (d(2026, 12, 19), TermState::DueSoon, 1),
            (d(2026, 12, 20), TermState::Expired, 0),
            (d(2027, 1, 20), TermState::Expired, -31),
        ];
        for (today, state, days) in table {
            let t = term_info(start, 5, today);
            assert_eq!(t.end, d(2026, 12, 20));
            assert_eq!(t.remind_from, d(2026, 6, 20));
            assert_eq!((t.state, t.days_left), (state, days), "{today}");
        }
        assert_eq!(term_end(d(2024, 2, 29), 3), d(2027, 2, 28));
    }

    fn findings(full: usize, all: usize, committee: &[Position]) -> Vec<Finding> {
        check_branch(&BranchFacts {
            kind: OrgKind::Enterprise,
            full_members: full,
            all_members: all,
            committee,
            term: None,
        })
    }

    fn has(findings: &[Finding], needle: &str) -> bool {
        findings.iter().any(|f| f.message.contains(needle))
    }

    #[test]
    fn size_rules_at_their_edges() {
        use Position::*;
        let five = [
            Secretary,
            DeputySecretary,
            Organisation,
            Publicity,
            Discipline,
        ];
        // An empty roster is a notice, not a size warning.
        let empty = findings(0, 0, &[Secretary, Organisation]);
        assert!(
            has(&empty, "还没有党员") && !has(&empty, "不足3人") && !has(&empty, "不设支部委员会")
        );
        // 第四条: 3 正式党员 are enough for a branch, 2 are not.
        assert!(has(&findings(2, 2, &[Secretary]), "不足3人"));
        assert!(!has(&findings(3, 3, &[Secretary]), "不足3人"));
        // 支部工作条例第四条 一般不超过50人: 50 is fine, 51 to 99 suggest a
        // 党总支; 100 or more a 党委 (农村条例第五条, 国企条例第四条).
        let size_notice = |all: usize| {
            findings(50, all, &five)
                .into_iter()
                .find(|f| f.message.contains("本支部现有党员"))
        };
        assert!(size_notice(50).is_none());
        for all in [51, 99] {
            let f = size_notice(all).expect("党总支");
            assert!(
                f.message.contains("超过50人") && f.message.contains("党总支"),
                "{f:?}"
            );
            assert_eq!(f.severity, Severity::Notice);
        }
        for all in [100, 230] {
            let f = size_notice(all).expect("党委");
            assert!(
                f.message.contains("已达100人") && f.message.contains("党委"),
                "{f:?}"
            );
            assert!(
                f.clause
                    .contains("国有企业基层组织工作条例（试行）》第四条"),
                "{f:?}"
            );
        }
        // The 党总支 notice of a 62-member branch of `kind`.
        let over_fifty = |kind| {
            check_branch(&BranchFacts {
                kind,
                full_members: 60,
                all_members: 62,
                committee: &five,
                term: None,
            })
            .into_iter()
            .find(|f| f.message.contains("超过50人"))
            .expect("超过50人")
        };
        let f = over_fifty(OrgKind::Rural);
        assert!(f.clause.contains("农村基层组织工作条例》第五条"), "{f:?}");
        assert!(!f.message.contains("国有企业"), "{f:?}");
        let f = over_fifty(OrgKind::School);
        assert!(f.clause.contains("章程》第三十条"), "{f:?}");
        // 7 正式党员 need a committee of 3 to 5; 预备党员 do not count.
        assert!(has(&findings(7, 7, &[Secretary]), "应当设立党支部委员会"));
        assert!(!has(&findings(6, 9, &[Secretary]), "应当设立党支部委员会"));
        assert!(!has(
            &findings(7, 7, &[Secretary, Organisation, Publicity]),
            "应当设立"
        ));
        // Under 7: a 书记 and perhaps a 副书记, nobody else.
        assert!(has(
            &findings(6, 6, &[Secretary, Organisation]),
            "不设支部委员会"
        ));
        assert!(!has(
            &findings(6, 6, &[Secretary, DeputySecretary]),
            "不设支部委员会"
        ));
        // More than 7 委员 is over the limit; 6–7 is allowed but noted.
        let eight = [
            Secretary, Member, Member, Member, Member, Member, Member, Member,
        ];
        assert!(has(&findings(20, 20, &eight), "一般不超过7人"));
        assert!(has(&findings(20, 20, &eight[..6]), "3至5人"));
        assert!(has(
            &findings(20, 20, &[Organisation, Publicity, Discipline]),
            "尚未登记党支部书记"
        ));
    }

    #[test]
    fn term_findings() {
        let running = term_info(d(2024, 1, 10), 3, d(2025, 1, 1));
        let expired = term_info(d(2021, 1, 10), 3, d(2025, 1, 1));
        let soon = term_info(d(2022, 3, 1), 3, d(2025, 1, 1));
        let with_term = |kind, term: &TermInfo| {
            check_branch(&BranchFacts {
                kind,
                full_members: 10,
                all_members: 10,
                committee: &[
                    Position::Secretary,
                    Position::Organisation,
                    Position::Publicity,
                ],
                term: Some(term),
            })
        };
        assert!(with_term(OrgKind::Enterprise, &running).is_empty());
        assert!(has(
            &with_term(OrgKind::Enterprise, &expired),
            "应当按期换届"
        ));
        assert!(has(&with_term(OrgKind::Enterprise, &soon), "还有"));
        // A village branch registered with 3 years is noted (条例 says 5).
        assert!(has(&with_term(OrgKind::Rural, &running), "一般每届任期5年"));
        let six = term_info(d(2024, 1, 10), 2, d(2025, 1, 1));
        assert!(has(&with_term(OrgKind::Enterprise, &six), "三年至五年"));
    }
}
