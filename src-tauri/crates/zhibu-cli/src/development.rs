//! `zhibu-cli development …`: the 发展党员 board, the rule check and the
//! yearly figures from a terminal.

use chrono::{DateTime, Datelike, Local};
use clap::Subcommand;
use zhibu_core::development::{self, PersonSummary};
use zhibu_core::Result;

use crate::{branch_or_current, open, print_json, Cli};

#[derive(Subcommand)]
pub enum DevelopmentCommand {
    /// 发展党员名单：姓名、阶段、下一步及期限
    List {
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 按发展党员工作细则检查：超期未办的步骤、按特殊情况登记的步骤，附条款
    Check {
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 某年的发展党员统计（申请入党、确定积极分子、确定发展对象、发展党员、转正、延长、取消）
    Stats {
        /// 年份（默认今年）
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        branch: Option<i64>,
    },
}

fn next_text(p: &PersonSummary) -> String {
    match &p.next {
        Some(n) => {
            let by = n
                .due
                .map(|d| format!("，期限{}{}", d, if p.overdue { "（已超期）" } else { "" }))
                .or_else(|| n.earliest.map(|d| format!("，{d}起")))
                .unwrap_or_default();
            format!("第{}步 {}{by}", n.step, n.name)
        }
        None => "—".into(),
    }
}

pub fn run(cli: &Cli, now: DateTime<Local>, command: &DevelopmentCommand) -> Result<()> {
    let store = open(cli)?;
    let today = now.date_naive();
    match command {
        DevelopmentCommand::List { branch } => {
            let org = branch_or_current(&store, *branch)?;
            let people = development::list(store.conn(), org.id, today)?;
            if cli.json {
                return print_json(&people);
            }
            for p in &people {
                out!("{}\t{}\t{}", p.name, p.stage.label(), next_text(p));
            }
        }
        DevelopmentCommand::Check { branch } => {
            let org = branch_or_current(&store, *branch)?;
            let findings = development::check(store.conn(), org.id, today)?;
            if cli.json {
                return print_json(&findings);
            }
            if findings.is_empty() {
                out!("没有发现超期或按特殊情况登记的步骤");
            }
            for f in &findings {
                out!("{}：{}\n  依据：{}", f.name, f.message, f.clause);
            }
        }
        DevelopmentCommand::Stats { year, branch } => {
            let org = branch_or_current(&store, *branch)?;
            let s = development::stats(store.conn(), org.id, year.unwrap_or(today.year()))?;
            if cli.json {
                return print_json(&s);
            }
            out!(
                "{}年：申请入党{}人，确定入党积极分子{}人，确定发展对象{}人，发展党员{}人，转正{}人，延长预备期{}人，取消预备党员资格{}人",
                s.year, s.applied, s.activists, s.candidates, s.admitted, s.confirmed, s.extended, s.cancelled
            );
        }
    }
    Ok(())
}
