// A correction (冲正) always asks why: the reason is kept beside the
// reversing entry. Resolves to null when the clerk cancels.
import { ElMessageBox } from 'element-plus'

export async function askReason(message: string, title: string): Promise<string | null> {
  try {
    const answer = await ElMessageBox.prompt(message, title, {
      confirmButtonText: '冲正',
      cancelButtonText: '取消',
      inputValidator: (v: string) => (v.trim() ? true : '请写明原因'),
    })
    return answer.value
  } catch {
    return null
  }
}
