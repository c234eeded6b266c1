// 登记党员变动 refused by the Rust side: a message about a field (the 查找情况
// a 停止党籍 needs) shows under that field; one about the change itself stays
// above the buttons; choosing another kind of change clears both.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import EventForm from './EventForm.vue'

afterEach(() => clearMocks())

// Element Plus shows a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

async function refusedWith(message: string) {
  mockIPC((cmd) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (cmd === 'members_record_event') throw { kind: 'validation', message }
    return null
  })
  const w = mount(EventForm, {
    props: { memberId: 5, today: '2026-11-22', history: [], modelValue: false },
    global: { stubs: { teleport: true, ElSelect: true } },
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  await w.find('[data-test=event-save]').trigger('click')
  await flushPromises()
  await shown()
  return w
}

describe('EventForm', () => {
  it('shows a refusal about the reason under the reason, and takes it away when the reason is written', async () => {
    const w = await refusedWith('请填写查找情况（通过哪些方式查找、结果如何）')
    expect(w.find('[data-field=reason] .el-form-item__error').text()).toBe('请填写查找情况（通过哪些方式查找、结果如何）')
    expect(w.find('[data-test=event-error]').exists()).toBe(false)
    await w.find('[data-test=ev-reason]').setValue('走访其父母，电话均联系不上')
    await shown()
    expect(w.find('[data-field=reason] .el-form-item__error').exists()).toBe(false)
    w.unmount()
  })

  it('keeps a refusal of the change itself above the buttons', async () => {
    const w = await refusedWith('不能登记“转正”：只有本支部的预备党员才能转正')
    expect(w.find('[data-test=event-error]').text()).toContain('只有本支部的预备党员才能转正')
    expect(w.find('.el-form-item__error').exists()).toBe(false)
    w.unmount()
  })
})
