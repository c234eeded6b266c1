// The static frame (index.html) as the screens see it: which screen shows,
// which menu link is lit, and links going through the router.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { currentPath, followLinks, setNavigate, showScreen } from './frame'

beforeEach(() => {
  // The frame as index.html has it.
  const html = readFileSync(resolve(__dirname, '../../index.html'), 'utf-8')
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? ''
})
afterEach(() => {
  document.body.innerHTML = ''
  window.location.hash = ''
  setNavigate((path) => {
    window.location.hash = `#${path}`
  })
})

const lit = () => [...document.querySelectorAll('.menu-item.active')].map((a) => a.getAttribute('data-test'))

describe('the frame', () => {
  it('has the ten menu links and the places the pages go', () => {
    expect(document.querySelectorAll('.menu a.menu-item[data-test^=nav-]')).toHaveLength(10)
    expect(document.querySelector('[data-test=content] #start')).not.toBeNull()
    expect(document.querySelector('[data-test=content] #app')).not.toBeNull()
    expect(document.querySelector('[data-test=app-header] #frame-switcher')).not.toBeNull()
  })

  it('shows the start page or the app, and lights the section of the screen shown', () => {
    const start = document.getElementById('start') as HTMLElement
    const app = document.getElementById('app') as HTMLElement
    showScreen('/todo')
    expect([start.hidden, app.hidden]).toEqual([false, true])
    expect(lit()).toEqual(['nav-todo'])
    showScreen('/members/5?tab=events')
    expect([start.hidden, app.hidden]).toEqual([true, false])
    expect(lit()).toEqual(['nav-members'])
    expect(document.querySelector('[data-test=nav-members]')?.getAttribute('aria-current')).toBe('page')
    expect(document.querySelector('[data-test=nav-todo]')?.hasAttribute('aria-current')).toBe(false)
    showScreen('/dues?month=2026-11')
    expect(lit()).toEqual(['nav-dues'])
    showScreen('/welcome')
    expect(lit()).toEqual([])
  })

  it('reads the first address of the window as the start page', () => {
    window.location.hash = ''
    expect(currentPath()).toBe('/todo')
    window.location.hash = '#/backup'
    expect(currentPath()).toBe('/backup')
  })

  it('sends a plain click on a link to a screen through the router, and leaves other clicks alone', () => {
    const went: string[] = []
    setNavigate((path) => went.push(path))
    followLinks(document)
    const link = document.querySelector('[data-test=nav-meetings]') as HTMLAnchorElement
    const click = (init: MouseEventInit = {}) => {
      const e = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init })
      link.dispatchEvent(e)
      return e.defaultPrevented
    }
    expect(click()).toBe(true)
    expect(click({ ctrlKey: true })).toBe(false)
    expect(went).toEqual(['/meetings'])
    // A link that handled its own click (the router's) is not followed twice.
    link.addEventListener('click', (e) => e.preventDefault(), { once: true })
    click()
    expect(went).toEqual(['/meetings'])
  })
})
