// PDF 台账. Typesetting runs on the Rust side off the UI thread as the one
// long task (see task.ts for its progress and 取消). Any exported file (PDF
// or Excel) can then be opened, or shown in its folder.
import { call } from './invoke'
import type { Document, Exported } from './bindings'

/** The file name a clerk would give `document`. */
export const pdfFileName = (document: Document) => call<string>('export_pdf_name', { document })
/** Typesets `document` into the PDF at `target`. */
export const exportPdf = (document: Document, target: string) => call<Exported>('export_pdf', { document, target })
/** Opens a file exported in this session (PDF or Excel) with the program the system has for it. */
export const openExported = (path: string) => call<null>('export_open', { path })
/** Shows a file exported in this session in the system's file manager. */
export const revealExported = (path: string) => call<null>('export_reveal', { path })
