// The header's switcher: lists the branches, switches on a click, leads to
// 新建党支部, and closes with Esc or a click elsewhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createRouter, createMemoryHistory } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import BranchSwitcher from './BranchSwitcher.vue'
import { useBranchStore } from '@/stores/branch'

const dongpo = { id: 2, name: '东坡村党支部', level: '党支部', kind: '农村', parent_id: 1, parent_name: '柳河镇党委', demo: true }
const xinhua = { id: 5, name: '新华社区第二党支部', level: '党支部', kind: '社区', parent_id: 4, parent_name: '新华街道党工委', demo: false }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => clearMocks())

async function opened() {
  const calls: [string, unknown][] = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args])
    return cmd === 'org_set_current' ? xinhua : null
  })
  const store = useBranchStore()
  store.branches = [dongpo, xinhua] as never
  store.current = dongpo as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/welcome', name: 'welcome', component: { template: '<div />' } },
    ],
  })
  await router.push('/')
  const w = mount(BranchSwitcher, { global: { plugins: [router] }, attachTo: document.body })
  await w.find('[data-test=branch-switcher]').trigger('click')
  return { w, calls, store, router }
}

describe('BranchSwitcher', () => {
  it('lists the branches with their 党委 and switches to the one chosen', async () => {
    const { w, calls, store } = await opened()
    const options = w.findAll('[data-test=branch-option]')
    expect(options.map((o) => o.text())).toEqual(['东坡村党支部柳河镇党委', '新华社区第二党支部新华街道党工委', '＋ 新建党支部…'])
    expect(w.find('[data-test=branch-switcher]').attributes('aria-expanded')).toBe('true')
    await options[1].trigger('click')
    await flushPromises()
    expect(calls).toEqual([['org_set_current', { id: 5 }]])
    expect(store.current?.name).toBe('新华社区第二党支部')
    expect(w.findAll('[data-test=branch-option]')).toHaveLength(0)
    w.unmount()
  })

  it('leads to 新建党支部 and asks nothing when the current one is chosen again', async () => {
    const { w, calls, router } = await opened()
    await w.findAll('[data-test=branch-option]')[0].trigger('click')
    expect(calls).toEqual([])
    await w.find('[data-test=branch-switcher]').trigger('click')
    await w.findAll('[data-test=branch-option]')[2].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('welcome')
    expect(router.currentRoute.value.query.adding).toBe('1')
    w.unmount()
  })

  it('closes with Esc, back on the box, and with a click elsewhere', async () => {
    const { w } = await opened()
    // The list opens on the current branch, and ↓ moves to the next.
    await flushPromises()
    expect(document.activeElement?.textContent).toContain('东坡村党支部')
    await w.find('.switch').trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('新华社区第二党支部')
    await w.find('.switch').trigger('keydown', { key: 'Escape' })
    expect(w.findAll('[data-test=branch-option]')).toHaveLength(0)
    expect(document.activeElement).toBe(w.find('[data-test=branch-switcher]').element)
    await w.find('[data-test=branch-switcher]').trigger('click')
    expect(w.findAll('[data-test=branch-option]')).toHaveLength(3)
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    await flushPromises()
    expect(w.findAll('[data-test=branch-option]')).toHaveLength(0)
    w.unmount()
  })
})
