// 年度统计: the figures of a year, a half year or a run of years, and the
// branch's bands (age, 党龄, 人员类别 …).
import { call } from './invoke'
import type { MemberSheet, Stats, StatsQuery, StatsSettings } from './bindings'

export const yearStats = (org: number, query: StatsQuery) => call<Stats>('stats_year', { org, query })
export const statsSettings = (org: number) => call<StatsSettings>('stats_settings', { org })
export const setStatsSettings = (org: number, settings: StatsSettings) =>
  call<StatsSettings>('stats_set_settings', { org, settings })
export const exportStats = (org: number, query: StatsQuery, path: string) =>
  call<string[]>('stats_export', { org, query, path })
export const memberSheets = (org: number, year: number) => call<MemberSheet[]>('stats_member_sheets', { org, year })
