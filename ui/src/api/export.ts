// PDF 台账. Typesetting runs on the Rust side off the UI thread as the one
// long task (see task.ts for its progress and 取消).
import { call } from './invoke'
import type { Document, Exported } from './bindings'

/** The file name a clerk would give `document`. */
export const pdfFileName = (document: Document) => call<string>('export_pdf_name', { document })
/** Typesets `document` into the PDF at `target`. */
export const exportPdf = (document: Document, target: string) => call<Exported>('export_pdf', { document, target })
/** Opens a file exported in this session with the system's PDF reader. */
export const openExported = (path: string) => call<null>('export_open', { path })
