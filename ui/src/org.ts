// Facts about organisations the forms need.
import type { OrgKind, Position } from '@/api/bindings'

export { ORG_KINDS, POSITIONS } from '@/api/bindings'

/** 支部工作条例: 村、社区党支部委员会每届任期5年，其他一般3年 (the Rust side decides; this pre-fills the form). */
export const defaultTermYears = (kind: OrgKind) => (kind === '农村' || kind === '社区' ? 5 : 3)

/** A row of the committee editor. */
export interface CommitteeRow {
  name: string
  position: Position
}

/** A row of the 党小组 editor; `id` is null for a group not yet saved. */
export interface GroupRow {
  id: number | null
  name: string
  leader: string
}

/** Rows the clerk left blank are dropped rather than reported. */
export const filled = <T extends { name: string }>(rows: T[]) => rows.filter((r) => r.name.trim() !== '')

/**
 * The words by which the Rust side's messages name the branch form's fields
 * (org/edit.rs), so that a refusal shows under the field it is about.
 */
export const BRANCH_FIELD_WORDS = {
  name: ['党支部名称', '的党支部，请换一个名称'],
  higher: ['上级党组织'],
  top: ['党总支的上级党委'],
  term: ['选举日期'],
  years: ['任期年限'],
  committee: ['支委', '书记'],
  groups: ['党小组'],
} as const
