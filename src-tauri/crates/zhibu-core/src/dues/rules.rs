//! The dues rates of 《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号)
//! as data, and the pure function that turns a category and a base into a
//! monthly amount. Rates are in basis points (1‱), amounts in 分, so the
//! arithmetic is exact; only the final rounding is a choice (a setting,
//! because no central rule fixes it).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{month_label, DuesSettings, WindowPolicy};
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::month::YearMonth;

label_enum! {
    /// What a member's dues are computed from (党费规定 第一至七条).
    pub enum DuesCategory {
        /// 按月领取工资: 税后固定工资收入 (第一、二条).
        Salaried = "在职",
        /// 当月实际领取的薪酬收入 (第三条).
        AnnualSalary = "年薪制",
        /// 上季度月平均纯收入 (第四条).
        SelfEmployed = "个体经营等不按月取得收入",
        /// 离退休费 (第五条), narrowed to the 基本离退休费/基本养老金 by the
        /// 2017 答复 (组电明字〔2017〕5号), which the clause cites separately.
        Retired = "离退休",
        Farmer = "农民",
        Student = "学生",
        Unemployed = "下岗失业",
        /// 依靠抚恤或救济生活.
        Relief = "依靠抚恤或救济生活",
        /// 领取当地最低生活保障金.
        Dibao = "领取最低生活保障金",
        /// 交纳党费确有困难, 经党支部研究、报上一级党委批准 (第七条).
        ReducedApproved = "经批准少交",
        ExemptApproved = "经批准免交",
    }
    what: "党费类别"
}

label_enum! {
    /// How a percentage is rounded to money. No central rule fixes it.
    pub enum Rounding {
        Fen = "四舍五入到分",
        Jiao = "四舍五入到角",
        TruncateToJiao = "舍去分（保留到角）",
    }
    what: "党费取整方式"
}

/// A bracket of a 全额累进 table: up to and including `up_to_fen`, the
/// whole base pays `basis_points` (None: no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bracket {
    pub up_to_fen: Option<i64>,
    pub basis_points: i64,
}

/// 党费规定 第二条 (also 第三、四条): "3000元以下（含3000元）者，交纳月工资收入的
/// 0.5%；3000元以上至5000元（含5000元）者，交纳1%；5000元以上至10000元
/// （含10000元）者，交纳1.5%；10000元以上者，交纳2%".
pub const SALARY_BRACKETS: [Bracket; 4] = [
    Bracket {
        up_to_fen: Some(300_000),
        basis_points: 50,
    },
    Bracket {
        up_to_fen: Some(500_000),
        basis_points: 100,
    },
    Bracket {
        up_to_fen: Some(1_000_000),
        basis_points: 150,
    },
    Bracket {
        up_to_fen: None,
        basis_points: 200,
    },
];

/// 党费规定 第五条: "5000元以下（含5000元）的按0.5%…5000元以上的按1%".
pub const RETIRED_BRACKETS: [Bracket; 2] = [
    Bracket {
        up_to_fen: Some(500_000),
        basis_points: 50,
    },
    Bracket {
        up_to_fen: None,
        basis_points: 100,
    },
];

/// 党费规定 第六条: 学生、下岗失业、依靠抚恤或救济生活、领取最低生活保障金的党员每月0.2元.
pub const FLAT_FEN: i64 = 20;
/// 党费规定 第六条: 农民党员每月交纳党费0.2元至1元 (the branch chooses).
pub const FARMER_MIN_FEN: i64 = 20;
pub const FARMER_MAX_FEN: i64 = 100;

/// How the monthly amount of a category is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A percentage of the base, from a bracket table.
    Brackets(&'static [Bracket]),
    /// The branch's chosen amount for 农民.
    Farmer,
    Flat(i64),
    /// The amount the approval sets.
    Approved,
    Exempt,
}

impl DuesCategory {
    pub fn basis(self) -> Basis {
        use DuesCategory::*;
        match self {
            Salaried | AnnualSalary | SelfEmployed => Basis::Brackets(&SALARY_BRACKETS),
            Retired => Basis::Brackets(&RETIRED_BRACKETS),
            Farmer => Basis::Farmer,
            Student | Unemployed | Relief | Dibao => Basis::Flat(FLAT_FEN),
            ReducedApproved => Basis::Approved,
            ExemptApproved => Basis::Exempt,
        }
    }

    /// The base has to be entered (a percentage applies).
    pub fn needs_base(self) -> bool {
        matches!(self.basis(), Basis::Brackets(_))
    }

    /// The clause the amount comes from, as shown beside it.
    pub fn clause(self) -> &'static str {
        use DuesCategory::*;
        match self {
            Salaried => "《关于中国共产党党费收缴、使用和管理的规定》第一条：“每月以工资总额中相对固定的、经常性的工资收入（税后）为计算基数”；第二条：“每月工资收入（税后）在3000元以下（含3000元）者，交纳月工资收入的0.5%；3000元以上至5000元（含5000元）者，交纳1%；5000元以上至10000元（含10000元）者，交纳1.5%；10000元以上者，交纳2%”（全额计算，不分段累加）",
            AnnualSalary => "《关于中国共产党党费收缴、使用和管理的规定》第三条（大意）：实行年薪制人员以当月实际领取的薪酬收入为计算基数，比例同第二条",
            SelfEmployed => "《关于中国共产党党费收缴、使用和管理的规定》第四条（大意）：不按月取得收入的党员，以个人上季度月平均纯收入为计算基数，比例同第二条",
            Retired => "《关于中国共产党党费收缴、使用和管理的规定》第五条：离退休干部、职工“以实际领取的离退休费总额或养老金总额为计算基数”，“5000元以下（含5000元）的按0.5%……5000元以上的按1%”；中组部办公厅答复（组电明字〔2017〕5号）：以基本离退休费（基本养老金）为基数",
            Farmer => "《关于中国共产党党费收缴、使用和管理的规定》第六条：“农民党员每月交纳党费0.2元至1元”",
            Student | Unemployed | Relief | Dibao => "《关于中国共产党党费收缴、使用和管理的规定》第六条（大意）：学生党员、下岗失业的党员、依靠抚恤或救济生活的党员、领取当地最低生活保障金的党员，每月交纳党费0.2元",
            ReducedApproved | ExemptApproved => "《关于中国共产党党费收缴、使用和管理的规定》第七条（大意）：交纳党费确有困难的党员，经党支部研究，报上一级党委批准，可以少交或者免交；离退休党员“生活确有困难的，经党支部研究同意，可以少交或免交”（中组部办公厅答复，组电明字〔2017〕5号）",
        }
    }
}

/// The rate of a base in a bracket table: the first bracket whose inclusive
/// upper bound holds it (全额累进: the whole base at one rate).
pub fn rate_of(brackets: &[Bracket], base_fen: i64) -> i64 {
    brackets
        .iter()
        .find(|b| b.up_to_fen.is_none_or(|top| base_fen <= top))
        .map(|b| b.basis_points)
        .unwrap_or(0)
}

/// `base_fen × basis_points / 10000`, rounded as the setting says.
pub fn apply_rate(base_fen: i64, basis_points: i64, rounding: Rounding) -> i64 {
    // In units of 1/10000 分: exact.
    let exact = base_fen * basis_points;
    match rounding {
        Rounding::Fen => (exact + 5_000) / 10_000,
        Rounding::Jiao => (exact + 50_000) / 100_000 * 10,
        Rounding::TruncateToJiao => exact / 100_000 * 10,
    }
}

/// What a member pays a month, in 分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Terms {
    pub category: DuesCategory,
    /// The base, for the percentage categories.
    pub base_fen: Option<i64>,
    /// The approved amount, for 经批准少交; for 农民党员 the member's own
    /// amount within 0.2–1元, if the branch set one.
    pub fixed_fen: Option<i64>,
}

/// The monthly amount for `terms`. A missing base or approved amount counts
/// as zero; entry refuses both, so only damaged data gets here.
pub fn monthly_due(terms: &Terms, farmer_fen: i64, rounding: Rounding) -> i64 {
    match terms.category.basis() {
        Basis::Brackets(table) => {
            let base = terms.base_fen.unwrap_or(0);
            apply_rate(base, rate_of(table, base), rounding)
        }
        // The member's own amount when the branch set one (第六条: 0.2–1元).
        Basis::Farmer => terms.fixed_fen.unwrap_or(farmer_fen),
        Basis::Flat(fen) => fen,
        Basis::Approved => terms.fixed_fen.unwrap_or(0),
        Basis::Exempt => 0,
    }
}

/// 党费规定第十一条: "党员自愿多交党费不限。自愿一次多交纳1000元以上的
/// 党费，全部上缴中央". The extra of one payment, over its dues, from this
/// amount on is 大额党费 ("以上" includes the amount itself).
pub const LARGE_FEN: i64 = 100_000;

/// Whether a payment's voluntary extra (in 分, either sign: a 冲正 keeps
/// the kind of what it cancels) is 大额党费.
pub fn is_large(extra_fen: i64) -> bool {
    extra_fen.abs() >= LARGE_FEN
}

/// 第十二条: "补交党费的时间一般不得超过6个月".
pub const ARREARS_LIMIT_MONTHS: u32 = 6;
pub const CLAUSE_ARTICLE_12: &str = "《关于中国共产党党费收缴、使用和管理的规定》第十二条：遇到特殊情况，经党支部同意，可以每季度交纳一次党费，也可以委托其亲属或者其他党员代为交纳或者补交党费。补交党费的时间一般不得超过6个月";

/// The months a payment covers, `first..=last`, against the ledger month it
/// is entered in: 补交 further back than the branch's window, or 预交 further
/// ahead, is refused or needs the branch's recorded consent (`approved`), as
/// the branch's setting says; and whatever the window, 补交 of more than six
/// months (第十二条 "一般不得超过6个月") is the exception that needs it.
pub fn check_window(
    first: YearMonth,
    last: YearMonth,
    ledger: YearMonth,
    settings: &DuesSettings,
    approved: bool,
) -> Result<()> {
    let too_old = first.plus(settings.arrears_window) < ledger;
    let too_far = last > ledger.plus(settings.advance_window);
    if too_old || too_far {
        let what = if too_old {
            format!(
                "补交{}的党费已超过{}个月",
                month_label(first),
                settings.arrears_window
            )
        } else {
            format!(
                "预交到{}已超过{}个月",
                month_label(last),
                settings.advance_window
            )
        };
        match settings.window_policy {
            WindowPolicy::Refuse => {
                return Err(Error::Rule(format!(
                    "{what}，本支部规定不予登记。{CLAUSE_ARTICLE_12}"
                )))
            }
            WindowPolicy::NeedsApproval if !approved => {
                return Err(Error::Rule(format!(
                    "{what}，需经党支部同意：请在“支部批准说明”中写明批准情况（如某月支委会同意）后再登记。{CLAUSE_ARTICLE_12}"
                )))
            }
            WindowPolicy::NeedsApproval => {}
        }
    }
    if first.plus(ARREARS_LIMIT_MONTHS) < ledger && !approved {
        return Err(Error::Rule(format!(
            "补交{}的党费已超过{ARREARS_LIMIT_MONTHS}个月。补交党费一般不得超过6个月，超过的须经党支部同意：请在“支部批准说明”中写明批准情况（如某月支委会同意）后再登记。{CLAUSE_ARTICLE_12}",
            month_label(first)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::parse_yuan;

    /// 党费规定第十二条 and the branch's window (`DuesSettings`: 补交/预交
    /// months, 超期 policy): what may be entered in November 2026.
    #[test]
    fn the_window_for_arrears_and_advances() {
        use WindowPolicy::{NeedsApproval, Refuse};
        let m = |s: &str| YearMonth::parse(s).expect("month");
        let ledger = m("2026-11");
        // (补交 window, 预交 window, policy, first, last, consent recorded, refusal containing)
        type Case = (
            u32,
            u32,
            WindowPolicy,
            &'static str,
            &'static str,
            bool,
            Option<&'static str>,
        );
        let table: &[Case] = &[
            (6, 6, NeedsApproval, "2026-05", "2026-11", false, None),
            (
                6,
                6,
                NeedsApproval,
                "2026-04",
                "2026-04",
                false,
                Some("补交2026年4月的党费已超过6个月，需经党支部同意"),
            ),
            (6, 6, NeedsApproval, "2026-04", "2026-04", true, None),
            (
                6,
                6,
                Refuse,
                "2026-04",
                "2026-04",
                true,
                Some("本支部规定不予登记"),
            ),
            (6, 6, NeedsApproval, "2026-12", "2027-05", false, None),
            (
                6,
                6,
                NeedsApproval,
                "2026-12",
                "2027-06",
                false,
                Some("预交到2027年6月已超过6个月"),
            ),
            (3, 0, Refuse, "2026-08", "2026-11", false, None),
            (
                3,
                0,
                Refuse,
                "2026-07",
                "2026-11",
                false,
                Some("补交2026年7月的党费已超过3个月"),
            ),
            (
                3,
                0,
                Refuse,
                "2026-11",
                "2026-12",
                false,
                Some("预交到2026年12月已超过0个月"),
            ),
            // A wider window does not lift 第十二条's six months: consent is still needed.
            (
                12,
                6,
                NeedsApproval,
                "2026-03",
                "2026-03",
                false,
                Some("补交党费一般不得超过6个月"),
            ),
            (12, 6, NeedsApproval, "2026-03", "2026-03", true, None),
        ];
        for &(arrears, advance, policy, first, last, approved, refusal) in table {
            let settings = DuesSettings {
                arrears_window: arrears,
                advance_window: advance,
                window_policy: policy,
                ..DuesSettings::default()
            };
            let got = check_window(m(first), m(last), ledger, &settings, approved);
            match (refusal, got) {
                (None, Ok(())) => {}
                (Some(words), Err(Error::Rule(message))) => {
                    assert!(message.contains(words), "{first}–{last}: {message}");
                    assert!(message.contains("第十二条"), "{message}");
                }
                (want, got) => panic!("{first}–{last} ({arrears}/{advance}, {policy:?}, {approved}): want {want:?}, got {got:?}"),
            }
        }
    }

    fn due(category: DuesCategory, base: &str, rounding: Rounding) -> i64 {
        let terms = Terms {
            category,
            base_fen: Some(parse_yuan(base).expect("base")),
            fixed_fen: None,
        };
        monthly_due(&terms, 100, rounding)
    }

    #[test]
    fn a_voluntary_extra_of_1000_yuan_or_more_is_large() {
        // 党费规定第十一条 "1000元以上": 1000元 itself is included.
        let table = [
            (0, false),
            (99_999, false),
            (100_000, true),
            (250_000, true),
            (-100_000, true),
            (-99_999, false),
        ];
        for (extra, large) in table {
            assert_eq!(is_large(extra), large, "{extra} 分");
        }
    }

    #[test]
    fn salary_brackets_are_whole_base_with_inclusive_tops() {
        // 党费规定 第二条 (exact wording in SALARY_BRACKETS); official Q&A:
        // 5100 × 1.5% = 76.5, 4900 × 1% = 49.
        use DuesCategory::Salaried;
        let table = [
            ("0", 0),
            ("2000", 1000),
            ("3000", 1500),
            ("3000.01", 3000),
            ("4900", 4900),
            ("5000", 5000),
            ("5000.01", 7500),
            ("5100", 7650),
            ("10000", 15000),
            ("10000.01", 20000),
            ("12345.67", 24691),
        ];
        for (base, fen) in table {
            assert_eq!(due(Salaried, base, Rounding::Fen), fen, "在职 {base}");
        }
        // 第三、四条 use the same table.
        assert_eq!(due(DuesCategory::AnnualSalary, "5100", Rounding::Fen), 7650);
        assert_eq!(
            due(DuesCategory::SelfEmployed, "3000.01", Rounding::Fen),
            3000
        );
    }

    #[test]
    fn retired_brackets() {
        // 党费规定 第五条: ≤5000 (inclusive) 0.5 %, above 1 %.
        use DuesCategory::Retired;
        for (base, fen) in [
            ("3000", 1500),
            ("5000", 2500),
            ("5000.01", 5000),
            ("6200", 6200),
        ] {
            assert_eq!(due(Retired, base, Rounding::Fen), fen, "离退休 {base}");
        }
    }

    #[test]
    fn fixed_amounts() {
        // 第六条: 农民 0.2–1 元 (the branch's choice, here 1元); the other four 0.2元.
        // 第七条: 少交 pays what the approval says, 免交 nothing.
        let t = |category, fixed_fen| Terms {
            category,
            base_fen: None,
            fixed_fen,
        };
        assert_eq!(
            monthly_due(&t(DuesCategory::Farmer, None), 100, Rounding::Fen),
            100
        );
        assert_eq!(
            monthly_due(&t(DuesCategory::Farmer, None), 20, Rounding::Fen),
            20
        );
        // A member's own amount, set by the branch within 0.2–1元, wins.
        assert_eq!(
            monthly_due(&t(DuesCategory::Farmer, Some(50)), 100, Rounding::Fen),
            50
        );
        for c in [
            DuesCategory::Student,
            DuesCategory::Unemployed,
            DuesCategory::Relief,
            DuesCategory::Dibao,
        ] {
            assert_eq!(monthly_due(&t(c, None), 100, Rounding::Fen), 20, "{c}");
        }
        assert_eq!(
            monthly_due(
                &t(DuesCategory::ReducedApproved, Some(500)),
                100,
                Rounding::Fen
            ),
            500
        );
        assert_eq!(
            monthly_due(&t(DuesCategory::ExemptApproved, None), 100, Rounding::Fen),
            0
        );
    }

    #[test]
    fn rounding_is_a_setting() {
        use DuesCategory::Salaried;
        // 3333.33 × 1% = 33.3333; 2999.90 × 0.5% = 14.9995; 4567.80 × 1% = 45.678.
        let table = [
            ("3333.33", Rounding::Fen, 3333),
            ("2999.90", Rounding::Fen, 1500),
            ("4567.80", Rounding::Fen, 4568),
            ("4567.80", Rounding::Jiao, 4570),
            ("4567.80", Rounding::TruncateToJiao, 4560),
            ("3333.33", Rounding::Jiao, 3330),
        ];
        for (base, rounding, fen) in table {
            assert_eq!(due(Salaried, base, rounding), fen, "{base} {rounding}");
        }
    }
}
