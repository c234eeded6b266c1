//! `zhibu-cli stats`: the 年度统计 of a year, the first half of one, or a
//! run of years — every figure, and the 写入汇报 sentences.

use std::path::Path;

use chrono::{DateTime, Datelike, Local};
use zhibu_core::money::yuan;
use zhibu_core::stats::{self, rate, Count, StatsQuery};
use zhibu_core::Result;

use crate::{branch_or_current, open, print_json, Cli};

fn line(title: &str, counts: &[Count]) {
    let parts: Vec<String> = counts
        .iter()
        .map(|c| format!("{} {}", c.label, c.count))
        .collect();
    out!(
        "{title}：{}",
        if parts.is_empty() {
            "无".into()
        } else {
            parts.join("，")
        }
    );
}

pub fn run(
    cli: &Cli,
    now: DateTime<Local>,
    branch: Option<i64>,
    year: Option<i32>,
    to: Option<i32>,
    half: bool,
    out: Option<&Path>,
) -> Result<()> {
    let store = open(cli)?;
    let org = branch_or_current(&store, branch)?;
    let today = now.date_naive();
    let from = year.unwrap_or(today.year());
    let query = StatsQuery {
        from,
        to: to.unwrap_or(from),
        half,
    };
    let s = stats::stats(store.conn(), org.id, query, today)?;
    if let Some(path) = out {
        let tables = stats::tables(&s, &org.name);
        zhibu_report::xlsx::write_tables(path, &tables)?;
        let sheets: Vec<String> = tables.into_iter().map(|t| t.sheet).collect();
        if cli.json {
            return print_json(&serde_json::json!({ "path": path, "sheets": sheets }));
        }
        out!("已导出到 {}（{}）", path.display(), sheets.join("、"));
        return Ok(());
    }
    if cli.json {
        return print_json(&s);
    }
    let m = &s.members;
    out!("{} {}统计（党员人数截至{}）", org.name, s.period, s.until);
    out!(
        "党员{}名：正式{}，预备{}；男{}，女{}；汉族{}，少数民族{}；流动{}，失联{}，停止党籍{}",
        m.total,
        m.full,
        m.probationary,
        m.male,
        m.female,
        m.han,
        m.minority,
        m.flowing,
        m.lost,
        m.suspended
    );
    let ages: Vec<Count> = m
        .age
        .iter()
        .map(|a| Count {
            label: a.label.clone(),
            count: a.male + a.female,
        })
        .collect();
    line("年龄", &ages);
    line("党龄", &m.party_age);
    line("学历", &m.education);
    line("人员类别", &m.categories);
    line("期间增加", &m.joined);
    line("期间减少", &m.left);
    let d = &s.development.counts;
    out!(
        "发展党员：申请{}，积极分子{}，发展对象{}，发展{}（{}岁及以下{}，一线{}），转正{}，延长{}，取消{}",
        d.applied,
        d.activists,
        d.candidates,
        d.admitted,
        s.settings.young_age,
        s.development.admitted_young,
        s.development.admitted_frontline,
        d.confirmed,
        d.extended,
        d.cancelled
    );
    for k in s.meetings.kinds.iter().filter(|k| k.any()) {
        let required = k
            .required
            .map(|r| format!("，应开{r}期，缺{}期", k.missing))
            .unwrap_or_default();
        let attendance = rate(k.present, k.expected)
            .map(|r| format!("，参会率{r}%"))
            .unwrap_or_default();
        out!(
            "{}：{}次（未定稿{}）{required}{attendance}",
            k.kind.label(),
            k.held + k.drafts,
            k.drafts
        );
    }
    let f = &s.dues;
    out!(
        "党费：应交{}元，实交{}元（逾期补交{}元），收款{}元，上缴{}元；大额党费收{}元、上缴{}元；欠交{}人共{}元",
        yuan(f.due_fen),
        yuan(f.paid_fen),
        yuan(f.late_fen),
        yuan(f.received_fen),
        yuan(f.remitted_fen),
        yuan(f.large_received_fen),
        yuan(f.large_remitted_fen),
        f.arrears_members,
        yuan(f.arrears_fen)
    );
    out!("");
    out!("写入汇报：");
    for sentence in &s.report {
        out!("{sentence}");
    }
    Ok(())
}
