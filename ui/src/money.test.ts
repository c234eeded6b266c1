import { describe, expect, it } from 'vitest'
import { toFen, yuan, yuanCell, yuanText } from './money'

describe('money', () => {
  it('shows 分 as 元 with two decimals', () => {
    expect(yuan(7650)).toBe('76.50')
    expect(yuan(20)).toBe('0.20')
    expect(yuan(-300)).toBe('-3.00')
    expect(yuan(null)).toBe('—')
  })

  it('reads 元 as typed into whole 分, refusing what is not an amount', () => {
    expect(toFen('3000.01')).toBe(300001)
    expect(toFen('5,100')).toBe(510000)
    expect(toFen('0.2')).toBe(20)
    expect(toFen('30元')).toBe(3000)
    expect(toFen('1.234')).toBeNull()
    expect(toFen('-5')).toBeNull()
    expect(toFen('abc')).toBeNull()
  })

  it('reads an amount typed with an input method in 全角 mode', () => {
    expect(toFen('７６.５０')).toBe(7650)
    expect(toFen('７６．５')).toBe(7650)
    expect(toFen('76。5')).toBe(7650)
    expect(toFen('￥１，０００')).toBe(100000)
    expect(toFen('７６。５。０')).toBeNull()
  })
})

describe('yuanCell and yuanText', () => {
  it('write money one way in tables and one way in sentences', () => {
    expect(yuanCell(7650)).toBe('¥76.50')
    expect(yuanCell(-300)).toBe('-¥3.00')
    expect(yuanCell(0)).toBe('¥0.00')
    expect(yuanCell(null)).toBe('—')
    expect(yuanText(17770)).toBe('177.70 元')
    expect(yuanText(null)).toBe('—')
  })
})
