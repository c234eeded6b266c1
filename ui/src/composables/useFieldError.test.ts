import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { fieldOfError, useFieldError } from './useFieldError'

const FIELDS = {
  id: { words: ['公民身份号码', '身份证'], prop: 'idNumber' as const },
  birth: { words: ['出生日期'], prop: 'birthDate' as const },
  full: { words: ['转正日期'], prop: 'fullOn' as const },
}

describe('fieldOfError', () => {
  it('finds the field a message names first', () => {
    // Messages as the Rust side words them.
    expect(fieldOfError('公民身份号码第18位校验码应为6，请核对', FIELDS)).toBe('id')
    expect(fieldOfError('出生日期与公民身份号码不一致', FIELDS)).toBe('birth')
    expect(fieldOfError('转正日期应为2011年7月1日（预备期满之日）', FIELDS)).toBe('full')
    expect(fieldOfError('保存失败，请重试', FIELDS)).toBeNull()
  })
})

/** The form's fields as the page shows them (data-field on each). */
function onScreen(fields: string[]) {
  document.body.innerHTML = fields.map((f) => `<div data-field="${f}"><input></div>`).join('')
}

describe('useFieldError', () => {
  it('puts a message by its field until that field changes', async () => {
    const form = reactive({ idNumber: '370782198503122715', birthDate: '', fullOn: '' })
    const f = useFieldError(form, FIELDS)
    onScreen(['id', 'birth', 'full'])
    await f.place('公民身份号码第18位校验码应为6')
    expect(f.messageOf('id')).toContain('校验码')
    expect(f.messageOf('birth')).toBe('')
    expect(f.error.value).toBe('')
    form.birthDate = '1985-03-12'
    await nextTick()
    expect(f.messageOf('id')).toContain('校验码')
    form.idNumber = '370782198503122716'
    await nextTick()
    expect(f.messageOf('id')).toBe('')
  })

  it('counts an edit inside a list (a committee row) as a change', async () => {
    const form = reactive({ committee: [{ name: '王建国', position: '书记' }, { name: '李秀英', position: '书记' }] })
    const f = useFieldError(form, { committee: { words: ['书记', '支委'], prop: 'committee' } })
    onScreen(['committee'])
    await f.place('一个党支部只能有1名书记，请把其他人改为副书记或委员')
    await nextTick()
    expect(f.messageOf('committee')).toContain('1名书记')
    form.committee[1].position = '副书记'
    await nextTick()
    expect(f.messageOf('committee')).toBe('')
  })

  it('keeps a message for the form alert when its field is not on screen', async () => {
    const form = reactive({ idNumber: '', birthDate: '', fullOn: '' })
    const f = useFieldError(form, FIELDS)
    onScreen(['id'])
    await f.place('转正日期应为2011年7月1日')
    expect(f.messageOf('full')).toBe('')
    expect(f.error.value).toBe('转正日期应为2011年7月1日')
  })

  it('keeps a message about no field for the form alert', async () => {
    const form = reactive({ idNumber: '', birthDate: '', fullOn: '' })
    const f = useFieldError(form, FIELDS)
    await f.place('数据库暂时无法写入，请重试')
    expect(f.error.value).toBe('数据库暂时无法写入，请重试')
    expect(f.messageOf('id')).toBe('')
  })
})
