// Collection day: the rows of a month's sheet that can be ticked as paid,
// and the payments a tick makes — one month each, the oldest open one, at
// its amount. The dues page and a 主题党日 record (where a village branch
// collects) tick the same way.
import type { PayMethod, PaymentInput, SheetRow } from '@/api/bindings'

/** A row can be ticked when its oldest open month, up to `month`, has a known amount. */
export function tickable(r: SheetRow, month: string): boolean {
  return r.next_open != null && r.next_open_fen != null && r.next_open_fen > 0 && r.next_open <= month
}

/** What ticking these rows pays, received on `paidOn` by `method`. */
export function paymentsOf(rows: SheetRow[], paidOn: string, method: PayMethod): PaymentInput[] {
  return rows.map((r) => ({
    member_id: r.member_id,
    paid_on: paidOn,
    months: 1,
    amount_fen: r.next_open_fen ?? 0,
    method,
    paid_by: null,
    receipt_no: null,
    approval: null,
    note: null,
  }))
}

export const tickedTotal = (rows: SheetRow[]) => rows.reduce((sum, r) => sum + (r.next_open_fen ?? 0), 0)
