import { call } from './invoke'
import type { AppStatus } from './bindings'

export const appStatus = () => call<AppStatus>('app_status')
/** Opens the data folder in the system's file manager. */
export const openDataDir = () => call<null>('app_open_data_dir')
