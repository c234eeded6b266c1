import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
// Components in templates bring their own CSS (vite.config.ts); these are
// called from scripts, so their styles are imported here.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/tag/style/css'
import './styles/base.css'
import App from './App.vue'
import { router } from './router'

// Marks read by `cargo xtask bench-startup` to show where start-up time goes
// (this one: every imported module has run).
performance.mark('zhibu-modules')
dayjs.locale('zh-cn')

const app = createApp(App).use(createPinia()).use(router)
// The Chinese locale for every component, including the ones opened from
// scripts (the message box's buttons).
provideGlobalConfig({ locale: zhCn }, app, true)
// Once, for the first screen only: marks are kept for the page's lifetime.
const firstRoute = router.afterEach(() => {
  performance.mark('zhibu-route')
  firstRoute()
})
app.mount('#app')
performance.mark('zhibu-mounted')
