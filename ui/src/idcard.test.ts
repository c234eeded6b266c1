import { describe, expect, it } from 'vitest'
import { birthAndSexFromId } from './idcard'
import { fullWidthToAscii } from './text'

describe('birthAndSexFromId', () => {
  it('reads birth date (digits 7–14) and sex (digit 17: odd man, even woman)', () => {
    expect(birthAndSexFromId('370782198503122716')).toEqual({ birthDate: '1985-03-12', sex: '男' })
    expect(birthAndSexFromId('11010519491231002x')).toEqual({ birthDate: '1949-12-31', sex: '女' })
  })
  it('gives nothing for an incomplete number or an impossible date', () => {
    expect(birthAndSexFromId('3707821985031227')).toBeNull()
    expect(birthAndSexFromId('370782198502302716')).toBeNull()
  })
  it('reads a number typed in full-width (全角) mode', () => {
    expect(birthAndSexFromId('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ birthDate: '1949-12-31', sex: '女' })
    expect(fullWidthToAscii('１３９　１２３４')).toBe('139 1234')
  })
})
