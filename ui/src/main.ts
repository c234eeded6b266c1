// The Vue app: every screen but the start page, which the page's entry
// (start/main.ts) has drawn without Vue before loading this. It takes the
// window's first answer from there (no second question) and, from then on,
// shows the start page or its own screen as the address says.
import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { element, setElementApp } from './elementSetup'
import { useBranchStore } from './stores/branch'
import { setNavigate, showScreen } from './start/frame'
import type { StartPage } from './start/page'
import type { AppStart } from './api/bindings'

// Marks read by `cargo xtask bench-startup` to show where start-up time goes
// (this one: the Vue app's modules have run).
performance.mark('zhibu-modules-vue')

/** Mounts the app. `start`: the window's first answer (null if it failed:
 *  the store then asks again, and says why). `page`: the start page. */
export function mountApp(start: AppStart | null, page: StartPage) {
  const pinia = createPinia()
  const app = createApp(App).use(pinia)
  const store = useBranchStore(pinia)
  if (start) store.take(start)
  app.use(router)
  setElementApp(app)
  // The start page's buttons and the plain links go through the router.
  setNavigate((path) => void router.push(path))

  const content = document.querySelector('[data-test=content]')
  router.afterEach((to, from, failure) => {
    if (failure) return
    showScreen(to.fullPath)
    // Every page opens at its top rather than where the last one was left
    // (not on the way in: scrolling asks for a layout before one is due).
    if (from.matched.length && to.path !== from.path) content?.scrollTo({ top: 0 })
    if (to.name !== 'todo' || from.name === 'todo') return
    // Coming to the start page: its list again, as it is now; but not on
    // the way in, when the entry has just drawn it for this branch.
    const org = store.current?.id
    if (org != null && (from.matched.length || page.org !== org)) void page.load(org, true)
  })
  // Another branch chosen while the start page shows: its list.
  watch(
    () => store.current?.id,
    (org) => {
      if (org != null && router.currentRoute.value.name === 'todo') void page.load(org)
    },
  )

  // Once, for the first screen only: marks are kept for the page's lifetime.
  const firstRoute = router.afterEach(() => {
    performance.mark('zhibu-route')
    firstRoute()
    // The bundled font's later slices, once the first screen is painted (the
    // first frame's callback, then a timer: after that frame is drawn). Their
    // exact character ranges were most of the first stylesheet; see
    // assets/fonts/make_subsets.py.
    requestAnimationFrame(() => setTimeout(() => void import('./styles/fonts-more.css')))
    // Element Plus's set-up, once the first screen is drawn, so that it is
    // there before the clerk's first click needs it (any other screen awaits
    // it anyway: router.ts).
    setTimeout(() => void element(), 300)
  })
  app.mount('#app')
  performance.mark('zhibu-mounted')
}
