// Generated from the Rust types in zhibu-core by its `bindings` test.
// Do not edit: change the Rust type and run `ZHIBU_UPDATE_BINDINGS=1 cargo test -p zhibu-core bindings`.

export type ErrorKind = "validation" | "not_found" | "conflict" | "rule" | "needs_reason" | "cancelled" | "io" | "internal" | "passphrase";

export type ErrorPayload = { kind: ErrorKind, message: string, };

export type OrgLevel = "党委" | "党总支" | "党支部";

export type OrgKind = "农村" | "社区" | "企业" | "机关" | "事业单位" | "学校" | "两新组织" | "其他";

export type Position = "书记" | "副书记" | "组织委员" | "宣传委员" | "纪检委员" | "青年委员" | "统战委员" | "妇女委员" | "委员";

export type CommitteeMemberInput = { name: string, position: Position, };

export type PartyGroupInput = { name: string, 
/**
 * 党小组组长.
 */
leader_name: string | null, };

export type NewBranch = { name: string, kind: OrgKind, 
/**
 * The 上级党组织 (usually a 党委; a 党总支 for branches under one).
 */
higher_name: string, higher_level: OrgLevel, 
/**
 * When the higher organisation is a 党总支: the 党委 above it.
 */
top_name: string | null, 
/**
 * The day the current committee was elected.
 */
term_start: string | null, 
/**
 * Term length; when absent, the default for the kind (5 村/社区, 3 others).
 */
term_years: number | null, committee: Array<CommitteeMemberInput>, groups: Array<PartyGroupInput>, };

export type PartyGroupEdit = { id: number | null, name: string, leader_name: string | null, };

export type BranchEdit = { name: string, kind: OrgKind, term_start: string | null, term_years: number | null, committee: Array<CommitteeMemberInput>, groups: Array<PartyGroupEdit>, };

export type PastTerm = { term_start: string | null, term_years: number | null, committee: Array<CommitteeMemberInput>, };

export type OrgSummary = { id: number, name: string, level: OrgLevel, kind: OrgKind, parent_id: number | null, parent_name: string | null, 
/**
 * The made-up branch the first-run screen offers (示例支部).
 */
demo: boolean, };

export type DemoRemoved = { 
/**
 * The removed branch's name.
 */
name: string, 
/**
 * Where all the data, as it was just before, was kept.
 */
safety_backup: string, 
/**
 * Branches left in the database (none: the first-run screen follows).
 */
branches_left: number, };

export type CommitteeMember = { id: number, name: string, position: Position, };

export type PartyGroup = { id: number, name: string, leader_name: string | null, 
/**
 * Members in this group today.
 */
member_count: number, };

export type Severity = "警告" | "提示";

export type Finding = { severity: Severity, message: string, 
/**
 * The rule the finding comes from, e.g. "《中国共产党支部工作条例（试行）》第四条".
 */
clause: string, };

export type TermState = "任期内" | "临近换届" | "已到期";

export type TermInfo = { start: string, years: number, 
/**
 * 换届 is due on this day.
 */
end: string, 
/**
 * From this day the overview shows the 换届 reminder.
 */
remind_from: string, state: TermState, 
/**
 * Days from today to `end`; negative once overdue.
 */
days_left: number, };

export type MemberCounts = { total: number, 
/**
 * 正式党员.
 */
full: number, 
/**
 * 预备党员.
 */
probationary: number, 
/**
 * 有表决权: the 应到 of a vote.
 */
voting: number, 
/**
 * 停止党籍: counted in `total`, taking no part.
 */
suspended: number, };

export type BranchOverview = { org: OrgSummary, 
/**
 * The chain of higher organisations, nearest first.
 */
ancestors: Array<OrgSummary>, term: TermInfo | null, committee: Array<CommitteeMember>, groups: Array<PartyGroup>, counts: MemberCounts, findings: Array<Finding>, 
/**
 * Earlier committees, most recent first.
 */
past_terms: Array<PastTerm>, today: string, };

export type Sex = "男" | "女";

export type EventKind = "接收预备党员" | "转入" | "转出" | "流出" | "返回" | "失联" | "恢复联系" | "延长预备期" | "转正" | "取消预备党员资格" | "去世" | "出党" | "留党察看" | "恢复党员权利" | "停止党籍" | "恢复党籍" | "中止表决权" | "恢复表决权" | "更正";

export type Standing = "正式党员" | "预备党员";

export type LeavingKind = "除名" | "开除党籍" | "自行脱党除名" | "退党";

export type DisciplinePeriod = "一年" | "二年" | "延长一年";

export type MemberProfile = { name: string, sex: Sex, ethnicity: string, birth_date: string, 
/**
 * 公民身份号码.
 */
id_number: string, education: string | null, 
/**
 * 人员类别 (工人, 农牧渔民, 离退休人员 …).
 */
category: string | null, 
/**
 * 工作单位及职务/岗位.
 */
work_unit: string | null, phone: string | null, 
/**
 * 现居住地.
 */
residence: string | null, 
/**
 * 户籍所在地.
 */
household_reg: string | null, group_id: number | null, 
/**
 * 党内职务.
 */
party_post: string | null, 
/**
 * 是否农民工.
 */
is_migrant_worker: boolean, 
/**
 * 新社会阶层 (blank when not).
 */
new_social_stratum: string | null, 
/**
 * 党龄校正 in months, for historical records.
 */
party_age_adjust_months: number, note: string | null, };

export type NewMember = { profile: MemberProfile, 
/**
 * 入党日期: the day the 支部大会 admitted them as 预备党员.
 */
joined_on: string, 
/**
 * 转正日期: the day the 预备期 ended; None for a 预备党员.
 */
full_on: string | null, 
/**
 * When they joined elsewhere: the day their 组织关系 was transferred in.
 */
transferred_in_on: string | null, transferred_from: string | null, };

export type NewEvent = { kind: EventKind, subkind: string | null, date: string, 
/**
 * True when the event concerns this branch; false when it happened in an
 * organisation outside this database (e.g. the 入党 of someone who later
 * transferred in).
 */
in_branch: boolean, 
/**
 * 转入 from / 转出 to / 流出 to.
 */
other_org: string | null, reason: string | null, doc_no: string | null, 
/**
 * 延长预备期: the day the extended 预备期 ends.
 */
until: string | null, 
/**
 * 更正: the id of the entry whose date this corrects (to `date`).
 */
corrects: number | null, };

export type MemberEvent = { id: number, kind: EventKind, subkind: string | null, date: string, 
/**
 * The branch in this database the event concerns; None when it happened elsewhere.
 */
org_id: number | null, other_org: string | null, reason: string | null, doc_no: string | null, 
/**
 * 延长预备期: the day the extended 预备期 ends.
 */
until: string | null, 
/**
 * 更正: the entry whose date this row corrects.
 */
corrects: number | null, 
/**
 * When it was entered (RFC 3339), shown so that late entries are visible.
 */
created_at: string, };

export type StatusFilter = "流动党员" | "失联党员" | "停止党籍党员" | "已离开本支部";

export type RosterQuery = { 
/**
 * The day the roster is drawn up for; today when absent.
 */
day: string | null, 
/**
 * A name or part of it, pinyin initials (wjg), or part of the ID number.
 */
text: string | null, group_id: number | null, standing: Standing | null, 
/**
 * Also list members who have left (转出, 去世, 出党 …).
 */
include_former: boolean, status: StatusFilter | null, };

export type RosterRow = { id: number, name: string, name_initials: string, sex: Sex, ethnicity: string, birth_date: string, age: number, id_number: string, education: string | null, category: string | null, work_unit: string | null, phone: string | null, residence: string | null, household_reg: string | null, is_migrant_worker: boolean, new_social_stratum: string | null, note: string | null, group_id: number | null, group_name: string | null, party_post: string | null, standing: Standing | null, joined_on: string | null, full_on: string | null, 
/**
 * 党龄 in whole years.
 */
party_years: number | null, flowing: boolean, lost: boolean, 
/**
 * 停止党籍.
 */
suspended: boolean, 
/**
 * 中止表决权.
 */
vote_suspended: boolean, 
/**
 * 留党察看, rights not yet restored.
 */
disciplined: boolean, on_roll: boolean, 
/**
 * Has a vote on the roster's day.
 */
can_vote: boolean, 
/**
 * How they left, when they are no longer on the roll.
 */
left_kind: EventKind | null, left_on: string | null, };

export type Roster = { day: string, 
/**
 * Counts of the whole roll on `day`, whatever the filter.
 */
counts: MemberCounts, rows: Array<RosterRow>, 
/**
 * The branch's 党小组 in their order, whatever the filter (for choosing
 * one, and for telling a member outside all of them).
 */
groups: Array<GroupChoice>, };

export type GroupChoice = { id: number, name: string, };

export type MemberDetail = { row: RosterRow, profile: MemberProfile, history: Array<MemberEvent>, can_vote: boolean, 
/**
 * When the 预备期 ends, for a 预备党员.
 */
probation_ends: string | null, 
/**
 * The day the state above is for.
 */
today: string, };

export type Field = "姓名" | "性别" | "民族" | "出生日期" | "公民身份号码" | "学历" | "人员类别" | "工作单位及职务" | "联系电话" | "现居住地" | "户籍所在地" | "入党日期" | "转正日期" | "党员类别" | "党小组" | "党内职务" | "是否农民工" | "新社会阶层" | "备注";

export type Column = { index: number, 
/**
 * Spreadsheet letter: A, B, … AA.
 */
letter: string, header: string, field: Field | null, };

export type ColumnMap = { 
/**
 * 0-based index of the (last) header row.
 */
header_row: number, columns: Array<Column>, };

export type RowAction = "新增" | "更新";

export type Problem = { 
/**
 * Spreadsheet row number (1-based, as Excel shows it).
 */
row: number, 
/**
 * Column letter and header, e.g. "F（身份证号）"; empty for the whole row.
 */
column: string, message: string, };

export type PreviewRow = { row: number, name: string, id_number: string, action: RowAction | null, standing: Standing | null, joined_on: string | null, };

export type ImportPreview = { map: ColumnMap, rows: Array<PreviewRow>, problems: Array<Problem>, to_add: number, to_update: number, 
/**
 * 党小组 named in the sheet that the import will create.
 */
new_groups: Array<string>, };

export type ImportReport = { added: number, updated: number, groups_created: number, };

export type Info = { app_version: string, schema_version: number, supported_schema_version: number, database: string | null, current_branch_id: number | null, branches: Array<BranchOverview>, };

export type DataMode = "命令行指定" | "环境变量指定" | "便携模式" | "本机数据目录";

export type AppStatus = { version: string, data_dir: string | null, 
/**
 * How the data folder was chosen (portable mode, installed …).
 */
data_mode: DataMode | null, 
/**
 * Why the database could not be opened; the UI shows it full-screen.
 */
startup_error: string | null, 
/**
 * The app's "today" (pinned by ZHIBU_TODAY in tests), for forms that default to it.
 */
today: string, };

export type AppStart = { status: AppStatus, screen: FirstScreen | null, };

export type FirstScreen = { branches: Array<OrgSummary>, current: OrgSummary | null, 
/**
 * The current branch's 工作台; none before the first branch exists.
 */
todo: Todo | null, };

export type VoteKind = "一般决议" | "发展党员表决" | "选举" | "支委会决定";

export type Tally = { 
/**
 * 应到会有表决权人数.
 */
expected: number, 
/**
 * 实到会有表决权人数.
 */
present: number, yes: number, no: number, abstain: number, 
/**
 * Written opinions handed in before the meeting by absent voters
 * (counted only for 发展党员表决).
 */
written_yes: number, written_no: number, written_abstain: number, };

export type Outcome = { quorum_met: boolean, passed: boolean, 
/**
 * The smallest attendance that makes the meeting valid.
 */
quorum_needed: number, 
/**
 * The smallest number of 赞成 that carries the vote.
 */
yes_needed: number, 
/**
 * Why, in the clerk's words, with the numbers.
 */
explanation: string, clause: string, };

export type MeetingKind = "支部党员大会" | "支部委员会" | "党小组会" | "党课" | "主题党日" | "组织生活会" | "民主评议党员" | "谈心谈话" | "其他";

export type Presence = "出席" | "请假" | "缺席";

export type DayContent = "集中学习" | "过组织生活" | "民主议事" | "志愿服务" | "其他";

export type MeetingInput = { kind: MeetingKind | null, 
/**
 * 党小组会: which group.
 */
group_id: number | null, topic: string, date: string | null, start_time: string | null, end_time: string | null, place: string | null, host: string | null, recorder: string | null, agenda: string, minutes: string, decisions: string, lecturer: string | null, lecture_title: string | null, 
/**
 * 列席人员, by name (and role, as typed).
 */
guests: Array<string>, 
/**
 * 主题党日: what was held.
 */
day_contents: Array<DayContent>, 
/**
 * 议定事项 (主题党日, or any meeting that decides follow-up work),
 * each with its 责任人 if one is named.
 */
items: Array<ItemInput>, 
/**
 * 谈心谈话: the people who talked (chosen, not derived from the roll).
 */
participants: Array<number>, };

export type Attendance = { expected: number, present: number, leave: number, absent: number, 
/**
 * 有表决权 应到 / 实到.
 */
voting_expected: number, voting_present: number, 
/**
 * 经上级党组织同意不计入应到会人数.
 */
excluded: number, };

export type VoteInput = { subject: string, kind: VoteKind, 
/**
 * 举手表决, 无记名投票 …
 */
method: string, yes: number, no: number, abstain: number, written_yes: number, written_no: number, written_abstain: number, };

export type MeetingSummary = { id: number, kind: MeetingKind, topic: string, date: string, finalised: boolean, attendance: Attendance, };

export type AttendanceRow = { member_id: number, name: string, can_vote: boolean, presence: Presence, reason: string | null, 
/**
 * Left out of 应到 with the higher committee's consent.
 */
excluded: Exclusion | null, };

export type Exclusion = { 
/**
 * 如：因病不能表达本人意志、出国半年以上、外出半年以上未转组织关系.
 */
reason: string, 
/**
 * The higher committee's consent: who, when, document number.
 */
consent: string, };

export type RecordedVote = { id: number, input: VoteInput, 
/**
 * Judged again from the stored counts and attendance.
 */
outcome: Outcome, };

export type Supplement = { text: string, created_at: string, };

export type Progress = { date: string, text: string, };

export type Item = { id: number, item: string, 
/**
 * 责任人: the member who carries it out, if one was named.
 */
owner: number | null, owner_name: string | null, progress: Array<Progress>, };

export type ItemInput = { item: string, owner: number | null, };

export type Attachment = { id: number, 
/**
 * The name the file had when it was added.
 */
file_name: string, caption: string, bytes: number, mime: string, added_at: string, 
/**
 * Added after the record was finalised (shown as such to an inspector).
 */
after_final: boolean, };

export type MeetingDetail = { id: number, input: MeetingInput, finalised_at: string | null, attendance: Attendance, people: Array<AttendanceRow>, votes: Array<RecordedVote>, supplements: Array<Supplement>, 
/**
 * 议定事项 with their 落实情况.
 */
items: Array<Item>, attachments: Array<Attachment>, };

export type SearchHit = { meeting: MeetingSummary, excerpt: string, };

export type Frequency = "每月" | "每季度" | "每半年" | "每年" | "不要求";

export type TalkScope = "支委两两、每名党员与支委" | "全体党员两两";

export type CellStatus = "已召开" | "有记录未定稿" | "缺" | "本期待开" | "未到期" | "不要求";

export type Requirements = { general_meeting: Frequency, committee: Frequency, group: Frequency, lecture: Frequency, theme_day: Frequency, life_meeting: Frequency, appraisal: Frequency, 
/**
 * 谈心谈话 is checked once a year, over this set of pairs.
 */
talk: TalkScope, };

export type CellMeeting = { id: number, date: string, finalised: boolean, };

export type Cell = { 
/**
 * "3月", "第一季度", "上半年", "全年".
 */
period: string, first_month: number, last_month: number, status: CellStatus, meetings: Array<CellMeeting>, 
/**
 * Extra words, e.g. a talk coverage count.
 */
note: string, };

export type CalendarRow = { kind: MeetingKind, 
/**
 * 党小组会: one row per group.
 */
group_id: number | null, 
/**
 * "支委会", "第一党小组 党小组会" …
 */
title: string, frequency: Frequency, clause: string, cells: Array<Cell>, };

export type Calendar = { year: number, requirements: Requirements, rows: Array<CalendarRow>, 
/**
 * 谈心谈话 pairs still to talk this year (names), at most 30 shown.
 */
talks_missing: Array<string>, talks_missing_total: number, };

export type CalendarFinding = { kind: MeetingKind, title: string, period: string, status: CellStatus, clause: string, note: string, };

export type ParticipationLevel = "提醒" | "警示" | "需支部研究";

export type Participation = { member_id: number, name: string, 
/**
 * Consecutive months, up to this month, in which the member was
 * expected at a meeting and attended none.
 */
months: number, since: string, 
/**
 * Of those months, how many had every absence excused (请假).
 */
excused_months: number, 
/**
 * The reasons given, most recent first, each once.
 */
reasons: Array<string>, level: ParticipationLevel, message: string, clause: string, };

export type DuesCategory = "在职" | "年薪制" | "个体经营等不按月取得收入" | "离退休" | "农民" | "学生" | "下岗失业" | "依靠抚恤或救济生活" | "领取最低生活保障金" | "经批准少交" | "经批准免交";

export type PayPeriod = "按月" | "按季度" | "按半年";

export type Rounding = "四舍五入到分" | "四舍五入到角" | "舍去分（保留到角）";

export type BasePolicy = "年初核定、年内一般不变动" | "工资变化当月起调整" | "工资变化次年起调整";

export type WindowPolicy = "填写支部批准说明后可以登记" | "不予登记";

export type RemitPeriod = "每月" | "每季度" | "每半年" | "每年";

export type DuesSettings = { 
/**
 * The first month the books are kept in this program; earlier months
 * are neither due nor owed here (the paper 党费证 holds them).
 * None: January of the current year.
 */
start: string | null, 
/**
 * A month's dues are 逾期 after this day of the month (default the 5th).
 */
due_day: number, rounding: Rounding, 
/**
 * 农民党员's monthly amount, 0.2–1元 (党费规定 第六条), in 分.
 */
farmer_fen: number, base_policy: BasePolicy, 
/**
 * The month of the yearly 核定 (default January).
 */
review_month: number, 
/**
 * 补交 more than this many months back needs the branch's approval
 * (党费规定 第十二条: "一般不得超过6个月").
 */
arrears_window: number, 
/**
 * 预交 more than this many months ahead needs approval (secondary
 * sources: up to 6 months).
 */
advance_window: number, window_policy: WindowPolicy, remit_period: RemitPeriod, };

export type Terms = { category: DuesCategory, 
/**
 * The base, for the percentage categories.
 */
base_fen: number | null, 
/**
 * The approved amount, for 经批准少交; for 农民党员 the member's own
 * amount within 0.2–1元, if the branch set one.
 */
fixed_fen: number | null, };

export type BaseRecord = { id: number, member_id: number, effective: string, terms: Terms, pays_elsewhere: boolean, 
/**
 * Monthly, or 按季度 with the branch's consent (党费规定第十二条).
 */
period: PayPeriod, approval: string | null, note: string | null, created_at: string, };

export type BaseInput = { effective: string, category: DuesCategory, base_fen: number | null, 
/**
 * 经批准少交: the approved monthly amount.
 */
fixed_fen: number | null, 
/**
 * A 流动党员 who pays where they are (党费规定 第九条).
 */
pays_elsewhere: boolean, 
/**
 * 按季度 (or 按半年) with the branch's consent, given in `approval`.
 */
period: PayPeriod, 
/**
 * 经批准少交/免交, or a period other than monthly: the approval.
 */
approval: string | null, note: string | null, };

export type ReviewRow = { member_id: number, name: string, 
/**
 * 人员类别 from the roster, a hint for the category.
 */
roster_category: string | null, 
/**
 * The base that applies in the review month now.
 */
current: BaseRecord | null, current_fen: number | null, 
/**
 * A row dated this very month exists: this year's 核定 is done.
 */
reviewed: boolean, };

export type Review = { month: string, rows: Array<ReviewRow>, reviewed: number, 
/**
 * The month is closed: the review can no longer be entered for it.
 */
closed: boolean, };

export type ReviewEntry = { member_id: number, category: DuesCategory, base_fen: number | null, fixed_fen: number | null, pays_elsewhere: boolean, approval: string | null, };

export type MonthState = "已交" | "未交足" | "未交" | "逾期未交" | "未核定基数" | "免交" | "在流入地交纳";

export type SheetRow = { member_id: number, name: string, group_id: number | null, category: DuesCategory | null, base_fen: number | null, 
/**
 * What the month costs (None: no base yet).
 */
due_fen: number | null, 
/**
 * Paid toward this month (net of corrections).
 */
paid_fen: number, paid_on: string | null, state: MonthState, 
/**
 * Paid after the due day.
 */
late: boolean, 
/**
 * The oldest month still owing: a tick pays that month first.
 */
next_open: string | null, 
/**
 * What ticking would collect: the oldest open month's balance.
 */
next_open_fen: number | null, 
/**
 * Overdue months and what they come to (known amounts only).
 */
overdue_months: number, overdue_fen: number, 
/**
 * Consecutive months with nothing paid, up to today.
 */
unpaid_run: number, };

export type MonthSheet = { month: string, due_date: string, closed: boolean, 
/**
 * The month is before the books start.
 */
before_start: boolean, start: string, rows: Array<SheetRow>, 
/**
 * Sum of the month's dues (known amounts).
 */
due_fen: number, 
/**
 * Paid toward the month so far.
 */
paid_fen: number, 
/**
 * Money taken in during the month (its cash book), all months and extras.
 */
received_fen: number, members_due: number, members_paid: number, members_no_base: number, };

export type ArrearsRow = { member_id: number, name: string, 
/**
 * Months past their due day and not fully paid.
 */
months: Array<string>, owed_fen: number, 
/**
 * Months among them with no base yet (amount unknown).
 */
no_base_months: number, unpaid_run: number, run_since: string | null, 
/**
 * Set from 3 consecutive unpaid months.
 */
level: ParticipationLevel | null, message: string | null, clause: string | null, };

export type CardMonth = { month: string, due_fen: number | null, paid_fen: number, paid_on: string | null, state: MonthState, late: boolean, };

export type OpenMonth = { month: string, fen: number | null, };

export type PayMethod = "现金" | "转账" | "微信" | "其他";

export type PaymentInput = { member_id: number, paid_on: string, 
/**
 * How many months it pays, oldest open month first; 0 for a voluntary
 * payment that pays no month.
 */
months: number, 
/**
 * The whole sum handed over; anything above the months' dues is 自愿多交.
 */
amount_fen: number, method: PayMethod, 
/**
 * Who handed it over when not the member (代交); None or "本人" for the member.
 */
paid_by: string | null, receipt_no: string | null, 
/**
 * The branch's approval of a 补交/预交 beyond the window.
 */
approval: string | null, note: string | null, };

export type Allocation = { month: string, fen: number, };

export type PaymentRecord = { id: number, member_id: number, name: string, paid_on: string, ledger_month: string, dues_fen: number, extra_fen: number, 
/**
 * 大额党费: a voluntary extra of 1000元 or more (党费规定 第十一条).
 */
large: boolean, method: PayMethod, paid_by: string | null, receipt_no: string | null, approval: string | null, 
/**
 * This row reverses that payment.
 */
reverses: number | null, 
/**
 * This payment was reversed by that row.
 */
reversed_by: number | null, reason: string | null, note: string | null, months: Array<Allocation>, created_at: string, };

export type DuesCard = { member_id: number, name: string, months: Array<CardMonth>, payments: Array<PaymentRecord>, bases: Array<BaseRecord>, 
/**
 * What the current month costs, and why.
 */
current_fen: number | null, clause: string | null, overdue_fen: number, 
/**
 * The months `overdue_fen` adds up (past their due day, not fully paid,
 * with a base): an old month owed can stand beside a run of 0.
 */
overdue_months: number, unpaid_run: number, 
/**
 * The months a payment could cover next, oldest first, with amounts.
 */
open: Array<OpenMonth>, };

export type ClosedMonth = { month: string, closed_at: string, members_due: number, members_paid: number, due_fen: number, received_fen: number, };

export type RemittanceInput = { remitted_on: string, 
/**
 * Any month of the period remitted for.
 */
period: string, amount_fen: number, 
/**
 * 大额党费 passed on to 中央 (党费规定 第十一条), kept apart.
 */
large: boolean, receipt_no: string | null, note: string | null, };

export type RemittanceRecord = { id: number, remitted_on: string, period_start: string, period_end: string, period_label: string, amount_fen: number, large: boolean, receipt_no: string | null, note: string | null, reverses: number | null, reversed_by: number | null, reason: string | null, created_at: string, };

export type LargeKind = "收到" | "上缴中央" | "收款冲正" | "上缴冲正";

export type LargeEntry = { date: string, kind: LargeKind, 
/**
 * The member who gave it (lines of money taken in).
 */
name: string | null, 
/**
 * Who handed it over when not the member (代交).
 */
paid_by: string | null, receipt_no: string | null, 
/**
 * Money taken in (negative on a reversal).
 */
in_fen: number, 
/**
 * Money passed on to 中央 (negative on a reversal).
 */
out_fen: number, 
/**
 * What the branch holds after this line.
 */
balance_fen: number, 
/**
 * The note, or for a reversal its reason.
 */
note: string | null, };

export type LargeLedger = { year: number, 
/**
 * Held at the start of the year (上年结转).
 */
opening_fen: number, entries: Array<LargeEntry>, received_fen: number, remitted_fen: number, 
/**
 * Held at the end of the lines shown: still to be passed on to 中央.
 */
closing_fen: number, };

export type Phase = "申请入党" | "入党积极分子的确定和培养教育" | "发展对象的确定和考察" | "预备党员的接收" | "预备党员的教育考察和转正";

export type Role = "谈话人" | "培养联系人" | "入党介绍人";

export type StepDef = { no: number, phase: Phase, name: string, 
/**
 * The rule and its clause, as shown beside the step.
 */
rule: string, 
/**
 * Steps that must have been recorded first (and not withdrawn).
 */
after: number[], 
/**
 * The step is recorded again and again (a 考察 every half year).
 */
repeats: boolean, 
/**
 * Who must be named: the role and how many (at least, at most).
 */
people: [Role, number, number] | null, 
/**
 * The documents the step leaves behind.
 */
documents: string[], };

export type Stage = "入党申请人" | "入党积极分子" | "发展对象" | "预备党员" | "正式党员" | "取消预备党员资格" | "已终止培养";

export type Decision = "按期转正" | "延长预备期" | "取消预备党员资格";

export type DevSettings = { 
/**
 * Months between the application and 确定积极分子. The 细则 sets none;
 * many provinces ask for 6 (some 3). 0 = no local rule.
 */
activist_wait_months: number, 
/**
 * 公示 days before 确定发展对象 and 接收 (5 working days or 7 days locally).
 */
publicity_days: number, 
/**
 * 思想汇报 expected every so many months (commonly quarterly).
 */
report_every_months: number, };

export type Breach = { message: string, clause: string, 
/**
 * Cannot be recorded even with a reason.
 */
hard: boolean, };

export type Next = { step: number, name: string, 
/**
 * The time limit, when the 细则 sets one.
 */
due: string | null, 
/**
 * Not before this day (the year as 积极分子, the 预备期).
 */
earliest: string | null, rule: string, };

export type NewApplicant = { profile: MemberProfile, applied_on: string, note: string | null, };

export type StepInput = { step: number, 
/**
 * For steps 15 and 23 the date of the meeting is taken.
 */
date: string | null, 
/**
 * The 谈话人 / 培养联系人 / 入党介绍人 the step names (from the roster).
 */
people: Array<number>, decision: Decision | null, extend_months: number | null, training_days: number | null, training_hours: number | null, 
/**
 * Steps 7 and 13: the 公示's first and last day.
 */
publicity_from: string | null, publicity_to: string | null, 
/**
 * Steps 15 and 23: the 发展党员表决 in a 支部党员大会.
 */
vote_id: number | null, 
/**
 * The step's documents that are in the file.
 */
documents: Array<string>, note: string | null, 
/**
 * Why the step goes ahead although it breaks a rule.
 */
override_reason: string | null, };

export type StepPerson = { member_id: number, name: string, role: Role, };

export type DevDocument = { id: number, name: string, 
/**
 * The name the scan had when it was added; None while there is no scan.
 */
file_name: string | null, mime: string | null, bytes: number | null, added_at: string, };

export type StepRecord = { id: number, step: number, name: string, date: string, people: Array<StepPerson>, decision: Decision | null, extend_months: number | null, training_days: number | null, training_hours: number | null, publicity_from: string | null, publicity_to: string | null, vote_id: number | null, documents: Array<DevDocument>, note: string | null, override_reason: string | null, withdrawn_at: string | null, withdrawn_reason: string | null, created_at: string, };

export type PersonSummary = { id: number, name: string, sex: Sex, stage: Stage, applied_on: string | null, 
/**
 * The day they entered their current stage.
 */
stage_since: string | null, next: Next | null, 
/**
 * The next step's time limit has passed.
 */
overdue: boolean, member_id: number | null, };

export type PersonDetail = { summary: PersonSummary, profile: MemberProfile, steps: Array<StepRecord>, probation_end: string | null, closed_on: string | null, closed_reason: string | null, 
/**
 * The one step record that may be withdrawn now, if any.
 */
withdrawable: number | null, };

export type DevFinding = { person_id: number, name: string, step: number, step_name: string, message: string, clause: string, };

export type VoteChoice = { vote_id: number, meeting_id: number, date: string | null, topic: string, subject: string, passed: boolean, 
/**
 * The outcome in words, with the numbers (shown beside the choice).
 */
explanation: string, };

export type DevStats = { year: number, 
/**
 * 申请入党 (step 1).
 */
applied: number, 
/**
 * 确定入党积极分子 (step 3).
 */
activists: number, 
/**
 * 确定发展对象 (step 7).
 */
candidates: number, 
/**
 * 发展党员: 接收预备党员 approved by the 上级党委 (step 17).
 */
admitted: number, 
/**
 * 转正 approved (step 24, 按期转正).
 */
confirmed: number, extended: number, cancelled: number, };

export type PeriodRow = { label: string, start: string, end: string, ended: boolean, 
/**
 * 应收: the dues of the period's months (known bases).
 */
due_fen: number, 
/**
 * Of that, paid so far (whenever the money came in).
 */
settled_fen: number, 
/**
 * 实收: money taken in during the period (dues and ordinary extras).
 */
received_fen: number, 
/**
 * 大额党费 taken in during the period.
 */
large_received_fen: number, 
/**
 * 上缴 for the period (ordinary).
 */
remitted_fen: number, large_remitted_fen: number, 
/**
 * 结余: 实收 − 上缴.
 */
balance_fen: number, 
/**
 * Each mismatch in words; empty when the period is in order.
 */
flags: Array<string>, };

export type Reconciliation = { year: number, period: RemitPeriod, rows: Array<PeriodRow>, };

export type MissingChars = { 
/**
 * E.g. "2026年3月5日 支部委员会的会议记录".
 */
place: string, chars: string, };

export type Document = { "doc": "minutes", org: number, year: number, kinds: Array<MeetingKind>, } | { "doc": "roster", org: number, query: RosterQuery, mask: boolean, } | { "doc": "dues", org: number, year: number, } | { "doc": "dues_notice", org: number, year: number, from: string, to: string, } | { "doc": "signin", meeting: number, } | { "doc": "development", person: number, } | { "doc": "member_sheets", org: number, year: number, } | { "doc": "stats", org: number, query: StatsQuery, };

export type Target = { 
/**
 * As the system names it (卷标), or the mount point.
 */
name: string, 
/**
 * The folder on it the backups go into.
 */
folder: string, free_bytes: number, };

export type AutoBackup = "每天一次" | "每次退出时" | "不自动备份";

export type BackupSettings = { 
/**
 * Backups kept on a USB stick or chosen folder (this program's files only).
 */
keep: number, auto: AutoBackup, 
/**
 * Automatic backups kept in the data directory (each holds every photo).
 */
local_keep: number, 
/**
 * Remind when the last backup to a USB stick or folder is older than this.
 */
remind_days: number, };

export type BackupStatus = { settings: BackupSettings, 
/**
 * The last backup to a USB stick or folder: when, and where.
 */
last_external: string | null, last_external_path: string | null, 
/**
 * Whole days since then.
 */
days_since_external: number | null, 
/**
 * Time to remind the clerk (never backed up, or too long ago).
 */
remind: boolean, 
/**
 * The newest automatic backup in the data directory.
 */
last_local: string | null, local_folder: string, 
/**
 * The copies taken before restores, newest first (never pruned).
 */
safety_copies: Array<string>, };

export type Counts = { members: number, member_events: number, meetings: number, dues_payments: number, development_people: number, };

export type Summary = { format: number, app_version: string, schema_version: number, 
/**
 * When it was made (local time, RFC 3339).
 */
created_at: string, branches: Array<string>, counts: Counts, attachments: number, attachment_bytes: number, };

export type BackupInfo = { path: string, bytes: number, encrypted: boolean, summary: Summary, };

export type RestoreReport = { restored: BackupInfo, 
/**
 * The backup of the data as it was just before, when there was any.
 */
safety_backup: string | null, };

export type Exported = { path: string, pages: number, bytes: number, missing: Array<MissingChars>, };

export type Task = "导出文件" | "备份" | "核对备份文件" | "恢复数据" | "自动备份";

export type TaskProgress = { task: Task, stage: string, done: number, total: number, finished: boolean, };

export type Area = "党费" | "组织生活" | "发展党员" | "党员管理" | "支部建设" | "数据备份";

export type Urgency = "已逾期" | "要办" | "提醒";

export type Screen = { "screen": "Dues", month: string, } | { "screen": "DuesCard", member: number, } | { "screen": "Meeting", meeting: number, } | { "screen": "Calendar", year: number, } | { "screen": "Development", person: number, } | { "screen": "Member", member: number, } | { "screen": "Branch" } | { "screen": "Backup" };

export type Snooze = { reason: string, 
/**
 * When it was put aside (local time, "2026-11-22 09:00").
 */
at: string, };

export type TodoItem = { 
/**
 * Stable for the same thing in the same period (what a snooze is kept against).
 */
key: string, area: Area, urgency: Urgency, title: string, 
/**
 * The rule the item comes from, in its own words where the area quotes it.
 */
clause: string | null, 
/**
 * The day it is due (or was).
 */
due: string | null, target: Screen, snoozed: Snooze | null, };

export type MonthMeeting = { id: number, date: string, title: string, finalised: boolean, };

export type Todo = { org: OrgSummary, 
/**
 * The members on the roll (none: the page offers to enter them).
 */
counts: MemberCounts, today: string, month: string, 
/**
 * The day this month's 党费 is due (本支部规定的交纳日).
 */
dues_day: string, items: Array<TodoItem>, meetings: Array<MonthMeeting>, };

export type StatsQuery = { from: number, to: number, half: boolean, };

export type CategoryBand = { label: string, words: Array<string>, };

export type StatsSettings = { 
/**
 * Upper ends of the age bands: [30, 35] → 30岁及以下, 31至35岁, 36岁及以上.
 */
age_limits: Array<number>, 
/**
 * Lower ends of the 党龄 bands: [5, 10] → 不满5年, 5至9年, 10年及以上.
 */
party_age_limits: Array<number>, categories: Array<CategoryBand>, 
/**
 * The 学历 counted as 大专及以上.
 */
college: Array<string>, 
/**
 * 发展党员 counted young when this old or younger on the day admitted.
 */
young_age: number, 
/**
 * The 人员类别 bands counted as 生产、工作一线.
 */
frontline: Array<string>, };

export type Count = { label: string, count: number, };

export type AgeRow = { label: string, male: number, female: number, };

export type MemberFigures = { 
/**
 * On the roll on the cut-off day (停止党籍 included, as the roster lists them).
 */
total: number, full: number, probationary: number, male: number, female: number, han: number, minority: number, 
/**
 * 大专及以上 (the setting's 学历).
 */
college: number, 
/**
 * The setting's young age or younger (35岁及以下).
 */
young: number, flowing: number, lost: number, suspended: number, age: Array<AgeRow>, 
/**
 * 正式党员 by 党龄, then 预备党员 (no 党龄 yet) in a row of their own.
 */
party_age: Array<Count>, education: Array<Count>, categories: Array<Count>, 
/**
 * Came onto the roll during the period, by way (接收预备党员, 转入).
 */
joined: Array<Count>, 
/**
 * Left the roll during the period, by way (转出, 去世, 出党 …).
 */
left: Array<Count>, };

export type KindFigures = { kind: MeetingKind, 
/**
 * Records 定稿.
 */
held: number, 
/**
 * Records not yet 定稿.
 */
drafts: number, 
/**
 * Periods the calendar required a meeting in (ended, or already met);
 * None for kinds it does not check (谈心谈话, 其他).
 */
required: number | null, 
/**
 * Of those, periods over with no record (the calendar's 缺).
 */
missing: number, 
/**
 * 应到/实到 summed over the records (those left out with the higher
 * committee's consent count in neither).
 */
expected: number, present: number, };

export type MonthCount = { month: string, count: number, };

export type ThemeDayLine = { date: string, topic: string, contents: Array<string>, finalised: boolean, };

export type LectureLine = { date: string, title: string, lecturer: string, finalised: boolean, };

export type MeetingFigures = { kinds: Array<KindFigures>, 
/**
 * Every record, by month, for the chart.
 */
per_month: Array<MonthCount>, theme_days: Array<ThemeDayLine>, lectures: Array<LectureLine>, };

export type DevFigures = { counts: DevStats, admitted_young: number, admitted_frontline: number, };

export type DuesMonth = { month: string, 
/**
 * 应交: the month's dues of everyone this branch collects from (known bases).
 */
due_fen: number, 
/**
 * Paid toward the month's dues, whenever.
 */
paid_fen: number, 
/**
 * Money taken in during the month (its cash book), 大额党费 apart.
 */
received_fen: number, };

export type DuesFigures = { 
/**
 * The books start here; months before are not counted.
 */
start: string, due_fen: number, paid_fen: number, 
/**
 * 补交: of `paid_fen`, what came in after the month's due day.
 */
late_fen: number, received_fen: number, large_received_fen: number, 
/**
 * 上缴 for periods within the dates (reversals netted).
 */
remitted_fen: number, large_remitted_fen: number, 
/**
 * Members with a month due on or before the cut-off day and not paid
 * by then, and how much.
 */
arrears_members: number, arrears_fen: number, 
/**
 * Member-months on the roll with no base entered: 应交 is short by them.
 */
no_base_months: number, months: Array<DuesMonth>, };

export type Stats = { query: StatsQuery, 
/**
 * "2026年", "2026年上半年", "2020—2023年".
 */
period: string, first: string, 
/**
 * The cut-off day: 12-31 (06-30 for the half year).
 */
cutoff: string, 
/**
 * The day counted to: the cut-off day, or today when that is still to come.
 */
until: string, settings: StatsSettings, members: MemberFigures, development: DevFigures, meetings: MeetingFigures, dues: DuesFigures, 
/**
 * 写入汇报: paste-ready sentences.
 */
report: Array<string>, };

export type Missed = { date: string, title: string, presence: Presence, reason: string | null, };

export type KindPart = { kind: MeetingKind, 
/**
 * Records they counted toward 应到 at.
 */
expected: number, present: number, missed: Array<Missed>, };

export type Attended = { date: string, title: string, };

export type Talk = { date: string, with: Array<string>, };

export type DuesYear = { due_fen: number, paid_fen: number, 
/**
 * Months paid in full by their due day.
 */
on_time: number, 
/**
 * Months paid in full after their due day ("2026年3月").
 */
late: Array<string>, 
/**
 * Months past their due day and not paid in full.
 */
owed: Array<string>, owed_fen: number, 
/**
 * Months on the roll with no base entered.
 */
no_base: number, };

export type Undertaking = { 
/**
 * The record's date and title.
 */
date: string, title: string, item: string, 
/**
 * 落实情况 so far, by date (empty: none written yet).
 */
progress: Array<Progress>, };

export type MemberSheet = { member_id: number, name: string, group: string | null, 
/**
 * On the last day counted.
 */
standing: Standing | null, kinds: Array<KindPart>, lectures: Array<Attended>, theme_days: Array<Attended>, talks: Array<Talk>, 
/**
 * 议定事项 they were named 责任人 of in the year's records.
 */
items: Array<Undertaking>, dues: DuesYear, };

// Every choice of each list the forms offer, in the Rust order.
export const ORG_KINDS: readonly OrgKind[] = ["农村","社区","企业","机关","事业单位","学校","两新组织","其他"]
export const POSITIONS: readonly Position[] = ["书记","副书记","组织委员","宣传委员","纪检委员","青年委员","统战委员","妇女委员","委员"]
export const MEETING_KINDS: readonly MeetingKind[] = ["支部党员大会","支部委员会","党小组会","党课","主题党日","组织生活会","民主评议党员","谈心谈话","其他"]
export const FREQUENCIES: readonly Frequency[] = ["每月","每季度","每半年","每年","不要求"]
export const TALK_SCOPES: readonly TalkScope[] = ["支委两两、每名党员与支委","全体党员两两"]
export const DAY_CONTENTS: readonly DayContent[] = ["集中学习","过组织生活","民主议事","志愿服务","其他"]
export const VOTE_KINDS: readonly VoteKind[] = ["一般决议","发展党员表决","选举","支委会决定"]
export const LEAVING_KINDS: readonly LeavingKind[] = ["除名","开除党籍","自行脱党除名","退党"]
export const DISCIPLINE_PERIODS: readonly DisciplinePeriod[] = ["一年","二年","延长一年"]
export const FIELDS: readonly Field[] = ["姓名","性别","民族","出生日期","公民身份号码","学历","人员类别","工作单位及职务","联系电话","现居住地","户籍所在地","入党日期","转正日期","党员类别","党小组","党内职务","是否农民工","新社会阶层","备注"]
export const DUES_CATEGORIES: readonly DuesCategory[] = ["在职","年薪制","个体经营等不按月取得收入","离退休","农民","学生","下岗失业","依靠抚恤或救济生活","领取最低生活保障金","经批准少交","经批准免交"]
export const PAY_PERIODS: readonly PayPeriod[] = ["按月","按季度","按半年"]
export const PAY_METHODS: readonly PayMethod[] = ["现金","转账","微信","其他"]
export const ROUNDINGS: readonly Rounding[] = ["四舍五入到分","四舍五入到角","舍去分（保留到角）"]
export const BASE_POLICIES: readonly BasePolicy[] = ["年初核定、年内一般不变动","工资变化当月起调整","工资变化次年起调整"]
export const WINDOW_POLICIES: readonly WindowPolicy[] = ["填写支部批准说明后可以登记","不予登记"]
export const REMIT_PERIODS: readonly RemitPeriod[] = ["每月","每季度","每半年","每年"]
export const AUTO_BACKUPS: readonly AutoBackup[] = ["每天一次","每次退出时","不自动备份"]
