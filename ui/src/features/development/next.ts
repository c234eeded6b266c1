// The next step of a person's development in words, the same on the board
// and on the person's record: "第17步 上级党委审批：2026年10月22日前".
import type { Next } from '@/api/bindings'
import { formatDate } from '@/format'

export function nextStepText(n: Next | null): string {
  if (!n) return ''
  if (n.due) return `第${n.step}步 ${n.name}：${formatDate(n.due)}前`
  if (n.earliest) return `第${n.step}步 ${n.name}：${formatDate(n.earliest)}起`
  return `第${n.step}步 ${n.name}`
}
