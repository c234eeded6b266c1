//! The Tauri shell: app state, the command list and start-up. Logic lives in
//! zhibu-core; commands are one-line adapters.

pub mod commands;
pub mod error;
pub mod state;

use std::path::PathBuf;

use tauri::Manager;
use tauri::{Runtime, Wry};
use zhibu_core::paths;

pub use state::AppState;

/// Adds the state and every command to `builder`; generic over the runtime
/// so tests run the same app on tauri's mock runtime.
///
/// A command that panics does not take the app down: the panic becomes an
/// `internal` error the clerk reads (its transaction rolled back as it
/// unwound, so nothing saved is touched), and the panic hook has logged it.
pub fn setup<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let handler = commands();
    builder.manage(state).invoke_handler(move |invoke| {
        let resolver = invoke.resolver.clone();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(invoke))) {
            Ok(handled) => handled,
            Err(_) => {
                resolver.reject(zhibu_core::ErrorPayload::from(
                    &zhibu_core::Error::Internal(PANIC_MESSAGE.into()),
                ));
                true
            }
        }
    })
}

/// What the clerk reads when a command failed inside the program.
pub const PANIC_MESSAGE: &str = "程序出错，这一步没有完成；已保存的数据没有受影响。出错情况已记入数据目录的 logs 文件夹，请把它交给技术人员，然后可以继续使用";

type Handler<R> = Box<dyn Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync>;

fn commands<R: Runtime>() -> Handler<R> {
    Box::new(tauri::generate_handler![
        commands::app::debug_panic,
        commands::org::org_list,
        commands::org::org_current,
        commands::org::org_set_current,
        commands::org::org_overview,
        commands::org::org_create_branch,
        commands::org::org_update_branch,
        commands::org::org_load_demo,
        commands::org::org_remove_demo,
        commands::todo::todo_list,
        commands::todo::todo_snooze,
        commands::stats::stats_year,
        commands::stats::stats_settings,
        commands::stats::stats_set_settings,
        commands::stats::stats_export,
        commands::stats::stats_member_sheets,
        commands::org::app_info,
        commands::app::app_start,
        commands::app::app_ui_choice,
        commands::app::app_set_ui_choice,
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
        commands::task::task_cancel,
        commands::task::task_current,
        commands::export::export_open,
        commands::export::export_reveal,
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
        commands::meetings::meetings_set_exclusion,
        commands::meetings::meetings_exclusion_reasons,
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
    let located = paths::resolve_data_dir_with_mode(data_dir_flag());
    let mode = located.as_ref().ok().map(|(_, m)| *m);
    let dir = located.map(|(d, _)| d);
    if let Ok(dir) = &dir {
        zhibu_core::crashlog::install(dir.clone());
    }
    // The folder's lock first: the store is not even opened (nor migrated)
    // while another program has it.
    let state = match dir {
        Ok(dir) => match zhibu_core::lock::acquire(&dir, "支部台账窗口") {
            Err(e) => AppState::failed(e.to_string(), Some(dir)),
            Ok(lock) => match zhibu_core::backup::open_data_dir(&dir) {
                Ok(store) => AppState::new(store, dir).holding(lock),
                Err(e) => AppState::failed(e.to_string(), Some(dir)).holding(lock),
            },
        },
        Err(e) => AppState::failed(e.to_string(), None),
    }
    .with_mode(mode);
    if let Some(message) = state.startup_error() {
        eprintln!("支部台账无法打开数据库：{message}");
    }
    // A second start (a double click while the app is open) brings the open
    // window to the front instead of opening another on the same data.
    let builder = tauri::Builder::<Wry>::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // The first screen's data, read while the window opens; then
            // today's automatic backup, if the settings want one and it is
            // missing, while the clerk starts working (after the reading, so
            // a long backup never holds up the start page).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                handle.state::<AppState>().read_ahead();
                commands::backup::automatic(&handle, false);
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
            commands::backup::automatic(handle, true);
        }
    });
}
