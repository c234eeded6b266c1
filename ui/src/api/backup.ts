// 数据备份 and 恢复. Backing up, checking a file and restoring run as the one
// long task (see task.ts for its progress and 取消).
import { call } from './invoke'
import type { BackupInfo, BackupSettings, BackupStatus, RestoreReport, Target } from './bindings'

export const backupTargets = () => call<Target[]>('backup_targets')
/** This program's backups in `folder`, newest first. */
export const backupList = (folder: string) => call<string[]>('backup_list', { folder })
export const createBackup = (folder: string, passphraseText: string | null) =>
  call<BackupInfo>('backup_create', { folder, passphraseText, keep: null })
export const verifyBackup = (file: string, passphraseText: string | null) =>
  call<BackupInfo>('backup_verify', { file, passphraseText })
export const restoreBackup = (file: string, passphraseText: string | null) =>
  call<RestoreReport>('backup_restore', { file, passphraseText })

export const backupStatus = () => call<BackupStatus>('backup_status')
export const setBackupSettings = (settings: BackupSettings) => call<null>('backup_set_settings', { settings })
