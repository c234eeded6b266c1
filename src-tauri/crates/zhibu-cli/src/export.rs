//! `zhibu-cli export …`: the PDF 台账 from a terminal, typeset in-process
//! exactly as the app does it.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local};
use clap::Subcommand;
use zhibu_core::export::Exported;
use zhibu_core::meetings::MeetingKind;
use zhibu_core::{paths, Result};
use zhibu_report::pdf::{self, minutes};

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
}

fn report(cli: &Cli, exported: &Exported) -> Result<()> {
    if cli.json {
        return print_json(exported);
    }
    println!(
        "已生成 {}（{} 页，{:.1} MB）",
        exported.path,
        exported.pages,
        exported.bytes as f64 / 1_048_576.0
    );
    for m in &exported.missing {
        println!(
            "注意：{}中的“{}”在本机没有可用字体，打印出来是空框，请核对",
            m.place, m.chars
        );
    }
    Ok(())
}

pub fn run(cli: &Cli, now: DateTime<Local>, command: &ExportCommand) -> Result<()> {
    let store = open(cli)?;
    let data_dir = paths::resolve_data_dir(cli.data_dir.clone())?;
    let today = now.date_naive();
    let never = AtomicBool::new(false);
    match command {
        ExportCommand::Minutes {
            year,
            out,
            kinds,
            branch,
        } => {
            let org = branch_or_current(&store, *branch)?;
            let kinds = kinds
                .iter()
                .map(|k| MeetingKind::parse(k))
                .collect::<Result<Vec<_>>>()?;
            let job = minutes::book(store.conn(), &data_dir, org.id, *year, &kinds, today)?;
            let rendered = pdf::render(&job, &never)?;
            report(cli, &pdf::save(rendered, out)?)
        }
    }
}
