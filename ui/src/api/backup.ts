// 数据备份 and 恢复. Long work reports `backup-progress` events; `cancelExport`
// stops a backup (one long task at a time).
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { call } from './invoke'
import type { BackupInfo, BackupProgress, BackupSettings, BackupStatus, RestoreReport, Target } from './bindings'

export const backupTargets = () => call<Target[]>('backup_targets')
/** This program's backups in `folder`, newest first. */
export const backupList = (folder: string) => call<string[]>('backup_list', { folder })
export const createBackup = (folder: string, passphraseText: string | null) =>
  call<BackupInfo>('backup_create', { folder, passphraseText, keep: null })
export const verifyBackup = (file: string, passphraseText: string | null) =>
  call<BackupInfo>('backup_verify', { file, passphraseText })
export const restoreBackup = (file: string, passphraseText: string | null) =>
  call<RestoreReport>('backup_restore', { file, passphraseText })

export function onBackupProgress(handler: (progress: BackupProgress) => void): Promise<UnlistenFn> {
  return listen<BackupProgress>('backup-progress', (event) => handler(event.payload))
}

export const backupStatus = () => call<BackupStatus>('backup_status')
export const setBackupSettings = (settings: BackupSettings) => call<null>('backup_set_settings', { settings })
