import { call } from './invoke'
import type {
  ArrearsRow,
  BaseInput,
  ClosedMonth,
  DuesCard,
  DuesSettings,
  LargeLedger,
  MonthSheet,
  PaymentInput,
  Reconciliation,
  RemittanceInput,
  RemittanceRecord,
  Review,
  ReviewEntry,
  Terms,
} from './bindings'

export const duesSettings = (org: number) => call<DuesSettings>('dues_settings', { org })
export const setDuesSettings = (org: number, settings: DuesSettings) => call<null>('dues_set_settings', { org, settings })
/** What `terms` cost a month under the branch's settings, in 分. */
export const duesRate = (org: number, terms: Terms) => call<number>('dues_rate', { org, terms })
export const duesSheet = (org: number, month: string) => call<MonthSheet>('dues_sheet', { org, month })
export const duesCard = (org: number, member: number) => call<DuesCard>('dues_card', { org, member })
export const duesArrears = (org: number) => call<ArrearsRow[]>('dues_arrears', { org })
export const setBase = (org: number, member: number, input: BaseInput) => call<number>('dues_set_base', { org, member, input })
export const duesReview = (org: number, month: string) => call<Review>('dues_review', { org, month })
export const applyReview = (org: number, month: string, entries: ReviewEntry[]) =>
  call<number>('dues_apply_review', { org, month, entries })
/** Several payments at once (collection day): all are recorded or none. */
export const payDues = (org: number, payments: PaymentInput[]) => call<number[]>('dues_pay', { org, payments })
export const reversePayment = (org: number, payment: number, date: string, reason: string) =>
  call<number>('dues_reverse', { org, payment, date, reason })
export const closeMonth = (org: number, month: string) => call<ClosedMonth>('dues_close', { org, month })
export const closedMonths = (org: number) => call<ClosedMonth[]>('dues_closed', { org })
export const remitDues = (org: number, input: RemittanceInput) => call<number>('dues_remit', { org, input })
export const reverseRemittance = (org: number, id: number, date: string, reason: string) =>
  call<number>('dues_reverse_remittance', { org, id, date, reason })
export const remittances = (org: number, year: number) => call<RemittanceRecord[]>('dues_remittances', { org, year })
export const largeLedger = (org: number, year: number) => call<LargeLedger>('dues_large', { org, year })
export const reconcile = (org: number, year: number) => call<Reconciliation>('dues_reconcile', { org, year })
export const exportDues = (org: number, year: number, path: string) => call<string[]>('dues_export', { org, year, path })
