import { describe, expect, it } from 'vitest'
import { addDays, daysLeftText, fileSize, formatDate, oneYearAfter } from './format'

describe('formatDate', () => {
  it('writes dates the way clerks do, without leading zeros', () => {
    expect(formatDate('2026-11-22')).toBe('2026年11月22日')
    expect(formatDate('2027-01-05')).toBe('2027年1月5日')
  })
  it('leaves empty and unexpected values readable', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate('2026-11')).toBe('2026-11')
  })
})

describe('daysLeftText', () => {
  it('covers future, today and overdue', () => {
    expect(daysLeftText(61)).toBe('还有61天')
    expect(daysLeftText(0)).toBe('就是今天')
    expect(daysLeftText(-3)).toBe('已超过3天')
  })
})

describe('fileSize', () => {
  it.each([
    [0, '1 KB'],
    [300, '1 KB'],
    [12_800, '13 KB'],
    [1_048_575, '1024 KB'],
    [1_048_576, '1.0 MB'],
    [734_003, '717 KB'],
    [5_500_000, '5.2 MB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(fileSize(bytes)).toBe(text)
  })
})

describe('addDays', () => {
  it('counts on across months, years and 29 February', () => {
    expect(addDays('2026-12-01', 6)).toBe('2026-12-07')
    expect(addDays('2026-12-28', 6)).toBe('2027-01-03')
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01')
    expect(addDays('2026-12-01', 0)).toBe('2026-12-01')
  })
  it('leaves what is not a date as it is', () => {
    expect(addDays('', 6)).toBe('')
  })
})

describe('oneYearAfter', () => {
  it('gives the day the 预备期 ends, clamping 29 February like the Rust side', () => {
    expect(oneYearAfter('2015-07-01')).toBe('2016-07-01')
    expect(oneYearAfter('2016-02-29')).toBe('2017-02-28')
    expect(oneYearAfter('2019-12-31')).toBe('2020-12-31')
  })
  it('is null for an empty or odd value', () => {
    expect(oneYearAfter('')).toBeNull()
    expect(oneYearAfter(null)).toBeNull()
    expect(oneYearAfter('2015-7-1')).toBeNull()
  })
})
