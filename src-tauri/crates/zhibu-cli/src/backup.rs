//! `zhibu-cli backup|verify|restore`: the same backup files as the app, for
//! scheduled jobs and for a technician helping a clerk.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Local};
use zhibu_core::backup::{self, BackupInfo, Options, Passphrase};
use zhibu_core::{Error, Result};

use crate::{open, print_json, Cli};

/// Reads a passphrase from a file (its first line), never from the command
/// line, where other users of the computer could see it.
fn passphrase(file: &Option<PathBuf>) -> Result<Option<Passphrase>> {
    let Some(file) = file else { return Ok(None) };
    let text = std::fs::read_to_string(file)
        .map_err(|e| Error::io(format!("无法读取密码文件 {}", file.display()), e))?;
    Ok(Some(Passphrase::new(text.lines().next().unwrap_or(""))?))
}

fn describe(cli: &Cli, info: &BackupInfo, verb: &str) -> Result<()> {
    if cli.json {
        return print_json(info);
    }
    let s = &info.summary;
    out!(
        "{verb} {}（{:.1} MB{}）",
        info.path,
        info.bytes as f64 / 1_048_576.0,
        if info.encrypted { "，已加密" } else { "" }
    );
    out!(
        "  制作时间 {}，支部台账 {}，数据结构第{}版",
        s.created_at,
        s.app_version,
        s.schema_version
    );
    out!(
        "  {}：党员档案{}份，党员变动记录{}条，会议记录{}次，党费收款{}笔，发展党员{}人，附件{}个",
        s.branches.join("、"),
        s.counts.members,
        s.counts.member_events,
        s.counts.meetings,
        s.counts.dues_payments,
        s.counts.development_people,
        s.attachments
    );
    Ok(())
}

pub fn backup(
    cli: &Cli,
    now: DateTime<Local>,
    to: &Path,
    passphrase_file: &Option<PathBuf>,
    keep: u32,
) -> Result<()> {
    let pass = passphrase(passphrase_file)?;
    let store = open(cli)?;
    let data_dir = crate::data_dir(cli)?;
    let info = backup::create(
        store.conn(),
        &data_dir,
        to,
        &Options {
            passphrase: pass.as_ref(),
            keep,
        },
        now,
        &|_| {},
        &AtomicBool::new(false),
    )?;
    if to != backup::schedule::local_dir(&data_dir) {
        backup::schedule::record_external(&data_dir, &info.path, now)?;
    }
    describe(cli, &info, "已备份并核对：")
}

pub fn verify(cli: &Cli, file: &Path, passphrase_file: &Option<PathBuf>) -> Result<()> {
    let pass = passphrase(passphrase_file)?;
    let data_dir = crate::data_dir(cli)?;
    let info = backup::verify(file, pass.as_ref(), &data_dir)?;
    describe(cli, &info, "核对通过：")
}

pub fn restore(
    cli: &Cli,
    now: DateTime<Local>,
    file: &Path,
    passphrase_file: &Option<PathBuf>,
) -> Result<()> {
    let pass = passphrase(passphrase_file)?;
    let data_dir = crate::data_dir(cli)?;
    let report = backup::restore(
        &data_dir,
        file,
        pass.as_ref(),
        now,
        &|_| {},
        &AtomicBool::new(false),
    )?;
    if cli.json {
        return print_json(&report);
    }
    describe(cli, &report.restored, "已恢复：")?;
    if let Some(safety) = &report.safety_backup {
        out!("  恢复前的数据已备份到 {safety}");
    }
    Ok(())
}
