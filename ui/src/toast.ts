// The app's short messages (已保存, 已登记…): one at a time, a new one
// replacing the one showing. Stacked down the screen they covered the title
// of the dialog the clerk was working in (seen on the scan viewer).
import { ElMessage, type MessageParams } from 'element-plus'

type Kind = 'success' | 'warning' | 'info' | 'error'

function show(kind: Kind, params: MessageParams) {
  ElMessage.closeAll()
  return ElMessage[kind](params)
}

export const toast = {
  success: (params: MessageParams) => show('success', params),
  warning: (params: MessageParams) => show('warning', params),
  info: (params: MessageParams) => show('info', params),
  error: (params: MessageParams) => show('error', params),
}
