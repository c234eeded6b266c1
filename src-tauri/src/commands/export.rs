//! PDF 台账: typeset off the UI thread with progress sent as
//! `export-progress` events, cancellable, and opened afterwards on request.

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Runtime, State};
use zhibu_core::export::{Document, ExportProgress, Exported};
use zhibu_core::Error;
use zhibu_report::pdf::{self, Job, Step};

use crate::error::IpcResult;
use crate::state::AppState;

fn emit<R: Runtime>(app: &AppHandle<R>, stage: &str, done: usize, total: usize) {
    let progress = ExportProgress {
        stage: stage.into(),
        done: u32::try_from(done).unwrap_or(u32::MAX),
        total: u32::try_from(total).unwrap_or(u32::MAX),
    };
    // A window that is gone cannot show progress; the export goes on.
    let _ = app.emit("export-progress", progress);
}

/// Typesets `job` on a worker thread and writes it to `target`. One export
/// at a time; `export_cancel` stops it and nothing is written.
async fn typeset<R: Runtime>(
    app: AppHandle<R>,
    state: &AppState,
    job: Job,
    target: PathBuf,
) -> IpcResult<Exported> {
    if target.extension().and_then(|e| e.to_str()) != Some("pdf") {
        return Err(Error::Validation(format!(
            "请把文件保存为 .pdf（现在是 {}）",
            target.display()
        ))
        .into());
    }
    let control = state.exports.start()?;
    let cancel = control.cancel.clone();
    let progress_app = app.clone();
    let worker = tauri::async_runtime::spawn_blocking(move || {
        let rendered = pdf::render_with(&job, &cancel, &|step| match step {
            Step::Typesetting {
                photos_read,
                photos,
            } => emit(&progress_app, "正在排版", photos_read.min(photos), photos),
            Step::Writing => emit(&progress_app, "正在写入文件", 0, 0),
        })?;
        pdf::save(rendered, &target)
    });
    let exported = worker
        .await
        .map_err(|e| Error::Internal(format!("导出中断（{e}）")))??;
    state.exports.written(PathBuf::from(&exported.path));
    Ok(exported)
}

/// The file name a clerk would give `document`.
#[tauri::command]
pub fn export_pdf_name(state: State<'_, AppState>, document: Document) -> IpcResult<String> {
    let today = state.now().date_naive();
    Ok(pdf::file_name(state.store()?.conn(), &document, today)?)
}

/// Typesets `document` (年度组织生活记录, 花名册, 党费登记表, 签到表,
/// 发展党员记录) to `target`.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    document: Document,
    target: PathBuf,
) -> IpcResult<Exported> {
    emit(&app, "正在收集记录", 0, 0);
    let today = state.now().date_naive();
    let job = pdf::job(state.store()?.conn(), state.files_dir()?, &document, today)?;
    typeset(app, &state, job, target).await
}

/// Stops the export under way (if any); it ends with kind `cancelled`.
#[tauri::command]
pub fn export_cancel(state: State<'_, AppState>) {
    state.exports.cancel();
}

/// Opens a file this app exported in this session with the system's PDF
/// reader. Only such files: the window cannot open arbitrary paths.
#[tauri::command]
pub fn export_open(state: State<'_, AppState>, path: PathBuf) -> IpcResult<()> {
    if !state.exports.was_written(&path) {
        return Err(Error::NotFound("只能打开本次导出的文件".into()).into());
    }
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        // The launcher's own words are for whoever reads the log, not the clerk.
        eprintln!("打开导出文件失败：{}：{e}", path.display());
        Error::Conflict(format!(
            "这台电脑没能打开 PDF 文件。请确认装有 PDF 阅读器（如 WPS、浏览器），或到文件所在位置双击打开：{}",
            path.display()
        ))
    })?;
    Ok(())
}
