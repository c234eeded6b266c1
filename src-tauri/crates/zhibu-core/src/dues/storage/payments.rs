//! The `dues_payments` and `dues_allocations` tables: each sum taken in (or
//! reversed), the ledger month it is booked in, and the months it pays.
//! Neither is ever updated or deleted (the migrations' triggers refuse it).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::dues::rules::{is_large, LARGE_FEN};
use crate::dues::types::{Allocation, LargeEntry, LargeKind, PayMethod, PaymentRecord};
use crate::error::Result;
use crate::members::MemberId;
use crate::month::YearMonth;
use crate::org::OrgId;

/// SQL saying that payment `p` is 大额党费, where `o` is the payment it
/// reverses (LEFT JOINed): a reversal is large when what it reverses was.
fn is_large_sql() -> String {
    format!("ABS(COALESCE(o.extra_fen, p.extra_fen)) >= {LARGE_FEN}")
}

/// A payment or a reversal, checked and cleaned.
pub struct NewPayment<'a> {
    pub org: OrgId,
    pub member: MemberId,
    pub paid_on: NaiveDate,
    pub ledger: YearMonth,
    pub dues_fen: i64,
    pub extra_fen: i64,
    pub method: PayMethod,
    pub paid_by: Option<&'a str>,
    pub receipt_no: Option<&'a str>,
    pub approval: Option<&'a str>,
    pub note: Option<&'a str>,
    pub reverses: Option<i64>,
    pub reason: Option<&'a str>,
    /// The months paid; stored with the sign of the payment.
    pub months: &'a [Allocation],
}

/// Stores a payment with its months; returns its id.
pub fn insert(conn: &Connection, p: &NewPayment<'_>, now: DateTime<Local>) -> Result<i64> {
    conn.execute(
        "INSERT INTO dues_payments (org_id, member_id, paid_on, ledger_month, dues_fen, extra_fen, method,
             paid_by, receipt_no, approval, note, reverses_id, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            p.org,
            p.member,
            p.paid_on,
            p.ledger.to_string(),
            p.dues_fen,
            p.extra_fen,
            p.method,
            p.paid_by,
            p.receipt_no,
            p.approval,
            p.note,
            p.reverses,
            p.reason,
            now.to_rfc3339()
        ],
    )?;
    let id = conn.last_insert_rowid();
    let sign = if p.reverses.is_some() { -1 } else { 1 };
    let mut stmt = conn.prepare_cached(
        "INSERT INTO dues_allocations (payment_id, month, amount_fen) VALUES (?1, ?2, ?3)",
    )?;
    for a in p.months {
        stmt.execute(params![id, a.month.to_string(), sign * a.fen])?;
    }
    Ok(id)
}

const COLUMNS: &str = "p.id, p.member_id, m.name, p.paid_on, p.ledger_month, p.dues_fen, p.extra_fen,
     p.method, p.paid_by, p.receipt_no, p.approval, p.reverses_id,
     (SELECT r.id FROM dues_payments r WHERE r.reverses_id = p.id), p.reason, p.note, p.created_at,
     COALESCE((SELECT ABS(o.extra_fen) FROM dues_payments o WHERE o.id = p.reverses_id), p.extra_fen)";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PaymentRecord> {
    let large_basis: i64 = r.get(16)?;
    Ok(PaymentRecord {
        id: r.get(0)?,
        member_id: r.get(1)?,
        name: r.get(2)?,
        paid_on: r.get(3)?,
        ledger_month: r.get(4)?,
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

/// Fills in the months each payment pays (as positive sums).
fn with_months(conn: &Connection, mut records: Vec<PaymentRecord>) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, amount_fen FROM dues_allocations WHERE payment_id = ?1 ORDER BY month",
    )?;
    for p in &mut records {
        p.months = stmt
            .query_map([p.id], |r| {
                Ok(Allocation {
                    month: r.get(0)?,
                    fen: r.get::<_, i64>(1)?.abs(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(records)
}

/// One payment of the branch, with its months.
pub fn one(conn: &Connection, org: OrgId, id: i64) -> Result<Option<PaymentRecord>> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
                 WHERE p.id = ?1 AND p.org_id = ?2"
            ),
            params![id, org],
            from_row,
        )
        .optional()?;
    Ok(with_months(conn, found.into_iter().collect())?.pop())
}

/// A member's payments and reversals, in the order they happened.
pub fn of_member(conn: &Connection, org: OrgId, member: MemberId) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
         WHERE p.org_id = ?1 AND p.member_id = ?2 ORDER BY p.paid_on, p.id"
    ))?;
    let rows = stmt
        .query_map(params![org, member], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_months(conn, rows)
}

/// Every payment booked in ledger months `from..=through`, in date order.
pub fn booked_in(
    conn: &Connection,
    org: OrgId,
    from: YearMonth,
    through: YearMonth,
) -> Result<Vec<PaymentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM dues_payments p JOIN members m ON m.id = p.member_id
         WHERE p.org_id = ?1 AND p.ledger_month BETWEEN ?2 AND ?3 ORDER BY p.paid_on, p.id"
    ))?;
    let rows = stmt
        .query_map(
            params![org, from.to_string(), through.to_string()],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_months(conn, rows)
}

/// Money taken in with ledger months `from..=through`: (ordinary dues and
/// extras, 大额党费). A payment whose extra is 1000元 or more is 大额党费;
/// its months' dues stay ordinary.
pub fn received_in(
    conn: &Connection,
    org: OrgId,
    from: YearMonth,
    through: YearMonth,
) -> Result<(i64, i64)> {
    let large = is_large_sql();
    Ok(conn.query_row(
        &format!(
            "SELECT COALESCE(SUM(p.dues_fen + CASE WHEN {large} THEN 0 ELSE p.extra_fen END), 0),
                    COALESCE(SUM(CASE WHEN {large} THEN p.extra_fen ELSE 0 END), 0)
             FROM dues_payments p LEFT JOIN dues_payments o ON o.id = p.reverses_id
             WHERE p.org_id = ?1 AND p.ledger_month BETWEEN ?2 AND ?3"
        ),
        params![org, from.to_string(), through.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Per month: what was paid toward it (net of reversals) and the last day
/// money came in for it.
pub type PaidMonths = BTreeMap<YearMonth, (i64, Option<NaiveDate>)>;

/// What each member has paid toward each month; of `only`, or of everyone.
pub fn paid_by_month(
    conn: &Connection,
    org: OrgId,
    only: Option<MemberId>,
) -> Result<HashMap<MemberId, PaidMonths>> {
    let sql = format!(
        "SELECT p.member_id, a.month, SUM(a.amount_fen), MAX(CASE WHEN a.amount_fen > 0 THEN p.paid_on END)
         FROM dues_allocations a JOIN dues_payments p ON p.id = a.payment_id
         WHERE p.org_id = ?1 AND {} GROUP BY p.member_id, a.month",
        if only.is_some() { "p.member_id = ?2" } else { "?2 IS NULL" }
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![org, only], |r| {
        Ok((
            r.get::<_, MemberId>(0)?,
            r.get::<_, YearMonth>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<NaiveDate>>(3)?,
        ))
    })?;
    let mut paid: HashMap<MemberId, BTreeMap<YearMonth, (i64, Option<NaiveDate>)>> = HashMap::new();
    for row in rows {
        let (member, month, fen, on) = row?;
        paid.entry(member).or_default().insert(month, (fen, on));
    }
    Ok(paid)
}

/// The earliest month the books already hold: paid by a payment, or closed.
pub fn earliest_booked(conn: &Connection, org: OrgId) -> Result<Option<YearMonth>> {
    Ok(conn.query_row(
        "SELECT MIN(m) FROM (
             SELECT a.month AS m FROM dues_allocations a JOIN dues_payments p ON p.id = a.payment_id
             WHERE p.org_id = ?1
             UNION ALL SELECT month FROM dues_closed_months WHERE org_id = ?1)",
        [org],
        |r| r.get(0),
    )?)
}

/// The 大额党费 taken in (and reversed) before `to` ("YYYY-MM-DD"), as lines
/// of the large ledger without their balance, each with its row id.
pub fn large_received(conn: &Connection, org: OrgId, to: &str) -> Result<Vec<(i64, LargeEntry)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.paid_on, m.name, p.paid_by, p.receipt_no, p.extra_fen, p.reverses_id,
                COALESCE(p.reason, p.note)
         FROM dues_payments p
         JOIN members m ON m.id = p.member_id
         LEFT JOIN dues_payments o ON o.id = p.reverses_id
         WHERE p.org_id = ?1 AND p.paid_on < ?2 AND {}",
        is_large_sql()
    ))?;
    let rows = stmt.query_map(params![org, to], |r| {
        let reverses: Option<i64> = r.get(6)?;
        Ok((
            r.get(0)?,
            LargeEntry {
                date: r.get(1)?,
                kind: if reverses.is_some() {
                    LargeKind::ReceivedReversed
                } else {
                    LargeKind::Received
                },
                name: Some(r.get(2)?),
                paid_by: r.get(3)?,
                receipt_no: r.get(4)?,
                in_fen: r.get(5)?,
                out_fen: 0,
                balance_fen: 0,
                note: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
