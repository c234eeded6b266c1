import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { useShownColumns } from './useShownColumns'

const ALL = ['name', 'sex', 'birth', 'phone', 'work']

/** A data folder's remembered choices, as the Rust side keeps them. */
function fakeStore(saved: Record<string, unknown> = {}) {
  const kept = { ...saved }
  mockIPC((cmd, args) => {
    const a = args as { name: string; values?: string[] }
    if (cmd === 'app_ui_choice') return kept[a.name] ?? null
    if (cmd === 'app_set_ui_choice') kept[a.name] = a.values
    return null
  })
  return kept
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
  await new Promise((r) => setTimeout(r, 0))
}

afterEach(() => clearMocks())

describe('useShownColumns', () => {
  it('starts from the defaults, with the identifying columns always in', async () => {
    fakeStore()
    const shown = useShownColumns('roster.columns', ALL, ['sex', 'phone'], ['name'])
    await settle()
    expect(shown.value).toEqual(['name', 'sex', 'phone'])
  })

  it('saves a choice with the data and reads it back next time', async () => {
    const kept = fakeStore()
    const first = useShownColumns('roster.columns', ALL, ['sex'], ['name'])
    await settle()
    first.value = ['name', 'work']
    await settle()
    expect(kept['roster.columns']).toEqual(['name', 'work'])
    const again = useShownColumns('roster.columns', ALL, ['sex'], ['name'])
    await settle()
    expect(again.value).toEqual(['name', 'work'])
  })

  it('keeps the identifying columns even when they are unticked', async () => {
    fakeStore()
    const shown = useShownColumns('roster.columns', ALL, ['sex'], ['name'])
    await settle()
    shown.value = ['sex']
    await settle()
    expect(shown.value).toEqual(['name', 'sex'])
  })

  it('drops columns the table no longer has, and shows the defaults when nothing can be read', async () => {
    fakeStore({ 'roster.columns': ['name', 'gone', 'phone'] })
    const shown = useShownColumns('roster.columns', ALL, ['sex'], ['name'])
    await settle()
    expect(shown.value).toEqual(['name', 'phone'])
    mockIPC(() => {
      throw new Error('no database')
    })
    const fallback = useShownColumns('roster.columns', ALL, ['sex'], ['name'])
    await settle()
    expect(fallback.value).toEqual(['name', 'sex'])
  })
})
