//! 年度统计 (issue 21): the figures of a year, a half year or a run of
//! years (2020—2023, as the seeds' reports give them) in one call —
//! 党员队伍 as of the cut-off day, the 发展党员 funnel, 组织生活 against the
//! calendar, 党费 — and the sentences a clerk pastes into the 年度汇报.
//! Every figure is counted from what the other screens show (the roster as
//! of a day, the meetings list and calendar, the development steps, the
//! dues books); nothing is typed in twice. The bands are a branch setting
//! (`bands`): a help for filling the 党内统计 forms, not a copy of them.

pub mod activity;
pub mod bands;
pub mod members;
pub mod money;
pub mod sheets;
mod tables;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use activity::{
    DevFigures, KindFigures, LectureLine, MeetingFigures, MonthCount, ThemeDayLine,
};
pub use bands::{set_settings, settings, CategoryBand, StatsSettings};
pub use members::{AgeRow, Count, MemberFigures};
pub use money::{DuesFigures, DuesMonth};
pub use sheets::{member_sheets, MemberSheet};
pub use tables::tables;

use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::meetings::MeetingKind;
use crate::members::rules::ymd;
use crate::money::yuan;
use crate::month::{check_year, YearMonth};

/// What the statistics page and `zhibu-cli stats` ask for: the years
/// `from..=to`, whole, or only the first half of `to` (cut-off 06-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatsQuery {
    pub from: i32,
    pub to: i32,
    #[serde(default)]
    pub half: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Stats {
    pub query: StatsQuery,
    /// "2026年", "2026年上半年", "2020—2023年".
    pub period: String,
    pub first: NaiveDate,
    /// The cut-off day: 12-31 (06-30 for the half year).
    pub cutoff: NaiveDate,
    /// The day counted to: the cut-off day, or today when that is still to come.
    pub until: NaiveDate,
    pub settings: StatsSettings,
    pub members: MemberFigures,
    pub development: DevFigures,
    pub meetings: MeetingFigures,
    pub dues: DuesFigures,
    /// 写入汇报: paste-ready sentences.
    pub report: Vec<String>,
}

/// Longest run of years asked for at once.
const MAX_YEARS: i32 = 30;

impl StatsQuery {
    fn check(self, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
        check_year(self.from)?;
        check_year(self.to)?;
        if self.from > self.to {
            return Err(Error::Validation(format!(
                "起始年份{}晚于结束年份{}，请对调后再统计",
                self.from, self.to
            )));
        }
        if self.to - self.from >= MAX_YEARS {
            return Err(Error::Validation(format!(
                "一次最多统计{MAX_YEARS}年，请缩小年份范围"
            )));
        }
        if self.from > today.year() {
            return Err(Error::Validation(format!(
                "{}年还没有到，没有可统计的记录",
                self.from
            )));
        }
        let first = YearMonth::new(self.from, 1)?.first_day();
        let cutoff = YearMonth::new(self.to, if self.half { 6 } else { 12 })?.last_day();
        Ok((first, cutoff))
    }
}

/// "2026年", "2026年上半年", "2020—2023年", "2020年至2023年上半年".
pub fn period(q: StatsQuery) -> String {
    match (q.from == q.to, q.half) {
        (true, false) => format!("{}年", q.to),
        (true, true) => format!("{}年上半年", q.to),
        (false, false) => format!("{}—{}年", q.from, q.to),
        (false, true) => format!("{}年至{}年上半年", q.from, q.to),
    }
}

pub fn stats(conn: &Connection, org: OrgId, query: StatsQuery, today: NaiveDate) -> Result<Stats> {
    let (first, cutoff) = query.check(today)?;
    let until = cutoff.min(today);
    let bands = settings(conn, org)?;
    let mut s = Stats {
        query,
        period: period(query),
        first,
        cutoff,
        until,
        members: members::figures(conn, org, first, until, &bands)?,
        development: activity::development(conn, org, first, until, today, &bands)?,
        meetings: activity::meetings(conn, org, first, until, cutoff, today)?,
        dues: money::figures(conn, org, first, until, today)?,
        settings: bands,
        report: Vec::new(),
    };
    s.report = report(&s);
    Ok(s)
}

/// Attendance as a whole percentage, or None without anyone expected.
pub fn rate(present: u32, expected: u32) -> Option<u32> {
    (expected > 0).then(|| (present * 100 + expected / 2) / expected)
}

fn held(s: &Stats, kind: MeetingKind) -> u32 {
    s.meetings
        .kinds
        .iter()
        .find(|k| k.kind == kind)
        .map(|k| k.held + k.drafts)
        .unwrap_or(0)
}

/// The 写入汇报 sentences, in the order a 年度汇报 gives them.
fn report(s: &Stats) -> Vec<String> {
    let m = &s.members;
    // A year still running is “今年以来”, not “全年”.
    let whole = match (
        s.query.from == s.query.to && !s.query.half,
        s.until < s.cutoff,
    ) {
        (true, false) => "全年".to_string(),
        (true, true) => "今年以来".to_string(),
        (false, _) => format!("{}，", s.period),
    };
    let mut out = Vec::new();
    let mut team = format!(
        "截至{}，支部共有党员{}名，其中正式党员{}名、预备党员{}名；女党员{}名",
        ymd(s.until),
        m.total,
        m.full,
        m.probationary,
        m.female
    );
    if m.minority > 0 {
        team += &format!("，少数民族党员{}名", m.minority);
    }
    team += &format!(
        "；{}岁及以下党员{}名，大专及以上学历党员{}名",
        s.settings.young_age, m.young, m.college
    );
    if m.flowing > 0 {
        team += &format!("；流动党员{}名", m.flowing);
    }
    out.push(team + "。");

    let d = &s.development.counts;
    let mut dev = format!(
        "{}共收到入党申请书{}份，确定入党积极分子{}名、发展对象{}名，发展党员{}名",
        whole, d.applied, d.activists, d.candidates, d.admitted
    );
    if d.admitted > 0 {
        dev += &format!(
            "（其中{}岁及以下{}名、生产工作一线{}名）",
            s.settings.young_age, s.development.admitted_young, s.development.admitted_frontline
        );
    }
    dev += &format!("，预备党员按期转正{}名", d.confirmed);
    if d.extended > 0 {
        dev += &format!("、延长预备期{}名", d.extended);
    }
    if d.cancelled > 0 {
        dev += &format!("、取消预备党员资格{}名", d.cancelled);
    }
    out.push(dev + "。");

    let mut life = format!(
        "{}召开支部党员大会{}次、支委会{}次、党小组会{}次，讲党课{}次，开展主题党日{}次",
        whole,
        held(s, MeetingKind::GeneralMeeting),
        held(s, MeetingKind::Committee),
        held(s, MeetingKind::Group),
        held(s, MeetingKind::Lecture),
        held(s, MeetingKind::ThemeDay)
    );
    for (kind, verb) in [
        (MeetingKind::LifeMeeting, "召开组织生活会"),
        (MeetingKind::Appraisal, "开展民主评议党员"),
        (MeetingKind::Talk, "开展谈心谈话"),
    ] {
        let n = held(s, kind);
        if n > 0 {
            life += &format!("，{verb}{n}次");
        }
    }
    let (present, expected) = s
        .meetings
        .kinds
        .iter()
        .fold((0, 0), |(p, e), k| (p + k.present, e + k.expected));
    if let Some(r) = rate(present, expected) {
        life += &format!("；党员参加组织生活{present}人次，平均参会率{r}%");
    }
    out.push(life + "。");

    let f = &s.dues;
    if f.due_fen > 0 || f.received_fen > 0 {
        let mut dues = format!(
            "{}应交党费{}元，实交{}元",
            whole,
            yuan(f.due_fen),
            yuan(f.paid_fen)
        );
        if f.late_fen > 0 {
            dues += &format!("（其中逾期补交{}元）", yuan(f.late_fen));
        }
        dues += &format!("，上缴党费{}元", yuan(f.remitted_fen));
        if f.large_received_fen > 0 {
            dues += &format!(
                "；收到大额党费{}元，已上缴{}元",
                yuan(f.large_received_fen),
                yuan(f.large_remitted_fen)
            );
        }
        if f.arrears_members > 0 {
            dues += &format!(
                "；截至{}，有{}名党员欠交党费共{}元",
                ymd(s.until),
                f.arrears_members,
                yuan(f.arrears_fen)
            );
        } else {
            dues += &format!("；截至{}，无欠交党费", ymd(s.until));
        }
        out.push(dues + "。");
    }
    out
}
