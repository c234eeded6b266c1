import { call } from './invoke'
import type { AppStatus } from './bindings'

export const appStatus = () => call<AppStatus>('app_status')
/** Opens the data folder in the system's file manager. */
export const openDataDir = () => call<null>('app_open_data_dir')
/** A choice the window remembers (e.g. the roster's columns), kept with the data; null before the first. */
export const uiChoice = (name: string) => call<string[] | null>('app_ui_choice', { name })
export const setUiChoice = (name: string, values: string[]) => call<null>('app_set_ui_choice', { name, values })
