//! Each member's 党费 category and base, as a history of rows with the month
//! each takes effect, and the yearly 核定 that reviews every member at once.

use chrono::{DateTime, Local};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::{self, DuesCategory, Terms};
use super::storage::bases::{self as stored, NewBase};
use super::storage::{closed, people};
pub use super::types::BaseRecord;
use super::{month_label, settings, BasePolicy, DuesSettings, PayPeriod};
use crate::error::{Error, Result};
use crate::members::{self, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::text;

/// A new base from the form or the yearly 核定.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BaseInput {
    #[ts(type = "string")]
    pub effective: YearMonth,
    pub category: DuesCategory,
    pub base_fen: Option<i64>,
    /// 经批准少交: the approved monthly amount.
    pub fixed_fen: Option<i64>,
    /// A 流动党员 who pays where they are (党费规定 第九条).
    #[serde(default)]
    pub pays_elsewhere: bool,
    /// 按季度 (or 按半年) with the branch's consent, given in `approval`.
    #[serde(default)]
    pub period: PayPeriod,
    /// 经批准少交/免交, or a period other than monthly: the approval.
    pub approval: Option<String>,
    pub note: Option<String>,
}

/// A member's base rows in the order they apply (by month, then as entered).
pub fn bases(conn: &Connection, member: MemberId) -> Result<Vec<BaseRecord>> {
    stored::of_member(conn, member)
}

/// The row that applies to `month`: the latest effective on or before it.
pub fn applying(bases: &[BaseRecord], month: YearMonth) -> Option<&BaseRecord> {
    bases.iter().rev().find(|b| b.effective <= month)
}

/// The last closed month of the branch, if any.
pub(crate) fn last_closed(conn: &Connection, org: OrgId) -> Result<Option<YearMonth>> {
    closed::last(conn, org)
}

pub(crate) fn check_member(conn: &Connection, org: OrgId, member: MemberId) -> Result<String> {
    people::name_here(conn, org, member)?
        .ok_or_else(|| Error::NotFound("找不到这名党员，请刷新后重试".into()))
}

/// In a batch (the yearly 核定, a collection day), says whose entry a
/// validation or rule message is about.
pub(crate) fn naming_member(conn: &Connection, org: OrgId, member: MemberId, err: Error) -> Error {
    let name = check_member(conn, org, member).unwrap_or_default();
    let named = |m: String| {
        if m.starts_with(&name) {
            m
        } else {
            format!("{name}：{m}")
        }
    };
    match err {
        Error::Validation(m) => Error::Validation(named(m)),
        Error::Rule(m) => Error::Rule(named(m)),
        other => other,
    }
}

/// Checks a base against the category's rule and the branch's policy;
/// returns the terms to store.
fn checked(input: &BaseInput, settings: &DuesSettings, has_earlier: bool) -> Result<Terms> {
    let category = input.category;
    let mut terms = Terms {
        category,
        base_fen: None,
        fixed_fen: None,
    };
    if category.needs_base() {
        let base = input.base_fen.filter(|b| *b > 0).ok_or_else(|| {
            Error::Validation(format!(
                "“{category}”党员按比例交纳党费，请填写每月党费基数（元）。{}",
                category.clause()
            ))
        })?;
        if base > 100_000_000 {
            return Err(Error::Validation(
                "党费基数超过每月100万元，请核对是否多写了位数".into(),
            ));
        }
        terms.base_fen = Some(base);
    }
    if category == DuesCategory::ReducedApproved {
        let fixed = input.fixed_fen.filter(|f| *f > 0).ok_or_else(|| {
            Error::Validation("经批准少交的，请填写批准后每月交纳的金额（元）".into())
        })?;
        crate::money::check_fen("每月交纳金额", fixed)?;
        terms.fixed_fen = Some(fixed);
    }
    // 农民党员: the branch's standard, or this member's own amount when the
    // branch set one for them — 0.2 to 1元 either way (党费规定第六条).
    if category == DuesCategory::Farmer {
        if let Some(fixed) = input.fixed_fen.filter(|f| *f != 0) {
            if !(rules::FARMER_MIN_FEN..=rules::FARMER_MAX_FEN).contains(&fixed) {
                return Err(Error::Rule(format!(
                    "农民党员每月交纳党费0.2元至1元，填的是{}元。不填则按本支部统一标准。依据：{}",
                    crate::money::yuan(fixed),
                    category.clause()
                )));
            }
            terms.fixed_fen = Some(fixed);
        }
    }
    if matches!(
        category,
        DuesCategory::ReducedApproved | DuesCategory::ExemptApproved
    ) && text::optional_line("批准情况", &input.approval)?.is_none()
    {
        return Err(Error::Rule(format!(
            "请填写批准情况（文号或支部研究的会议）。{}",
            category.clause()
        )));
    }
    if input.period != PayPeriod::Monthly
        && text::optional_line("批准情况", &input.approval)?.is_none()
    {
        let local = if input.period == PayPeriod::HalfYearly {
            "第十二条只写了“可以每季度交纳一次”，按半年交纳须有本地规定，并"
        } else {
            ""
        };
        return Err(Error::Rule(format!(
            "{}交纳{local}须经党支部同意：请在“批准情况”中写明（如“2026年1月5日支委会同意”）。依据：{}",
            input.period,
            rules::CLAUSE_ARTICLE_12
        )));
    }
    let off_cycle = match settings.base_policy {
        BasePolicy::Annual => input.effective.month() != settings.review_month,
        BasePolicy::NextYear => input.effective.month() != 1,
        BasePolicy::Immediate => false,
    };
    if has_earlier && off_cycle && text::optional_line("备注", &input.note)?.is_none() {
        return Err(Error::Rule(format!(
            "本支部的办法是“{}”，{}调整基数请在备注中写明原因（如工资调整文件）；如属年度核定，请选择{}月生效",
            settings.base_policy,
            month_label(input.effective),
            match settings.base_policy {
                BasePolicy::NextYear => 1,
                _ => settings.review_month,
            }
        )));
    }
    Ok(terms)
}

/// Records a new base for a member. It can only take effect in a month that
/// is not closed: closed books keep the amounts they were closed with.
pub fn set_base(
    tx: &Transaction<'_>,
    org: OrgId,
    member: MemberId,
    input: &BaseInput,
    now: DateTime<Local>,
) -> Result<i64> {
    check_member(tx, org, member)?;
    let settings = settings(tx, org)?;
    if let Some(closed) = last_closed(tx, org)? {
        if input.effective <= closed {
            return Err(Error::Conflict(format!(
                "{}及以前的党费已结账，新的基数最早从{}起生效，请改选生效月份",
                month_label(closed),
                month_label(closed.next())
            )));
        }
    }
    let has_earlier = !bases(tx, member)?.is_empty();
    let terms = checked(input, &settings, has_earlier)?;
    let new = NewBase {
        member,
        effective: input.effective,
        terms: &terms,
        pays_elsewhere: input.pays_elsewhere,
        approval: text::optional_line("批准情况", &input.approval)?,
        note: text::optional_line("备注", &input.note)?,
        period: input.period,
    };
    stored::insert(tx, &new, now)
}

/// One member in the yearly 核定 screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReviewRow {
    pub member_id: MemberId,
    pub name: String,
    /// 人员类别 from the roster, a hint for the category.
    pub roster_category: Option<String>,
    /// The base that applies in the review month now.
    pub current: Option<BaseRecord>,
    pub current_fen: Option<i64>,
    /// A row dated this very month exists: this year's 核定 is done.
    pub reviewed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Review {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub rows: Vec<ReviewRow>,
    pub reviewed: u32,
    /// The month is closed: the review can no longer be entered for it.
    pub closed: bool,
}

/// Everyone on the roll on the first day of `month` (and anyone admitted in
/// it), with the base that applies and whether it has been reviewed.
pub fn review(conn: &Connection, org: OrgId, month: YearMonth) -> Result<Review> {
    let settings = settings(conn, org)?;
    let roll = members::on_roll(conn, org, month.last_day())?;
    let mut rows = Vec::with_capacity(roll.len());
    for m in roll {
        let history = bases(conn, m.member_id)?;
        let current = applying(&history, month).cloned();
        let reviewed = history.iter().any(|b| b.effective == month);
        rows.push(ReviewRow {
            member_id: m.member_id,
            name: m.name,
            roster_category: people::roster_category(conn, m.member_id)?,
            current_fen: current.as_ref().map(|b| settings.monthly_due(&b.terms)),
            current,
            reviewed,
        });
    }
    let closed = last_closed(conn, org)?.is_some_and(|c| c >= month);
    Ok(Review {
        month,
        reviewed: rows.iter().filter(|r| r.reviewed).count() as u32,
        rows,
        closed,
    })
}

/// One member's reviewed base.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReviewEntry {
    pub member_id: MemberId,
    pub category: DuesCategory,
    pub base_fen: Option<i64>,
    pub fixed_fen: Option<i64>,
    #[serde(default)]
    pub pays_elsewhere: bool,
    pub approval: Option<String>,
}

/// Records the yearly 核定 for `month`: one base row per entry, all or none.
/// A member whose entry is refused is named in the message.
pub fn apply_review(
    tx: &Transaction<'_>,
    org: OrgId,
    month: YearMonth,
    entries: &[ReviewEntry],
    now: DateTime<Local>,
) -> Result<u32> {
    for e in entries {
        // A member who pays 按季度 keeps doing so (with the same consent).
        let period = applying(&bases(tx, e.member_id)?, month)
            .map(|b| b.period)
            .unwrap_or_default();
        let input = BaseInput {
            effective: month,
            category: e.category,
            base_fen: e.base_fen,
            fixed_fen: e.fixed_fen,
            pays_elsewhere: e.pays_elsewhere,
            period,
            approval: e.approval.clone(),
            note: Some(format!("{}年度核定", month.year())),
        };
        set_base(tx, org, e.member_id, &input, now)
            .map_err(|err| naming_member(tx, org, e.member_id, err))?;
    }
    Ok(entries.len() as u32)
}
