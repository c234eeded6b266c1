// The only module that talks to the Rust side. Every failure becomes an
// AppError whose `kind` the UI switches on and whose `message` (Chinese, with
// what to do next) it shows as is.
import { invoke } from '@tauri-apps/api/core'
import type { ErrorKind, ErrorPayload } from './bindings'

export class AppError extends Error {
  readonly kind: ErrorKind

  constructor(kind: ErrorKind, message: string) {
    super(message)
    this.kind = kind
    this.name = 'AppError'
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).kind === 'string' &&
    typeof (value as ErrorPayload).message === 'string'
  )
}

export function toAppError(raw: unknown): AppError {
  if (raw instanceof AppError) return raw
  if (isPayload(raw)) return new AppError(raw.kind, raw.message)
  const text = raw instanceof Error ? raw.message : String(raw)
  return new AppError('internal', `程序内部通信失败（${text}）。已保存的数据没有受影响，请重试或重新打开程序。`)
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (raw) {
    throw toAppError(raw)
  }
}
