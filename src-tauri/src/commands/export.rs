//! PDF 台账: typeset off the UI thread as the one long task (see
//! `commands::task`), and opened afterwards on request.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State};
use zhibu_core::export::{self, Document, Exported};
use zhibu_core::task::{Report, Task};
use zhibu_core::Error;
use zhibu_report::pdf::{self, Step};

use crate::commands::task::reporter;
use crate::error::IpcResult;
use crate::state::AppState;

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The file name a clerk would give `document`.
#[tauri::command]
pub fn export_pdf_name(state: State<'_, AppState>, document: Document) -> IpcResult<String> {
    let today = state.now().date_naive();
    Ok(export::file_name(state.store()?.conn(), &document, today)?)
}

/// Typesets `document` (年度组织生活记录, 花名册, 党费登记表, 签到表,
/// 发展党员记录) to `target` on a worker thread, as the one long task:
/// progress goes out as `task-progress`, `task_cancel` stops it and nothing
/// is written.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    document: Document,
    target: PathBuf,
) -> IpcResult<Exported> {
    if target.extension().and_then(|e| e.to_str()) != Some("pdf") {
        return Err(Error::Validation(format!(
            "请把文件保存为 .pdf（现在是 {}）",
            target.display()
        ))
        .into());
    }
    let running = state.task.start(Task::Export, reporter(&app))?;
    let report = running.reporter();
    report(Report {
        stage: "正在收集记录",
        done: 0,
        total: 0,
    });
    let today = state.now().date_naive();
    let model = export::gather(state.store()?.conn(), state.files_dir()?, &document, today)?;
    let job = pdf::job(&model, today);
    let cancel = running.cancel.clone();
    let worker = tauri::async_runtime::spawn_blocking(move || {
        let rendered = pdf::render_with(&job, &cancel, &|step| match step {
            Step::Typesetting {
                photos_read,
                photos,
            } => report(Report {
                stage: "正在排版",
                done: count(photos_read),
                total: count(photos),
            }),
            Step::Writing => report(Report {
                stage: "正在写入文件",
                done: 0,
                total: 0,
            }),
        })?;
        pdf::save(rendered, &target)
    });
    let exported = worker
        .await
        .map_err(|e| Error::Internal(format!("导出中断（{e}）")))??;
    state.exported.add(PathBuf::from(&exported.path));
    Ok(exported)
}

/// Only files this app exported in this session may be opened or shown:
/// the window cannot reach arbitrary paths.
fn exported(state: &AppState, path: &Path) -> IpcResult<()> {
    if !state.exported.contains(path) {
        return Err(Error::NotFound("只能打开本次导出的文件".into()).into());
    }
    Ok(())
}

/// Opens an exported file (PDF or Excel) with the program the system has for it.
#[tauri::command]
pub fn export_open(state: State<'_, AppState>, path: PathBuf) -> IpcResult<()> {
    exported(&state, &path)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        // The launcher's own words are for whoever reads the log, not the clerk.
        eprintln!("打开导出文件失败：{}：{e}", path.display());
        let reader = match path.extension().and_then(|e| e.to_str()) {
            Some("xlsx") => "能打开 Excel 表格的软件（如 WPS、Excel）",
            _ => "PDF 阅读器（如 WPS、浏览器）",
        };
        Error::Conflict(format!(
            "这台电脑没能打开这个文件。请确认装有{reader}，或到文件所在位置双击打开：{}",
            path.display()
        ))
    })?;
    Ok(())
}

/// Shows an exported file in the system's file manager.
#[tauri::command]
pub fn export_reveal(state: State<'_, AppState>, path: PathBuf) -> IpcResult<()> {
    exported(&state, &path)?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
        eprintln!("打开所在文件夹失败：{}：{e}", path.display());
        let folder = path.parent().unwrap_or(&path);
        Error::Conflict(format!(
            "这台电脑没能打开文件所在的文件夹。请在“此电脑”或文件管理器中找到这个位置：{}",
            folder.display()
        ))
    })?;
    Ok(())
}
