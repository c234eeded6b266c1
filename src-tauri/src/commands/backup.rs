//! 数据备份: to a USB stick or any folder, checked after writing; restore
//! from a file after showing what is in it. Backing up, checking a file and
//! restoring run off the UI thread as the one long task (see
//! `commands::task`): `task-progress` events, stopped by `task_cancel`.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, State};
use zhibu_core::backup::schedule::{self, BackupSettings, BackupStatus};
use zhibu_core::backup::targets::{self, Drives, SystemDrives, Target};
use zhibu_core::backup::{self, BackupInfo, Options, Passphrase, RestoreReport};
use zhibu_core::task::Task;
use zhibu_core::Error;

use crate::commands::task::reporter;
use crate::error::IpcResult;
use crate::state::AppState;

fn passphrase(text: Option<String>) -> IpcResult<Option<Passphrase>> {
    Ok(match text.filter(|t| !t.is_empty()) {
        Some(t) => Some(Passphrase::new(&t)?),
        None => None,
    })
}

/// Removable drives to offer, each with the folder backups go into.
#[tauri::command]
pub fn backup_targets() -> Vec<Target> {
    SystemDrives.removable()
}

/// This program's backups in `folder`, newest first.
#[tauri::command]
pub fn backup_list(folder: PathBuf) -> Vec<String> {
    backup::list(&folder)
        .into_iter()
        .rev()
        .map(|p| p.display().to_string())
        .collect()
}

/// Backs everything up into `folder` (created if missing), keeping the
/// newest `keep` there.
#[tauri::command]
pub async fn backup_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: PathBuf,
    passphrase_text: Option<String>,
    keep: Option<u32>,
) -> IpcResult<BackupInfo> {
    let pass = passphrase(passphrase_text)?;
    let data_dir = state.files_dir()?.to_path_buf();
    let now = state.now();
    let running = state.task.start(Task::Backup, reporter(&app))?;
    let cancel = running.cancel.clone();
    let progress = running.reporter();
    let keep = match keep {
        Some(k) => k,
        None => schedule::get_settings(state.store()?.conn())?.keep,
    };
    let info = tauri::async_runtime::spawn_blocking(move || {
        targets::prepare(&folder)?;
        backup::create_in(
            &data_dir,
            &folder,
            &Options {
                passphrase: pass.as_ref(),
                keep,
            },
            now,
            &progress,
            &cancel,
        )
    })
    .await
    .map_err(|e| Error::Internal(format!("备份中断（{e}）")))??;
    schedule::record_external(state.files_dir()?, &info.path, now)?;
    Ok(info)
}

/// When the last backups were made, whether to remind, and the settings.
#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> IpcResult<BackupStatus> {
    Ok(schedule::status(
        state.store()?.conn(),
        state.files_dir()?,
        state.now(),
    )?)
}

#[tauri::command]
pub fn backup_set_settings(state: State<'_, AppState>, settings: BackupSettings) -> IpcResult<()> {
    Ok(schedule::set_settings(state.store()?.conn(), &settings)?)
}

/// The automatic backup into the data directory, when the settings ask for
/// one `at_exit` (or, at start, when today's is still missing). It reports
/// like any long task, so the window can show it and the clerk can stop it.
pub fn automatic<R: Runtime>(app: &AppHandle<R>, at_exit: bool) {
    let state = app.state::<AppState>();
    let Ok(dir) = state.files_dir().map(Path::to_path_buf) else {
        return;
    };
    // Nothing to keep before the first branch is set up.
    let Ok((settings, branches)) = state.store().and_then(|s| {
        Ok((
            schedule::get_settings(s.conn())?,
            zhibu_core::org::list_branches(s.conn())?.len(),
        ))
    }) else {
        return;
    };
    if branches == 0 {
        return;
    }
    let now = state.now();
    let due = match settings.auto {
        schedule::AutoBackup::Off => false,
        schedule::AutoBackup::AtExit => at_exit,
        schedule::AutoBackup::Daily => !at_exit && schedule::daily_due(&dir, now),
    };
    if !due {
        return;
    }
    // Never beside a restore or another backup (one long task at a time).
    let Ok(running) = state.task.start(Task::AutoBackup, reporter(app)) else {
        return;
    };
    let local = schedule::local_dir(&dir);
    let made = targets::prepare(&local).and_then(|_| {
        backup::create_in(
            &dir,
            &local,
            &Options {
                passphrase: None,
                keep: settings.local_keep,
            },
            now,
            &running.reporter(),
            &running.cancel,
        )
    });
    // Nobody is waiting for it: a failure goes to the log, and the reminder
    // about backups to a USB stick still shows.
    if let Err(e) = made {
        eprintln!("自动备份没有完成：{e}");
    }
}

/// Checks a backup file end to end and says what is in it.
#[tauri::command]
pub async fn backup_verify<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file: PathBuf,
    passphrase_text: Option<String>,
) -> IpcResult<BackupInfo> {
    let pass = passphrase(passphrase_text)?;
    let scratch = state.files_dir()?.to_path_buf();
    let running = state.task.start(Task::Verify, reporter(&app))?;
    let (progress, cancel) = (running.reporter(), running.cancel.clone());
    let info = tauri::async_runtime::spawn_blocking(move || {
        backup::verify_with(&file, pass.as_ref(), &scratch, &progress, &cancel)
    })
    .await
    .map_err(|e| Error::Internal(format!("核对中断（{e}）")))??;
    Ok(info)
}

/// Replaces the data with the backup in `file`: checked first, the current
/// data backed up into the data directory's `backups/`, then swapped.
#[tauri::command]
pub async fn backup_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file: PathBuf,
    passphrase_text: Option<String>,
) -> IpcResult<RestoreReport> {
    let pass = passphrase(passphrase_text)?;
    let now = state.now();
    let running = state.task.start(Task::Restore, reporter(&app))?;
    let progress = running.reporter();
    // The database is closed for the swap, so this holds the store; it runs
    // on a runtime worker, not the window's thread.
    let report = state.with_store_closed(|dir: &Path| {
        backup::restore(dir, &file, pass.as_ref(), now, &progress, &running.cancel)
    })?;
    Ok(report)
}
