// The identity fields a member and an applicant share (花名册 and 发展党员
// use the same MemberProfile and the same checks on the Rust side): a blank
// form, a form from a saved profile, and the profile from a form.
import type { MemberProfile, Sex } from '@/api/bindings'

export const blankProfile = () => ({
  name: '',
  sex: '男' as Sex,
  ethnicity: '汉族',
  birthDate: '',
  idNumber: '',
  education: '',
  category: '',
  workUnit: '',
  phone: '',
  residence: '',
  householdReg: '',
  groupId: null as number | null,
  partyPost: '',
  migrantWorker: false,
  stratum: '',
  adjust: 0,
  note: '',
})

export type ProfileForm = ReturnType<typeof blankProfile>

export function profileToForm(p: MemberProfile): ProfileForm {
  return {
    name: p.name,
    sex: p.sex,
    ethnicity: p.ethnicity,
    birthDate: p.birth_date,
    idNumber: p.id_number,
    education: p.education ?? '',
    category: p.category ?? '',
    workUnit: p.work_unit ?? '',
    phone: p.phone ?? '',
    residence: p.residence ?? '',
    householdReg: p.household_reg ?? '',
    groupId: p.group_id,
    partyPost: p.party_post ?? '',
    migrantWorker: p.is_migrant_worker,
    stratum: p.new_social_stratum ?? '',
    adjust: p.party_age_adjust_months,
    note: p.note ?? '',
  }
}

const opt = (s: string) => s.trim() || null

export function formToProfile(form: ProfileForm): MemberProfile {
  return {
    name: form.name,
    sex: form.sex,
    ethnicity: form.ethnicity,
    birth_date: form.birthDate,
    id_number: form.idNumber,
    education: opt(form.education),
    category: opt(form.category),
    work_unit: opt(form.workUnit),
    phone: opt(form.phone),
    residence: opt(form.residence),
    household_reg: opt(form.householdReg),
    group_id: form.groupId,
    party_post: opt(form.partyPost),
    is_migrant_worker: form.migrantWorker,
    new_social_stratum: opt(form.stratum),
    party_age_adjust_months: form.adjust,
    note: opt(form.note),
  }
}

/**
 * The words by which a message from the Rust side names each identity field
 * (see useFieldError), keyed by ProfileFields' data-field names.
 */
export const PROFILE_FIELDS = {
  name: { words: ['姓名'], prop: 'name' },
  id: { words: ['公民身份号码', '身份证号', '身份证'], prop: 'idNumber' },
  birth: { words: ['出生日期'], prop: 'birthDate' },
  sex: { words: ['性别'], prop: 'sex' },
  ethnicity: { words: ['民族'], prop: 'ethnicity' },
  education: { words: ['学历'], prop: 'education' },
  category: { words: ['人员类别'], prop: 'category' },
  group: { words: ['党小组'], prop: 'groupId' },
  phone: { words: ['联系电话', '手机号', '电话'], prop: 'phone' },
  post: { words: ['党内职务'], prop: 'partyPost' },
  work: { words: ['工作单位'], prop: 'workUnit' },
  residence: { words: ['现居住地'], prop: 'residence' },
  household: { words: ['户籍'], prop: 'householdReg' },
  stratum: { words: ['新社会阶层'], prop: 'stratum' },
  adjust: { words: ['党龄校正'], prop: 'adjust' },
  note: { words: ['备注'], prop: 'note' },
} as const satisfies Record<string, { words: readonly string[]; prop: keyof ProfileForm }>
