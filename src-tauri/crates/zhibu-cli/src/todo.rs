//! `zhibu-cli todo`: the 工作台 list — what is due or overdue this month,
//! most pressing first — and putting an item aside with a reason.

use chrono::{DateTime, Local};
use zhibu_core::todo::{self, Urgency};
use zhibu_core::Result;

use crate::{branch_or_current, data_dir, open, print_json, Cli};

pub fn run(
    cli: &Cli,
    now: DateTime<Local>,
    branch: Option<i64>,
    snooze: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    let dir = data_dir(cli)?;
    let mut store = open(cli)?;
    let org = branch_or_current(&store, branch)?;
    if let Some(key) = snooze {
        let reason = reason.unwrap_or_default();
        store.with_tx(|tx| todo::snooze(tx, org.id, Some(&dir), key, reason, now))?;
    }
    let list = todo::todo(store.conn(), org.id, Some(&dir), now)?;
    if cli.json {
        return print_json(&list);
    }
    out!(
        "{} {}年{}月要办（今天{}，本月党费{}前交纳）",
        org.name,
        list.month.year(),
        list.month.month(),
        list.today,
        list.dues_day
    );
    if list.items.is_empty() {
        out!("本月没有要办的事项：各项工作都按时完成了。");
    }
    for item in &list.items {
        let when = item.due.map(|d| format!("（{d}）")).unwrap_or_default();
        let mark = match (&item.snoozed, item.urgency) {
            (Some(_), _) => "暂缓",
            (None, Urgency::Overdue) => "逾期",
            (None, Urgency::Due) => "要办",
            (None, Urgency::Notice) => "提醒",
        };
        out!("[{mark}] {}：{}{when}", item.area.label(), item.title);
        if let Some(s) = &item.snoozed {
            out!("       {}暂缓：{}", s.at, s.reason);
        }
        out!("       编号 {}", item.key);
    }
    Ok(())
}
