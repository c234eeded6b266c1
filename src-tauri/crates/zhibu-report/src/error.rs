//! Errors of reading and writing files, in words a clerk can act on. They
//! convert into the core's error so the app reports them like any other.

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("无法打开表格文件 {path}：{detail}。请确认文件是 .xlsx 或 .xls 格式、没有被其他程序（如 Excel/WPS）占用后重试")]
    Open { path: String, detail: String },
    #[error("表格文件 {path} 中没有工作表，请换一个文件")]
    NoSheet { path: String },
    /// A sheet or file too large to be a roster: refused before reading it.
    #[error("{0}")]
    TooLarge(String),
    #[error("无法写入表格文件 {path}：{detail}。请确认文件没有在 Excel/WPS 中打开、磁盘有剩余空间后重试")]
    Write { path: String, detail: String },
    /// The template or typst failed: a bug or a damaged photo, not the clerk's doing.
    #[error(
        "排版时出错（{detail}）；如果是照片损坏，请删除该照片后重试，否则请把这条信息告诉技术人员"
    )]
    Typeset { detail: String },
    #[error("已取消，没有生成文件")]
    Cancelled,
}

impl From<Error> for zhibu_core::Error {
    fn from(e: Error) -> Self {
        match e {
            Error::NoSheet { .. } | Error::TooLarge(_) => {
                zhibu_core::Error::Validation(e.to_string())
            }
            Error::Cancelled => zhibu_core::Error::Cancelled,
            Error::Typeset { .. } => zhibu_core::Error::Internal(e.to_string()),
            _ => zhibu_core::Error::io(e.to_string(), std::io::Error::other("spreadsheet")),
        }
    }
}
