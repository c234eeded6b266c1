import { call } from './invoke'
import type {
  DevFinding,
  DevSettings,
  DevStats,
  MemberProfile,
  NewApplicant,
  PersonDetail,
  PersonSummary,
  StepDef,
  StepInput,
  VoteChoice,
} from './bindings'

export const developmentSteps = () => call<StepDef[]>('development_steps', {})
export const developmentList = (org: number) => call<PersonSummary[]>('development_list', { org })
export const developmentDetail = (id: number) => call<PersonDetail>('development_detail', { id })
export const addApplicant = (org: number, input: NewApplicant) => call<number>('development_add', { org, input })
export const updateApplicantProfile = (id: number, profile: MemberProfile) =>
  call<null>('development_update_profile', { id, profile })
export const recordStep = (id: number, input: StepInput) => call<number>('development_record_step', { id, input })
export const withdrawStep = (step: number, reason: string) => call<null>('development_withdraw_step', { step, reason })
export const closeDevelopment = (id: number, date: string, reason: string) =>
  call<null>('development_close', { id, date, reason })
export const developmentDeadlines = (org: number, days: number) =>
  call<PersonSummary[]>('development_deadlines', { org, days })
export const developmentCheck = (org: number) => call<DevFinding[]>('development_check', { org })
export const developmentStats = (org: number, year: number) => call<DevStats>('development_stats', { org, year })
export const developmentSettings = (org: number) => call<DevSettings>('development_settings', { org })
export const setDevelopmentSettings = (org: number, settings: DevSettings) =>
  call<null>('development_set_settings', { org, settings })
export const developmentVoteChoices = (id: number) => call<VoteChoice[]>('development_vote_choices', { id })
export const addDevDocument = (step: number, name: string, path: string | null) =>
  call<number>('development_add_document', { step, name, path })
export const devDocumentBytes = (document: number) => call<ArrayBuffer>('development_document_bytes', { document })
export const saveDevDocument = (document: number, target: string) =>
  call<null>('development_document_save', { document, target })
