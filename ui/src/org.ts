// Facts about organisations the forms need.
import type { OrgKind, Position } from '@/api/bindings'

export const ORG_KINDS: OrgKind[] = ['农村', '社区', '企业', '机关', '事业单位', '学校', '两新组织', '其他']

/** 支部工作条例: 村、社区党支部委员会每届任期5年，其他一般3年 (the Rust side decides; this pre-fills the form). */
export const defaultTermYears = (kind: OrgKind) => (kind === '农村' || kind === '社区' ? 5 : 3)

export const POSITIONS: Position[] = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '统战委员', '妇女委员', '委员']

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
