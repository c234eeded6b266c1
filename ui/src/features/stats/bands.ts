// The band limits as the clerk types them: "30、35、40" (any of 、，, or
// spaces between, digits full- or half-width) to a list of numbers.
import { fullWidthToAscii } from '@/text'

/** "30、35，40" → [30, 35, 40]; null when a part is not a whole number. */
export function parseLimits(text: string): number[] | null {
  const parts = fullWidthToAscii(text)
    .split(/[、,，;；\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) return null
  return parts.map(Number)
}

export const limitsText = (limits: number[]) => limits.join('、')
