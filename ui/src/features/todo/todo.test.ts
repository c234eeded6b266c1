import { describe, expect, it } from 'vitest'
import { daysBetween, monthWeeks, pathOf } from './todo'
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

describe('pathOf', () => {
  it('leads each item to the screen that settles it', () => {
    expect(pathOf({ screen: 'Dues', month: '2026-11' })).toBe('/dues?month=2026-11')
    expect(pathOf({ screen: 'DuesCard', member: 3 })).toBe('/dues/members/3')
    expect(pathOf({ screen: 'Meeting', meeting: 12 })).toBe('/meetings/12')
    expect(pathOf({ screen: 'Calendar', year: 2026 })).toBe('/calendar?year=2026')
    expect(pathOf({ screen: 'Development', person: 4 })).toBe('/development/4')
    expect(pathOf({ screen: 'Member', member: 5 })).toBe('/members/5')
    expect(pathOf({ screen: 'Branch' })).toBe('/overview')
    expect(pathOf({ screen: 'Backup' })).toBe('/backup')
  })

  it('is an address the router resolves to the screen named', async () => {
    // The paths above are the router's own: each resolves to the screen named.
    const { router } = await import('@/router')
    const named = (p: string) => router.resolve(p).name
    expect(named(pathOf({ screen: 'Dues', month: '2026-11' }))).toBe('dues')
    expect(router.resolve(pathOf({ screen: 'Dues', month: '2026-11' })).query).toEqual({ month: '2026-11' })
    expect(named(pathOf({ screen: 'DuesCard', member: 3 }))).toBe('dues-card')
    expect(named(pathOf({ screen: 'Meeting', meeting: 12 }))).toBe('meeting')
    expect(named(pathOf({ screen: 'Calendar', year: 2026 }))).toBe('calendar')
    expect(named(pathOf({ screen: 'Development', person: 4 }))).toBe('development-person')
    expect(named(pathOf({ screen: 'Member', member: 5 }))).toBe('member')
    expect(named(pathOf({ screen: 'Branch' }))).toBe('overview')
    expect(named(pathOf({ screen: 'Backup' }))).toBe('backup')
  })
})

describe('daysBetween', () => {
  it('counts across months and years', () => {
    expect(daysBetween('2026-11-22', '2026-12-05')).toBe(13)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-11-22', '2026-11-05')).toBe(-17)
  })
})
