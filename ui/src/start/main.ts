// The page's entry (index.html). It draws the frame's state and the start
// page from the window's first answer with plain DOM calls, then loads the
// Vue app for everything else (../main.ts). Drawing the first screen before
// Vue, the router and the components have even loaded brings the window up
// about as fast as an empty Tauri window (issue 17); firstScreen.test.ts
// checks that nothing here reaches Vue.
import '@/styles/base.css'
import '@/styles/frame.css'
import type { AppStart } from '@/api/bindings'
import { appStart } from '@/api/app'
import { currentPath, followLinks, showScreen } from './frame'
import { createStartPage } from './page'

// Marks read by `cargo xtask bench-startup` to show where start-up time goes
// (this one: the entry's modules have run).
performance.mark('zhibu-modules')

async function begin() {
  let start: AppStart | null = null
  try {
    start = await appStart()
  } catch {
    // The Vue app asks again and says what went wrong (App.vue, StartupError).
  }
  performance.mark('zhibu-branch')
  followLinks(document)
  const page = createStartPage(document.getElementById('start') as HTMLElement)
  // A branch to show: the frame, and the start page if the window opens at
  // it (a restore that reloads the page may open elsewhere). Otherwise the
  // window stays frameless for the first-run wizard or the message that the
  // data cannot be opened (App.vue).
  const current = start?.screen?.current
  if (start && !start.status.startup_error && current) {
    const path = currentPath()
    if (path === '/todo' && start.screen?.todo) page.show(start.screen.todo)
    showScreen(path)
    document.body.classList.remove('frameless')
  }
  // The Vue app once the start page is painted (its marks: page.ts), so its
  // script does not hold the first paint back.
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)))
  const { mountApp } = await import('../main')
  mountApp(start, page)
}

void begin()
