// One way to run a call to the Rust side from a screen: `busy` while it runs,
// and the Chinese message of any failure in `error`, shown where the action is.
import { ref } from 'vue'
import { toAppError } from '@/api/invoke'

export function useAction() {
  const busy = ref(false)
  const error = ref('')

  /** Runs `action`; resolves to true when it succeeded. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    error.value = ''
    try {
      await action()
      return true
    } catch (e) {
      error.value = toAppError(e).message
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
