// 新建会议记录 refused by the Rust side: the message shows under the field it
// is about (会议主题 here), not at the foot of a long form, and nothing is saved.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import MeetingForm from './MeetingForm.vue'

afterEach(() => clearMocks())

// Element Plus shows a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

/** The form opened on a branch whose roll is `people`; saving is refused with what `refuse` returns. */
async function opened(people: { id: number; name: string }[], refuse: (input: unknown) => unknown) {
  mockIPC((cmd, args) => {
    if (cmd === 'org_overview') return { groups: [] }
    if (cmd === 'meetings_template') return '一、研究本月支部工作'
    if (cmd === 'members_roster') return { rows: people }
    if (cmd === 'meetings_create') throw refuse((args as { input: unknown }).input)
    return null
  })
  const w = mount(MeetingForm, {
    props: { org: 1, today: '2026-11-22', modelValue: false },
    global: { stubs: { teleport: true, ElSelect: true } },
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  return w
}

describe('MeetingForm', () => {
  it('shows a refusal under the field it names', async () => {
    // As the Rust side refuses an empty topic (text::required_line).
    const w = await opened([], () => ({ kind: 'validation', message: '请填写会议主题' }))
    await w.find('[data-test=mt-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(w.find('[data-field=topic] .el-form-item__error').text()).toBe('请填写会议主题')
    expect(w.find('[data-test=meeting-error]').exists()).toBe(false)
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })

  it('sends each 议定事项 with its 责任人 and shows a refusal about one under the list', async () => {
    const sent: unknown[] = []
    // As details::owned_items refuses an owner not on the day's roll.
    const w = await opened([{ id: 7, name: '张志强' }], (input) => {
      sent.push(input)
      return { kind: 'validation', message: '议定事项“修缮水渠”的责任人在会议当天不在本支部名册中，请重新选择责任人' }
    })
    await w.find('[data-test=mt-item-add]').trigger('click')
    await w.find('[data-test=mt-item-add]').trigger('click')
    await w.find('[data-test=mt-item-0]').setValue('修缮水渠')
    await w.find('[data-test=mt-item-remove-1]').trigger('click')
    expect(w.find('[data-test=mt-item-1]').exists()).toBe(false)
    await w.find('[data-test=mt-save]').trigger('click')
    await flushPromises()
    await shown()
    expect(sent).toHaveLength(1)
    expect((sent[0] as { items: unknown }).items).toEqual([{ item: '修缮水渠', owner: null }])
    expect(w.find('[data-field=items] .el-form-item__error').text()).toContain('责任人在会议当天不在本支部名册中')
    expect(w.find('[data-test=meeting-error]').exists()).toBe(false)
    // A change to the list takes the message away.
    await w.find('[data-test=mt-item-0]').setValue('修缮村东水渠')
    await shown()
    expect(w.find('[data-field=items] .el-form-item__error').exists()).toBe(false)
    w.unmount()
  })
})
