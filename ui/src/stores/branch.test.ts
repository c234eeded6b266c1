import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { useBranchStore } from './branch'

const branch = { id: 2, name: '东坡村党支部', level: '党支部', kind: '农村', parent_id: 1, parent_name: '柳河镇党委' }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => clearMocks())

describe('branch store', () => {
  it('loads the branches and the current one when the database opened', async () => {
    mockIPC((cmd) => {
      if (cmd === 'app_status') return { version: '0.1.0', data_dir: '/d', startup_error: null, today: '2026-11-22' }
      if (cmd === 'org_list') return [branch]
      if (cmd === 'org_current') return branch
      throw new Error(`unexpected ${cmd}`)
    })
    const store = useBranchStore()
    await store.init()
    expect(store.ready).toBe(true)
    expect(store.current?.name).toBe('东坡村党支部')
    expect(store.branches).toHaveLength(1)
  })

  it('asks for nothing else when the database failed to open', async () => {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      return { version: '0.1.0', data_dir: '/d', startup_error: '数据库文件检查未通过', today: '2026-11-22' }
    })
    const store = useBranchStore()
    await store.init()
    expect(calls).toEqual(['app_status'])
    expect(store.status?.startup_error).toBe('数据库文件检查未通过')
    expect(store.current).toBeNull()
  })
})
