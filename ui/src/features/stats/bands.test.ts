import { describe, expect, it } from 'vitest'
import { limitsText, parseLimits } from './bands'

describe('band limits', () => {
  it('reads the limits however they are separated, in full-width digits too', () => {
    expect(parseLimits('30、35，40, 45 50')).toEqual([30, 35, 40, 45, 50])
    expect(parseLimits('３０、３５')).toEqual([30, 35])
    expect(parseLimits(limitsText([5, 10, 20]))).toEqual([5, 10, 20])
  })

  it('refuses what is not a whole number', () => {
    expect(parseLimits('30、三十五')).toBeNull()
    expect(parseLimits('30.5')).toBeNull()
  })
})
