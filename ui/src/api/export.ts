// PDF 台账. Typesetting runs on the Rust side off the UI thread; progress comes
// as `export-progress` events, and only one export runs at a time.
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { call } from './invoke'
import type { Document, ExportProgress, Exported } from './bindings'

/** The file name a clerk would give `document`. */
export const pdfFileName = (document: Document) => call<string>('export_pdf_name', { document })
/** Typesets `document` into the PDF at `target`. */
export const exportPdf = (document: Document, target: string) => call<Exported>('export_pdf', { document, target })
/** Stops the export under way; its call then fails with kind `cancelled`. */
export const cancelExport = () => call<null>('export_cancel')
/** Opens a file exported in this session with the system's PDF reader. */
export const openExported = (path: string) => call<null>('export_open', { path })

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>('export-progress', (event) => handler(event.payload))
}
