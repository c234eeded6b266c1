//! The shapes of the dues books that the use cases and the storage both
//! speak: base rows, payments with the months they pay, closed months,
//! remittances and the 大额党费 lines. It uses nothing of the area but the
//! parent's settings types and the pure rules, so `storage` can return these
//! without a circle.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::rules::Terms;
use super::PayPeriod;
use crate::labels::label_enum;
use crate::members::MemberId;
use crate::month::YearMonth;

/// One stored base row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BaseRecord {
    pub id: i64,
    pub member_id: MemberId,
    #[ts(type = "string")]
    pub effective: YearMonth,
    pub terms: Terms,
    pub pays_elsewhere: bool,
    /// Monthly, or 按季度 with the branch's consent (党费规定第十二条).
    pub period: PayPeriod,
    pub approval: Option<String>,
    pub note: Option<String>,
    pub created_at: String,
}

label_enum! {
    pub enum PayMethod {
        Cash = "现金",
        Transfer = "转账",
        WeChat = "微信",
        Other = "其他",
    }
    what: "交纳方式"
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

/// A closed month and its figures at closing time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ClosedMonth {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub closed_at: String,
    pub members_due: u32,
    pub members_paid: u32,
    pub due_fen: i64,
    pub received_fen: i64,
}

label_enum! {
    pub enum LargeKind {
        Received = "收到",
        Remitted = "上缴中央",
        ReceivedReversed = "收款冲正",
        RemittedReversed = "上缴冲正",
    }
    what: "大额党费记录类别"
}

/// One line of the ledger, with the balance after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LargeEntry {
    pub date: NaiveDate,
    pub kind: LargeKind,
    /// The member who gave it (lines of money taken in).
    pub name: Option<String>,
    /// Who handed it over when not the member (代交).
    pub paid_by: Option<String>,
    pub receipt_no: Option<String>,
    /// Money taken in (negative on a reversal).
    pub in_fen: i64,
    /// Money passed on to 中央 (negative on a reversal).
    pub out_fen: i64,
    /// What the branch holds after this line.
    pub balance_fen: i64,
    /// The note, or for a reversal its reason.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RemittanceRecord {
    pub id: i64,
    pub remitted_on: NaiveDate,
    #[ts(type = "string")]
    pub period_start: YearMonth,
    #[ts(type = "string")]
    pub period_end: YearMonth,
    pub period_label: String,
    pub amount_fen: i64,
    pub large: bool,
    pub receipt_no: Option<String>,
    pub note: Option<String>,
    pub reverses: Option<i64>,
    pub reversed_by: Option<i64>,
    pub reason: Option<String>,
    pub created_at: String,
}
