// 登记党员 as a clerk fills it: an ID number typed in 全角 fills birth date and
// sex, a missing 入党日期 is asked for (under its field) before anything is sent, and 转正 is
// offered as the day the 预备期 ends (党章第七条), not the approval date.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import MemberForm from './MemberForm.vue'
import type { NewMember } from '@/api/bindings'

afterEach(() => clearMocks())

function backend() {
  const added: NewMember[] = []
  mockIPC((cmd, args) => {
    if (cmd === 'org_overview') return { groups: [] }
    if (cmd === 'members_add') {
      added.push((args as { input: NewMember }).input)
      return 5
    }
    return null
  })
  return added
}

async function opened() {
  // Element Plus's select keeps measuring itself in jsdom; the selects are not what is tested here.
  const w = mount(MemberForm, {
    props: { org: 1, modelValue: false },
    global: { stubs: { teleport: true, ElSelect: true } },
    // In the document, as on screen: a message finds its field there.
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  return w
}

// Element Plus shows (and hides) a field's message 100 ms after its state changes.
const shown = () => new Promise((r) => setTimeout(r, 150))

async function typeDate(w: Awaited<ReturnType<typeof opened>>, test: string, text: string) {
  const input = w.find(`[data-test=${test}] input`)
  await input.setValue(text)
  await input.trigger('change')
  await flushPromises()
}

describe('MemberForm', () => {
  it('asks for the 入党日期 before sending anything', async () => {
    const added = backend()
    const w = await opened()
    await w.find('[data-test=m-name]').setValue('张秀英')
    await w.find('[data-test=m-id]').setValue('１１０１０５１９４９１２３１００２Ｘ')
    await flushPromises()
    await w.find('[data-test=member-save]').trigger('click')
    await flushPromises()
    // Under the field it is about, not at the foot of the form.
    await shown()
    expect(w.find('[data-field=joined] .el-form-item__error').text()).toContain('请填写入党日期')
    expect(w.find('[data-test=member-error]').exists()).toBe(false)
    expect(added).toHaveLength(0)
    // Gone once the field is filled in.
    await typeDate(w, 'm-joined', '1975年7月1日')
    await shown()
    expect(w.find('[data-field=joined] .el-form-item__error').exists()).toBe(false)
  })

  it('fills birth date and sex from a full-width ID and offers the end of the 预备期 as 转正', async () => {
    const added = backend()
    const w = await opened()
    await w.find('[data-test=m-name]').setValue('张秀英')
    await w.find('[data-test=m-id]').setValue('１１０１０５１９４９１２３１００２Ｘ')
    await flushPromises()
    await typeDate(w, 'm-joined', '1975年7月1日')
    const fill = w.find('[data-test=m-full-fill]')
    expect(fill.text()).toBe('填入1976年7月1日')
    await fill.trigger('click')
    await w.find('[data-test=member-save]').trigger('click')
    await flushPromises()
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ joined_on: '1975-07-01', full_on: '1976-07-01' })
    expect(added[0]?.profile).toMatchObject({ name: '张秀英', birth_date: '1949-12-31', sex: '女' })
  })
})
