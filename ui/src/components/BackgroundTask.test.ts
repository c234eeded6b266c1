import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { emit } from '@tauri-apps/api/event'
import BackgroundTask from './BackgroundTask.vue'
import type { TaskProgress } from '@/api/bindings'

afterEach(() => clearMocks())

const report = (over: Partial<TaskProgress>): TaskProgress => ({
  task: '自动备份',
  stage: '正在备份',
  done: 0,
  total: 0,
  finished: false,
  ...over,
})

function backend(current: TaskProgress | null, calls: string[]) {
  mockIPC(
    (cmd) => {
      calls.push(cmd)
      return cmd === 'task_current' ? current : null
    },
    { shouldMockEvents: true },
  )
}

describe('BackgroundTask', () => {
  it('shows an automatic backup that began before the window listened, and stops it', async () => {
    const calls: string[] = []
    backend(report({ done: 25, total: 100 }), calls)
    const w = mount(BackgroundTask)
    await flushPromises()
    expect(w.text()).toContain('正在自动备份 25%')
    await w.find('[data-test=background-task-stop]').trigger('click')
    expect(calls).toContain('task_cancel')
  })

  it('follows the reports and hides when the backup has finished', async () => {
    backend(null, [])
    const w = mount(BackgroundTask)
    await flushPromises()
    expect(w.find('[data-test=background-task]').exists()).toBe(false)
    await emit('task-progress', report({ done: 1, total: 4 }))
    await flushPromises()
    expect(w.text()).toContain('正在自动备份 25%')
    await emit('task-progress', report({ finished: true }))
    await flushPromises()
    expect(w.find('[data-test=background-task]').exists()).toBe(false)
  })

  it('ignores the tasks a page started itself (they show their own progress)', async () => {
    backend(report({ task: '导出文件' }), [])
    const w = mount(BackgroundTask)
    await flushPromises()
    await emit('task-progress', report({ task: '备份', done: 1, total: 2 }))
    await flushPromises()
    expect(w.find('[data-test=background-task]').exists()).toBe(false)
  })
})
