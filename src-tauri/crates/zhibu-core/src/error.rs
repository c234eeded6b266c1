//! The core's one error type. Every variant maps to a stable `kind` that the
//! UI and the CLI switch on; the `Display` text is the Chinese message a clerk
//! reads, and it always says what to do next.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input in one field; the message names the field and the fix.
    #[error("{0}")]
    Validation(String),
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts saved data (duplicate, locked record …).
    #[error("{0}")]
    Conflict(String),
    /// A party rule forbids the action; the message cites the clause.
    #[error("{0}")]
    Rule(String),
    /// A rule is broken but the clerk may go ahead by writing down why (the
    /// reason is kept and shown to an inspector); the message cites the clause.
    #[error("{0}")]
    NeedsReason(String),
    #[error("数据库文件由较新版本的支部台账（数据结构第{found}版）写入，本程序只认识到第{supported}版。为保护数据，本程序没有改动该文件。请安装最新版本的支部台账后再打开。")]
    NewerSchema { found: i64, supported: i64 },
    #[error("数据库文件检查未通过（{detail}）。文件可能已损坏，本程序没有改动它。请从最近的备份恢复，或把数据目录整个复制给技术人员检查。")]
    Corrupt { detail: String },
    #[error(
        "读写文件失败：{context}（{source}）。请确认磁盘有剩余空间、文件未被其他程序占用后重试。"
    )]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("数据库操作失败（{0}）。已保存的数据没有受影响，请重试；如反复出现，请备份数据目录后联系技术人员。")]
    Database(#[from] rusqlite::Error),
    #[error("内部错误：{0}。已保存的数据没有受影响，请重试。")]
    Internal(String),
    /// The clerk stopped a long task (an export); nothing was written.
    #[error("已取消，没有生成文件")]
    Cancelled,
    /// A backup file that cannot be used (cut short, damaged, not ours,
    /// from a newer version); the current data was not touched.
    #[error("{0}。现有数据没有改动。")]
    BadBackup(String),
    /// A backup needs its passphrase, or the one given is wrong.
    #[error("{0}")]
    Passphrase(String),
}

/// What the UI switches on. Serialised in snake case: `validation`, `not_found` …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    Rule,
    NeedsReason,
    Cancelled,
    Io,
    Internal,
    /// Ask for the backup's passphrase (again).
    Passphrase,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) | Error::BadBackup(_) => ErrorKind::Validation,
            Error::Passphrase(_) => ErrorKind::Passphrase,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict(_) | Error::NewerSchema { .. } => ErrorKind::Conflict,
            Error::Rule(_) => ErrorKind::Rule,
            Error::NeedsReason(_) => ErrorKind::NeedsReason,
            Error::Cancelled => ErrorKind::Cancelled,
            Error::Io { .. } | Error::Corrupt { .. } => ErrorKind::Io,
            Error::Database(_) | Error::Internal(_) => ErrorKind::Internal,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(format!("数据格式错误（{e}）"))
    }
}

/// The shape every error takes when it crosses a process boundary
/// (Tauri IPC, `zhibu-cli --json`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
