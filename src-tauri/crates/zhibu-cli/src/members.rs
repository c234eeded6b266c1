//! `zhibu-cli members …`: the 花名册, Excel in and out, and each member's
//! history — recorded through the same use case, with the same checks and
//! messages, as the 登记变动 dialog (exit 1 on a refusal).

use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate};
use clap::Subcommand;
use serde::Serialize;
use zhibu_core::members::{excel, history, roster, EventKind, NewEvent, RosterQuery};
use zhibu_core::{Error, Result};
use zhibu_report::xlsx;

use crate::{branch_or_current, date_arg, date_text, find_member, open, print_json, Cli};

#[derive(Subcommand)]
pub enum MembersCommand {
    /// 列出当前支部（或 --branch 指定支部）的党员
    List {
        /// 党支部编号（默认：当前支部）
        #[arg(long)]
        branch: Option<i64>,
        /// 名册日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        date: Option<NaiveDate>,
        /// 按姓名、拼音首字母或身份证号查找
        #[arg(long)]
        search: Option<String>,
        /// 同时列出已转出、去世、出党的党员
        #[arg(long)]
        all: bool,
    },
    /// 从 Excel 花名册（.xlsx/.xls）导入党员：全部成功才写入，有问题则一条也不写
    Import {
        file: PathBuf,
        /// 工作表名称（默认第一个）
        #[arg(long)]
        sheet: Option<String>,
        /// 只检查、列出问题，不写入
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 把花名册导出为 Excel（.xlsx），可再导入
    Export {
        file: PathBuf,
        /// 同时导出已转出、去世、出党的党员
        #[arg(long)]
        all: bool,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 登记党员变动，与程序中“登记变动”同样检查：流出、返回、失联、恢复联系、转出、转入、
    /// 延长预备期、转正、取消预备党员资格、去世、出党、留党察看、恢复党员权利、停止党籍、恢复党籍、
    /// 中止表决权、恢复表决权、更正
    Event {
        /// 党员姓名（同名时改用 --id）
        #[arg(long, conflicts_with = "id")]
        member: Option<String>,
        /// 党员编号（见 members list --json）
        #[arg(long)]
        id: Option<i64>,
        /// 变动类型，用程序中的名称，如 流出、返回、失联、转正、延长预备期、更正
        #[arg(long)]
        kind: String,
        /// 变动日期（2026-11-22 或 2026年11月22日）
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// 原因或说明（更正时必填）
        #[arg(long)]
        reason: Option<String>,
        /// 转往/转出的党组织，或外出去向（流出的地点或单位）
        #[arg(long)]
        other: Option<String>,
        /// 文号，如 柳组转字〔2026〕5号
        #[arg(long)]
        doc_no: Option<String>,
        /// 延长预备期：延长后的预备期截止日期
        #[arg(long, value_parser = date_arg)]
        until: Option<NaiveDate>,
        /// 出党方式：除名、开除党籍、自行脱党除名、退党；留党察看期限：一年、二年、延长一年
        #[arg(long)]
        how: Option<String>,
        /// 更正：要更正的那条记录的编号（见 members show --json 的 history）
        #[arg(long)]
        corrects: Option<i64>,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 显示一名党员的信息和全部变动记录
    Show {
        #[arg(long, conflicts_with = "id")]
        member: Option<String>,
        #[arg(long)]
        id: Option<i64>,
        #[arg(long)]
        branch: Option<i64>,
    },
}

/// `--member` (a name or a number) or `--id`, as the shared lookup takes it.
fn member_arg(member: &Option<String>, id: Option<i64>) -> Result<String> {
    match (member, id) {
        (_, Some(id)) => Ok(id.to_string()),
        (Some(name), None) => Ok(name.clone()),
        (None, None) => Err(Error::Validation(
            "请用 --member 给出党员姓名，或用 --id 给出党员编号".into(),
        )),
    }
}

pub fn run(cli: &Cli, now: DateTime<Local>, command: &MembersCommand) -> Result<()> {
    match command {
        MembersCommand::List {
            branch,
            date,
            search,
            all,
        } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let query = RosterQuery {
                day: *date,
                text: search.clone(),
                include_former: *all,
                ..RosterQuery::default()
            };
            let roster = roster::roster(store.conn(), org.id, &query, now.date_naive())?;
            if cli.json {
                return print_json(&roster);
            }
            out!(
                "{} {}在册 {} 人（正式党员 {} 人，预备党员 {} 人）",
                org.name,
                date_text(roster.day),
                roster.counts.total,
                roster.counts.full,
                roster.counts.probationary
            );
            for r in &roster.rows {
                out!(
                    "{}\t{}\t{}\t{}\t入党 {}\t{}",
                    r.name,
                    r.sex,
                    r.standing.map(|s| s.label()).unwrap_or("—"),
                    r.group_name.as_deref().unwrap_or("—"),
                    r.joined_on.map(date_text).unwrap_or_default(),
                    if r.on_roll { "" } else { "已离开本支部" }
                );
            }
            Ok(())
        }
        MembersCommand::Import {
            file,
            sheet,
            dry_run,
            branch,
        } => {
            let mut store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let grid = xlsx::read_sheet(file, sheet.as_deref())?;
            let preview = excel::preview(store.conn(), org.id, &grid, None, now.date_naive())?;
            let imported = if *dry_run || !preview.problems.is_empty() {
                None
            } else {
                Some(store.with_tx(|tx| {
                    excel::import(tx, org.id, &grid, Some(preview.map.clone()), now)
                })?)
            };
            let outcome = ImportOutcome {
                dry_run: *dry_run,
                added: imported.as_ref().map_or(0, |r| r.added),
                updated: imported.as_ref().map_or(0, |r| r.updated),
                would_add: preview.to_add,
                would_update: preview.to_update,
                problems: preview.problems,
            };
            if cli.json {
                print_json(&outcome)?;
            } else {
                for p in &outcome.problems {
                    out!("第{}行 {}：{}", p.row, p.column, p.message);
                }
                match &imported {
                    Some(r) => out!(
                        "已导入：新增 {} 人，更新 {} 人，新建党小组 {} 个",
                        r.added,
                        r.updated,
                        r.groups_created
                    ),
                    None if outcome.problems.is_empty() => out!(
                        "检查通过（未写入）：将新增 {} 人，更新 {} 人",
                        outcome.would_add,
                        outcome.would_update
                    ),
                    None => out!(
                        "有 {} 处问题，没有导入任何数据。请改正后重新导入。",
                        outcome.problems.len()
                    ),
                }
            }
            if !outcome.problems.is_empty() {
                return Err(Error::Validation(format!(
                    "表格中有{}处问题，没有导入任何数据",
                    outcome.problems.len()
                )));
            }
            Ok(())
        }
        MembersCommand::Export { file, all, branch } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let query = RosterQuery {
                include_former: *all,
                ..RosterQuery::default()
            };
            let roster = roster::roster(store.conn(), org.id, &query, now.date_naive())?;
            let title = format!("{}党员花名册（{}）", org.name, date_text(roster.day));
            xlsx::write_roster(file, &title, &excel::export_rows(&roster.rows))?;
            if !cli.json {
                out!("已导出 {} 人到 {}", roster.rows.len(), file.display());
            }
            Ok(())
        }
        MembersCommand::Event {
            member,
            id,
            kind,
            date,
            reason,
            other,
            doc_no,
            until,
            how,
            corrects,
            branch,
        } => {
            let mut store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let today = now.date_naive();
            let who = find_member(&store, org.id, &member_arg(member, *id)?, true, today)?;
            let event = NewEvent {
                subkind: how.clone(),
                other_org: other.clone(),
                reason: reason.clone(),
                doc_no: doc_no.clone(),
                until: *until,
                corrects: *corrects,
                ..NewEvent::new(EventKind::parse(kind)?, *date)
            };
            store.with_tx(|tx| history::record(tx, who, &event, now))?;
            let detail = roster::detail(store.conn(), who, today)?;
            if cli.json {
                return print_json(&detail);
            }
            out!(
                "已登记：{} {} {}",
                detail.row.name,
                event.kind,
                date_text(*date)
            );
            print_history(&detail);
            Ok(())
        }
        MembersCommand::Show { member, id, branch } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let today = now.date_naive();
            let who = find_member(&store, org.id, &member_arg(member, *id)?, true, today)?;
            let detail = roster::detail(store.conn(), who, today)?;
            if cli.json {
                return print_json(&detail);
            }
            out!(
                "{}（编号 {}）{}",
                detail.row.name,
                who,
                detail.row.standing.map(|s| s.label()).unwrap_or("")
            );
            print_history(&detail);
            Ok(())
        }
    }
}

fn print_history(detail: &roster::MemberDetail) {
    for e in &detail.history {
        let mut line = format!("  [{}] {} {}", e.id, date_text(e.date), e.kind);
        for part in [&e.subkind, &e.other_org, &e.reason, &e.doc_no]
            .into_iter()
            .flatten()
        {
            line.push('，');
            line.push_str(part);
        }
        if let Some(target) = e.corrects {
            line.push_str(&format!("，更正记录[{target}]的日期"));
        }
        if let Some(until) = e.until {
            line.push_str(&format!("，延长至{}", date_text(until)));
        }
        out!("{line}");
    }
}

/// What `members import` reports: rows imported, or every problem with its
/// row, column and message.
#[derive(Serialize)]
struct ImportOutcome {
    dry_run: bool,
    added: u32,
    updated: u32,
    would_add: u32,
    would_update: u32,
    problems: Vec<excel::Problem>,
}
