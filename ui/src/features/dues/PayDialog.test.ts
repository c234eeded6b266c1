// The 收款 dialog as a clerk uses it: the amount is pre-filled from the
// months chosen, typed amounts in 全角 are read, and a wrong amount is
// refused with a message before anything reaches the program.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import PayDialog from './PayDialog.vue'
import type { PaymentInput } from '@/api/bindings'

afterEach(() => clearMocks())

function backend() {
  const paid: PaymentInput[][] = []
  mockIPC((cmd, args) => {
    if (cmd === 'dues_card') {
      return {
        member_id: 7,
        name: '吴长顺',
        open: [
          { month: '2026-10', fen: 50 },
          { month: '2026-11', fen: 50 },
        ],
        months: [],
        payments: [],
        bases: [],
      }
    }
    if (cmd === 'dues_pay') {
      paid.push((args as { payments: PaymentInput[] }).payments)
      return [1]
    }
    return null
  })
  return paid
}

async function opened() {
  const w = mount(PayDialog, {
    props: { org: 1, member: 7, today: '2026-11-22', modelValue: false },
    global: { stubs: { teleport: true } },
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  return w
}

describe('PayDialog', () => {
  it('fills in what the chosen months cost and sends the amount in 分', async () => {
    const paid = backend()
    const w = await opened()
    const amount = w.find<HTMLInputElement>('[data-test=pay-amount]')
    expect(amount.element.value).toBe('0.50')
    expect(w.find('[data-test=pay-preview]').text()).toContain('2026年10月')
    await amount.setValue('３．５')
    expect(w.text()).toContain('其中自愿多交 3.00 元')
    await w.find('[data-test=pay-save]').trigger('click')
    await flushPromises()
    expect(paid).toHaveLength(1)
    expect(paid[0]?.[0]).toMatchObject({ member_id: 7, months: 1, amount_fen: 350, paid_on: '2026-11-22' })
  })

  it('refuses an amount that is not one, saying how to write it, and sends nothing', async () => {
    const paid = backend()
    const w = await opened()
    await w.find('[data-test=pay-amount]').setValue('三元')
    await w.find('[data-test=pay-save]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=pay-error]').text()).toContain('请填写实收金额（元），如 3 或 76.50')
    expect(paid).toHaveLength(0)
  })
})
