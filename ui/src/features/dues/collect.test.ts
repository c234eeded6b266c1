// Collection day's ticks: only a row whose oldest open month (not after the
// sheet's) has a known amount can be ticked, and a tick pays that one month.
import { describe, expect, it } from 'vitest'
import type { SheetRow } from '@/api/bindings'
import { paymentsOf, tickable, tickedTotal } from './collect'

const row = (over: Partial<SheetRow>): SheetRow =>
  ({
    member_id: 1,
    name: '吴长顺',
    next_open: '2026-11',
    next_open_fen: 100,
    ...over,
  }) as SheetRow

describe('collection ticks', () => {
  it('ticks only a known amount for a month up to the sheet’s', () => {
    expect(tickable(row({}), '2026-11')).toBe(true)
    expect(tickable(row({ next_open: '2026-10' }), '2026-11')).toBe(true)
    expect(tickable(row({ next_open: '2026-12' }), '2026-11')).toBe(false)
    expect(tickable(row({ next_open_fen: null }), '2026-11')).toBe(false)
    expect(tickable(row({ next_open: null }), '2026-11')).toBe(false)
  })

  it('pays one month each, at its amount, on the day given', () => {
    const rows = [row({}), row({ member_id: 2, next_open_fen: 1530 })]
    const paid = paymentsOf(rows, '2026-11-05', '现金')
    expect(paid.map((p) => [p.member_id, p.months, p.amount_fen, p.paid_on])).toEqual([
      [1, 1, 100, '2026-11-05'],
      [2, 1, 1530, '2026-11-05'],
    ])
    expect(tickedTotal(rows)).toBe(1630)
  })
})
