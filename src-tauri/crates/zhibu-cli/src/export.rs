//! `zhibu-cli export …`: the PDF 台账 from a terminal, typeset in-process
//! exactly as the app does it.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local, NaiveDate};
use clap::Subcommand;
use zhibu_core::export::{Document, Exported};
use zhibu_core::meetings::MeetingKind;
use zhibu_core::members::roster::RosterQuery;
use zhibu_core::Result;
use zhibu_report::pdf;

use crate::{branch_or_current, open, print_json, Cli};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// 年度组织生活记录（三会一课、主题党日等）PDF：封面、目录、每次会议一页起
    Minutes {
        /// 年份
        #[arg(long)]
        year: i32,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        /// 只包括这些会议类型（可多次给出），如 --type 支部委员会 --type 党课
        #[arg(long = "type", value_name = "类型")]
        kinds: Vec<String>,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 党员花名册 PDF（横向表格）
    Roster {
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        /// 花名册的日期（默认今天），如 2026-06-30
        #[arg(long)]
        day: Option<NaiveDate>,
        /// 也列出已转出、去世等离开本支部的党员
        #[arg(long)]
        all: bool,
        /// 张贴用：身份证号和电话只显示前后几位
        #[arg(long)]
        mask: bool,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 党费收缴登记表 PDF（存档用）
    Dues {
        /// 年份
        #[arg(long)]
        year: i32,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 党费收缴情况公示表 PDF（张贴用：公示期、合计、盖章处）
    DuesNotice {
        /// 年份
        #[arg(long)]
        year: i32,
        /// 公示开始日期，如 2026-12-01
        #[arg(long)]
        from: NaiveDate,
        /// 公示结束日期，如 2026-12-07
        #[arg(long)]
        to: NaiveDate,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 某次会议的签到表 PDF（应到人员名单，留本人签字栏）
    Signin {
        /// 会议编号（见 meetings list --json）
        #[arg(long)]
        meeting: i64,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
    },
    /// 民主评议党员个人情况表 PDF（每名党员一页：参加组织生活、党课、主题党日、谈心谈话、党费，留评议栏）
    MemberSheets {
        /// 年份
        #[arg(long)]
        year: i32,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 年度统计 PDF（写入汇报、党员队伍、发展党员、组织生活、党费等表）
    Stats {
        /// 统计年份；与 --to 合用时为起始年份
        #[arg(long)]
        year: i32,
        /// 结束年份
        #[arg(long)]
        to: Option<i32>,
        /// 只统计（结束年份的）上半年
        #[arg(long)]
        half: bool,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 某人的发展党员记录 PDF（各步骤、日期、材料）
    Development {
        /// 发展对象编号（见 development list --json）
        #[arg(long)]
        person: i64,
        /// 输出的 PDF 文件
        #[arg(long)]
        out: PathBuf,
    },
}

fn report(cli: &Cli, exported: &Exported) -> Result<()> {
    if cli.json {
        return print_json(exported);
    }
    out!(
        "已生成 {}（{} 页，{:.1} MB）",
        exported.path,
        exported.pages,
        exported.bytes as f64 / 1_048_576.0
    );
    for m in &exported.missing {
        out!(
            "注意：{}中的“{}”在本机没有可用字体，打印出来是空框，请核对",
            m.place,
            m.chars
        );
    }
    Ok(())
}

pub fn run(cli: &Cli, now: DateTime<Local>, command: &ExportCommand) -> Result<()> {
    let store = open(cli)?;
    let data_dir = crate::data_dir(cli)?;
    let today = now.date_naive();
    let never = AtomicBool::new(false);
    let (document, out) = match command {
        ExportCommand::Minutes {
            year,
            out,
            kinds,
            branch,
        } => {
            let kinds = kinds
                .iter()
                .map(|k| MeetingKind::parse(k))
                .collect::<Result<Vec<_>>>()?;
            let org = branch_or_current(&store, *branch)?.id;
            (
                Document::Minutes {
                    org,
                    year: *year,
                    kinds,
                },
                out,
            )
        }
        ExportCommand::Roster {
            out,
            day,
            all,
            mask,
            branch,
        } => {
            let query = RosterQuery {
                day: *day,
                include_former: *all,
                ..RosterQuery::default()
            };
            let org = branch_or_current(&store, *branch)?.id;
            let document = Document::Roster {
                org,
                query,
                mask: *mask,
            };
            (document, out)
        }
        ExportCommand::Dues { year, out, branch } => {
            let org = branch_or_current(&store, *branch)?.id;
            (Document::Dues { org, year: *year }, out)
        }
        ExportCommand::DuesNotice {
            year,
            from,
            to,
            out,
            branch,
        } => {
            let org = branch_or_current(&store, *branch)?.id;
            let document = Document::DuesNotice {
                org,
                year: *year,
                from: *from,
                to: *to,
            };
            (document, out)
        }
        ExportCommand::MemberSheets { year, out, branch } => {
            let org = branch_or_current(&store, *branch)?.id;
            (Document::MemberSheets { org, year: *year }, out)
        }
        ExportCommand::Stats {
            year,
            to,
            half,
            out,
            branch,
        } => {
            let org = branch_or_current(&store, *branch)?.id;
            let query = zhibu_core::stats::StatsQuery {
                from: *year,
                to: to.unwrap_or(*year),
                half: *half,
            };
            (Document::Stats { org, query }, out)
        }
        ExportCommand::Signin { meeting, out } => (Document::Signin { meeting: *meeting }, out),
        ExportCommand::Development { person, out } => {
            (Document::Development { person: *person }, out)
        }
    };
    let model = zhibu_core::export::gather(store.conn(), &data_dir, &document, today)?;
    let job = pdf::job(&model, today);
    let rendered = pdf::render(&job, &never)?;
    report(cli, &pdf::save(rendered, out)?)
}
