import { call } from './invoke'
import type {
  ColumnMap,
  ImportPreview,
  ImportReport,
  MemberDetail,
  MemberProfile,
  NewEvent,
  NewMember,
  Roster,
  RosterQuery,
} from './bindings'

export const roster = (org: number, query: RosterQuery) => call<Roster>('members_roster', { org, query })
export const memberDetail = (id: number) => call<MemberDetail>('members_detail', { id })
export const addMember = (org: number, input: NewMember) => call<number>('members_add', { org, input })
export const updateMember = (id: number, profile: MemberProfile) => call<null>('members_update', { id, profile })
export const recordEvent = (id: number, event: NewEvent) => call<null>('members_record_event', { id, event })
export const importPreview = (org: number, path: string, map: ColumnMap | null) =>
  call<ImportPreview>('members_import_preview', { org, path, map })
export const importMembers = (org: number, path: string, map: ColumnMap | null) =>
  call<ImportReport>('members_import', { org, path, map })
export const exportMembers = (org: number, path: string, query: RosterQuery) =>
  call<number>('members_export', { org, path, query })
