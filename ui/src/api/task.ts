// The one long task the app runs at a time (a PDF export, a backup, checking
// or restoring a backup file, the automatic backup). Every kind reports
// `task-progress` events — and one with `finished` when it ends — and one
// 取消 stops whichever runs; its call then fails with kind `cancelled`.
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { call } from './invoke'
import type { TaskProgress } from './bindings'

export const cancelTask = () => call<null>('task_cancel')

export function onTaskProgress(handler: (progress: TaskProgress) => void): Promise<UnlistenFn> {
  return listen<TaskProgress>('task-progress', (event) => handler(event.payload))
}

/** The task under way (with its last report), or null. */
export const currentTask = () => call<TaskProgress | null>('task_current')
