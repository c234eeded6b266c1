import { createApp } from 'vue'
import { createPinia } from 'pinia'
import './styles/base.css'
import App from './App.vue'
import { router } from './router'
import { element, setElementApp } from './elementSetup'

// Marks read by `cargo xtask bench-startup` to show where start-up time goes
// (this one: every imported module has run).
performance.mark('zhibu-modules')

const app = createApp(App).use(createPinia()).use(router)
setElementApp(app)
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
