//! The Tauri shell: app state, the command list and start-up. Logic lives in
//! zhibu-core; commands are one-line adapters.

pub mod commands;
pub mod error;
pub mod state;

use std::path::PathBuf;

use tauri::Manager;
use tauri::{Runtime, Wry};
use zhibu_core::{paths, Store};

pub use state::AppState;

/// Adds the state and every command to `builder`; generic over the runtime
/// so tests run the same app on tauri's mock runtime.
pub fn setup<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::org::org_list,
            commands::org::org_current,
            commands::org::org_set_current,
            commands::org::org_overview,
            commands::org::org_create_branch,
            commands::org::org_update_branch,
            commands::org::org_load_demo,
            commands::org::app_info,
            commands::app::app_status,
            commands::development::development_steps,
            commands::development::development_list,
            commands::development::development_detail,
            commands::development::development_add,
            commands::development::development_update_profile,
            commands::development::development_record_step,
            commands::development::development_withdraw_step,
            commands::development::development_close,
            commands::development::development_deadlines,
            commands::development::development_check,
            commands::development::development_stats,
            commands::development::development_settings,
            commands::development::development_set_settings,
            commands::development::development_vote_choices,
            commands::development::development_add_document,
            commands::development::development_document_bytes,
            commands::development::development_document_save,
            commands::backup::backup_targets,
            commands::backup::backup_list,
            commands::backup::backup_create,
            commands::backup::backup_verify,
            commands::backup::backup_restore,
            commands::backup::backup_status,
            commands::backup::backup_set_settings,
            commands::export::export_pdf_name,
            commands::export::export_pdf,
            commands::export::export_cancel,
            commands::export::export_open,
            commands::dues::dues_settings,
            commands::dues::dues_set_settings,
            commands::dues::dues_rate,
            commands::dues::dues_sheet,
            commands::dues::dues_card,
            commands::dues::dues_arrears,
            commands::dues::dues_set_base,
            commands::dues::dues_review,
            commands::dues::dues_apply_review,
            commands::dues::dues_pay,
            commands::dues::dues_reverse,
            commands::dues::dues_close,
            commands::dues::dues_closed,
            commands::dues::dues_remit,
            commands::dues::dues_reverse_remittance,
            commands::dues::dues_remittances,
            commands::dues::dues_large,
            commands::dues::dues_reconcile,
            commands::dues::dues_export,
            commands::meetings::meetings_list,
            commands::meetings::meetings_detail,
            commands::meetings::meetings_create,
            commands::meetings::meetings_update,
            commands::meetings::meetings_set_presence,
            commands::meetings::meetings_add_vote,
            commands::meetings::meetings_finalise,
            commands::meetings::meetings_add_supplement,
            commands::meetings::meetings_template,
            commands::meetings::meetings_search,
            commands::meetings::meetings_add_progress,
            commands::meetings::meetings_attach,
            commands::meetings::meetings_attachment_bytes,
            commands::meetings::meetings_attachment_save,
            commands::meetings::meetings_remove_attachment,
            commands::meetings::meetings_calendar,
            commands::meetings::meetings_requirements,
            commands::meetings::meetings_set_requirements,
            commands::meetings::meetings_participation,
            commands::members::members_roster,
            commands::members::members_detail,
            commands::members::members_add,
            commands::members::members_update,
            commands::members::members_record_event,
            commands::members::members_import_preview,
            commands::members::members_import,
            commands::members::members_export,
        ])
}

/// `--data-dir DIR` from the command line, if given.
fn data_dir_flag() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// Opens the data directory and runs the app. If the database cannot be
/// opened the window still opens and shows why, in Chinese.
pub fn run() {
    let dir = paths::resolve_data_dir(data_dir_flag());
    let state = match dir {
        Ok(dir) => match Store::open_in_dir(&dir) {
            Ok(store) => AppState::new(store, dir),
            Err(e) => AppState::failed(e.to_string(), Some(dir)),
        },
        Err(e) => AppState::failed(e.to_string(), None),
    };
    if let Some(message) = state.startup_error() {
        eprintln!("支部台账无法打开数据库：{message}");
    }
    let builder = tauri::Builder::<Wry>::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // Today's automatic backup, if the settings want one and it is
            // missing, while the clerk starts working.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                commands::backup::automatic(&handle.state::<AppState>(), false);
            });
            Ok(())
        });
    let app = match setup(builder, state).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("支部台账无法打开程序窗口：{e}");
            std::process::exit(2);
        }
    };
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            commands::backup::automatic(&handle.state::<AppState>(), true);
        }
    });
}
