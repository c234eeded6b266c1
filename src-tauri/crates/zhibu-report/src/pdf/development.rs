//! A person's 发展党员 record, step by step, for the file kept on them and
//! for an inspector checking dates and documents.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;
use zhibu_core::export::DevelopmentRecord;
use zhibu_core::members::rules::ymd;

use super::engine::Job;

pub fn job(record: &DevelopmentRecord, today: NaiveDate) -> Job {
    let d = &record.detail;
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
        .zip(&record.documents)
        .map(|(s, filed)| {
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
            let documents: Vec<String> = filed
                .iter()
                .map(|f| match (f.filed, f.scanned) {
                    (true, true) => format!("{}：已归档，有扫描件", f.name),
                    (true, false) => format!("{}：已归档", f.name),
                    (false, _) => format!("{}：未归档", f.name),
                })
                .collect();
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
    Job {
        template: "development.typ",
        data: json!({
            "where": format!("{}的发展党员记录", p.name),
            "title": format!("{}发展党员记录", p.name),
            "branch": record.branch,
            "stage": d.summary.stage.label(),
            "profile": profile,
            "steps": recorded,
            "next": next,
            "closed": closed,
            "made": ymd(today),
        }),
        pictures: HashMap::new(),
        today,
    }
}
