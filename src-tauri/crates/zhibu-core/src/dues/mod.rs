//! 党费: each member's category and base over time, what is due each month,
//! the payments that settle it, month closing, remittance upward and the
//! ledgers an inspector asks for (domain-rules §1, §2).
//!
//! Every table is append-only: a base is changed by a later base, a payment
//! by a reversing payment, so the books always show what happened. What a
//! member owes is never stored: it is derived from the roster history, the
//! bases and the payments, the same way the roster derives membership.

pub mod card;
pub mod close;
pub mod export;
pub mod large;
pub mod ledger;
pub mod payments;
pub mod profile;
pub mod remit;
mod reversal;
pub mod rules;
mod storage;
mod types;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::settings;
pub use rules::{DuesCategory, Rounding, Terms};

label_enum! {
    /// When a change of base takes effect (domain-rules §1.3: sources disagree).
    pub enum BasePolicy {
        /// 中央和国家机关办法 第二条: "年初核定…年内一般不变动".
        Annual = "年初核定、年内一般不变动",
        /// 党费规定 第十条: "从按新工资标准领取工资的当月起".
        Immediate = "工资变化当月起调整",
        /// A local variant: from the next year.
        NextYear = "工资变化次年起调整",
    }
    what: "党费基数调整办法"
}

label_enum! {
    /// What happens to a 补交/预交 outside the window.
    pub enum WindowPolicy {
        NeedsApproval = "填写支部批准说明后可以登记",
        Refuse = "不予登记",
    }
    what: "超期补交预交的处理"
}

label_enum! {
    /// How often the branch remits to the higher committee (local rule).
    pub enum RemitPeriod {
        Monthly = "每月",
        Quarterly = "每季度",
        HalfYearly = "每半年",
        Yearly = "每年",
    }
    what: "上缴周期"
}

impl RemitPeriod {
    fn months(self) -> u32 {
        match self {
            RemitPeriod::Monthly => 1,
            RemitPeriod::Quarterly => 3,
            RemitPeriod::HalfYearly => 6,
            RemitPeriod::Yearly => 12,
        }
    }

    /// The first and last month of the period that holds `month`.
    pub fn period_of(self, month: YearMonth) -> (YearMonth, YearMonth) {
        let len = self.months();
        let first = (month.month() - 1) / len * len + 1;
        let start = YearMonth::new(month.year(), first).unwrap_or(month);
        let mut end = start;
        for _ in 1..len {
            end = end.next();
        }
        (start, end)
    }

    /// "2026年第3季度", "2026年上半年", "2026年11月", "2026年".
    pub fn name_of(self, start: YearMonth) -> String {
        let y = start.year();
        match self {
            RemitPeriod::Monthly => format!("{y}年{}月", start.month()),
            RemitPeriod::Quarterly => format!("{y}年第{}季度", (start.month() - 1) / 3 + 1),
            RemitPeriod::HalfYearly if start.month() <= 6 => format!("{y}年上半年"),
            RemitPeriod::HalfYearly => format!("{y}年下半年"),
            RemitPeriod::Yearly => format!("{y}年"),
        }
    }
}

/// A branch's dues rules where the sources leave a choice, with the
/// defaults most local rules use. One setting per branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuesSettings {
    /// The first month the books are kept in this program; earlier months
    /// are neither due nor owed here (the paper 党费证 holds them).
    /// None: January of the current year.
    #[ts(type = "string | null")]
    pub start: Option<YearMonth>,
    /// A month's dues are 逾期 after this day of the month (default the 5th).
    pub due_day: u32,
    pub rounding: Rounding,
    /// 农民党员's monthly amount, 0.2–1元 (党费规定 第六条), in 分.
    pub farmer_fen: i64,
    pub base_policy: BasePolicy,
    /// The month of the yearly 核定 (default January).
    pub review_month: u32,
    /// 补交 more than this many months back needs the branch's approval
    /// (党费规定 第十二条: "一般不得超过6个月").
    pub arrears_window: u32,
    /// 预交 more than this many months ahead needs approval (secondary
    /// sources: up to 6 months).
    pub advance_window: u32,
    pub window_policy: WindowPolicy,
    pub remit_period: RemitPeriod,
}

impl Default for DuesSettings {
    fn default() -> Self {
        DuesSettings {
            start: None,
            due_day: 5,
            rounding: Rounding::Fen,
            farmer_fen: rules::FARMER_MIN_FEN,
            base_policy: BasePolicy::Annual,
            review_month: 1,
            arrears_window: 6,
            advance_window: 6,
            window_policy: WindowPolicy::NeedsApproval,
            remit_period: RemitPeriod::Quarterly,
        }
    }
}

label_enum! {
    /// How often a member pays. 党费规定第十二条: "遇到特殊情况，经党支部
    /// 同意，可以每季度交纳一次党费"; half-yearly only where local rules allow.
    #[derive(Default)]
    pub enum PayPeriod {
        #[default]
        Monthly = "按月",
        Quarterly = "按季度",
        HalfYearly = "按半年",
    }
    what: "交纳周期"
}

impl PayPeriod {
    pub fn months(self) -> u32 {
        match self {
            PayPeriod::Monthly => 1,
            PayPeriod::Quarterly => 3,
            PayPeriod::HalfYearly => 6,
        }
    }

    /// The period stored as its number of months (anything else: monthly).
    pub fn from_months(months: u32) -> PayPeriod {
        match months {
            3 => PayPeriod::Quarterly,
            6 => PayPeriod::HalfYearly,
            _ => PayPeriod::Monthly,
        }
    }

    /// The last month of the calendar quarter or half-year `month` is in:
    /// the months of a period fall due together, on that month's due day.
    pub fn last_month(self, month: YearMonth) -> YearMonth {
        let n = self.months();
        let last = (month.month() - 1) / n * n + n;
        YearMonth::new(month.year(), last).unwrap_or(month)
    }
}

impl DuesSettings {
    /// The first month kept, given today.
    pub fn start_month(&self, today: NaiveDate) -> YearMonth {
        self.start.unwrap_or_else(|| {
            YearMonth::new(YearMonth::of(today).year(), 1).unwrap_or(YearMonth::of(today))
        })
    }

    /// The last day a month's dues count as paid on time.
    pub fn due_date(&self, month: YearMonth) -> NaiveDate {
        month
            .first_day()
            .with_day0(self.due_day.clamp(1, 28) - 1)
            .unwrap_or(month.first_day())
    }

    pub fn monthly_due(&self, terms: &Terms) -> i64 {
        rules::monthly_due(terms, self.farmer_fen, self.rounding)
    }

    /// Refuses settings outside what the rules allow.
    pub fn check(&self) -> Result<()> {
        if !(1..=28).contains(&self.due_day) {
            return Err(Error::Validation(
                "交纳截止日应在每月1日到28日之间，请重新选择".into(),
            ));
        }
        if !(rules::FARMER_MIN_FEN..=rules::FARMER_MAX_FEN).contains(&self.farmer_fen) {
            return Err(Error::Rule(
                "党费规定第六条：农民党员每月交纳党费0.2元至1元，请在这个范围内选择".into(),
            ));
        }
        if !(1..=12).contains(&self.review_month) {
            return Err(Error::Validation("核定月份应为1至12月".into()));
        }
        if !(1..=12).contains(&self.arrears_window) || self.advance_window > 12 {
            return Err(Error::Validation(
                "补交期限应为1至12个月，预交期限应为0至12个月".into(),
            ));
        }
        Ok(())
    }
}

fn settings_key(org: OrgId) -> String {
    format!("dues_settings/{org}")
}

pub fn settings(conn: &Connection, org: OrgId) -> Result<DuesSettings> {
    settings::get_json(conn, &settings_key(org))
}

/// Saves the branch's settings. The start month cannot move past a closed
/// month or payments already recorded: those books would vanish from view.
pub fn set_settings(conn: &Connection, org: OrgId, new: &DuesSettings) -> Result<()> {
    new.check()?;
    if let Some(start) = new.start {
        if let Some(earliest) = storage::payments::earliest_booked(conn, org)? {
            if start > earliest {
                return Err(Error::Conflict(format!(
                    "{}已有收款或结账记录，记账起始月不能晚于该月，请选择{}或更早的月份",
                    month_label(earliest),
                    month_label(earliest)
                )));
            }
        }
    }
    settings::set_json(conn, &settings_key(org), new)
}

/// What `terms` cost a month under the branch's settings (农民 amount, rounding).
pub fn rate(conn: &Connection, org: OrgId, terms: &Terms) -> Result<i64> {
    Ok(settings(conn, org)?.monthly_due(terms))
}

/// "2026年11月".
pub fn month_label(month: YearMonth) -> String {
    format!("{}年{}月", month.year(), month.month())
}
