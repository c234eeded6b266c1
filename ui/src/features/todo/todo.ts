// The 工作台's pure parts: where each item leads, and this month as a grid
// of weeks (Monday first, as Chinese calendars print it).
import type { RouteLocationRaw } from 'vue-router'
import type { MonthMeeting, Screen } from '@/api/bindings'

/** The screen that settles an item. */
export function routeOf(s: Screen): RouteLocationRaw {
  switch (s.screen) {
    case 'Dues':
      return { name: 'dues', query: { month: s.month } }
    case 'DuesCard':
      return { name: 'dues-card', params: { id: String(s.member) } }
    case 'Meeting':
      return { name: 'meeting', params: { id: String(s.meeting) } }
    case 'Calendar':
      return { name: 'calendar', query: { year: String(s.year) } }
    case 'Development':
      return { name: 'development-person', params: { id: String(s.person) } }
    case 'Member':
      return { name: 'member', params: { id: String(s.member) } }
    case 'Branch':
      return { name: 'overview' }
    case 'Backup':
      return { name: 'backup' }
  }
}

export interface Day {
  /** "2026-11-05" */
  date: string
  day: number
  meetings: MonthMeeting[]
}

/**
 * The month of `ym` ("2026-11") as weeks of seven, Monday first; days of
 * the weeks outside the month are null. Each day carries its meetings.
 */
export function monthWeeks(ym: string, meetings: MonthMeeting[]): (Day | null)[][] {
  const m = /^(\d{4})-(\d{2})$/.exec(ym)
  if (!m) return []
  const [year, month] = [Number(m[1]), Number(m[2])]
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  // getUTCDay: 0 is Sunday; Monday-first puts Sunday last.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7
  const cells: (Day | null)[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= days; d++) {
    const date = `${ym}-${String(d).padStart(2, '0')}`
    cells.push({ date, day: d, meetings: meetings.filter((x) => x.date === date) })
  }
  while (cells.length % 7) cells.push(null)
  const weeks: (Day | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** Whole days from `from` to `to` ("2026-11-22" → "2026-12-05" is 13). */
export function daysBetween(from: string, to: string): number {
  const t = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
  return Math.round((t(to) - t(from)) / 86400000)
}
