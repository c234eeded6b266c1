import { describe, expect, it } from 'vitest'
import { withExtension } from './saveTarget'

describe('withExtension', () => {
  it('adds the extension only when it is missing, whatever its case', () => {
    expect(withExtension('/media/U盘/花名册', 'xlsx')).toBe('/media/U盘/花名册.xlsx')
    expect(withExtension('D:\\台账\\2026年组织生活记录.PDF', 'pdf')).toBe('D:\\台账\\2026年组织生活记录.PDF')
    expect(withExtension('  党费台账.xlsx  ', 'xlsx')).toBe('党费台账.xlsx')
    expect(withExtension('记录.pdf', 'xlsx')).toBe('记录.pdf.xlsx')
  })

  it('says when there is no place at all', () => {
    expect(withExtension('', 'pdf')).toBeNull()
    expect(withExtension('   ', 'xlsx')).toBeNull()
  })
})
