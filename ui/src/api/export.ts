// PDF 台账. Typesetting runs on the Rust side off the UI thread; progress comes
// as `export-progress` events, and only one export runs at a time.
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { call } from './invoke'
import type { ExportProgress, Exported, MeetingKind } from './bindings'

export const minutesFileName = (org: number, year: number) => call<string>('export_minutes_name', { org, year })
/** 年度组织生活记录 of `year`; all kinds when `kinds` is empty. */
export const exportMinutes = (org: number, year: number, kinds: MeetingKind[], target: string) =>
  call<Exported>('export_minutes', { org, year, kinds, target })
/** Stops the export under way; its call then fails with kind `cancelled`. */
export const cancelExport = () => call<null>('export_cancel')
/** Opens a file exported in this session with the system's PDF reader. */
export const openExported = (path: string) => call<null>('export_open', { path })

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>('export-progress', (event) => handler(event.payload))
}
