// Which columns of a wide table the clerk wants to see, remembered with the
// data (so it moves with a backup or the USB stick). Only keys the table
// still has are kept (a column renamed or removed later is dropped, never an
// error), and the columns that identify a row are always shown. Until the
// saved choice arrives, and if it cannot be read, the defaults are shown.
import { ref, watch, type Ref } from 'vue'
import { setUiChoice, uiChoice } from '@/api/app'

export function useShownColumns(
  name: string,
  all: readonly string[],
  defaults: readonly string[],
  always: readonly string[] = [],
): Ref<string[]> {
  const clean = (keys: readonly string[]): string[] => [...new Set([...always, ...keys.filter((k) => all.includes(k))])]
  const shown = ref<string[]>(clean(defaults))
  let loaded = false
  void uiChoice(name)
    .then((saved) => {
      if (saved) shown.value = clean(saved)
    })
    .catch(() => undefined)
    .finally(() => {
      loaded = true
    })
  watch(
    shown,
    (keys) => {
      const kept = clean(keys)
      if (kept.length !== keys.length) {
        shown.value = kept
        return
      }
      // Not saved when it is only the saved choice arriving.
      if (loaded) void setUiChoice(name, kept).catch(() => undefined)
    },
    { deep: true },
  )
  return shown
}
