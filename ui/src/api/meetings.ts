import { call } from './invoke'
import type {
  Calendar,
  Exclusion,
  MeetingDetail,
  MeetingInput,
  MeetingKind,
  MeetingSummary,
  Outcome,
  Participation,
  Presence,
  Requirements,
  SearchHit,
  VoteInput,
} from './bindings'

/** Every kind of meeting, in the order the forms and the book list them. */
export { MEETING_KINDS } from './bindings'

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
export const addProgress = (item: number, date: string | null, text: string) =>
  call<null>('meetings_add_progress', { item, date, text })
export const attachFile = (id: number, path: string, caption: string) => call<number>('meetings_attach', { id, path, caption })
/** The attachment's bytes (sent raw, not as JSON). */
export const attachmentBytes = (attachment: number) => call<ArrayBuffer>('meetings_attachment_bytes', { attachment })
export const saveAttachment = (attachment: number, target: string) =>
  call<null>('meetings_attachment_save', { attachment, target })
export const removeAttachment = (attachment: number) => call<null>('meetings_remove_attachment', { attachment })
export const meetingCalendar = (org: number, year: number) => call<Calendar>('meetings_calendar', { org, year })
export const meetingRequirements = () => call<Requirements>('meetings_requirements')
export const setMeetingRequirements = (requirements: Requirements) =>
  call<null>('meetings_set_requirements', { requirements })
export const participation = (org: number) => call<Participation[]>('meetings_participation', { org })
export const setExclusion = (id: number, member: number, exclusion: Exclusion | null) =>
  call<null>('meetings_set_exclusion', { id, member, exclusion })
export const exclusionReasons = () => call<string[]>('meetings_exclusion_reasons')
