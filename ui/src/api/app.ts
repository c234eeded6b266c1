import { call } from './invoke'
import type { AppStatus } from './bindings'

export const appStatus = () => call<AppStatus>('app_status')
