import { call, toAppError } from './invoke'
import type { AppStart } from './bindings'

declare global {
  interface Window {
    /** The first question, sent by public/early.js before this script ran. */
    __zhibuEarlyStart?: Promise<AppStart>
  }
}

/** The window's first question: the status and the first screen's data, in
 *  one answer. The first call takes the answer public/early.js asked for as
 *  the page began; a later one (after a restore) asks again. */
export function appStart(): Promise<AppStart> {
  const asked = window.__zhibuEarlyStart
  window.__zhibuEarlyStart = undefined
  if (!asked) return call<AppStart>('app_start')
  return asked.catch((raw: unknown) => {
    throw toAppError(raw)
  })
}
/** Opens the data folder in the system's file manager. */
export const openDataDir = () => call<null>('app_open_data_dir')
/** A choice the window remembers (e.g. the roster's columns), kept with the data; null before the first. */
export const uiChoice = (name: string) => call<string[] | null>('app_ui_choice', { name })
export const setUiChoice = (name: string, values: string[]) => call<null>('app_set_ui_choice', { name, values })
