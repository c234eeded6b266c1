// 工作台: what is due this month, and putting an item aside (暂缓) with a reason.
import { call } from './invoke'
import type { Todo } from './bindings'

export const todoList = (org: number) => call<Todo>('todo_list', { org })

// The 工作台 is the first screen: its list comes with the window's first
// answer (app_start, read while the window opened; stores/branch.ts), and the
// page takes it from there once. A list not taken soon is not used: the page
// asks again rather than show one from minutes ago.
let early: { org: number; at: number; list: Todo } | null = null
const EARLY_MS = 10_000

export function seedTodo(org: number, list: Todo) {
  early = { org, at: Date.now(), list }
}

export function firstTodo(org: number): Promise<Todo> {
  const e = early
  early = null
  return e && e.org === org && Date.now() - e.at < EARLY_MS ? Promise.resolve(e.list) : todoList(org)
}
export const snoozeTodo = (org: number, key: string, reason: string) =>
  call<null>('todo_snooze', { org, key, reason })
