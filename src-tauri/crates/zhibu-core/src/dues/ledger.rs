//! What each member owes month by month, derived from three things only: the
//! roster history (which months they belonged here), their base rows (how
//! much a month is) and the payments allocated to months. From it: the
//! collection-day sheet of a month and the arrears list with the 党章 第九条
//! warnings (a member's dues card, which adds the payments, is `card`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::profile::{applying, BaseRecord};
use super::rules::DuesCategory;
use super::storage;
use super::{month_label, settings, DuesSettings};
use crate::error::Result;
use crate::labels::label_enum;
use crate::meetings::participation::{ParticipationLevel, CLAUSE_ARTICLE_9};
use crate::members::state::{roll_spans, suspensions, RollSpan};
use crate::members::{roster, EventKind, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;

/// 党费规定 第十三条.
pub const CLAUSE_ARTICLE_13: &str = "《关于中国共产党党费收缴、使用和管理的规定》第十三条：对无正当理由，连续6个月不交纳党费的党员，按自行脱党处理";

/// How a member stands toward this branch's books in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owing {
    /// Not on this branch's roll that month.
    NotHere,
    /// A 流动党员 paying where they are.
    Elsewhere,
    /// On the roll but no base entered yet.
    NoBase,
    Due(i64),
}

/// One member's book: what is needed to answer any question about them.
#[derive(Debug, Clone)]
pub struct MemberBook {
    pub member_id: MemberId,
    pub name: String,
    pub group_id: Option<i64>,
    spans: Vec<RollSpan>,
    /// 停止党籍 from … to: no dues in between.
    suspended: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// A 预备党员 handed over from 发展党员: the day the 上级党委 approved
    /// (the roster entry is made then, dated back to the 支部大会). Months
    /// due before it are owed (党费规定第八条) but could not have been
    /// collected, so they do not count toward the unpaid run.
    handed_over: Option<NaiveDate>,
    pub bases: Vec<BaseRecord>,
    /// Month → (net amount allocated, the last day money came in for it).
    paid: BTreeMap<YearMonth, (i64, Option<NaiveDate>)>,
}

impl MemberBook {
    /// A month is this branch's to collect when the member was on its roll
    /// on the month's first day, or was admitted here during it (党费规定
    /// 第八条: dues start from the 支部大会 that admitted them). Someone who
    /// transfers in mid-month paid that month where they came from. A month
    /// that begins with the 党籍 stopped is nobody's to collect.
    pub fn here_in(&self, month: YearMonth) -> bool {
        let first = month.first_day();
        let stopped = self
            .suspended
            .iter()
            .any(|(from, until)| *from <= first && until.is_none_or(|u| u > first));
        !stopped
            && self.spans.iter().any(|s| {
                let open_on_first = s.from <= first && s.until.is_none_or(|u| u > first);
                let admitted_in = s.by == EventKind::Admitted && YearMonth::of(s.from) == month;
                open_on_first || admitted_in
            })
    }

    pub fn owing(&self, month: YearMonth, settings: &DuesSettings) -> Owing {
        if !self.here_in(month) {
            return Owing::NotHere;
        }
        match applying(&self.bases, month) {
            None => Owing::NoBase,
            Some(b) if b.pays_elsewhere => Owing::Elsewhere,
            Some(b) => Owing::Due(settings.monthly_due(&b.terms)),
        }
    }

    /// The last day `month` counts as paid on time for this member: the
    /// branch's due day, or for one who pays 按季度/按半年 the due day of
    /// the period's last month (党费规定第十二条).
    pub fn due_date(&self, month: YearMonth, settings: &DuesSettings) -> NaiveDate {
        let period = applying(&self.bases, month)
            .map(|b| b.period)
            .unwrap_or_default();
        settings.due_date(period.last_month(month))
    }

    /// The latest month any money was allocated to.
    pub fn last_paid_month(&self) -> Option<YearMonth> {
        self.paid.keys().next_back().copied()
    }

    pub fn paid(&self, month: YearMonth) -> i64 {
        self.paid.get(&month).map(|p| p.0).unwrap_or(0)
    }

    pub fn paid_on(&self, month: YearMonth) -> Option<NaiveDate> {
        self.paid.get(&month).and_then(|p| p.1)
    }

    /// What is still open for a month (never negative).
    pub fn outstanding(&self, month: YearMonth, settings: &DuesSettings) -> Option<i64> {
        match self.owing(month, settings) {
            Owing::Due(due) => Some((due - self.paid(month)).max(0)),
            Owing::NoBase => None,
            _ => Some(0),
        }
    }

    /// The current run of months, up to `today`, that were due, past their
    /// due day, and got no money at all. Months that were not due here
    /// (before joining, paid elsewhere, 免交, no base yet) or fell due before
    /// a 预备党员 was handed over neither count nor break it.
    pub fn unpaid_run(
        &self,
        start: YearMonth,
        today: NaiveDate,
        settings: &DuesSettings,
    ) -> (u32, Option<YearMonth>) {
        let mut month = YearMonth::of(today);
        let (mut run, mut since) = (0, None);
        while month >= start {
            let due_day = self.due_date(month, settings);
            // Before the handover the branch could not have asked for it.
            let overdue = today > due_day && self.handed_over.is_none_or(|h| due_day >= h);
            // A month with no base has no amount the clerk could have taken:
            // it is reported as 未核定基数, not counted as unpaid.
            let counts = match self.owing(month, settings) {
                Owing::Due(0) | Owing::NotHere | Owing::Elsewhere | Owing::NoBase => None,
                Owing::Due(_) => Some(self.paid(month) <= 0),
            };
            match (overdue, counts) {
                (true, Some(true)) => {
                    run += 1;
                    since = Some(month);
                }
                (true, Some(false)) => break,
                _ => {}
            }
            month = month.prev();
        }
        (run, since)
    }

    /// Months from `start` through `through` that are past their due day
    /// and not fully paid, with what is owed on each (None: no base yet).
    pub fn overdue(
        &self,
        start: YearMonth,
        through: YearMonth,
        today: NaiveDate,
        settings: &DuesSettings,
    ) -> Vec<(YearMonth, Option<i64>)> {
        let mut out = Vec::new();
        let mut month = start;
        while month <= through {
            if today > self.due_date(month, settings) {
                match self.outstanding(month, settings) {
                    Some(0) => {}
                    other => out.push((month, other)),
                }
            }
            month = month.next();
        }
        out
    }

    /// The oldest months, from `start`, that still have money owing, taking
    /// up to `count` of them; future months are included (预交).
    pub fn open_months(
        &self,
        start: YearMonth,
        count: u32,
        settings: &DuesSettings,
        horizon: YearMonth,
    ) -> Vec<(YearMonth, Option<i64>)> {
        let mut out = Vec::new();
        let mut month = start;
        while month <= horizon && (out.len() as u32) < count {
            match self.outstanding(month, settings) {
                Some(0) => {}
                other => out.push((month, other)),
            }
            month = month.next();
        }
        out
    }
}

/// Everything about a branch's dues, loaded in four queries.
pub struct Book {
    pub settings: DuesSettings,
    pub start: YearMonth,
    pub members: Vec<MemberBook>,
    pub closed: BTreeSet<YearMonth>,
}

impl Book {
    pub fn load(conn: &Connection, org: OrgId, today: NaiveDate) -> Result<Book> {
        Book::load_for(conn, org, today, None)
    }

    /// The book of one member only (or of all when `only` is None).
    pub fn load_for(
        conn: &Connection,
        org: OrgId,
        today: NaiveDate,
        only: Option<MemberId>,
    ) -> Result<Book> {
        let settings = settings(conn, org)?;
        let start = settings.start_month(today);
        let mut bases: HashMap<MemberId, Vec<BaseRecord>> = HashMap::new();
        let rows = match only {
            Some(id) => storage::bases::of_member(conn, id)?,
            None => storage::bases::of_branch(conn, org)?,
        };
        for b in rows {
            bases.entry(b.member_id).or_default().push(b);
        }
        let mut paid = storage::payments::paid_by_month(conn, org, only)?;
        // 预备党员 handed over from 发展党员: the 上级党委's approval (step 17).
        let handed_over = storage::people::handed_over(conn, org, only)?;
        let histories = match only {
            Some(id) => vec![roster::history_of(conn, id)?],
            None => roster::histories(conn, org)?,
        };
        let members = histories
            .into_iter()
            .map(|(m, events)| MemberBook {
                member_id: m.id,
                name: m.name,
                group_id: m.group_id,
                spans: roll_spans(&events, org),
                suspended: suspensions(&events),
                handed_over: handed_over.get(&m.id).copied(),
                bases: bases.remove(&m.id).unwrap_or_default(),
                paid: paid.remove(&m.id).unwrap_or_default(),
            })
            .collect();
        let closed = storage::closed::months(conn, org)?;
        Ok(Book {
            settings,
            start,
            members,
            closed,
        })
    }

    pub fn member(&self, id: MemberId) -> Option<&MemberBook> {
        self.members.iter().find(|m| m.member_id == id)
    }
}

label_enum! {
    /// A member's month on the collection sheet.
    pub enum MonthState {
        Paid = "已交",
        Partly = "未交足",
        Unpaid = "未交",
        Overdue = "逾期未交",
        NoBase = "未核定基数",
        Exempt = "免交",
        Elsewhere = "在流入地交纳",
    }
    what: "交纳状态"
}

/// One member on the collection sheet of a month.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SheetRow {
    pub member_id: MemberId,
    pub name: String,
    pub group_id: Option<i64>,
    pub category: Option<DuesCategory>,
    pub base_fen: Option<i64>,
    /// What the month costs (None: no base yet).
    pub due_fen: Option<i64>,
    /// Paid toward this month (net of corrections).
    pub paid_fen: i64,
    pub paid_on: Option<NaiveDate>,
    pub state: MonthState,
    /// Paid after the due day.
    pub late: bool,
    /// The oldest month still owing: a tick pays that month first.
    #[ts(type = "string | null")]
    pub next_open: Option<YearMonth>,
    /// What ticking would collect: the oldest open month's balance.
    pub next_open_fen: Option<i64>,
    /// Overdue months and what they come to (known amounts only).
    pub overdue_months: u32,
    pub overdue_fen: i64,
    /// Consecutive months with nothing paid, up to today.
    pub unpaid_run: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MonthSheet {
    #[ts(type = "string")]
    pub month: YearMonth,
    pub due_date: NaiveDate,
    pub closed: bool,
    /// The month is before the books start.
    pub before_start: bool,
    #[ts(type = "string")]
    pub start: YearMonth,
    pub rows: Vec<SheetRow>,
    /// Sum of the month's dues (known amounts).
    pub due_fen: i64,
    /// Paid toward the month so far.
    pub paid_fen: i64,
    /// Money taken in during the month (its cash book), all months and extras.
    pub received_fen: i64,
    pub members_due: u32,
    pub members_paid: u32,
    pub members_no_base: u32,
}

/// The collection sheet of `month`: everyone whose dues this branch
/// collects that month, and anyone else who paid toward it.
pub fn month_sheet(
    conn: &Connection,
    org: OrgId,
    month: YearMonth,
    today: NaiveDate,
) -> Result<MonthSheet> {
    let book = Book::load(conn, org, today)?;
    let received_fen = received_in(conn, org, month, month)?.0;
    Ok(sheet_of(&book, month, today, received_fen))
}

pub(crate) fn sheet_of(
    book: &Book,
    month: YearMonth,
    today: NaiveDate,
    received_fen: i64,
) -> MonthSheet {
    let s = &book.settings;
    let due_date = s.due_date(month);
    let mut rows = Vec::new();
    for m in &book.members {
        let owing = m.owing(month, s);
        let paid_fen = m.paid(month);
        if owing == Owing::NotHere && paid_fen == 0 {
            continue;
        }
        let base = applying(&m.bases, month);
        let paid_on = m.paid_on(month);
        let member_due = m.due_date(month, s);
        let (due_fen, state) = sheet_state(owing, paid_fen, today > member_due);
        let open = m.open_months(book.start, 1, s, month.next());
        let overdue = m.overdue(book.start, YearMonth::of(today), today, s);
        rows.push(SheetRow {
            member_id: m.member_id,
            name: m.name.clone(),
            group_id: m.group_id,
            category: base.map(|b| b.terms.category),
            base_fen: base.and_then(|b| b.terms.base_fen),
            due_fen,
            paid_fen,
            paid_on,
            state,
            late: paid_on.is_some_and(|d| d > member_due),
            next_open: open.first().map(|o| o.0),
            next_open_fen: open.first().and_then(|o| o.1),
            overdue_months: overdue.len() as u32,
            overdue_fen: overdue.iter().filter_map(|o| o.1).sum(),
            unpaid_run: m.unpaid_run(book.start, today, s).0,
        });
    }
    let counted = |r: &&SheetRow| !matches!(r.state, MonthState::Elsewhere | MonthState::Exempt);
    MonthSheet {
        month,
        due_date,
        closed: book.closed.contains(&month),
        before_start: month < book.start,
        start: book.start,
        due_fen: rows.iter().filter_map(|r| r.due_fen).sum(),
        paid_fen: rows.iter().map(|r| r.paid_fen).sum(),
        received_fen,
        members_due: rows.iter().filter(counted).count() as u32,
        members_paid: rows.iter().filter(|r| r.state == MonthState::Paid).count() as u32,
        members_no_base: rows
            .iter()
            .filter(|r| r.state == MonthState::NoBase)
            .count() as u32,
        rows,
    }
}

/// Money taken in with ledger months `from..=through`: (ordinary dues and
/// extras, 大额党费). A payment whose extra is 1000元 or more is 大额党费;
/// its months' dues stay ordinary.
pub(crate) fn received_in(
    conn: &Connection,
    org: OrgId,
    from: YearMonth,
    through: YearMonth,
) -> Result<(i64, i64)> {
    storage::payments::received_in(conn, org, from, through)
}

/// A member in arrears.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArrearsRow {
    pub member_id: MemberId,
    pub name: String,
    /// Months past their due day and not fully paid.
    pub months: Vec<String>,
    pub owed_fen: i64,
    /// Months among them with no base yet (amount unknown).
    pub no_base_months: u32,
    pub unpaid_run: u32,
    #[ts(type = "string | null")]
    pub run_since: Option<YearMonth>,
    /// Set from 3 consecutive unpaid months.
    pub level: Option<ParticipationLevel>,
    pub message: Option<String>,
    pub clause: Option<String>,
}

/// Everyone on the books with an overdue month, the longest runs first.
/// Nothing about a member changes: 自行脱党 needs a 支部大会 decision.
pub fn arrears(conn: &Connection, org: OrgId, today: NaiveDate) -> Result<Vec<ArrearsRow>> {
    let book = Book::load(conn, org, today)?;
    Ok(arrears_of(&book, today))
}

pub(crate) fn arrears_of(book: &Book, today: NaiveDate) -> Vec<ArrearsRow> {
    let s = &book.settings;
    let mut out: Vec<ArrearsRow> = book
        .members
        .iter()
        .filter_map(|m| {
            let overdue = m.overdue(book.start, YearMonth::of(today), today, s);
            if overdue.is_empty() {
                return None;
            }
            let (run, since) = m.unpaid_run(book.start, today, s);
            let level = ParticipationLevel::for_run(run);
            let no_base_months = overdue.iter().filter(|o| o.1.is_none()).count() as u32;
            let no_base = (no_base_months > 0).then(|| {
                format!("有{no_base_months}个月未核定党费基数，算不出应交金额，不计入连续未交月数：请先在“基数核定”中核定，再登记收款")
            });
            let message = level.map(|l| match l {
                ParticipationLevel::Notice => format!("已连续{run}个月未交纳党费，请支部及时了解情况、提醒交纳"),
                ParticipationLevel::Warning => format!("已连续{run}个月未交纳党费，再有1个月将满6个月，请支部书记尽快谈话、批评教育"),
                ParticipationLevel::Article9 => format!("已连续{run}个月未交纳党费。如无正当理由，按党章第九条、党费规定第十三条应按自行脱党处理，由支部大会决定并报上级党组织批准；是否属于正当理由，由支部研究决定。本软件不会自动改变党员状态"),
            });
            let message = match (message, no_base) {
                (Some(m), Some(n)) => Some(format!("{m}；另{n}")),
                (m, n) => m.or(n),
            };
            Some(ArrearsRow {
                member_id: m.member_id,
                name: m.name.clone(),
                months: overdue.iter().map(|o| month_label(o.0)).collect(),
                owed_fen: overdue.iter().filter_map(|o| o.1).sum(),
                no_base_months,
                unpaid_run: run,
                run_since: since,
                level,
                message,
                clause: level.map(|_| format!("{CLAUSE_ARTICLE_9}；{CLAUSE_ARTICLE_13}")),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.unpaid_run
            .cmp(&a.unpaid_run)
            .then(b.months.len().cmp(&a.months.len()))
            .then(a.member_id.cmp(&b.member_id))
    });
    out
}

pub(super) fn sheet_state(
    owing: Owing,
    paid_fen: i64,
    past_due: bool,
) -> (Option<i64>, MonthState) {
    match owing {
        Owing::Elsewhere => (Some(0), MonthState::Elsewhere),
        Owing::NoBase => (None, MonthState::NoBase),
        Owing::Due(0) => (Some(0), MonthState::Exempt),
        Owing::Due(due) if paid_fen >= due => (Some(due), MonthState::Paid),
        Owing::Due(due) if paid_fen > 0 => (Some(due), MonthState::Partly),
        Owing::Due(due) if past_due => (Some(due), MonthState::Overdue),
        Owing::Due(due) => (Some(due), MonthState::Unpaid),
        Owing::NotHere => (Some(0), MonthState::Paid),
    }
}
