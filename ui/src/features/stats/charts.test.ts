// The charts' data is the figures' own: the pyramid's bars add up to the
// members counted, money stays in 分, and month names are short within a year.
import { describe, expect, it } from 'vitest'
import { agePyramid, duesPerMonth, meetingsPerMonth, monthAxis } from './charts'

type Series = { name: string; data: number[] }

describe('stats charts', () => {
  it('draws men to the left and women to the right of the pyramid', () => {
    const rows = [
      { label: '30岁及以下', male: 2, female: 1 },
      { label: '31至35岁', male: 0, female: 3 },
    ]
    const option = agePyramid(rows) as { series: Series[]; xAxis: { min: number; max: number } }
    const series = option.series
    // Symmetric, with room past the longest bar (3) for its number.
    expect(option.xAxis.min).toBe(-option.xAxis.max)
    expect(option.xAxis.max).toBeGreaterThan(3)
    expect(series.map((s) => s.name)).toEqual(['男', '女'])
    expect(series[0]?.data).toEqual([-2, 0])
    expect(series[1]?.data).toEqual([1, 3])
    const total = series.flatMap((s) => s.data).reduce((a, v) => a + Math.abs(v), 0)
    expect(total).toBe(6)
  })

  it('names months briefly within a year and with the year across years', () => {
    expect(monthAxis(['2026-01', '2026-12'])).toEqual(['1月', '12月'])
    expect(monthAxis(['2025-12', '2026-01'])).toEqual(['2025年12月', '2026年1月'])
  })

  it('keeps money in 分 and counts meetings per month', () => {
    const dues = duesPerMonth([{ month: '2026-01', due_fen: 15050, paid_fen: 15000, received_fen: 20000 }]) as {
      series: Series[]
    }
    expect(dues.series.map((s) => s.data[0])).toEqual([15050, 15000, 20000])
    const meetings = meetingsPerMonth([{ month: '2026-01', count: 4 }]) as { series: Series[] }
    expect(meetings.series[0]?.data).toEqual([4])
  })
})
