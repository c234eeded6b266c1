// The window's frame (static in index.html) as the pages see it: which
// screen shows — the start page drawn without Vue (#start) or the Vue app's
// (#app) — which menu link is lit, and how a link or button goes to a
// screen. No Vue here: the start entry uses it before Vue has loaded.

/** Goes to a screen by its address (`/members/5`): the router's push once
 *  the Vue app is in (main.ts), the address bar before. */
let navigate: (path: string) => void = (path) => {
  window.location.hash = `#${path}`
}

export function setNavigate(to: (path: string) => void) {
  navigate = to
}

export function go(path: string) {
  navigate(path)
}

/** The address a page was opened at: `#/members?x=1` → `/members?x=1`; the
 *  window's first address (no hash) is the start page's. */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '')
  return hash === '' || hash === '/' ? '/todo' : hash
}

/** Shows the screen at `path`: the start page or the Vue app's, with the
 *  menu link of its section lit (a member's page lights 党员花名册). */
export function showScreen(path: string) {
  const onStart = path.split('?')[0] === '/todo'
  const start = document.getElementById('start')
  const app = document.getElementById('app')
  if (start) start.hidden = !onStart
  if (app) app.hidden = onStart
  const section = `#/${path.split(/[/?]/)[1] ?? ''}`
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.menu .menu-item')) {
    const lit = a.getAttribute('href') === section
    a.classList.toggle('active', lit)
    if (lit) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
}

/** Plain links to a screen (`<a href="#/…">`: the menu, the start page's
 *  meetings) go through `go`, as the router's own links do — those handle
 *  their click themselves and are left alone. A click with a modifier key
 *  or another button is the browser's. */
export function followLinks(root: Node) {
  root.addEventListener('click', (e) => {
    const ev = e as MouseEvent
    if (ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return
    const a = (ev.target as Element | null)?.closest?.('a[href^="#/"]')
    if (!a) return
    ev.preventDefault()
    go((a.getAttribute('href') ?? '#/todo').slice(1))
  })
}
