//! The app itself: whether the database opened, and where the data lives.

use tauri::State;
use zhibu_core::info::{AppStart, AppStatus};
use zhibu_core::Error;

use crate::error::IpcResult;
use crate::state::AppState;

/// The window's first question: the status and, when the database opened,
/// the first screen (read ahead while the window opened; see
/// `AppState::read_ahead`). Async: it may wait for that reading to finish,
/// and must not hold up the main thread meanwhile.
#[tauri::command]
pub async fn app_start(state: State<'_, AppState>) -> IpcResult<AppStart> {
    let status = status(&state);
    let screen = match status.startup_error {
        Some(_) => None,
        None => Some(state.first_screen()?),
    };
    Ok(AppStart { status, screen })
}

fn status(state: &AppState) -> AppStatus {
    AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.data_dir.as_ref().map(|d| d.display().to_string()),
        data_mode: state.data_mode,
        startup_error: state.startup_error(),
        today: state.now().date_naive(),
    }
}

/// Panics on purpose while holding the database, in debug builds only: the
/// tests use it to show that a failing command becomes an error the clerk
/// reads, is logged, and leaves the app working. Release builds refuse it.
#[tauri::command]
pub fn debug_panic(state: State<'_, AppState>) -> IpcResult<()> {
    if !cfg!(debug_assertions) {
        return Err(Error::NotFound("没有这个功能".into()).into());
    }
    let _store = state.store()?;
    panic!("debug_panic: 测试用的故意出错 for 王建国 110105194912310021");
}

/// Opens the data folder in the system's file manager (the 关于 page).
#[tauri::command]
pub fn app_open_data_dir(state: State<'_, AppState>) -> IpcResult<()> {
    let dir = state.files_dir()?;
    tauri_plugin_opener::open_path(dir, None::<&str>).map_err(|e| {
        eprintln!("打开数据目录失败：{}：{e}", dir.display());
        Error::Conflict(format!(
            "这台电脑没能打开文件夹，请在文件管理器中手动打开：{}",
            dir.display()
        ))
    })?;
    Ok(())
}

/// A choice the window remembers (e.g. the roster's columns), kept with the data.
#[tauri::command]
pub fn app_ui_choice(state: State<'_, AppState>, name: String) -> IpcResult<Option<Vec<String>>> {
    Ok(zhibu_core::settings::ui_choice(
        state.store()?.conn(),
        &name,
    )?)
}

#[tauri::command]
pub fn app_set_ui_choice(
    state: State<'_, AppState>,
    name: String,
    values: Vec<String>,
) -> IpcResult<()> {
    Ok(zhibu_core::settings::set_ui_choice(
        state.store()?.conn(),
        &name,
        &values,
    )?)
}
