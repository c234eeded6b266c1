// The start page's list that came with the window's first answer is used
// once, for the same branch, and never a second time: a later visit asks again.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { Todo } from './bindings'
import { firstTodo, seedTodo } from './todo'

afterEach(() => {
  clearMocks()
  vi.restoreAllMocks()
})

const list = (org: number, n: number) => ({ org: { id: org }, items: [], n }) as unknown as Todo

describe('seedTodo / firstTodo', () => {
  it('answers the first screen from the list it came with, once, for its branch only', async () => {
    const asked: number[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'todo_list') {
        const org = (args as { org: number }).org
        asked.push(org)
        return list(org, 100 + asked.length)
      }
      return null
    })
    seedTodo(1, list(1, 1))
    const first = (await firstTodo(1)) as unknown as { n: number }
    expect(first.n).toBe(1)
    expect(asked).toEqual([])
    // Taken: the next visit asks.
    const again = (await firstTodo(1)) as unknown as { n: number }
    expect(again.n).toBe(101)
    // A list for another branch is not used for this one.
    seedTodo(2, list(2, 2))
    const other = (await firstTodo(1)) as unknown as { n: number }
    expect(other.n).toBe(102)
    expect(asked).toEqual([1, 1])
  })

  it('a list kept too long is not used: the page asks for a fresh one', async () => {
    mockIPC((cmd) => (cmd === 'todo_list' ? list(3, 9) : null))
    const now = Date.now()
    seedTodo(3, list(3, 1))
    vi.spyOn(Date, 'now').mockReturnValue(now + 60_000)
    const got = (await firstTodo(3)) as unknown as { n: number }
    expect(got.n).toBe(9)
  })
})
