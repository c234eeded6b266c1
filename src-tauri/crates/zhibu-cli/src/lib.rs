//! zhibu-cli: the desktop app's use cases from a terminal, for scripting,
//! scheduled jobs and tests. `--json` gives machine output; errors then come
//! as `{ "kind", "message" }` on stderr, and the exit code is non-zero.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde::Serialize;
use zhibu_core::meetings::{self, calendar};
use zhibu_core::members::{roster, RosterQuery};
use zhibu_core::org::{self, CommitteeMemberInput, NewBranch, OrgKind, OrgLevel, Position};
use zhibu_core::{demo, info, paths, Error, ErrorPayload, Result, Store};

/// `println!` that ends the program quietly when the reader has gone
/// (`zhibu-cli … --json | head`) instead of panicking on the closed pipe.
macro_rules! out {
    () => {
        $crate::write_out(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::write_out(format_args!($($arg)*))
    };
}

mod backup;
mod development;
mod dues;
mod export;
mod members;
mod stats;
mod todo;

#[derive(Parser)]
#[command(
    name = "zhibu-cli",
    version,
    about = "支部台账命令行工具（与桌面程序共用同一数据目录）"
)]
struct Cli {
    /// 数据目录（默认：环境变量 ZHIBU_DATA_DIR；程序旁有 zhibu-data 文件夹时用它（便携模式）；否则系统的应用数据目录）
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// 以 JSON 输出结果（供脚本使用）
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 备份全部数据（数据库和附件）到一个文件夹（如U盘），写完后读回核对
    Backup {
        /// 保存备份的文件夹
        #[arg(long)]
        to: PathBuf,
        /// 含备份密码的文件（第一行）；不给则不加密
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// 该文件夹中保留最近几份备份
        #[arg(long, default_value_t = zhibu_core::backup::DEFAULT_KEEP)]
        keep: u32,
    },
    /// 核对一个备份文件：是否完整、未损坏、能否恢复
    Verify {
        file: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// 用备份文件恢复数据：先核对，再把现有数据另存一份备份，然后替换（请先关闭支部台账程序）
    Restore {
        file: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// 新建党支部
    Init {
        /// 党支部名称，如“东坡村党支部”
        #[arg(long)]
        name: String,
        /// 单位类型：农村、社区、企业、机关、事业单位、学校、两新组织、其他
        #[arg(long)]
        kind: String,
        /// 上级党组织名称
        #[arg(long, default_value = "上级党委")]
        higher: String,
        /// 上级党组织层级：党委 或 党总支
        #[arg(long, default_value = "党委")]
        higher_level: String,
        /// 上级是党总支时，党总支的上级党委
        #[arg(long)]
        top: Option<String>,
        /// 本届支委选举日期（YYYY-MM-DD）
        #[arg(long)]
        term_start: Option<NaiveDate>,
        /// 每届任期年数（默认：村、社区5年，其他3年）
        #[arg(long)]
        term_years: Option<u8>,
        /// 党支部书记姓名
        #[arg(long)]
        secretary: Option<String>,
    },
    /// 载入示例支部（东坡村党支部，含党员和三年历史）
    Demo,
    /// 显示数据目录中的党组织、人数、任期和换届时间
    Info,
    /// 会议记录（三会一课、主题党日等）
    Meetings {
        #[command(subcommand)]
        command: MeetingsCommand,
    },
    /// 党费：计算、收缴情况、登记收款、欠交、结账、导出
    Dues {
        #[command(subcommand)]
        command: dues::DuesCommand,
    },
    /// 发展党员：名单与下一步期限、按细则检查、年度统计
    Development {
        #[command(subcommand)]
        command: development::DevelopmentCommand,
    },
    /// 导出 PDF 台账（年度组织生活记录等），供打印、装订和检查
    Export {
        #[command(subcommand)]
        command: export::ExportCommand,
    },
    /// 工作台：本月要办和已逾期的事项（党费、组织生活、发展党员、党员、支部建设、备份），最急的在前
    Todo {
        #[arg(long)]
        branch: Option<i64>,
        /// 把这一项暂缓（编号见列表），须同时给出 --reason；暂缓的事项仍在列表上，标明原因
        #[arg(long, value_name = "编号", requires = "reason")]
        snooze: Option<String>,
        /// 暂缓的原因
        #[arg(long)]
        reason: Option<String>,
    },
    /// 年度统计：党员队伍、发展党员、组织生活、党费，及可直接写入年度汇报的句子
    Stats {
        #[arg(long)]
        branch: Option<i64>,
        /// 统计年份（默认今年）；与 --to 合用时为起始年份
        #[arg(long)]
        year: Option<i32>,
        /// 结束年份，如 --year 2020 --to 2023
        #[arg(long)]
        to: Option<i32>,
        /// 只统计（结束年份的）上半年，截至6月30日
        #[arg(long)]
        half: bool,
        /// 导出为 Excel 表格（.xlsx）到这个文件
        #[arg(long, value_name = "文件")]
        out: Option<PathBuf>,
    },
    /// 党员花名册
    Members {
        #[command(subcommand)]
        command: members::MembersCommand,
    },
}

#[derive(Subcommand)]
enum MeetingsCommand {
    /// 列出某一年的会议记录
    List {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 检查某一年三会一课等组织生活是否按要求开展：列出缺的、未定稿的、本期待开的，
    /// 以及连续3个月以上没有参加组织生活的党员
    Check {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 按字词查找会议记录（一两个字也可以）
    Search {
        text: String,
        #[arg(long)]
        branch: Option<i64>,
    },
}

/// Runs the command line given by `args` (the program name first, as
/// `std::env::args_os` gives it). The `zhibu-cli` binary calls it, and so
/// does the app when started as `zhibu --cli …` (the Linux package's
/// `/usr/bin/zhibu-cli` is a script that does so, so the package carries
/// the typesetter and fonts once).
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = Cli::parse_from(args);
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed standard error must not panic either.
            use std::io::Write;
            let mut stderr = std::io::stderr();
            let _ = if cli.json {
                let payload = ErrorPayload::from(&e);
                writeln!(
                    stderr,
                    "{}",
                    serde_json::to_string(&payload).unwrap_or_else(|_| e.to_string())
                )
            } else {
                writeln!(stderr, "错误：{e}")
            };
            ExitCode::from(1)
        }
    }
}

/// Writes one line to standard output. A closed pipe ends the program with
/// success (everything asked for was done; the reader wanted no more);
/// another write error ends it with a message and exit code 1.
fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_fmt(args)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "错误：无法输出结果（{e}）");
            std::process::exit(1)
        }
    }
}

/// The data folder, taken for this process: while the app (or another
/// zhibu-cli) has it open, every command that reads or writes it says so
/// and does nothing.
fn data_dir(cli: &Cli) -> Result<PathBuf> {
    static HELD: std::sync::OnceLock<zhibu_core::lock::DataLock> = std::sync::OnceLock::new();
    let dir = paths::resolve_data_dir(cli.data_dir.clone())?;
    if HELD.get().is_none() {
        let lock = zhibu_core::lock::acquire(&dir, "zhibu-cli")?;
        let _ = HELD.set(lock);
    }
    Ok(dir)
}

fn open(cli: &Cli) -> Result<Store> {
    let dir = data_dir(cli)?;
    zhibu_core::backup::open_data_dir(&dir)
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
    out!("{text}");
    Ok(())
}

fn run(cli: &Cli) -> Result<()> {
    let now = zhibu_core::clock::now();
    match &cli.command {
        Command::Dues { command } => dues::run(cli, now, command),
        Command::Development { command } => development::run(cli, now, command),
        Command::Export { command } => export::run(cli, now, command),
        Command::Backup {
            to,
            passphrase_file,
            keep,
        } => backup::backup(cli, now, to, passphrase_file, *keep),
        Command::Verify {
            file,
            passphrase_file,
        } => backup::verify(cli, file, passphrase_file),
        Command::Restore {
            file,
            passphrase_file,
        } => backup::restore(cli, now, file, passphrase_file),
        Command::Init {
            name,
            kind,
            higher,
            higher_level,
            top,
            term_start,
            term_years,
            secretary,
        } => {
            let input = NewBranch {
                name: name.clone(),
                kind: OrgKind::parse(kind)?,
                higher_name: higher.clone(),
                higher_level: OrgLevel::parse(higher_level)?,
                top_name: top.clone(),
                term_start: *term_start,
                term_years: *term_years,
                committee: secretary
                    .iter()
                    .map(|s| CommitteeMemberInput {
                        name: s.clone(),
                        position: Position::Secretary,
                    })
                    .collect(),
                groups: Vec::new(),
            };
            let mut store = open(cli)?;
            let id = store.with_tx(|tx| org::create_branch(tx, &input, now))?;
            report_created(cli, &store, id, now.date_naive())
        }
        Command::Demo => {
            let mut store = open(cli)?;
            let id = demo::load(&mut store, now)?;
            report_created(cli, &store, id, now.date_naive())
        }
        Command::Members { command } => members::run(cli, now, command),
        Command::Stats {
            branch,
            year,
            to,
            half,
            out,
        } => stats::run(cli, now, *branch, *year, *to, *half, out.as_deref()),
        Command::Todo {
            branch,
            snooze,
            reason,
        } => todo::run(cli, now, *branch, snooze.as_deref(), reason.as_deref()),
        Command::Meetings {
            command: MeetingsCommand::List { year, branch },
        } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let list = meetings::list(store.conn(), org.id, *year)?;
            if cli.json {
                return print_json(&list);
            }
            for m in &list {
                out!(
                    "{}\t{}\t{}\t应到{} 实到{}\t{}",
                    date_text(m.date),
                    m.kind,
                    m.topic,
                    m.attendance.expected,
                    m.attendance.present,
                    if m.finalised { "已定稿" } else { "草稿" }
                );
            }
            Ok(())
        }
        Command::Meetings {
            command: MeetingsCommand::Check { year, branch },
        } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let cal = calendar::calendar(store.conn(), org.id, *year, now.date_naive())?;
            let findings = calendar::findings(&cal);
            let participation = zhibu_core::meetings::participation::participation(
                store.conn(),
                org.id,
                now.date_naive(),
            )?;
            if cli.json {
                return print_json(&serde_json::json!({
                    "year": year,
                    "findings": findings,
                    "talks_missing": cal.talks_missing,
                    "participation": participation,
                }));
            }
            out!(
                "{}{}年组织生活检查（截至{}）",
                org.name,
                year,
                date_text(now.date_naive())
            );
            if findings.is_empty() {
                out!("没有发现缺项。");
            }
            for f in &findings {
                let note = if f.note.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", f.note)
                };
                out!(
                    "{}\t{}\t{}{}\t依据：{}",
                    f.status,
                    f.period,
                    f.title,
                    note,
                    f.clause
                );
            }
            for p in &participation {
                out!("{}\t{}：{}", p.level, p.name, p.message);
            }
            Ok(())
        }
        Command::Meetings {
            command: MeetingsCommand::Search { text, branch },
        } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let hits = meetings::search(store.conn(), org.id, text)?;
            if cli.json {
                return print_json(&hits);
            }
            for h in &hits {
                out!(
                    "{}\t{}\t{}\t{}",
                    date_text(h.meeting.date),
                    h.meeting.kind,
                    h.meeting.topic,
                    h.excerpt
                );
            }
            Ok(())
        }
        Command::Info => {
            let store = open(cli)?;
            let info = info::info(&store, now.date_naive())?;
            if cli.json {
                return print_json(&info);
            }
            print_info(&info);
            Ok(())
        }
    }
}

fn branch_or_current(store: &Store, branch: Option<i64>) -> Result<org::OrgSummary> {
    match branch {
        Some(id) => org::get(store.conn(), id),
        None => org::current(store.conn())?.ok_or_else(|| {
            Error::NotFound(
                "还没有党支部。请先用 `zhibu-cli init` 新建，或 `zhibu-cli demo` 载入示例".into(),
            )
        }),
    }
}

/// A member of branch `org` by exact name, or by number: one of those on the
/// roll on `today`, or of everyone ever in the branch when `include_former`.
fn find_member(
    store: &Store,
    org: i64,
    who: &str,
    include_former: bool,
    today: NaiveDate,
) -> Result<i64> {
    let query = RosterQuery {
        include_former,
        ..RosterQuery::default()
    };
    let rows = roster::roster(store.conn(), org, &query, today)?.rows;
    let who = who.trim();
    if let Ok(id) = who.parse::<i64>() {
        if rows.iter().any(|r| r.id == id) {
            return Ok(id);
        }
    }
    let found: Vec<i64> = rows
        .iter()
        .filter(|r| r.name == who)
        .map(|r| r.id)
        .collect();
    match found.as_slice() {
        [id] => Ok(*id),
        [] if who.parse::<i64>().is_ok() => Err(Error::NotFound(format!(
            "本支部没有编号为{who}的党员，请用 members list --json 查看编号"
        ))),
        [] => Err(Error::NotFound(format!(
            "本支部没有名叫“{who}”的党员，请核对姓名"
        ))),
        _ => Err(Error::Validation(format!(
            "本支部有{}名党员叫“{who}”，请改用编号（members list --json 可查）",
            found.len()
        ))),
    }
}

fn report_created(cli: &Cli, store: &Store, id: i64, today: NaiveDate) -> Result<()> {
    let overview = org::overview(store.conn(), id, today)?;
    if cli.json {
        return print_json(&overview);
    }
    out!("已建立：{}（编号 {}）", overview.org.name, overview.org.id);
    Ok(())
}

/// A date as a clerk may type it: 2026-11-22, 2026/11/22, 2026.11.22 or
/// 2026年11月22日, in full-width digits too.
pub(crate) fn date_arg(raw: &str) -> std::result::Result<NaiveDate, String> {
    let t = zhibu_core::text::number_like(raw);
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&t, f).ok())
        .ok_or_else(|| {
            format!(
                "日期“{}”无法识别，请写成 2026-11-22 或 2026年11月22日",
                raw.trim()
            )
        })
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

fn print_info(info: &info::Info) {
    out!(
        "支部台账 {}，数据结构第{}版",
        info.app_version,
        info.schema_version
    );
    if let Some(db) = &info.database {
        out!("数据库：{db}");
    }
    if info.branches.is_empty() {
        out!("还没有党支部。可用 `zhibu-cli init` 新建，或 `zhibu-cli demo` 载入示例支部。");
    }
    for b in &info.branches {
        out!();
        out!(
            "{}（{}，上级：{}）",
            b.org.name,
            b.org.kind,
            b.org.parent_name.as_deref().unwrap_or("—")
        );
        out!(
            "  党员 {} 人：正式党员 {} 人，预备党员 {} 人",
            b.counts.total,
            b.counts.full,
            b.counts.probationary
        );
        if !b.committee.is_empty() {
            let list: Vec<String> = b
                .committee
                .iter()
                .map(|c| format!("{} {}", c.position, c.name))
                .collect();
            out!("  支委：{}", list.join("，"));
        }
        for g in &b.groups {
            out!(
                "  {}：组长 {}，{} 人",
                g.name,
                g.leader_name.as_deref().unwrap_or("未登记"),
                g.member_count
            );
        }
        match &b.term {
            Some(t) => out!(
                "  本届任期：{} 起 {} 年，{} 应换届（{}）",
                date_text(t.start),
                t.years,
                date_text(t.end),
                t.state
            ),
            None => out!("  本届任期：未登记"),
        }
        for f in &b.findings {
            out!("  【{}】{}（依据：{}）", f.severity, f.message, f.clause);
        }
    }
}
