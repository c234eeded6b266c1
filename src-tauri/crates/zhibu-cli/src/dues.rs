//! `zhibu-cli dues …`: the 党费 use cases from a terminal.

use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate};
use clap::Subcommand;
use serde::Serialize;
use zhibu_core::dues::ledger::{self, MonthSheet};
use zhibu_core::dues::payments::{self, PayMethod, PaymentInput};
use zhibu_core::dues::rules::Terms;
use zhibu_core::dues::{close, export, DuesCategory, DuesSettings, Rounding};
use zhibu_core::money::{parse_yuan, yuan};
use zhibu_core::month::YearMonth;
use zhibu_core::org::OrgSummary;
use zhibu_core::{Error, Result};
use zhibu_report::xlsx;

use crate::{branch_or_current, find_member, open, print_json, Cli};

#[derive(Subcommand)]
pub enum DuesCommand {
    /// 按党费规定计算每月应交党费，如 `dues rate --category 在职 --base 5100` → 76.50
    Rate {
        /// 党费类别：在职、年薪制、个体经营等不按月取得收入、离退休、农民、学生、下岗失业、
        /// 依靠抚恤或救济生活、领取最低生活保障金、经批准少交、经批准免交
        #[arg(long)]
        category: String,
        /// 每月党费基数（元），按比例交纳的类别必填
        #[arg(long)]
        base: Option<String>,
        /// 农民党员每月交纳金额（元，0.2至1，默认0.2）
        #[arg(long, default_value = "0.2")]
        farmer: String,
        /// 经批准少交的每月金额（元）
        #[arg(long)]
        fixed: Option<String>,
        /// 取整方式：四舍五入到分（默认）、四舍五入到角、舍去分（保留到角）
        #[arg(long, default_value = "四舍五入到分")]
        rounding: String,
    },
    /// 某月的收缴情况：每名党员应交、已交、是否逾期、连续未交月数
    Status {
        /// 月份，如 2026-11（默认本月）
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 登记一笔党费收款（从最早未交的月份起）
    Pay {
        /// 党员姓名（或编号）
        #[arg(long)]
        member: String,
        /// 交纳月数（0 表示只是自愿多交）
        #[arg(long, default_value_t = 1)]
        months: u32,
        /// 实收金额（元）
        #[arg(long)]
        amount: String,
        /// 收款日期（YYYY-MM-DD，默认今天）
        #[arg(long)]
        date: Option<NaiveDate>,
        /// 方式：现金、转账、微信、其他
        #[arg(long, default_value = "现金")]
        method: String,
        /// 代交人（本人交纳不填）
        #[arg(long)]
        by: Option<String>,
        #[arg(long)]
        receipt: Option<String>,
        /// 超期补交、预交时的支部批准说明
        #[arg(long)]
        approval: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 欠交党费的党员，连续3个月以上的附提醒
    Arrears {
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 结账某月（按月份顺序；结账后该月不能再记入收款）
    Close {
        #[arg(long)]
        month: String,
        #[arg(long)]
        branch: Option<i64>,
    },
    /// 导出某年党费收缴登记表、公示表、收款流水和上缴记录（.xlsx）
    Export {
        #[arg(long)]
        year: i32,
        file: PathBuf,
        #[arg(long)]
        branch: Option<i64>,
    },
}

#[derive(Serialize)]
struct Rate {
    category: DuesCategory,
    base_fen: Option<i64>,
    monthly_fen: i64,
    monthly: String,
    clause: &'static str,
}

pub fn run(cli: &Cli, now: DateTime<Local>, command: &DuesCommand) -> Result<()> {
    let today = now.date_naive();
    match command {
        DuesCommand::Rate {
            category,
            base,
            farmer,
            fixed,
            rounding,
        } => {
            let category = DuesCategory::parse(category)?;
            let base_fen = base.as_deref().map(parse_yuan).transpose()?;
            if category.needs_base() && base_fen.is_none() {
                return Err(Error::Validation(format!(
                    "“{category}”按比例交纳，请用 --base 给出每月党费基数（元）"
                )));
            }
            let farmer_fen = parse_yuan(farmer)?;
            let settings = DuesSettings {
                farmer_fen,
                rounding: Rounding::parse(rounding)?,
                ..DuesSettings::default()
            };
            let terms = Terms {
                category,
                base_fen,
                fixed_fen: fixed.as_deref().map(parse_yuan).transpose()?,
            };
            settings.check()?;
            let monthly_fen = settings.monthly_due(&terms);
            let rate = Rate {
                category,
                base_fen,
                monthly_fen,
                monthly: yuan(monthly_fen),
                clause: category.clause(),
            };
            if cli.json {
                return print_json(&rate);
            }
            out!("{}", rate.monthly);
            Ok(())
        }
        DuesCommand::Status { month, branch } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let month = month
                .as_deref()
                .map(YearMonth::parse)
                .transpose()?
                .unwrap_or(YearMonth::of(today));
            let sheet = ledger::month_sheet(store.conn(), org.id, month, today)?;
            if cli.json {
                return print_json(&sheet);
            }
            print_sheet(&org, &sheet);
            Ok(())
        }
        DuesCommand::Pay {
            member,
            months,
            amount,
            date,
            method,
            by,
            receipt,
            approval,
            note,
            branch,
        } => {
            let mut store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let member_id = find_member(&store, org.id, member, true, today)?;
            let input = PaymentInput {
                member_id,
                paid_on: date.unwrap_or(today),
                months: *months,
                amount_fen: parse_yuan(amount)?,
                method: PayMethod::parse(method)?,
                paid_by: by.clone(),
                receipt_no: receipt.clone(),
                approval: approval.clone(),
                note: note.clone(),
            };
            let id = store.with_tx(|tx| payments::pay(tx, org.id, &input, now))?;
            let card = zhibu_core::dues::card::card(store.conn(), org.id, member_id, today)?;
            let payment = card.payments.into_iter().find(|p| p.id == id);
            if cli.json {
                return print_json(&payment);
            }
            if let Some(p) = payment {
                let months: Vec<String> = p
                    .months
                    .iter()
                    .map(|a| format!("{}（{}元）", a.month, yuan(a.fen)))
                    .collect();
                out!(
                    "已登记：{} {} 交纳党费{}元{}",
                    p.paid_on,
                    p.name,
                    yuan(p.dues_fen),
                    if p.extra_fen > 0 {
                        format!("，自愿多交{}元", yuan(p.extra_fen))
                    } else {
                        String::new()
                    }
                );
                if !months.is_empty() {
                    out!("记入月份：{}", months.join("、"));
                }
            }
            Ok(())
        }
        DuesCommand::Arrears { branch } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let rows = ledger::arrears(store.conn(), org.id, today)?;
            if cli.json {
                return print_json(&rows);
            }
            out!("{} 欠交党费 {} 人", org.name, rows.len());
            for r in &rows {
                out!(
                    "{}\t欠{}个月\t{}元\t连续{}个月未交\t{}",
                    r.name,
                    r.months.len(),
                    yuan(r.owed_fen),
                    r.unpaid_run,
                    r.message.as_deref().unwrap_or("")
                );
            }
            Ok(())
        }
        DuesCommand::Close { month, branch } => {
            let mut store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let month = YearMonth::parse(month)?;
            let closed = store.with_tx(|tx| close::close_month(tx, org.id, month, now))?;
            if cli.json {
                return print_json(&closed);
            }
            out!(
                "已结账：{}，应交 {} 人 {} 元，交清 {} 人，本月收款 {} 元",
                closed.month,
                closed.members_due,
                yuan(closed.due_fen),
                closed.members_paid,
                yuan(closed.received_fen)
            );
            Ok(())
        }
        DuesCommand::Export { year, file, branch } => {
            let store = open(cli)?;
            let org = branch_or_current(&store, *branch)?;
            let tables = export::tables(store.conn(), org.id, *year, today)?;
            xlsx::write_tables(file, &tables)?;
            if !cli.json {
                out!(
                    "已导出 {}：{}",
                    file.display(),
                    tables
                        .iter()
                        .map(|t| t.sheet.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                );
            }
            Ok(())
        }
    }
}

fn print_sheet(org: &OrgSummary, sheet: &MonthSheet) {
    out!(
        "{} {} 党费：应交 {} 人 {} 元，已交清 {} 人，已收本月 {} 元，本月收款合计 {} 元{}",
        org.name,
        sheet.month,
        sheet.members_due,
        yuan(sheet.due_fen),
        sheet.members_paid,
        yuan(sheet.paid_fen),
        yuan(sheet.received_fen),
        if sheet.closed { "（已结账）" } else { "" }
    );
    for r in &sheet.rows {
        out!(
            "{}\t{}\t应交 {}\t已交 {}\t{}{}",
            r.name,
            r.category.map(|c| c.label()).unwrap_or("未核定"),
            r.due_fen.map(yuan).unwrap_or_else(|| "—".into()),
            yuan(r.paid_fen),
            r.state,
            if r.unpaid_run >= 3 {
                format!("\t连续{}个月未交", r.unpaid_run)
            } else {
                String::new()
            }
        );
    }
}
