// Element Plus's Chinese set-up, and the parts of it called from scripts
// (the short messages, the message box) with their styles. Not part of the
// first script: the start page draws no Element Plus component, so this is
// loaded just after it is painted (elementSetup.ts) — about a third of the
// first script was Element Plus and the helpers it brings (issue 17).
import type { App } from 'vue'
import { provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'

export { ElMessage } from 'element-plus'

export function install(app: App | undefined) {
  // Month and weekday names of the date pickers.
  dayjs.locale('zh-cn')
  // The Chinese locale for every component, including the ones opened from
  // scripts (the message box's buttons): those read the global one.
  if (app) provideGlobalConfig({ locale: zhCn }, app, true)
}
