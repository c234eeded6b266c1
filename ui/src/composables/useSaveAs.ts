// The Excel exports' side of the save-as flow: the path the clerk left in
// SavePathField made writable, the call that writes it, and its result kept
// for ExportDone. (The PDF dialog does the same as a long task.)
import { ref } from 'vue'
import { useAction } from './useAction'
import { withExtension, type FileKind } from '@/saveTarget'

export function useSaveAs<T>(kind: FileKind) {
  const { busy, error, run } = useAction()
  const path = ref('')
  const done = ref<{ path: string; result: T } | null>(null)

  /** A fresh start each time the dialog opens; the path stays where the clerk put it. */
  function reset() {
    error.value = ''
    done.value = null
  }

  async function save(write: (target: string) => Promise<T>) {
    const target = withExtension(path.value, kind)
    if (!target) {
      error.value = '请填写或选择保存位置'
      return
    }
    path.value = target
    let result: T | undefined
    const ok = await run(async () => {
      result = await write(target)
    })
    if (ok && result !== undefined) done.value = { path: target, result }
  }

  return { busy, error, path, done, reset, save }
}
