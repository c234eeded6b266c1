import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { useBranchStore } from './branch'
import type { AppStart } from '@/api/bindings'

const branch = { id: 2, name: '东坡村党支部', level: '党支部', kind: '农村', parent_id: 1, parent_name: '柳河镇党委' }
const status = { version: '0.1.0', data_dir: '/d', startup_error: null, today: '2026-11-22' }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => clearMocks())

describe('branch store', () => {
  it('takes the status, the branches and the current one from an answer at hand, asking nothing', () => {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      throw new Error(`unexpected ${cmd}`)
    })
    const store = useBranchStore()
    store.take({ status, screen: { branches: [branch], current: branch, todo: null } } as unknown as AppStart)
    expect(store.ready).toBe(true)
    expect(store.current?.name).toBe('东坡村党支部')
    expect(store.branches).toHaveLength(1)
    expect(calls).toEqual([])
    // An answer with no screen (the data could not be opened): no branches.
    store.take({ status: { ...status, startup_error: '数据库文件检查未通过' }, screen: null } as unknown as AppStart)
    expect(store.current).toBeNull()
    expect(store.branches).toEqual([])
  })

  it('takes the answer public/early.js asked for as the page began, once', async () => {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      return { status, screen: { branches: [], current: null, todo: null } }
    })
    const answer = { status, screen: { branches: [branch], current: branch, todo: { org: branch, items: [] } } }
    window.__zhibuEarlyStart = Promise.resolve(answer as unknown as AppStart)
    const store = useBranchStore()
    await store.init()
    expect(calls).toEqual([])
    expect(store.current?.name).toBe('东坡村党支部')
    // Asked again (after a restore): a new question, not the old answer.
    await store.init()
    expect(calls).toEqual(['app_start'])
    expect(store.current).toBeNull()
  })

  it('reports the early question failing as any failed question', async () => {
    // The app's errors arrive as a plain { kind, message }, as the Rust side sends them.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const failed = Promise.reject({ kind: 'internal', message: '数据目录无法读取' })
    failed.catch(() => undefined)
    window.__zhibuEarlyStart = failed
    const store = useBranchStore()
    await expect(store.init()).rejects.toMatchObject({ name: 'AppError', message: '数据目录无法读取' })
  })

  it('is ready with no branch before the first one is set up', async () => {
    mockIPC(() => ({ status, screen: { branches: [], current: null, todo: null } }))
    const store = useBranchStore()
    await store.init()
    expect(store.ready).toBe(true)
    expect(store.current).toBeNull()
    expect(store.branches).toEqual([])
  })

  it('asks for nothing else when the database failed to open', async () => {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      return { status: { ...status, startup_error: '数据库文件检查未通过' }, screen: null }
    })
    const store = useBranchStore()
    await store.init()
    expect(calls).toEqual(['app_start'])
    expect(store.status?.startup_error).toBe('数据库文件检查未通过')
    expect(store.current).toBeNull()
  })
})
