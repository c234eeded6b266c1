//! The app itself: whether the database opened, and where the data lives.

use tauri::State;
use zhibu_core::info::AppStatus;

use crate::state::AppState;

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.data_dir.as_ref().map(|d| d.display().to_string()),
        startup_error: state.startup_error(),
        today: state.now().date_naive(),
    }
}
