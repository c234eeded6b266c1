//! Long work — a PDF export, a backup, checking or restoring a backup file,
//! the automatic backup — reports how far it has come in one shape, so the
//! window shows every kind the same way and one 取消 stops whichever runs.
//! The app runs one such task at a time.

use serde::Serialize;
use ts_rs::TS;

use crate::labels::label_enum;

label_enum! {
    /// Which long task is running.
    pub enum Task {
        Export = "导出文件",
        Backup = "备份",
        Verify = "核对备份文件",
        Restore = "恢复数据",
        AutoBackup = "自动备份",
    }
    what: "任务"
}

/// How far a piece of long work has come, as the core reports it: a stage
/// in words and a count (bytes, photos) of `total`, 0 of 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// 正在备份 / 正在核对 / 正在排版 …
    pub stage: &'static str,
    pub done: u64,
    pub total: u64,
}

/// What the window hears as `task-progress` while a task runs, and once more
/// with `finished` when it has ended (done, failed or cancelled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskProgress {
    pub task: Task,
    pub stage: String,
    pub done: u64,
    pub total: u64,
    pub finished: bool,
}

impl TaskProgress {
    pub fn of(task: Task, report: Report) -> Self {
        TaskProgress {
            task,
            stage: report.stage.to_string(),
            done: report.done.min(report.total),
            total: report.total,
            finished: false,
        }
    }

    pub fn finished(task: Task) -> Self {
        TaskProgress {
            task,
            stage: String::new(),
            done: 0,
            total: 0,
            finished: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_never_claims_more_than_its_total() {
        let p = TaskProgress::of(
            Task::Verify,
            Report {
                stage: "正在核对",
                done: 12,
                total: 10,
            },
        );
        assert_eq!((p.done, p.total, p.finished), (10, 10, false));
        assert!(TaskProgress::finished(Task::AutoBackup).finished);
    }
}
