// How dates and numbers are shown: 2026年11月22日, as clerks write them.

/** "2026-11-22" → "2026年11月22日"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/**
 * The same day a year later, "2015-07-01" → "2016-07-01": the end of a
 * 预备期 (党章第七条). 29 February ends on 28 February, as the Rust side
 * counts it (chrono's checked_add_months). Null for anything else.
 */
export function oneYearAfter(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  if (!m) return null
  const [y, mo, d] = [Number(m[1]) + 1, Number(m[2]), Number(m[3])]
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${y}-${pad(mo)}-${pad(Math.min(d, last))}`
}

/** `days` days after "2026-11-28" (across months and years), as "2026-12-04". */
export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
  return d.toISOString().slice(0, 10)
}

/** Days until a date, in words: "还有61天", "今天", "已超过3天". */
export function daysLeftText(days: number): string {
  if (days > 0) return `还有${days}天`
  if (days === 0) return '就是今天'
  return `已超过${-days}天`
}

/** "2026-04" → "2026年4月"; empty for null. */
export function monthText(ym: string | null | undefined): string {
  if (!ym) return ''
  return `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`
}

/** A file size as a clerk reads it: "0.7 MB", "12 KB" (never "0 KB"). */
export function fileSize(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
