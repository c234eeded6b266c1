//! `development check`: the findings about everyone the branch develops —
//! time limits passed, a 转正 discussion due, 思想汇报 overdue, a step on
//! file without its 公示, and each step recorded with a written reason.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::steps::def;
use super::{dev_settings, people, rules, taken, PersonId, Stage};
use crate::error::Result;
use crate::members::rules::ymd;
use crate::org::OrgId;

/// One rule finding for `development check`: a time limit passed, or a step
/// recorded although it broke a rule (with the reason given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DevFinding {
    pub person_id: PersonId,
    pub name: String,
    pub step: u8,
    pub step_name: String,
    pub message: String,
    pub clause: String,
}

/// The document that records a 思想汇报 on a 考察 step (6 or 21).
pub const REPORT_DOCUMENT: &str = "思想汇报";

pub fn check(conn: &Connection, org: OrgId, today: NaiveDate) -> Result<Vec<DevFinding>> {
    let settings = dev_settings(conn, org)?;
    let mut out = Vec::new();
    for (p, steps) in people(conn, org, today)? {
        if let Some(n) = p.next.as_ref().filter(|_| p.overdue) {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: n.step,
                step_name: n.name.clone(),
                message: format!(
                    "第{}步“{}”应在{}前完成，已超期",
                    n.step,
                    n.name,
                    n.due.map(ymd).unwrap_or_default()
                ),
                clause: n.rule.clone(),
            });
        }
        let active = taken(&steps);
        if let Some(end) = rules::discussion_overdue(&active, today)
            .filter(|_| p.next.as_ref().is_none_or(|n| n.step != 23 || !p.overdue))
        {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: 23,
                step_name: def(23).map(|d| d.name).unwrap_or_default().to_string(),
                message: format!(
                    "预备期已于{}满，支部大会应及时讨论其能否转为正式党员，至今尚未讨论",
                    ymd(end)
                ),
                clause: rules::CLAUSE_DISCUSSION.to_string(),
            });
        }
        // 思想汇报, as often as the branch's setting asks.
        let last_report = steps
            .iter()
            .filter(|s| matches!(s.step, 6 | 21) && s.withdrawn_at.is_none())
            .filter(|s| s.documents.iter().any(|d| d.name == REPORT_DOCUMENT))
            .map(|s| s.date)
            .max();
        if let Some(due) = rules::report_overdue(
            p.stage,
            p.stage_since,
            last_report,
            settings.report_every_months,
            today,
        ) {
            let step = if p.stage == Stage::Probationary {
                21
            } else {
                6
            };
            let last = match last_report {
                Some(d) => format!("最近一次思想汇报登记于{}", ymd(d)),
                None => "还没有登记过思想汇报".to_string(),
            };
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step,
                step_name: def(step).map(|d| d.name).unwrap_or_default().to_string(),
                message: format!(
                    "{last}。按本支部设置每{}个月一次，{}前应再交一次：请督促本人提交，收到后在第{step}步“{}”中勾选“思想汇报”登记",
                    settings.report_every_months,
                    ymd(due),
                    def(step).map(|d| d.name).unwrap_or_default()
                ),
                clause: rules::CLAUSE_REPORTS.to_string(),
            });
        }
        // A step that goes with a 公示, recorded without one and without a
        // reason (entered before the program asked, or imported).
        for s in steps.iter().filter(|s| {
            settings.publicity_days > 0
                && rules::PUBLICITY_STEPS.contains(&s.step)
                && s.withdrawn_at.is_none()
                && s.publicity_from.is_none()
                && s.override_reason.is_none()
        }) {
            out.push(DevFinding {
                person_id: p.id,
                name: p.name.clone(),
                step: s.step,
                step_name: s.name.clone(),
                message: format!(
                    "第{}步“{}”（{}）没有登记公示。当时已公示的，请把公示材料归入档案备查；未公示的，应向上级党委说明情况",
                    s.step,
                    s.name,
                    ymd(s.date)
                ),
                clause: rules::clause_publicity(settings.publicity_days),
            });
        }
        for s in steps {
            if let (Some(reason), None) = (&s.override_reason, &s.withdrawn_at) {
                out.push(DevFinding {
                    person_id: p.id,
                    name: p.name.clone(),
                    step: s.step,
                    step_name: s.name.clone(),
                    message: format!("按特殊情况登记：{reason}"),
                    clause: def(s.step).map(|d| d.rule).unwrap_or_default().to_string(),
                });
            }
        }
    }
    Ok(out)
}
