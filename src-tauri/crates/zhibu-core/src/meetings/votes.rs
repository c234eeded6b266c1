//! Quorum and passing rules for votes at branch meetings (domain-rules §3.4).
//! All thresholds are strict: "超过半数" / "超过4/5", so exactly half is not
//! enough. Pure functions; the meeting records call them, never re-implement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::labels::label_enum;

label_enum! {
    /// What is being voted on decides which rule applies.
    pub enum VoteKind {
        /// An ordinary decision of the 支部党员大会.
        Decision = "一般决议",
        /// Admitting a 预备党员, 转正, 延长预备期 … (发展党员工作细则).
        Membership = "发展党员表决",
        /// Electing the committee or delegates (选举工作条例).
        Election = "选举",
        /// A 支部委员会 meeting deciding by its members.
        Committee = "支委会决定",
    }
    what: "表决类型"
}

pub const CLAUSE_DECISION: &str = "《中国共产党支部工作条例（试行）》第十一条：（党员大会）……表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过";
pub const CLAUSE_MEMBERSHIP: &str = "《中国共产党发展党员工作细则》第二十条、第二十一条：有表决权的到会人数必须超过应到会有表决权人数的半数；赞成人数超过应到会有表决权的正式党员的半数，才能通过；因故不能到会的有表决权的党员，在支部大会召开前正式向党支部提出书面意见的，应当统计在票数内";
pub const CLAUSE_ELECTION: &str = "《中国共产党基层组织选举工作条例》：有选举权的到会人数超过应到会人数的五分之四，会议有效；被选举人获得的赞成票超过实到会有选举权的人数的一半，始得当选";
/// How the program reads the 条例's "半数以上" (domain-rules §7).
pub const READING_HALF: &str = "（条例原文为“半数以上”，本程序按过半数计算，恰好一半不够，与《中国共产党发展党员工作细则》第二十条“必须超过应到会有表决权人数的半数”的写法一致）";
pub const CLAUSE_COMMITTEE: &str = "《中国共产党支部工作条例（试行）》第十二条：支部委员会会议须有半数以上委员到会方可进行；重要事项提交党员大会决定前，一般应当经支部委员会会议讨论";

/// The counts of one vote. `expected` and `present` count only those with a
/// vote (正式党员 not under 留党察看; committee members for 支委会).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Tally {
    /// 应到会有表决权人数.
    pub expected: u32,
    /// 实到会有表决权人数.
    pub present: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// Written opinions handed in before the meeting by absent voters
    /// (counted only for 发展党员表决).
    pub written_yes: u32,
    pub written_no: u32,
    pub written_abstain: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Outcome {
    pub quorum_met: bool,
    pub passed: bool,
    /// The smallest attendance that makes the meeting valid.
    pub quorum_needed: u32,
    /// The smallest number of 赞成 that carries the vote.
    pub yes_needed: u32,
    /// Why, in the clerk's words, with the numbers.
    pub explanation: String,
    pub clause: String,
}

/// The smallest n with n > total / 2.
pub fn more_than_half(total: u32) -> u32 {
    total / 2 + 1
}

/// The smallest n with n > 4/5 of total.
pub fn more_than_four_fifths(total: u32) -> u32 {
    total * 4 / 5 + 1
}

fn check_counts(kind: VoteKind, t: &Tally) -> Result<()> {
    if t.expected == 0 {
        return Err(Error::Validation(
            "应到会有表决权人数为0，请先核对名册".into(),
        ));
    }
    if t.present > t.expected {
        return Err(Error::Validation(format!(
            "实到会有表决权人数{}多于应到会人数{}，请核对签到",
            t.present, t.expected
        )));
    }
    // Summed wide: counts come from the clerk (or a hostile caller), and
    // three large ones must not overflow.
    let cast = u64::from(t.yes) + u64::from(t.no) + u64::from(t.abstain);
    if cast > u64::from(t.present) {
        return Err(Error::Validation(format!(
            "赞成、反对、弃权合计{cast}票，多于实到会有表决权的{}人，请核对票数",
            t.present
        )));
    }
    let written = u64::from(t.written_yes) + u64::from(t.written_no) + u64::from(t.written_abstain);
    if written > 0 && kind != VoteKind::Membership {
        return Err(Error::Validation(
            "书面意见只在发展党员、预备党员转正等表决中计入票数，本次表决请不要填写书面意见".into(),
        ));
    }
    if written > u64::from(t.expected - t.present) {
        return Err(Error::Validation(format!(
            "书面意见{written}份，多于未到会的有表决权党员{}人，请核对",
            t.expected - t.present
        )));
    }
    Ok(())
}

/// Whether the meeting could vote and whether the motion passed, and why.
pub fn evaluate(kind: VoteKind, t: &Tally) -> Result<Outcome> {
    check_counts(kind, t)?;
    let (quorum_needed, yes_needed, yes, clause) = match kind {
        VoteKind::Decision => (
            more_than_half(t.expected),
            more_than_half(t.expected),
            t.yes,
            CLAUSE_DECISION,
        ),
        VoteKind::Membership => (
            more_than_half(t.expected),
            more_than_half(t.expected),
            t.yes + t.written_yes,
            CLAUSE_MEMBERSHIP,
        ),
        VoteKind::Election => (
            more_than_four_fifths(t.expected),
            more_than_half(t.present),
            t.yes,
            CLAUSE_ELECTION,
        ),
        VoteKind::Committee => (
            more_than_half(t.expected),
            more_than_half(t.expected),
            t.yes,
            CLAUSE_COMMITTEE,
        ),
    };
    let quorum_met = t.present >= quorum_needed;
    let passed = quorum_met && yes >= yes_needed;
    let who = if kind == VoteKind::Committee {
        "委员"
    } else {
        "有表决权的党员"
    };
    let quorum_rule = if kind == VoteKind::Election {
        "超过应到会人数的五分之四"
    } else {
        "超过应到会人数的半数"
    };
    let mut explanation = format!(
        "应到会{who}{}人，实到{}人，{quorum_rule}须至少{quorum_needed}人到会",
        t.expected, t.present
    );
    // The 条例 says "半数以上" for these quorums; the program reads it as
    // 过半数 and says so, so a clerk who counts exactly half is not puzzled.
    if matches!(kind, VoteKind::Decision | VoteKind::Committee) {
        explanation.push_str(READING_HALF);
    }
    explanation.push('，');
    if !quorum_met {
        explanation.push_str("到会人数不足，表决无效，应另行召开会议。");
    } else {
        let base = match kind {
            VoteKind::Election => format!("超过实到会人数{}的一半", t.present),
            _ => format!("超过应到会人数{}的半数", t.expected),
        };
        let written = if kind == VoteKind::Membership && t.written_yes > 0 {
            format!("（含书面意见赞成{}票）", t.written_yes)
        } else {
            String::new()
        };
        explanation.push_str(&format!(
            "会议有效；赞成{yes}票{written}，{base}须至少{yes_needed}票，{}。",
            if passed { "通过" } else { "未通过" }
        ));
    }
    Ok(Outcome {
        quorum_met,
        passed,
        quorum_needed,
        yes_needed,
        explanation,
        clause: clause.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(expected: u32, present: u32, yes: u32) -> Tally {
        Tally {
            expected,
            present,
            yes,
            ..Tally::default()
        }
    }

    #[test]
    fn thresholds_are_strict() {
        // "超过半数": 10 → 6, 11 → 6; "超过五分之四": 10 → 9, 11 → 9, 15 → 13.
        let table = [(1, 1), (2, 2), (9, 5), (10, 6), (11, 6), (14, 8)];
        for (n, want) in table {
            assert_eq!(more_than_half(n), want, "half of {n}");
        }
        let table = [(5, 5), (10, 9), (11, 9), (15, 13), (16, 13)];
        for (n, want) in table {
            assert_eq!(more_than_four_fifths(n), want, "4/5 of {n}");
        }
    }

    #[test]
    fn ordinary_decisions_need_more_than_half_present_and_of_all_entitled_in_favour() {
        // 支部工作条例 第十一条. (expected, present, yes) → (quorum, passed)
        let table = [
            ((14, 7, 7), (false, false)), // exactly half present: no quorum
            ((14, 8, 8), (true, true)),
            ((14, 8, 7), (true, false)), // 7 of 14 is exactly half: not passed
            ((14, 14, 8), (true, true)),
            ((15, 8, 8), (true, true)),
            ((15, 8, 7), (true, false)),
        ];
        for ((e, p, y), want) in table {
            let o = evaluate(VoteKind::Decision, &tally(e, p, y)).expect("valid counts");
            assert_eq!(
                (o.quorum_met, o.passed),
                want,
                "{e}/{p}/{y}: {}",
                o.explanation
            );
            assert!(o.clause.contains("第十一条"));
        }
        let o = evaluate(VoteKind::Decision, &tally(14, 7, 7)).expect("counts");
        assert!(o.explanation.contains("到会人数不足"), "{}", o.explanation);
    }

    #[test]
    fn membership_votes_count_written_opinions() {
        // 发展党员工作细则 第二十、二十一条: absent voters' written opinions count.
        let mut t = tally(14, 8, 7);
        assert!(!evaluate(VoteKind::Membership, &t).expect("counts").passed);
        t.written_yes = 1;
        let o = evaluate(VoteKind::Membership, &t).expect("counts");
        assert!(o.passed, "{}", o.explanation);
        assert!(o.explanation.contains("含书面意见赞成1票"));
        // Written opinions do not make a quorum.
        let mut t = tally(14, 7, 7);
        t.written_yes = 5;
        assert!(
            !evaluate(VoteKind::Membership, &t)
                .expect("counts")
                .quorum_met
        );
    }

    #[test]
    fn elections_need_four_fifths_present_and_half_of_those_present() {
        // 选举工作条例: > 4/5 present; elected with > half of those present.
        let table = [
            ((10, 8, 8), (false, false)), // exactly 4/5: not valid
            ((10, 9, 5), (true, true)),   // 5 > 9/2
            ((10, 9, 4), (true, false)),
            ((10, 10, 5), (true, false)), // exactly half of 10 present
        ];
        for ((e, p, y), want) in table {
            let o = evaluate(VoteKind::Election, &tally(e, p, y)).expect("counts");
            assert_eq!(
                (o.quorum_met, o.passed),
                want,
                "{e}/{p}/{y}: {}",
                o.explanation
            );
        }
    }

    #[test]
    fn committee_meetings_need_more_than_half_of_the_members() {
        // 支部工作条例 第十二条.
        assert!(
            !evaluate(VoteKind::Committee, &tally(5, 2, 2))
                .expect("c")
                .quorum_met
        );
        assert!(
            evaluate(VoteKind::Committee, &tally(5, 3, 3))
                .expect("c")
                .passed
        );
        assert!(
            !evaluate(VoteKind::Committee, &tally(4, 2, 2))
                .expect("c")
                .quorum_met
        );
    }

    #[test]
    fn impossible_counts_are_refused_with_a_reason() {
        let cases: [(VoteKind, Tally, &str); 5] = [
            (VoteKind::Decision, tally(0, 0, 0), "为0"),
            (VoteKind::Decision, tally(10, 11, 5), "多于应到会人数"),
            (
                VoteKind::Decision,
                Tally {
                    no: 4,
                    ..tally(10, 8, 5)
                },
                "多于实到会",
            ),
            (
                VoteKind::Decision,
                Tally {
                    written_yes: 1,
                    ..tally(10, 8, 5)
                },
                "只在发展党员",
            ),
            (
                VoteKind::Membership,
                Tally {
                    written_yes: 3,
                    ..tally(10, 8, 5)
                },
                "多于未到会",
            ),
        ];
        for (kind, t, needle) in cases {
            let e = evaluate(kind, &t).expect_err(needle);
            assert!(e.to_string().contains(needle), "{e}");
        }
    }

    #[test]
    fn half_or_more_is_read_as_more_than_half_and_said_so() {
        // 支部工作条例第十一、十二条 "半数以上" read as 过半数 (细则第二十条's wording):
        // 10 expected, exactly 5 present is not enough, and the message says why.
        let o = evaluate(VoteKind::Decision, &tally(10, 5, 5)).expect("counts");
        assert!(!o.quorum_met);
        assert!(
            o.explanation.contains("按过半数计算，恰好一半不够"),
            "{}",
            o.explanation
        );
        let o = evaluate(VoteKind::Committee, &tally(5, 3, 3)).expect("counts");
        assert!(
            o.quorum_met && o.explanation.contains("半数以上"),
            "{}",
            o.explanation
        );
        let o = evaluate(VoteKind::Membership, &tally(10, 6, 6)).expect("counts");
        assert!(
            !o.explanation.contains("条例原文"),
            "the 细则 itself says 超过半数"
        );
    }
}
