// The 工作台's pure parts: where each item leads, and this month as a grid
// of weeks (Monday first, as Chinese calendars print it). No Vue here: the
// start page is drawn before Vue has loaded (src/start/page.ts).
import type { MonthMeeting, Screen } from '@/api/bindings'

/** The address (router path) of the screen that settles an item. */
export function pathOf(s: Screen): string {
  const q = encodeURIComponent
  switch (s.screen) {
    case 'Dues':
      return `/dues?month=${q(s.month)}`
    case 'DuesCard':
      return `/dues/members/${s.member}`
    case 'Meeting':
      return `/meetings/${s.meeting}`
    case 'Calendar':
      return `/calendar?year=${s.year}`
    case 'Development':
      return `/development/${s.person}`
    case 'Member':
      return `/members/${s.member}`
    case 'Branch':
      return '/overview'
    case 'Backup':
      return '/backup'
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
