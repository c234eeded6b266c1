// 核定党费基数: a base typed in 全角 is read, the monthly amount shown is the
// one the program computes (Rust's dues_rate), and a base that is not a number
// is refused with how to write it, before anything is saved.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import BaseDialog from './BaseDialog.vue'
import type { BaseInput, Terms } from '@/api/bindings'

afterEach(() => clearMocks())

function backend() {
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
  })

  it('refuses a base that is not a number, saying how to write it', async () => {
    const { saved } = backend()
    const w = await opened()
    await w.find('[data-test=base-amount]').setValue('五千一')
    await flushPromises()
    expect(w.find('[data-test=base-preview]').text()).toBe('—')
    await w.find('[data-test=base-save]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=base-error]').text()).toContain('党费基数请写成数字')
    expect(saved).toHaveLength(0)
  })
})
