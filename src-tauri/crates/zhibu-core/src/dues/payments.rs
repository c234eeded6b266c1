//! Recording money as branches really collect it: in cash at the 主题党日,
//! sometimes several months at once, sometimes handed over by a relative
//! (代交, 党费规定 第十二条). A payment pays the oldest open months first;
//! a mistake is put right by a reversing entry with a reason, never by
//! editing the payment.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::Book;
use super::month_label;
use super::rules::{check_window, is_large};
use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::members::MemberId;
use crate::money::{self, yuan};
use crate::month::YearMonth;
use crate::org::OrgId;
use crate::text;

label_enum! {
    pub enum PayMethod {
        Cash = "现金",
        Transfer = "转账",
        WeChat = "微信",
        Other = "其他",
    }
    what: "交纳方式"
}

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Allocation {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub fen: i64,
}

/// A stored payment or reversal.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PaymentRecord {
    pub id: i64,
    pub member_id: MemberId,
    pub name: String,
    pub paid_on: NaiveDate,
    #[ts(type = "string")]
    pub ledger_month: YearMonth,
    pub dues_fen: i64,
    pub extra_fen: i64,
    /// 大额党费: a voluntary extra of 1000元 or more (党费规定 第十一条).
    pub large: bool,
    pub method: PayMethod,
    pub paid_by: Option<String>,
    pub receipt_no: Option<String>,
    pub approval: Option<String>,
    /// This row reverses that payment.
    pub reverses: Option<i64>,
    /// This payment was reversed by that row.
    pub reversed_by: Option<i64>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub months: Vec<Allocation>,
    pub created_at: String,
}

fn check_open(conn: &Connection, org: OrgId, ledger: YearMonth) -> Result<()> {
    let closed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM dues_closed_months WHERE org_id = ?1 AND month = ?2)",
        params![org, ledger.to_string()],
        |r| r.get(0),
    )?;
    if closed {
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
    tx.execute(
        "INSERT INTO dues_payments (org_id, member_id, paid_on, ledger_month, dues_fen, extra_fen, method,
             paid_by, receipt_no, approval, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            org,
            input.member_id,
            input.paid_on,
            ledger.to_string(),
            required,
            input.amount_fen - required,
            input.method,
            paid_by,
            text::optional_line("收据编号", &input.receipt_no)?,
            approval,
            text::optional_line("备注", &input.note)?,
            now.to_rfc3339()
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_allocations(tx, id, &allocations, 1)?;
    Ok(id)
}

fn insert_allocations(
    tx: &Transaction<'_>,
    payment: i64,
    allocations: &[Allocation],
    sign: i64,
) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO dues_allocations (payment_id, month, amount_fen) VALUES (?1, ?2, ?3)",
    )?;
    for a in allocations {
        stmt.execute(params![payment, a.month.to_string(), sign * a.fen])?;
    }
    Ok(())
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
    let original = record(tx, org, payment)?
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
    tx.execute(
        "INSERT INTO dues_payments (org_id, member_id, paid_on, ledger_month, dues_fen, extra_fen, method,
             paid_by, receipt_no, reverses_id, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            org,
            original.member_id,
            on,
            ledger.to_string(),
            -original.dues_fen,
            -original.extra_fen,
            original.method,
            original.paid_by,
            original.receipt_no,
            payment,
            reason,
            now.to_rfc3339()
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_allocations(tx, id, &original.months, -1)?;
    Ok(id)
}

const PAYMENT_COLUMNS: &str = "p.id, p.member_id, m.name, p.paid_on, p.ledger_month, p.dues_fen, p.extra_fen,
     p.method, p.paid_by, p.receipt_no, p.approval, p.reverses_id,
     (SELECT r.id FROM dues_payments r WHERE r.reverses_id = p.id), p.reason, p.note, p.created_at,
     COALESCE((SELECT ABS(o.extra_fen) FROM dues_payments o WHERE o.id = p.reverses_id), p.extra_fen)";

fn payment_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PaymentRecord> {
    let ledger: String = r.get(4)?;
    let large_basis: i64 = r.get(16)?;
    Ok(PaymentRecord {
        id: r.get(0)?,
        member_id: r.get(1)?,
        name: r.get(2)?,
        paid_on: r.get(3)?,
        ledger_month: YearMonth::parse(&ledger).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        dues_fen: r.get(5)?,
        extra_fen: r.get(6)?,
        large: is_large(large_basis),
        method: r.get(7)?,
        paid_by: r.get(8)?,
        receipt_no: r.get(9)?,
        approval: r.get(10)?,
        reverses: r.get(11)?,
        reversed_by: r.get(12)?,
        reason: r.get(13)?,
        note: r.get(14)?,
        months: Vec::new(),
        created_at: r.get(15)?,
    })
}

fn with_months(conn: &Connection, mut records: Vec<PaymentRecord>) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, amount_fen FROM dues_allocations WHERE payment_id = ?1 ORDER BY month",
    )?;
    for p in &mut records {
        p.months = stmt
            .query_map([p.id], |r| {
                let month: String = r.get(0)?;
                Ok((month, r.get::<_, i64>(1)?))
            })?
            .map(|row| {
                let (month, fen) = row?;
                Ok(Allocation {
                    month: YearMonth::parse(&month)?,
                    fen: fen.abs(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
    }
    Ok(records)
}

fn record(conn: &Connection, org: OrgId, id: i64) -> Result<Option<PaymentRecord>> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {PAYMENT_COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
                 WHERE p.id = ?1 AND p.org_id = ?2"
            ),
            params![id, org],
            payment_from_row,
        )
        .optional()?;
    Ok(with_months(conn, found.into_iter().collect())?.pop())
}

/// A member's payments and reversals, in the order they happened.
pub fn of_member(conn: &Connection, org: OrgId, member: MemberId) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAYMENT_COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
         WHERE p.org_id = ?1 AND p.member_id = ?2 ORDER BY p.paid_on, p.id"
    ))?;
    let rows = stmt
        .query_map(params![org, member], payment_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_months(conn, rows)
}

/// The cash book of ledger months `from..=through`: every payment and
/// reversal taken in, in date order.
pub fn cash_book(
    conn: &Connection,
    org: OrgId,
    from: YearMonth,
    through: YearMonth,
) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAYMENT_COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
         WHERE p.org_id = ?1 AND p.ledger_month BETWEEN ?2 AND ?3 ORDER BY p.paid_on, p.id"
    ))?;
    let rows = stmt
        .query_map(
            params![org, from.to_string(), through.to_string()],
            payment_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_months(conn, rows)
}
