// The app's short messages (已保存, 已登记…): one at a time, a new one
// replacing the one showing. Stacked down the screen they covered the title
// of the dialog the clerk was working in (seen on the scan viewer).
// Element Plus's message code comes when first needed (elementSetup.ts).
import { isVNode } from 'vue'
import type { MessageOptions, MessageParams } from 'element-plus'
import { element } from './elementSetup'

type Kind = 'success' | 'warning' | 'info' | 'error'

// Below the red header (not over the branch name or the 示例支部 tag) and
// above where a dialog's title sits (15% down).
const OFFSET = 72

let shown: { closeAll(): void } | undefined

function placed(params: MessageParams): MessageOptions {
  return typeof params === 'string' || isVNode(params) || typeof params === 'function'
    ? { message: params, offset: OFFSET }
    : { offset: OFFSET, ...params }
}

function show(kind: Kind, params: MessageParams) {
  void element().then(({ ElMessage }) => {
    shown = ElMessage
    ElMessage.closeAll()
    ElMessage[kind](placed(params))
  })
}

/** Closes the message showing, if any (a new screen starts clear). */
export function closeToasts() {
  shown?.closeAll()
}

export const toast = {
  success: (params: MessageParams) => show('success', params),
  warning: (params: MessageParams) => show('warning', params),
  info: (params: MessageParams) => show('info', params),
  error: (params: MessageParams) => show('error', params),
}
