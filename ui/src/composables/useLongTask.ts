// A page's side of the one long task (see api/task.ts): while `run` awaits
// the call that started `task`, its `task-progress` reports fill `progress`;
// `cancel` asks it to stop, and the call then fails with kind `cancelled`.
import { onBeforeUnmount, ref } from 'vue'
import type { UnlistenFn } from '@tauri-apps/api/event'
import type { Task, TaskProgress } from '@/api/bindings'
import { cancelTask, onTaskProgress } from '@/api/task'

export function useLongTask() {
  const running = ref(false)
  const progress = ref<TaskProgress | null>(null)
  let unlisten: UnlistenFn | null = null

  async function run<T>(task: Task, work: () => Promise<T>): Promise<T> {
    running.value = true
    progress.value = null
    unlisten = await onTaskProgress((p) => {
      if (p.task === task && !p.finished) progress.value = p
    })
    try {
      return await work()
    } finally {
      unlisten?.()
      unlisten = null
      running.value = false
    }
  }

  onBeforeUnmount(() => unlisten?.())
  return { running, progress, run, cancel: cancelTask }
}

/** Whole percent done; 0 while the total is not known. */
export function percent(p: TaskProgress | null): number {
  return p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0
}
