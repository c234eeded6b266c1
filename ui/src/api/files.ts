// Native open/save dialogs (tauri-plugin-dialog). Returns null when the clerk cancels.
import { open, save } from '@tauri-apps/plugin-dialog'
import { documentDir, join } from '@tauri-apps/api/path'
import type { FileKind } from '@/saveTarget'

const SPREADSHEETS = [{ name: 'Excel 表格', extensions: ['xlsx', 'xls'] }]

export async function pickSpreadsheet(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: SPREADSHEETS, title: '选择党员花名册' })
  return typeof chosen === 'string' ? chosen : null
}

const KINDS: Record<FileKind, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  xlsx: { name: 'Excel 表格', extensions: ['xlsx'] },
}

/** The system's save dialog for a new file of `kind`, starting at `defaultPath`. */
export async function chooseSaveFile(defaultPath: string, kind: FileKind, title: string): Promise<string | null> {
  return await save({ defaultPath, filters: [KINDS[kind]], title })
}

export async function pickFolder(title: string): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: true, title })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickBackupFile(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: [{ name: '支部台账备份', extensions: ['zhibu'] }], title: '选择备份文件' })
  return typeof chosen === 'string' ? chosen : null
}

/** A sensible place to suggest for a new file: the user's Documents folder. */
export async function suggestedPath(fileName: string): Promise<string> {
  try {
    return await join(await documentDir(), fileName)
  } catch {
    return fileName
  }
}

const ATTACHMENTS = [{ name: '照片或扫描件', extensions: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'pdf', 'JPG', 'JPEG', 'PNG', 'PDF'] }]

export async function pickAttachment(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: ATTACHMENTS, title: '选择照片或扫描件' })
  return typeof chosen === 'string' ? chosen : null
}

export async function chooseSaveAs(defaultName: string): Promise<string | null> {
  return await save({ defaultPath: defaultName, title: '另存附件' })
}
