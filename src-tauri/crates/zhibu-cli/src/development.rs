//! `zhibu-cli development …`: the 发展党员 board, the rule check and the
//! yearly figures from a terminal.

use chrono::{DateTime, Datelike, Local, NaiveDate};
use clap::Subcommand;
use zhibu_core::development::{self, Decision, PersonSummary, StepInput};
use zhibu_core::{Error, Result};

use crate::{branch_or_current, date_arg, date_text, find_member, open, print_json, Cli};

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
    /// 登记发展党员的一个步骤，与程序中同样检查（顺序、期限、人数等），不符合时不写入并说明依据
    Step {
        /// 申请人姓名
        #[arg(long)]
        person: String,
        /// 步骤序号 1–25（见 development list 的“下一步”）
        #[arg(long)]
        step: u8,
        /// 日期（2026-11-22 或 2026年11月22日）；第15、23步取会议表决的日期
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// 谈话人、培养联系人或入党介绍人：本支部在册党员的姓名或编号，多人用逗号分隔
        #[arg(long, value_delimiter = ',')]
        people: Vec<String>,
        /// 转正结论：按期转正、延长预备期、取消预备党员资格
        #[arg(long)]
        decision: Option<String>,
        /// 延长预备期的月数（6–12）
        #[arg(long)]
        extend_months: Option<u32>,
        /// 集中培训天数
        #[arg(long)]
        training_days: Option<u32>,
        /// 集中培训学时
        #[arg(long)]
        training_hours: Option<u32>,
        /// 第7、13步：公示开始日期
        #[arg(long, value_parser = date_arg)]
        publicity_from: Option<NaiveDate>,
        /// 第7、13步：公示结束日期
        #[arg(long, value_parser = date_arg)]
        publicity_to: Option<NaiveDate>,
        /// 第15、23步：支部党员大会上这次表决的编号
        #[arg(long)]
        vote: Option<i64>,
        /// 已归档的材料名称，多个用逗号分隔
        #[arg(long, value_delimiter = ',')]
        documents: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        /// 不符合规定仍要登记时的理由（如历史材料补录）
        #[arg(long)]
        override_reason: Option<String>,
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
    let mut store = open(cli)?;
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
        DevelopmentCommand::Step {
            person,
            step,
            date,
            people,
            decision,
            extend_months,
            training_days,
            training_hours,
            publicity_from,
            publicity_to,
            vote,
            documents,
            note,
            override_reason,
            branch,
        } => {
            let org = branch_or_current(&store, *branch)?;
            let name = person.trim();
            let matches: Vec<PersonSummary> = development::list(store.conn(), org.id, today)?
                .into_iter()
                .filter(|p| p.name == name)
                .collect();
            let who = match matches.as_slice() {
                [p] => p.clone(),
                [] => {
                    return Err(Error::NotFound(format!(
                        "{}的发展党员名单中没有“{name}”，请用 development list 核对",
                        org.name
                    )))
                }
                _ => {
                    return Err(Error::Validation(format!(
                        "名单中有{}人叫“{name}”，命令行无法区分，请在程序中登记这一步",
                        matches.len()
                    )))
                }
            };
            let input = StepInput {
                step: *step,
                date: *date,
                // 谈话人/联系人/介绍人: members on the roll, by name or number.
                people: people
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| find_member(&store, org.id, p, false, today))
                    .collect::<Result<_>>()?,
                decision: decision.as_deref().map(Decision::parse).transpose()?,
                extend_months: *extend_months,
                training_days: *training_days,
                training_hours: *training_hours,
                publicity_from: *publicity_from,
                publicity_to: *publicity_to,
                vote_id: *vote,
                documents: documents.clone(),
                note: note.clone(),
                override_reason: override_reason.clone(),
            };
            store.with_tx(|tx| development::record_step(tx, who.id, &input, now))?;
            let after = development::list(store.conn(), org.id, today)?
                .into_iter()
                .find(|p| p.id == who.id);
            if cli.json {
                return print_json(&after);
            }
            out!(
                "已登记：{} 第{}步{}",
                who.name,
                step,
                date.map(|d| format!("（{}）", date_text(d)))
                    .unwrap_or_default()
            );
            if let Some(p) = &after {
                out!("现在：{}；下一步：{}", p.stage.label(), next_text(p));
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
