// Reads birth date and sex out of an 18-digit 公民身份号码 to pre-fill the
// form. The check digit and every rule are checked on the Rust side.
import { fullWidthToAscii } from './text'

export function birthAndSexFromId(id: string): { birthDate: string; sex: '男' | '女' } | null {
  const n = fullWidthToAscii(id).replace(/\s/g, '').toUpperCase()
  if (!/^\d{17}[\dX]$/.test(n)) return null
  const [y, m, d] = [n.slice(6, 10), n.slice(10, 12), n.slice(12, 14)]
  const date = new Date(Number(y), Number(m) - 1, Number(d))
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d)) return null
  return { birthDate: `${y}-${m}-${d}`, sex: Number(n[16]) % 2 === 1 ? '男' : '女' }
}
