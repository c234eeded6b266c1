// The 收款 dialog as a clerk uses it: the amount is pre-filled from the
// months chosen, typed amounts in 全角 are read, and a wrong amount is
// refused with a message before anything reaches the program. Refusals show
// under the field they are about.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import PayDialog from './PayDialog.vue'
import type { PaymentInput } from '@/api/bindings'

afterEach(() => clearMocks())

// Element Plus shows a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

function backend(refusal?: string) {
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
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (refusal) throw { kind: 'validation', message: refusal }
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
    attachTo: document.body,
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
    w.unmount()
  })

  it('refuses an amount that is not one, saying how to write it, and sends nothing', async () => {
    const paid = backend()
    const w = await opened()
    await w.find('[data-test=pay-amount]').setValue('三元')
    await w.find('[data-test=pay-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=amount] .el-form-item__error').text()).toBe('请填写实收金额（元），如 3 或 76.50')
    expect(w.find('[data-test=pay-error]').exists()).toBe(false)
    expect(paid).toHaveLength(0)
    // Fixing the amount takes the message away.
    await w.find('[data-test=pay-amount]').setValue('3')
    await shown()
    expect(w.find('[data-field=amount] .el-form-item__error').exists()).toBe(false)
    w.unmount()
  })

  it('shows the rule’s refusal of a late payment under 支部批准说明, and one about no field above the buttons', async () => {
    const late =
      '补交2026年3月的党费已超过6个月。补交党费一般不得超过6个月，超过的须经党支部同意：请在“支部批准说明”中写明批准情况（如某月支委会同意）后再登记。'
    backend(late)
    const w = await opened()
    await w.find('[data-test=pay-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=approval] .el-form-item__error').text()).toBe(late)
    expect(w.find('[data-test=pay-error]').exists()).toBe(false)
    w.unmount()

    backend('吴长顺不在本支部的名册中')
    const again = await opened()
    await again.find('[data-test=pay-save]').trigger('click')
    await flushPromises()
    expect(again.find('[data-test=pay-error]').text()).toContain('吴长顺不在本支部的名册中')
    expect(again.find('.el-form-item__error').exists()).toBe(false)
    again.unmount()
  })
})
