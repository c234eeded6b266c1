// Money on screen: integer 分 from the Rust side shown as 元, and 元 typed by
// the clerk turned into 分 without floating point. The Rust side checks again.
import { fullWidthToAscii } from './text'

/** 7650 → "76.50". */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—'
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Money in a table cell: "¥76.50", "-¥3.00"; "—" for none. (One format on
 * every dues screen: ¥ in tables, "76.50 元" in sentences.)
 */
export function yuanCell(fen: number | null | undefined): string {
  if (fen == null) return '—'
  return `${fen < 0 ? '-' : ''}¥${yuan(Math.abs(fen))}`
}

/** Money in a sentence: "76.50 元"; "—" for none. */
export function yuanText(fen: number | null | undefined): string {
  return fen == null ? '—' : `${yuan(fen)} 元`
}

/**
 * "3000.01" → 300001; null when it is not an amount (at most two decimals).
 * Full-width digits and the 。 an input method types for a point are read too.
 */
export function toFen(text: string | number | null | undefined): number | null {
  if (text == null) return null
  const t = fullWidthToAscii(String(text)).trim().replace(/。/g, '.').replace(/[,，¥￥元\s]/g, '')
  const m = /^(\d{1,11})(?:\.(\d{0,2}))?$/.exec(t)
  if (!m) return null
  const whole = m[1] ?? '0'
  const frac = (m[2] ?? '').padEnd(2, '0')
  return Number(whole) * 100 + Number(frac)
}
