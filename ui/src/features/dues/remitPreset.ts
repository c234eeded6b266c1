/** What the 登记上缴 dialog opens with: a period's balance, or the 大额党费 held. */
export interface RemitPreset {
  period: string
  amount: string
  large: boolean
}
