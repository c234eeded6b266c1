import { call } from './invoke'
import type { BranchEdit, BranchOverview, DemoRemoved, Info, NewBranch, OrgSummary } from './bindings'

export const listBranches = () => call<OrgSummary[]>('org_list')
export const currentBranch = () => call<OrgSummary | null>('org_current')
export const setCurrentBranch = (id: number) => call<OrgSummary>('org_set_current', { id })
export const branchOverview = (id: number) => call<BranchOverview>('org_overview', { id })
export const createBranch = (input: NewBranch) => call<number>('org_create_branch', { input })
export const updateBranch = (id: number, edit: BranchEdit) => call<null>('org_update_branch', { id, edit })
export const loadDemo = () => call<number>('org_load_demo')
export const removeDemo = (id: number) => call<DemoRemoved>('org_remove_demo', { id })
export const appInfo = () => call<Info>('app_info')
