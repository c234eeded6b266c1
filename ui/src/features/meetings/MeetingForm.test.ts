// 新建会议记录 refused by the Rust side: the message shows under the field it
// is about (会议主题 here), not at the foot of a long form, and nothing is saved.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import MeetingForm from './MeetingForm.vue'

afterEach(() => clearMocks())

// Element Plus shows a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

describe('MeetingForm', () => {
  it('shows a refusal under the field it names', async () => {
    mockIPC((cmd) => {
      if (cmd === 'org_overview') return { groups: [] }
      if (cmd === 'meetings_template') return '一、研究本月支部工作'
      if (cmd === 'meetings_create') {
        // As the Rust side refuses an empty topic (text::required_line).
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw { kind: 'validation', message: '请填写会议主题' }
      }
      return null
    })
    const w = mount(MeetingForm, {
      props: { org: 1, today: '2026-11-22', modelValue: false },
      global: { stubs: { teleport: true, ElSelect: true } },
      attachTo: document.body,
    })
    await w.setProps({ modelValue: true })
    await flushPromises()
    await w.find('[data-test=mt-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=topic] .el-form-item__error').text()).toBe('请填写会议主题')
    expect(w.find('[data-test=meeting-error]').exists()).toBe(false)
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })
})
