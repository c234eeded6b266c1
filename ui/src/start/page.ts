// 工作台, the start page: everything due or overdue this month across the
// branch's work, most pressing first, each with its reason, the rule it
// comes from and one click to the screen that settles it; then this month
// at a glance (its meetings and the 党费 day). An item can be put aside
// (暂缓) with a reason: it stays on the list, greyed, with the reason.
//
// Drawn with plain DOM calls, not Vue: it is the first screen of every
// start, and drawing it before Vue and the router have even loaded is what
// brings the window up about as fast as an empty Tauri window (issue 17:
// Vue's start, the router and the components cost ~80 ms of cold script
// on a slow laptop before anything showed). The Vue app, loaded just after,
// shows and reloads it (main.ts). Element Plus's tag, buttons and radio
// buttons are drawn by their classes: the same look without their code.
import type { Area, Todo, TodoItem, Urgency } from '@/api/bindings'
import { snoozeTodo, todoList } from '@/api/todo'
import { toAppError } from '@/api/invoke'
import { formatDate, monthText } from '@/format'
import { statusIcon, type StatusKind } from '@/components/statusIcon'
import { daysBetween, monthWeeks, pathOf } from '@/features/todo/todo'
import { go } from './frame'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/es/components/radio-group/style/css'
import 'element-plus/es/components/radio-button/style/css'
import 'element-plus/es/components/alert/style/css'
import 'element-plus/es/components/icon/style/css'
import './page.css'

type Child = Node | string | null | undefined | false

/** An element with its attributes (a null or false one left out) and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) el.setAttribute(k, v === true ? '' : String(v))
  for (const c of children) if (c != null && c !== false) el.append(c)
  return el
}

/** NoticeBox.vue's markup (Element Plus's alert by its classes). */
function notice(type: StatusKind, title: string, attrs: Record<string, string>, ...description: Child[]) {
  const described = description.some((c) => c)
  return h(
    'div',
    { ...attrs, class: `el-alert is-light el-alert--${type} ${attrs.class ?? ''}`.trim(), role: 'alert' },
    h('i', { class: `el-icon el-alert__icon${described ? ' is-big' : ''}` }, statusIcon(type)),
    h(
      'div',
      { class: 'el-alert__content' },
      h('span', { class: `el-alert__title${described ? ' with-description' : ''}` }, title),
      described && h('p', { class: 'el-alert__description' }, ...description),
    ),
  )
}

const AREAS: Area[] = ['党费', '组织生活', '发展党员', '党员管理', '支部建设', '数据备份']
const TAG: Record<Urgency, 'danger' | 'warning' | 'info'> = { 已逾期: 'danger', 要办: 'warning', 提醒: 'info' }
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/** How the page asks for a reason (the message box, loaded when first
 *  asked for: Element Plus's code is not part of the start). */
export type AskReason = () => Promise<string | null>

const askSnoozeReason: AskReason = async () => {
  const { askReason } = await import('@/askReason')
  return askReason('这一项仍会留在清单上（显示为灰色），旁边写着原因，供检查时说明。', '暂缓这一项', {
    confirm: '暂缓',
    placeholder: '暂缓的原因，如：镇党委安排明年3月统一换届',
    missing: '请写明暂缓的原因',
  })
}

async function showError(message: string) {
  const { toast } = await import('@/toast')
  toast.error(message)
}

export interface StartPage {
  /** Draws the list from an answer already at hand (the window's first). */
  show(list: Todo): void
  /** Asks for the branch's list again and draws it. `fresh`: the page is
   *  cleared first (coming back to it); otherwise the list stays, dimmed,
   *  until the new one is drawn (after 暂缓, another branch chosen). */
  load(org: number, fresh?: boolean): Promise<void>
  /** The branch the page shows, if any. */
  readonly org: number | null
}

export function createStartPage(
  root: HTMLElement,
  ask: AskReason = askSnoozeReason,
  failed: (message: string) => unknown = showError,
): StartPage {
  let data: Todo | null = null
  let error = ''
  let area: Area | '全部' = '全部'
  // The item whose 依据 is shown under it.
  let opened: string | null = null
  // 本月一览 sits below the list, out of sight when the window opens: it is
  // drawn just after the list has been painted, so that the list comes first.
  let below = false
  // The newest question's number: an older answer arriving late is dropped.
  let asked = 0

  const page = h('div', { class: 'todo-page' })
  root.replaceChildren(page)

  const open = () => data?.items.filter((i) => !i.snoozed) ?? []
  const areas = () =>
    AREAS.map((a) => ({ area: a, count: open().filter((i) => i.area === a).length })).filter((a) => a.count > 0)

  function header(d: Todo) {
    const branch = h('button', { type: 'button', class: 'el-button', 'data-test': 'todo-branch' }, h('span', {}, '支部信息'))
    branch.addEventListener('click', () => go('/overview'))
    return h(
      'header',
      { class: 'page-head', 'data-test': 'start-name' },
      h('h1', {}, d.org.name),
      h('span', { class: 'sub' }, `${monthText(d.month)}工作台 · 今天是${formatDate(d.today)}`),
      h('span', { class: 'grow' }),
      branch,
    )
  }

  function counts() {
    const items = open()
    if (!items.length) return null
    const n = (u: Urgency) => items.filter((i) => i.urgency === u).length
    const snoozed = (data?.items.length ?? 0) - items.length
    return h(
      'span',
      { class: 'counts', 'data-test': 'todo-counts' },
      n('已逾期') > 0 && h('span', { class: 'overdue' }, `已逾期 ${n('已逾期')} 项`),
      n('要办') > 0 && h('span', {}, `要办 ${n('要办')} 项`),
      n('提醒') > 0 && h('span', {}, `提醒 ${n('提醒')} 项`),
      snoozed > 0 && h('span', {}, `已暂缓 ${snoozed} 项`),
    )
  }

  // Radio buttons of the page's own: the arrow keys move between them.
  function filter(list: HTMLElement) {
    const shown = areas()
    if (shown.length < 2) return null
    const group = h('div', { class: 'el-radio-group', role: 'radiogroup', 'aria-label': '按工作方面筛选', 'data-test': 'todo-areas' })
    const choices = [{ value: '全部' as const, label: '全部' }, ...shown.map((a) => ({ value: a.area, label: `${a.area} ${a.count}` }))]
    for (const c of choices) {
      const input = h('input', { class: 'el-radio-button__original-radio', type: 'radio', name: 'todo-area', value: c.value })
      input.checked = area === c.value
      const label = h(
        'label',
        { class: `el-radio-button el-radio-button--small${area === c.value ? ' is-active' : ''}` },
        input,
        h('span', { class: 'el-radio-button__inner' }, c.label),
      )
      input.addEventListener('change', () => {
        if (!input.checked) return
        area = c.value
        for (const l of group.children) l.classList.toggle('is-active', l === label)
        items(list)
      })
      group.append(label)
    }
    return group
  }

  // Each drawn row's way to show or hide its 依据 (one shows at a time).
  const clauses = new Map<string, (show: boolean) => void>()

  function item(i: TodoItem) {
    const clause = i.clause ? h('button', { type: 'button', class: 'link', 'data-test': 'todo-clause' }) : null
    const meta = h('div', { class: 'meta' }, i.due && h('span', {}, `期限 ${formatDate(i.due)}`), clause)
    const main = h('div', { class: 'main' }, h('div', { class: 'title' }, i.title), meta)
    if (clause && i.clause) {
      // 依据 opens the clause in place: a plain button, not a popover per item.
      const text = h('div', { class: 'clause', 'data-test': 'todo-clause-text' }, i.clause)
      const toggle = (show: boolean) => {
        clause.textContent = show ? '收起依据' : '依据'
        clause.setAttribute('aria-expanded', String(show))
        if (show) meta.after(text)
        else text.remove()
      }
      toggle(opened === i.key)
      clauses.set(i.key, toggle)
      clause.addEventListener('click', () => {
        const show = opened !== i.key
        if (opened) clauses.get(opened)?.(false)
        opened = show ? i.key : null
        toggle(show)
      })
    }
    if (i.snoozed) main.append(h('div', { class: 'reason', 'data-test': 'todo-snoozed' }, `${i.snoozed.at} 暂缓：${i.snoozed.reason}`))

    const goThere = h(
      'button',
      { type: 'button', class: 'el-button el-button--primary el-button--small is-plain', 'data-test': 'todo-go' },
      h('span', {}, '去办理'),
    )
    goThere.addEventListener('click', () => go(pathOf(i.target)))
    let snooze: HTMLButtonElement | null = null
    if (!i.snoozed) {
      snooze = h('button', { type: 'button', class: 'el-button el-button--small is-link', 'data-test': 'todo-snooze' }, h('span', {}, '暂缓'))
      snooze.addEventListener('click', () => void putAside(i))
    }
    const tag = i.snoozed ? 'info' : TAG[i.urgency]
    return h(
      'li',
      { class: `item${i.snoozed ? ' snoozed' : ''}`, 'data-test': 'todo-item', 'data-key': i.key },
      h('span', { class: `el-tag el-tag--light urgency el-tag--${tag}` }, h('span', { class: 'el-tag__content' }, i.snoozed ? '已暂缓' : i.urgency)),
      h('span', { class: 'area' }, i.area),
      main,
      h('div', { class: 'actions' }, goThere, snooze),
    )
  }

  function items(list: HTMLElement) {
    const shown = data?.items.filter((i) => area === '全部' || i.area === area) ?? []
    clauses.clear()
    list.replaceChildren(...shown.map(item))
  }

  function month(d: Todo) {
    const days = daysBetween(d.today, d.dues_day)
    const when = days === 0 ? '就是今天' : days > 0 ? `还有${days}天` : `已过${-days}天`
    const body = h('tbody')
    for (const week of monthWeeks(d.month, d.meetings)) {
      const row = h('tr')
      for (const day of week) {
        const cls = [day?.date === d.today && 'today', day?.date === d.dues_day && 'dues', !day && 'blank'].filter(Boolean).join(' ')
        const cell = h('td', { class: cls || null })
        if (day) {
          cell.append(h('div', { class: 'num' }, String(day.day)))
          if (day.date === d.dues_day) cell.append(h('div', { class: 'mark' }, '党费交纳日'))
          for (const m of day.meetings)
            cell.append(
              h(
                'a',
                { href: `#/meetings/${m.id}`, class: `meeting${m.finalised ? '' : ' draft'}`, title: m.title, 'data-test': 'todo-month-meeting' },
                `${m.finalised ? '' : '（草稿）'}${m.title}`,
              ),
            )
        }
        row.append(cell)
      }
      body.append(row)
    }
    return h(
      'section',
      { class: 'section-card' },
      h(
        'div',
        { class: 'head' },
        h('h2', {}, '本月一览'),
        h('span', { class: 'dues-day', 'data-test': 'todo-dues-day' }, `本月党费交纳日：${formatDate(d.dues_day)}（${when}）`),
      ),
      h('table', { class: 'month', 'data-test': 'todo-month' }, h('thead', {}, h('tr', {}, ...WEEKDAYS.map((w) => h('th', {}, w)))), body),
      h(
        'p',
        { class: 'hint' },
        d.meetings.length ? `本月共${d.meetings.length}次会议记录，点会议名称可查看。` : '本月还没有会议记录。',
      ),
    )
  }

  function draw() {
    const d = data
    if (d && area !== '全部' && !areas().some((a) => a.area === area)) area = '全部'
    const parts: Child[] = [error && notice('error', error, {})]
    if (d) {
      const list = h('ul', { class: 'items', 'data-test': 'todo-items' })
      items(list)
      parts.push(
        header(d),
        d.org.demo &&
          notice(
            'warning',
            '这是载入的示例支部：人员和记录都是虚构的，清单上的事项只为演示。',
            { class: 'notice', 'data-test': 'todo-demo' },
            '看完后可在',
            h('a', { href: '#/overview' }, '支部信息'),
            '页删除它，再建立本支部的台账。',
          ),
        d.counts.total === 0 &&
          notice(
            'info',
            '本支部还没有党员记录：先把党员登记进来，工作台才能算出党费、组织生活和发展党员要办的事。',
            { class: 'notice start-members', 'data-test': 'todo-start' },
            h('a', { href: '#/members?add=1' }, '登记党员'),
            h('span', { class: 'or' }, '或'),
            h('a', { href: '#/members?import=1' }, '从Excel导入花名册'),
          ),
        h(
          'section',
          { class: 'section-card' },
          h('div', { class: 'head' }, h('h2', {}, '本月要办'), counts(), h('span', { class: 'grow' }), filter(list)),
          d.items.length
            ? list
            : h(
                'div',
                { class: 'empty-state clear', 'data-test': 'empty-state' },
                h('i', { class: 'el-icon tick' }, statusIcon('success')),
                h('span', {}, '本月没有要办的事项：各项工作都按时完成了。'),
              ),
        ),
        below && month(d),
      )
    }
    page.replaceChildren(...parts.filter((p): p is Node | string => p != null && p !== false))
  }

  function drawn() {
    draw()
    if (below) return
    performance.mark('zhibu-todo')
    // After the frame that paints the list (a timer set in the frame's own
    // callback runs once it is painted).
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('zhibu-todo-painted')
        below = true
        if (data) page.append(month(data))
      }),
    )
  }

  function setBusy(busy: boolean) {
    // Dimmed only while a list already drawn is asked for again.
    page.classList.toggle('reloading', busy && data != null)
    page.setAttribute('aria-busy', String(busy))
  }

  async function load(org: number, fresh = false) {
    const n = ++asked
    if (fresh) {
      data = null
      error = ''
      area = '全部'
      opened = null
      draw()
    }
    setBusy(true)
    try {
      const list = await todoList(org)
      if (n !== asked) return
      data = list
      error = ''
    } catch (e) {
      if (n !== asked) return
      error = toAppError(e).message
    }
    setBusy(false)
    drawn()
  }

  async function putAside(i: TodoItem) {
    const org = data?.org.id
    if (org == null) return
    const reason = await ask()
    if (reason == null) return
    try {
      // The row itself shows it, greyed, with the reason: no message over the list.
      await snoozeTodo(org, i.key, reason)
    } catch (e) {
      void failed(toAppError(e).message)
    }
    await load(org)
  }

  return {
    show(list: Todo) {
      asked++
      data = list
      error = ''
      drawn()
    },
    load,
    get org() {
      return data?.org.id ?? null
    },
  }
}
