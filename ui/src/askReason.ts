// Whatever is undone, corrected or put aside asks why, and the reason is
// kept beside the record. One prompt for all of them: a reason of spaces
// is not a reason. Resolves to the reason, trimmed, or null when the clerk
// cancels.
import { ElMessageBox } from 'element-plus'
import { element } from './elementSetup'

export interface ReasonPrompt {
  /** The confirming button: what will happen (冲正, 撤销, 暂缓 …). */
  confirm: string
  placeholder?: string
  /** Said under the box when it is left empty. */
  missing?: string
}

export async function askReason(message: string, title: string, how: ReasonPrompt): Promise<string | null> {
  // The box's Chinese (from the start page it may be the first Element Plus
  // component drawn).
  await element()
  try {
    const answer = await ElMessageBox.prompt(message, title, {
      confirmButtonText: how.confirm,
      cancelButtonText: '取消',
      inputPlaceholder: how.placeholder,
      inputValidator: (v: string) => (v?.trim() ? true : (how.missing ?? '请写明原因')),
    })
    return answer.value.trim()
  } catch {
    return null
  }
}
