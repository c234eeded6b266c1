//! A person's 发展党员 record, step by step, for the file kept on them and
//! for an inspector checking dates and documents.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;
use zhibu_core::development::{self, steps, PersonId};
use zhibu_core::members::rules::ymd;
use zhibu_core::org;

use super::engine::Job;

/// 东坡村党支部吴思远发展党员记录.pdf
pub fn file_name(branch: &str, name: &str) -> String {
    format!("{branch}{name}发展党员记录.pdf")
}

pub fn file_name_of(
    conn: &Connection,
    person: PersonId,
    today: NaiveDate,
) -> zhibu_core::Result<String> {
    let branch = org::get(conn, development::org_of(conn, person)?)?.name;
    let d = development::detail(conn, person, today)?;
    Ok(file_name(&branch, &d.summary.name))
}

pub fn document(conn: &Connection, person: PersonId, today: NaiveDate) -> zhibu_core::Result<Job> {
    let branch = org::get(conn, development::org_of(conn, person)?)?.name;
    let d = development::detail(conn, person, today)?;
    let p = &d.profile;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let profile = vec![
        ("姓名", p.name.clone()),
        ("性别", p.sex.label().to_string()),
        ("民族", p.ethnicity.clone()),
        ("出生日期", ymd(p.birth_date)),
        ("学历", opt(&p.education)),
        ("公民身份号码", p.id_number.clone()),
        ("工作单位及职务", opt(&p.work_unit)),
        (
            "申请入党日期",
            d.summary.applied_on.map(ymd).unwrap_or_default(),
        ),
    ];
    let recorded: Vec<_> = d
        .steps
        .iter()
        .map(|s| {
            let mut details = Vec::new();
            let mut roles: Vec<(String, Vec<String>)> = Vec::new();
            for person in &s.people {
                let role = person.role.label().to_string();
                match roles.iter_mut().find(|(r, _)| *r == role) {
                    Some((_, names)) => names.push(person.name.clone()),
                    None => roles.push((role, vec![person.name.clone()])),
                }
            }
            details.extend(
                roles
                    .into_iter()
                    .map(|(r, n)| format!("{r}：{}", n.join("、"))),
            );
            if let Some(decision) = s.decision {
                let extend = s
                    .extend_months
                    .map(|m| format!("{m}个月"))
                    .unwrap_or_default();
                details.push(format!("结论：{}{extend}", decision.label()));
            }
            if let (Some(days), Some(hours)) = (s.training_days, s.training_hours) {
                details.push(format!("培训{days}天，{hours}学时"));
            }
            if let Some(n) = &s.note {
                details.push(n.clone());
            }
            if let Some(r) = &s.override_reason {
                details.push(format!("特殊情况说明：{r}"));
            }
            if s.withdrawn_at.is_some() {
                details.push(format!("已撤销：{}", opt(&s.withdrawn_reason)));
            }
            let expected = steps::def(s.step)
                .map(|def| def.documents)
                .unwrap_or_default();
            let mut documents: Vec<String> = expected
                .iter()
                .map(|name| match s.documents.iter().find(|f| f.name == *name) {
                    Some(f) if f.file_name.is_some() => format!("{name}：已归档，有扫描件"),
                    Some(_) => format!("{name}：已归档"),
                    None => format!("{name}：未归档"),
                })
                .collect();
            documents.extend(
                s.documents
                    .iter()
                    .filter(|f| !expected.contains(&f.name.as_str()))
                    .map(|f| format!("{}：已归档", f.name)),
            );
            json!({
                "where": format!("第{}步“{}”", s.step, s.name),
                "no": s.step,
                "name": s.name,
                "date": s.date.format("%Y.%m.%d").to_string(),
                "details": details,
                "documents": documents,
                "withdrawn": s.withdrawn_at.is_some(),
            })
        })
        .collect();
    let next = d
        .summary
        .next
        .as_ref()
        .map(|n| {
            let mut t = format!("第{}步 {}", n.step, n.name);
            if let Some(e) = n.earliest {
                t += &format!("，{}起", ymd(e));
            }
            if let Some(due) = n.due {
                t += &format!("，期限{}", ymd(due));
            }
            t
        })
        .unwrap_or_default();
    let closed = match (d.closed_on, &d.closed_reason) {
        (Some(on), reason) => format!("{}终止培养：{}", ymd(on), opt(reason)),
        _ => String::new(),
    };
    Ok(Job {
        template: "development.typ",
        data: json!({
            "where": format!("{}的发展党员记录", p.name),
            "title": format!("{}发展党员记录", p.name),
            "branch": branch,
            "stage": d.summary.stage.label(),
            "profile": profile,
            "steps": recorded,
            "next": next,
            "closed": closed,
            "made": ymd(today),
        }),
        pictures: HashMap::new(),
        today,
    })
}
