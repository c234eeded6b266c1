// The start page's list asked for early is used once, for the same branch,
// and never a second time: a later visit asks again.
import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { firstTodo, prefetchTodo } from './todo'

afterEach(() => clearMocks())

describe('prefetchTodo / firstTodo', () => {
  it('answers the first screen from the early call, once, for its branch only', async () => {
    const asked: number[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'todo_list') {
        const org = (args as { org: number }).org
        asked.push(org)
        return { org: { id: org }, items: [], n: asked.length }
      }
      return null
    })
    prefetchTodo(1)
    expect(asked).toEqual([1])
    const first = (await firstTodo(1)) as unknown as { n: number }
    expect(first.n).toBe(1)
    expect(asked).toEqual([1])
    // Taken: the next visit asks again.
    const again = (await firstTodo(1)) as unknown as { n: number }
    expect(again.n).toBe(2)
    // Asked early for another branch: not used for this one.
    prefetchTodo(2)
    await firstTodo(1)
    expect(asked).toEqual([1, 1, 2, 1])
  })

  it('a failed early call is reported to the page that takes it', async () => {
    mockIPC((cmd) => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (cmd === 'todo_list') throw { kind: 'io', message: '读取失败' }
      return null
    })
    prefetchTodo(3)
    await expect(firstTodo(3)).rejects.toBeTruthy()
  })
})
