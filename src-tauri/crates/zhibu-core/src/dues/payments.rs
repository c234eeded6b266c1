//! Recording money as branches really collect it: in cash at the 主题党日,
//! sometimes several months at once, sometimes handed over by a relative
//! (代交, 党费规定 第十二条). A payment pays the oldest open months first;
//! a mistake is put right by a reversing entry with a reason, never by
//! editing the payment.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::Book;
use super::month_label;
use super::rules::check_window;
use super::storage::closed;
use super::storage::payments::{self as stored, NewPayment};
pub use super::types::{Allocation, PayMethod, PaymentRecord};
use crate::error::{Error, Result};
use crate::members::MemberId;
use crate::money::{self, yuan};
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::text;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PaymentInput {
    pub member_id: MemberId,
    pub paid_on: NaiveDate,
    /// How many months it pays, oldest open month first; 0 for a voluntary
    /// payment that pays no month.
    pub months: u32,
    /// The whole sum handed over; anything above the months' dues is 自愿多交.
    pub amount_fen: i64,
    pub method: PayMethod,
    /// Who handed it over when not the member (代交); None or "本人" for the member.
    pub paid_by: Option<String>,
    pub receipt_no: Option<String>,
    /// The branch's approval of a 补交/预交 beyond the window.
    pub approval: Option<String>,
    pub note: Option<String>,
}

fn check_open(conn: &Connection, org: OrgId, ledger: YearMonth) -> Result<()> {
    if closed::is_closed(conn, org, ledger)? {
        return Err(Error::Conflict(format!(
            "{}已结账，不能再记入收款。请把日期填在未结账的月份（如今天），并在备注中写明原因",
            month_label(ledger)
        )));
    }
    Ok(())
}

/// Records one payment; returns its id.
pub fn pay(
    tx: &Transaction<'_>,
    org: OrgId,
    input: &PaymentInput,
    now: DateTime<Local>,
) -> Result<i64> {
    // 0 months: a voluntary sum alone (党费规定第十一条).
    text::in_range("交纳月数", input.months, 0, 120)?;
    money::check_fen("实收金额", input.amount_fen)?;
    let today = now.date_naive();
    let name = super::profile::check_member(tx, org, input.member_id)?;
    if input.paid_on > today {
        return Err(Error::Validation("收款日期不能晚于今天，请核对".into()));
    }
    if input.amount_fen <= 0 {
        return Err(Error::Validation("请填写实收金额（元）".into()));
    }
    let approval = text::optional_line("批准情况", &input.approval)?;
    let ledger = YearMonth::of(input.paid_on);
    check_open(tx, org, ledger)?;
    let book = Book::load_for(tx, org, today, Some(input.member_id))?;
    let s = &book.settings;
    let member = book
        .member(input.member_id)
        .ok_or_else(|| Error::NotFound(format!("{name}不在本支部的名册中")))?;
    let open = member.open_months(book.start, input.months, s, ledger.plus(36));
    if (open.len() as u32) < input.months {
        return Err(Error::Validation(format!(
            "{name}目前只有{}个月的党费可以交纳（不在本支部名册的月份、已交清的月份不算），请减少月数",
            open.len()
        )));
    }
    let mut allocations = Vec::with_capacity(open.len());
    for (month, fen) in &open {
        let fen = fen.ok_or_else(|| {
            Error::Validation(format!(
                "{name}{}的党费基数还没有核定，算不出应交金额。请先在“基数核定”中为{name}填写类别和基数，再登记收款",
                month_label(*month)
            ))
        })?;
        allocations.push(Allocation { month: *month, fen });
    }
    if let (Some(first), Some(last)) = (allocations.first(), allocations.last()) {
        check_window(first.month, last.month, ledger, s, approval.is_some())?;
    }
    let required: i64 = allocations.iter().map(|a| a.fen).sum();
    if input.amount_fen < required {
        let span = match (allocations.first(), allocations.last()) {
            (Some(a), Some(b)) if a.month != b.month => {
                format!("{}至{}", month_label(a.month), month_label(b.month))
            }
            (Some(a), _) => month_label(a.month),
            _ => String::new(),
        };
        return Err(Error::Validation(format!(
            "{}个月（{span}）应交{}元，实收{}元，少了{}元。请核对金额，或减少所交月数",
            allocations.len(),
            yuan(required),
            yuan(input.amount_fen),
            yuan(required - input.amount_fen)
        )));
    }
    let paid_by =
        text::optional_line("代交人", &input.paid_by)?.filter(|p| p != "本人" && *p != name);
    let receipt_no = text::optional_line("收据编号", &input.receipt_no)?;
    let note = text::optional_line("备注", &input.note)?;
    let new = NewPayment {
        org,
        member: input.member_id,
        paid_on: input.paid_on,
        ledger,
        dues_fen: required,
        extra_fen: input.amount_fen - required,
        method: input.method,
        paid_by: paid_by.as_deref(),
        receipt_no: receipt_no.as_deref(),
        approval: approval.as_deref(),
        note: note.as_deref(),
        reverses: None,
        reason: None,
        months: &allocations,
    };
    stored::insert(tx, &new, now)
}

/// Records several payments (the ticks of a collection day): all or none.
pub fn pay_all(
    tx: &Transaction<'_>,
    org: OrgId,
    inputs: &[PaymentInput],
    now: DateTime<Local>,
) -> Result<Vec<i64>> {
    inputs
        .iter()
        .map(|input| {
            pay(tx, org, input, now)
                .map_err(|e| super::profile::naming_member(tx, org, input.member_id, e))
        })
        .collect()
}

/// Reverses a payment on `on` (a day in an open month), with a reason. The
/// original stays as it was; the reversal cancels it in the books.
pub fn reverse(
    tx: &Transaction<'_>,
    org: OrgId,
    payment: i64,
    on: NaiveDate,
    reason: &str,
    now: DateTime<Local>,
) -> Result<i64> {
    let original = stored::one(tx, org, payment)?
        .ok_or_else(|| Error::NotFound("找不到这笔收款，请刷新后重试".into()))?;
    let reason = super::reversal::check(
        "收款",
        super::reversal::Original {
            is_reversal: original.reverses.is_some(),
            reversed: original.reversed_by.is_some(),
        },
        on,
        now.date_naive(),
        reason,
    )?;
    let ledger = YearMonth::of(on);
    check_open(tx, org, ledger)?;
    let new = NewPayment {
        org,
        member: original.member_id,
        paid_on: on,
        ledger,
        dues_fen: -original.dues_fen,
        extra_fen: -original.extra_fen,
        method: original.method,
        paid_by: original.paid_by.as_deref(),
        receipt_no: original.receipt_no.as_deref(),
        approval: None,
        note: None,
        reverses: Some(payment),
        reason: Some(&reason),
        months: &original.months,
    };
    stored::insert(tx, &new, now)
}

/// A member's payments and reversals, in the order they happened.
pub fn of_member(conn: &Connection, org: OrgId, member: MemberId) -> Result<Vec<PaymentRecord>> {
    stored::of_member(conn, org, member)
}

/// The cash book of ledger months `from..=through`: every payment and
/// reversal taken in, in date order.
pub fn cash_book(
    conn: &Connection,
    org: OrgId,
    from: YearMonth,
    through: YearMonth,
) -> Result<Vec<PaymentRecord>> {
    stored::booked_in(conn, org, from, through)
}
