// 工作台: what is due this month, and putting an item aside (暂缓) with a reason.
import { call } from './invoke'
import type { Todo } from './bindings'

export const todoList = (org: number) => call<Todo>('todo_list', { org })

// The 工作台 is the first screen: its list is asked for as soon as the branch
// is known (stores/branch.ts), while the window still draws its frame, and
// the page takes that answer once. An answer not taken soon is not used: the
// page asks again rather than show a list from minutes ago.
let early: { org: number; at: number; list: Promise<Todo> } | null = null
const EARLY_MS = 10_000

export function prefetchTodo(org: number) {
  // Read by `cargo xtask bench-startup`, as the other start-up marks.
  performance.mark('zhibu-todo-asked')
  const list = todoList(org)
  // Its failure is reported by the page that takes it, not as unhandled here.
  list.then(
    () => performance.mark('zhibu-todo-answer'),
    () => undefined,
  )
  early = { org, at: Date.now(), list }
}

export function firstTodo(org: number): Promise<Todo> {
  const e = early
  early = null
  return e && e.org === org && Date.now() - e.at < EARLY_MS ? e.list : todoList(org)
}
export const snoozeTodo = (org: number, key: string, reason: string) =>
  call<null>('todo_snooze', { org, key, reason })
