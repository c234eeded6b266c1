// The 党费 categories as the forms offer them, and which fields each needs.
// The amounts themselves are computed on the Rust side only.
import type { DuesCategory } from '@/api/bindings'

export { DUES_CATEGORIES as CATEGORIES } from '@/api/bindings'

/** Categories paying a percentage of a base. */
export const needsBase = (c: DuesCategory) => ['在职', '年薪制', '个体经营等不按月取得收入', '离退休'].includes(c)

/** What the base is, per category (党费规定 第一至五条). */
export function baseHint(c: DuesCategory): string {
  switch (c) {
    case '在职':
      return '每月工资收入中相对固定的、经常性的部分，扣除个人所得税后'
    case '年薪制':
      return '当月实际领取的薪酬收入'
    case '个体经营等不按月取得收入':
      return '上季度月平均纯收入'
    case '离退休':
      return '基本离退休费或基本养老金（不含津贴补贴）'
    default:
      return ''
  }
}
