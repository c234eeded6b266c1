// 核定党费基数: a base typed in 全角 is read, the monthly amount shown is the
// one the program computes (Rust's dues_rate), and a base that is not a number
// is refused with how to write it, before anything is saved. Refusals show
// under the field they are about.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import BaseDialog from './BaseDialog.vue'
import type { BaseInput, Terms } from '@/api/bindings'

afterEach(() => clearMocks())

// Element Plus shows a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

function backend(refusal?: string) {
  const saved: BaseInput[] = []
  const asked: Terms[] = []
  mockIPC((cmd, args) => {
    if (cmd === 'dues_rate') {
      const terms = (args as { terms: Terms }).terms
      asked.push(terms)
      // What the program answers for 5100.00 元 在职 (党费规定第二条: 3000–5000元 1%, above 5000元 1.5%).
      return terms.base_fen === 510000 ? 7650 : 0
    }
    if (cmd === 'dues_set_base') {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (refusal) throw { kind: 'rule', message: refusal }
      saved.push((args as { input: BaseInput }).input)
      return 1
    }
    return null
  })
  return { saved, asked }
}

async function opened() {
  // Element Plus's select keeps measuring itself in jsdom; the selects are not what is tested here.
  const w = mount(BaseDialog, {
    props: { org: 1, member: 3, name: '刘芳', month: '2026-11', current: null, modelValue: false },
    global: { stubs: { teleport: true, ElSelect: true } },
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  return w
}

describe('BaseDialog', () => {
  it('reads a full-width base, shows the amount the program computes and saves the base in 分', async () => {
    const { saved, asked } = backend()
    const w = await opened()
    await w.find('[data-test=base-amount]').setValue('５１００')
    await flushPromises()
    expect(asked.at(-1)).toMatchObject({ category: '在职', base_fen: 510000 })
    expect(w.find('[data-test=base-preview]').text()).toBe('76.50 元')
    await w.find('[data-test=base-save]').trigger('click')
    await flushPromises()
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ effective: '2026-11', category: '在职', base_fen: 510000, period: '按月' })
    w.unmount()
  })

  it('refuses a base that is not a number, saying how to write it', async () => {
    const { saved } = backend()
    const w = await opened()
    await w.find('[data-test=base-amount]').setValue('五千一')
    await flushPromises()
    expect(w.find('[data-test=base-preview]').text()).toBe('—')
    await w.find('[data-test=base-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=base] .el-form-item__error').text()).toContain('党费基数请写成数字')
    expect(w.find('[data-test=base-error]').exists()).toBe(false)
    expect(saved).toHaveLength(0)
    w.unmount()
  })

  it('shows the policy’s refusal under 备注, not under 基数, though it speaks of 调整基数', async () => {
    const policy =
      '本支部的办法是“每年核定一次”，2026年11月调整基数请在备注中写明原因（如工资调整文件）；如属年度核定，请选择1月生效'
    backend(policy)
    const w = await opened()
    await w.find('[data-test=base-amount]').setValue('3000.01')
    await w.find('[data-test=base-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=note] .el-form-item__error').text()).toBe(policy)
    expect(w.find('[data-field=base] .el-form-item__error').exists()).toBe(false)
    await w.find('[data-test=base-note]').setValue('工资调整')
    await shown()
    expect(w.find('[data-field=note] .el-form-item__error').exists()).toBe(false)
    w.unmount()
  })
})
