// The start page drawn without Vue (page.ts): what the clerk sees and what
// each click does, on a list shaped like the demo branch's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { Todo, TodoItem } from '@/api/bindings'
import { createStartPage } from './page'
import { setNavigate } from './frame'

const org = { id: 2, name: '东坡村党支部', level: '党支部', kind: '农村', parent_id: 1, parent_name: '柳河镇党委', demo: false }

function row(key: string, area: TodoItem['area'], urgency: TodoItem['urgency'], title: string, more: Partial<TodoItem> = {}): TodoItem {
  return { key, area, urgency, title, clause: null, due: null, target: { screen: 'Branch' }, snoozed: null, ...more }
}

function list(more: Partial<Todo> = {}): Todo {
  return {
    org,
    counts: { total: 27 },
    today: '2026-11-22',
    month: '2026-11',
    dues_day: '2026-11-05',
    items: [
      row('dues:2026-11', '党费', '已逾期', '11月党费还有10人未交', { due: '2026-11-05', target: { screen: 'Dues', month: '2026-11' } }),
      row('term', '支部建设', '要办', '支部委员会任期将满，需要换届', {
        clause: '《中国共产党基层组织选举工作条例》第二条',
        target: { screen: 'Branch' },
      }),
      row('arrears:9', '党费', '要办', '潘志明已连续9个月未交纳党费', {
        clause: '《关于中国共产党党费收缴、使用和管理的规定》',
        target: { screen: 'DuesCard', member: 9 },
      }),
      row('backup', '数据备份', '提醒', '还没有把数据备份到U盘', {
        target: { screen: 'Backup' },
        snoozed: { reason: '下周统一备份', at: '2026-11-20 09:00' },
      }),
    ],
    meetings: [{ id: 12, date: '2026-11-10', title: '专题党课', finalised: false }],
    ...more,
  } as unknown as Todo
}

const text = (root: Element, css: string) => root.querySelector(css)?.textContent?.replace(/\s+/g, ' ').trim() ?? null
const parts = (root: Element, css: string) => [...root.querySelectorAll(`${css} > span`)].map((e) => e.textContent)
const keys = (root: Element) => [...root.querySelectorAll<HTMLElement>('[data-test=todo-item]')].map((e) => e.dataset.key)
const flush = () => new Promise((done) => setTimeout(done, 0))

let root: HTMLElement
beforeEach(() => {
  root = document.createElement('div')
  document.body.append(root)
  // The page's "after the paint": the frame's callback, then a timer.
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 0))
})
afterEach(() => {
  root.remove()
  clearMocks()
  vi.unstubAllGlobals()
  setNavigate((path) => {
    window.location.hash = `#${path}`
  })
})

describe('the start page', () => {
  it('draws the branch, the counts and every item in the order given, then the month after the paint', async () => {
    const page = createStartPage(root)
    page.show(list())
    expect(page.org).toBe(2)
    expect(text(root, '[data-test=start-name]')).toContain('东坡村党支部')
    expect(text(root, '[data-test=start-name]')).toContain('2026年11月工作台 · 今天是2026年11月22日')
    // Snoozed items are not counted as open, but said apart.
    expect(parts(root, '[data-test=todo-counts]')).toEqual(['已逾期 1 项', '要办 2 项', '已暂缓 1 项'])
    expect(keys(root)).toEqual(['dues:2026-11', 'term', 'arrears:9', 'backup'])
    const backup = root.querySelector('[data-key=backup]') as HTMLElement
    expect(backup.classList.contains('snoozed')).toBe(true)
    expect(text(backup, '.el-tag')).toBe('已暂缓')
    expect(text(backup, '[data-test=todo-snoozed]')).toBe('2026-11-20 09:00 暂缓：下周统一备份')
    expect(backup.querySelector('[data-test=todo-snooze]')).toBeNull()
    expect(text(root, '[data-key="dues:2026-11"] .meta')).toBe('期限 2026年11月5日')
    expect(root.querySelector('[data-test=todo-demo]')).toBeNull()
    expect(root.querySelector('[data-test=todo-start]')).toBeNull()

    // 本月一览 comes after the list is painted.
    expect(root.querySelector('[data-test=todo-month]')).toBeNull()
    await flush()
    await flush()
    expect(text(root, '[data-test=todo-dues-day]')).toBe('本月党费交纳日：2026年11月5日（已过17天）')
    const month = root.querySelector('[data-test=todo-month]') as HTMLTableElement
    // November 2026 starts on a Sunday: five weeks, Monday first.
    expect(month.tBodies[0].rows).toHaveLength(6)
    expect(month.querySelector('td.dues .mark')?.textContent).toBe('党费交纳日')
    expect(month.querySelector('td.today .num')?.textContent).toBe('22')
    const meeting = month.querySelector<HTMLAnchorElement>('[data-test=todo-month-meeting]')
    expect(meeting?.getAttribute('href')).toBe('#/meetings/12')
    expect(meeting?.textContent).toBe('（草稿）专题党课')
    expect(performance.getEntriesByName('zhibu-todo-painted')).not.toHaveLength(0)
  })

  it('filters by area, counting open items only, and shows every item again under 全部', () => {
    createStartPage(root).show(list())
    const labels = [...root.querySelectorAll('[data-test=todo-areas] label')].map((l) => l.textContent)
    // 数据备份's only item is put aside: no choice for it.
    expect(labels).toEqual(['全部', '党费 2', '支部建设 1'])
    const choose = (label: string) => {
      const l = [...root.querySelectorAll('[data-test=todo-areas] label')].find((x) => x.textContent === label) as HTMLElement
      const input = l.querySelector('input') as HTMLInputElement
      input.checked = true
      input.dispatchEvent(new Event('change'))
      return l
    }
    const dues = choose('党费 2')
    expect(keys(root)).toEqual(['dues:2026-11', 'arrears:9'])
    expect(dues.classList.contains('is-active')).toBe(true)
    choose('全部')
    expect(keys(root)).toEqual(['dues:2026-11', 'term', 'arrears:9', 'backup'])
    expect(dues.classList.contains('is-active')).toBe(false)
  })

  it('has no filter when one area has everything', () => {
    createStartPage(root).show(list({ items: [row('a', '党费', '要办', '甲'), row('b', '党费', '提醒', '乙')] }))
    expect(root.querySelector('[data-test=todo-areas]')).toBeNull()
    expect(keys(root)).toEqual(['a', 'b'])
  })

  it('opens one rule at a time under its item, in its own words', () => {
    createStartPage(root).show(list())
    const button = (key: string) => root.querySelector(`[data-key="${key}"] [data-test=todo-clause]`) as HTMLButtonElement
    expect(root.querySelector('[data-key="dues:2026-11"] [data-test=todo-clause]')).toBeNull()
    button('term').click()
    expect(text(root, '[data-key=term] [data-test=todo-clause-text]')).toBe('《中国共产党基层组织选举工作条例》第二条')
    expect(button('term').textContent).toBe('收起依据')
    expect(button('term').getAttribute('aria-expanded')).toBe('true')
    button('arrears:9').click()
    expect(root.querySelectorAll('[data-test=todo-clause-text]')).toHaveLength(1)
    expect(text(root, '[data-key="arrears:9"] [data-test=todo-clause-text]')).toContain('党费收缴')
    expect(button('term').textContent).toBe('依据')
    button('arrears:9').click()
    expect(root.querySelector('[data-test=todo-clause-text]')).toBeNull()
  })

  it('leads each item, and 支部信息, to its screen', () => {
    const went: string[] = []
    setNavigate((path) => went.push(path))
    createStartPage(root).show(list())
    for (const k of ['dues:2026-11', 'arrears:9', 'backup'])
      (root.querySelector(`[data-key="${k}"] [data-test=todo-go]`) as HTMLButtonElement).click()
    ;(root.querySelector('[data-test=todo-branch]') as HTMLButtonElement).click()
    expect(went).toEqual(['/dues?month=2026-11', '/dues/members/9', '/backup', '/overview'])
  })

  it('puts an item aside with the reason asked for, then shows the list as it is now', async () => {
    const calls: [string, unknown][] = []
    const after = list()
    after.items[1] = { ...after.items[1], snoozed: { reason: '镇党委安排明年3月统一换届', at: '2026-11-22 10:00' } }
    mockIPC((cmd, args) => {
      calls.push([cmd, args])
      return cmd === 'todo_list' ? after : null
    })
    const reasons: (string | null)[] = [null, '镇党委安排明年3月统一换届']
    createStartPage(root, () => Promise.resolve(reasons.shift() ?? null)).show(list())
    const snooze = () => (root.querySelector('[data-key=term] [data-test=todo-snooze]') as HTMLButtonElement).click()
    // Cancelled: nothing asked of the program.
    snooze()
    await flush()
    expect(calls).toEqual([])
    snooze()
    await vi.waitFor(() => expect(text(root, '[data-key=term] [data-test=todo-snoozed]')).toContain('镇党委安排明年3月统一换届'))
    expect(calls).toEqual([
      ['todo_snooze', { org: 2, key: 'term', reason: '镇党委安排明年3月统一换届' }],
      ['todo_list', { org: 2 }],
    ])
    expect(parts(root, '[data-test=todo-counts]')).toEqual(['已逾期 1 项', '要办 1 项', '已暂缓 2 项'])
    expect(root.querySelector('.todo-page')?.classList.contains('reloading')).toBe(false)
  })

  it('says why a 暂缓 failed, and still shows the list as it is', async () => {
    mockIPC((cmd) => {
      // The app's errors arrive as a plain { kind, message }, as the Rust side sends them.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (cmd === 'todo_snooze') throw { kind: 'invalid', message: '暂缓的原因太长，请写在200字以内' }
      return list()
    })
    const said: string[] = []
    createStartPage(
      root,
      () => Promise.resolve('原因'),
      (m) => void said.push(m),
    ).show(list())
    ;(root.querySelector('[data-key=term] [data-test=todo-snooze]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(said).toEqual(['暂缓的原因太长，请写在200字以内']))
    expect(keys(root)).toHaveLength(4)
  })

  it('offers the demo notice, 先登记党员 and the empty list in words', () => {
    createStartPage(root).show(list({ org: { ...org, demo: true } as never, counts: { total: 0 } as never, items: [] }))
    expect(text(root, '[data-test=todo-demo]')).toContain('人员和记录都是虚构的')
    expect(root.querySelector('[data-test=todo-demo] a')?.getAttribute('href')).toBe('#/overview')
    const start = root.querySelector('[data-test=todo-start]') as HTMLElement
    expect([...start.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#/members?add=1', '#/members?import=1'])
    expect(text(root, '[data-test=empty-state]')).toBe('本月没有要办的事项：各项工作都按时完成了。')
    expect(root.querySelector('[data-test=todo-counts]')).toBeNull()
    expect(root.querySelector('[data-test=todo-items]')).toBeNull()
  })

  it('says why the list could not be read, and keeps only the newest answer', async () => {
    let answer: (v: unknown) => void = () => undefined
    const slow = new Promise((done) => (answer = done))
    let n = 0
    mockIPC(() => {
      n += 1
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (n === 2) throw { kind: 'internal', message: '数据库无法读取，请重新打开程序' }
      return slow
    })
    const page = createStartPage(root)
    const first = page.load(2, true)
    await page.load(2, true)
    expect(text(root, '.el-alert--error')).toBe('数据库无法读取，请重新打开程序')
    expect(root.querySelector('[data-test=start-name]')).toBeNull()
    // The first question's answer, arriving after the second's: dropped.
    answer(list())
    await first
    expect(root.querySelector('[data-test=start-name]')).toBeNull()
    expect(text(root, '.el-alert--error')).toBe('数据库无法读取，请重新打开程序')
  })
})
