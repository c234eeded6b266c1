import { call } from './invoke'
import type {
  MeetingDetail,
  MeetingInput,
  MeetingKind,
  MeetingSummary,
  Outcome,
  Presence,
  SearchHit,
  VoteInput,
} from './bindings'

export const listMeetings = (org: number, year: number) => call<MeetingSummary[]>('meetings_list', { org, year })
export const meetingDetail = (id: number) => call<MeetingDetail>('meetings_detail', { id })
export const createMeeting = (org: number, input: MeetingInput) => call<number>('meetings_create', { org, input })
export const updateMeeting = (id: number, input: MeetingInput) => call<null>('meetings_update', { id, input })
export const setPresence = (id: number, member: number, presence: Presence, reason: string | null) =>
  call<null>('meetings_set_presence', { id, member, presence, reason })
export const addVote = (id: number, vote: VoteInput) => call<Outcome>('meetings_add_vote', { id, vote })
export const finaliseMeeting = (id: number) => call<null>('meetings_finalise', { id })
export const addSupplement = (id: number, text: string) => call<null>('meetings_add_supplement', { id, text })
export const agendaTemplate = (kind: MeetingKind) => call<string>('meetings_template', { kind })
export const searchMeetings = (org: number, text: string) => call<SearchHit[]>('meetings_search', { org, text })
