// 工作台: what is due this month, and putting an item aside (暂缓) with a reason.
import { call } from './invoke'
import type { Todo } from './bindings'

export const todoList = (org: number) => call<Todo>('todo_list', { org })

export const snoozeTodo = (org: number, key: string, reason: string) =>
  call<null>('todo_snooze', { org, key, reason })
