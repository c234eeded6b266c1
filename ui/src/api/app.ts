import { call } from './invoke'
import type { AppStart } from './bindings'

/** The window's first question: the status and the first screen's data, in one answer. */
export const appStart = () => call<AppStart>('app_start')
/** Opens the data folder in the system's file manager. */
export const openDataDir = () => call<null>('app_open_data_dir')
/** A choice the window remembers (e.g. the roster's columns), kept with the data; null before the first. */
export const uiChoice = (name: string) => call<string[] | null>('app_ui_choice', { name })
export const setUiChoice = (name: string, values: string[]) => call<null>('app_set_ui_choice', { name, values })
