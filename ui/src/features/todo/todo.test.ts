import { describe, expect, it } from 'vitest'
import { daysBetween, monthWeeks, routeOf } from './todo'
import type { MonthMeeting } from '@/api/bindings'

describe('monthWeeks', () => {
  it('starts on Monday and pads the weeks with empty days', () => {
    // 1 November 2026 is a Sunday: six empty days before it.
    const weeks = monthWeeks('2026-11', [])
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(weeks[0][6]?.date).toBe('2026-11-01')
    expect(weeks.flat().filter(Boolean)).toHaveLength(30)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    // 30 November is a Monday: the last week holds it and six empty days.
    expect(weeks.at(-1)?.[0]?.date).toBe('2026-11-30')
  })

  it('knows February of a leap year and puts meetings on their day', () => {
    const m: MonthMeeting = { id: 7, date: '2028-02-29', title: '支部委员会', finalised: true }
    const days = monthWeeks('2028-02', [m]).flat().filter((d) => d != null)
    expect(days).toHaveLength(29)
    expect(days.at(-1)?.meetings).toEqual([m])
    expect(days.filter((d) => d.meetings.length)).toHaveLength(1)
  })

  it('gives nothing for a month it cannot read', () => {
    expect(monthWeeks('2026年11月', [])).toEqual([])
  })
})

describe('routeOf', () => {
  it('leads each item to the screen that settles it', () => {
    expect(routeOf({ screen: 'Dues', month: '2026-11' })).toEqual({ name: 'dues', query: { month: '2026-11' } })
    expect(routeOf({ screen: 'DuesCard', member: 3 })).toEqual({ name: 'dues-card', params: { id: '3' } })
    expect(routeOf({ screen: 'Meeting', meeting: 12 })).toEqual({ name: 'meeting', params: { id: '12' } })
    expect(routeOf({ screen: 'Calendar', year: 2026 })).toEqual({ name: 'calendar', query: { year: '2026' } })
    expect(routeOf({ screen: 'Development', person: 4 })).toEqual({ name: 'development-person', params: { id: '4' } })
    expect(routeOf({ screen: 'Member', member: 5 })).toEqual({ name: 'member', params: { id: '5' } })
    expect(routeOf({ screen: 'Branch' })).toEqual({ name: 'overview' })
    expect(routeOf({ screen: 'Backup' })).toEqual({ name: 'backup' })
  })
})

describe('daysBetween', () => {
  it('counts across months and years', () => {
    expect(daysBetween('2026-11-22', '2026-12-05')).toBe(13)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-11-22', '2026-11-05')).toBe(-17)
  })
})
