//! Three years of the demo branch's meetings, the way a real village branch
//! keeps them: mostly complete, with a few months missed (so the calendar has
//! something to show), a 流动党员 on leave for months (so the 党章 第九条
//! warning appears with its reasons), the 支部大会 votes that admitted and
//! confirmed members on the dates their histories say, and the current
//! month's 主题党日 still a draft.

use chrono::{DateTime, Datelike, Local, Months, NaiveDate};
use rusqlite::Transaction;

use crate::error::Result;
use crate::meetings::details::{self, DayContent, ItemInput};
use crate::meetings::votes::VoteKind;
use crate::meetings::{self, MeetingInput, MeetingKind, Presence, VoteInput};
use crate::members::{self, MemberId};
use crate::month::YearMonth;
use crate::org::OrgId;

const SECRETARY: &str = "王建国";
const DEPUTY: &str = "李秀英";
const RECORDER: &str = "刘芳";
const PLACE: &str = "东坡村党群服务中心二楼会议室";

const STUDY: &[&str] = &[
    "学习贯彻党的二十大精神",
    "学习《中国共产党纪律处分条例》",
    "学习习近平总书记关于“三农”工作的重要论述",
    "学习《中国共产党农村基层组织工作条例》",
    "学习上级关于耕地保护的文件精神",
    "学习党的二十届三中全会精神",
    "学习乡村振兴促进法",
    "学习《中国共产党支部工作条例（试行）》",
    "学习安全生产和防汛防火有关要求",
    "学习身边优秀共产党员先进事迹",
    "学习《中国共产党章程》总纲",
    "学习党的二十届四中全会精神",
];

const WORK: &[&str] = &[
    "研究春耕生产和农资保障",
    "研究人居环境整治和村庄清洁行动",
    "研究果蔬合作社用地和分红方案",
    "研究汛期值班和危房排查",
    "研究村集体经济项目推进",
    "研究困难群众走访慰问名单",
    "研究秋收秋种和秸秆禁烧",
    "研究冬季防火和取暖安全",
    "研究发展党员工作和积极分子培养",
    "研究党费收缴和党员教育管理",
    "研究矛盾纠纷排查化解",
    "研究年终总结和来年工作计划",
];

/// 主题党日 议定事项, each with the committee member who carries it out.
const ITEMS: &[(&str, &str)] = &[
    ("修缮村东水渠，党员带头投工投劳", "张志强"),
    ("走访慰问困难党员和老党员", "李秀英"),
    ("清理村内三大堆，整治环境卫生", "陈德福"),
    ("组织党员志愿者到敬老院服务", "刘芳"),
    ("排查独居老人冬季取暖安全", "张志强"),
];

fn text(kind: MeetingKind, topic: &str, month: YearMonth) -> (String, String) {
    let m = month.month();
    let minutes = match kind {
        MeetingKind::Committee => format!(
            "{SECRETARY}主持会议。一、通报{m}月份镇党委工作安排。二、{topic}：张志强汇报了具体情况，李秀英、刘芳、陈德福分别发表意见，\
             大家认为要坚持党员带头、群众参与。三、研究了本月主题党日的安排。{SECRETARY}强调，各项工作要责任到人，月底前向支部汇报进展。"
        ),
        MeetingKind::GeneralMeeting => format!(
            "{SECRETARY}主持会议。一、传达学习镇党委会议精神。二、{topic}：{DEPUTY}通报了支委会研究的意见，到会党员逐一发言，\
             吴长顺等老党员提出要照顾好村里的孤寡老人。三、{SECRETARY}对下季度工作作了部署。"
        ),
        MeetingKind::Group => format!(
            "组长主持会议。一、组织学习：{topic}。二、党员结合自身谈体会，开展批评和自我批评。三、落实支部{m}月份工作安排，\
             分工负责所联系农户的走访。"
        ),
        MeetingKind::Lecture => format!(
            "{SECRETARY}以“{topic}”为题讲授党课，结合本村发展实际，讲了党员在乡村振兴中的带头作用。课后党员交流讨论，\
             田宇、周晓燕作了发言。"
        ),
        MeetingKind::ThemeDay => format!(
            "一、全体党员面向党旗重温入党誓词。二、交纳{m}月份党费。三、集中学习：{topic}。四、民主议事：讨论本月为民办实事事项。\
             五、志愿服务：党员分组开展志愿服务。"
        ),
        MeetingKind::LifeMeeting => format!(
            "{SECRETARY}主持会议，通报上年度组织生活会整改落实情况。支部班子对照检查，{SECRETARY}代表支委会作对照检查发言；\
             党员逐一对照党章党规查摆问题，开展批评和自我批评，相互提出批评意见。会议研究了{}年度整改措施。",
            month.year()
        ),
        MeetingKind::Appraisal => {
            "党员逐一个人自评，开展党员互评，进行民主测评。支部委员会根据测评结果综合评定：评定优秀党员3名，其余均为合格，无不合格党员。"
                .to_string()
        }
        MeetingKind::Talk => format!("围绕{topic}交流思想，听取意见建议，谈话对象表示会积极参加组织生活。"),
        MeetingKind::Other => String::new(),
    };
    let decisions = match kind {
        MeetingKind::Committee | MeetingKind::GeneralMeeting => {
            format!("同意{topic}的工作安排，由相关支委牵头落实。")
        }
        MeetingKind::LifeMeeting => "形成班子和个人整改清单各一份，明年一季度前整改到位。".into(),
        _ => String::new(),
    };
    (minutes, decisions)
}

struct Demo<'a, 'tx> {
    tx: &'a Transaction<'tx>,
    org: OrgId,
    now: DateTime<Local>,
    today: NaiveDate,
}

impl Demo<'_, '_> {
    fn member(&self, name: &str) -> Result<MemberId> {
        members::id_by_name(self.tx, self.org, name)
    }

    fn group(&self, name: &str) -> Result<i64> {
        super::group_id(self.tx, self.org, name)
    }

    /// Records a meeting; returns None when `date` is still to come.
    fn meeting(&self, input: MeetingInput, finalise: bool) -> Result<Option<i64>> {
        let date = input.date.unwrap_or(self.today);
        if date > self.today {
            return Ok(None);
        }
        let id = meetings::create(self.tx, self.org, &input, self.now)?;
        self.absences(id, date)?;
        if finalise {
            meetings::finalise(self.tx, id, self.now)?;
        }
        Ok(Some(id))
    }

    /// Who missed the meeting and why: the 流动党员 on leave since he went
    /// away, 郑玉梅 absent without leave for the last three months, and now
    /// and then someone ill or busy — never the host, the recorder, the
    /// lecturer or anyone the minutes say spoke.
    fn absences(&self, id: i64, date: NaiveDate) -> Result<()> {
        let detail = meetings::detail(self.tx, id)?;
        let months_ago = YearMonth::of(date).months_through(YearMonth::of(self.today)) - 1;
        let input = &detail.input;
        let named = |name: &str| {
            [&input.host, &input.recorder, &input.lecturer]
                .iter()
                .any(|p| p.as_deref() == Some(name))
                || input.minutes.contains(name)
        };
        for (i, person) in detail.people.iter().enumerate() {
            let (presence, reason) = match person.name.as_str() {
                name if named(name) => continue,
                "马俊杰" if months_ago <= 7 => {
                    (Presence::Leave, "外出务工（持流动党员活动证，在广东东莞）")
                }
                "潘志明" if months_ago <= 8 => {
                    (Presence::Absent, "失去联系（外出务工，手机停号）")
                }
                "郑玉梅" if months_ago <= 2 => {
                    (Presence::Absent, "未请假，会后了解是在外地照看孙子")
                }
                "吴长顺" if (id + i as i64) % 3 == 0 => (Presence::Leave, "年老体弱，行动不便"),
                _ if (id * 7 + i as i64 * 3) % 23 == 0 => (Presence::Leave, "生病在家"),
                _ if (id * 5 + i as i64) % 31 == 0 => (Presence::Leave, "外出办事"),
                _ => continue,
            };
            meetings::set_presence(self.tx, id, person.member_id, presence, Some(reason))?;
        }
        Ok(())
    }
}

fn input(kind: MeetingKind, topic: &str, date: NaiveDate, month: YearMonth) -> MeetingInput {
    let (minutes, decisions) = text(kind, topic, month);
    MeetingInput {
        kind: Some(kind),
        topic: topic.into(),
        date: Some(date),
        start_time: Some(
            if kind == MeetingKind::ThemeDay {
                "08:30"
            } else {
                "19:00"
            }
            .into(),
        ),
        end_time: Some(
            if kind == MeetingKind::ThemeDay {
                "11:30"
            } else {
                "20:30"
            }
            .into(),
        ),
        place: Some(PLACE.into()),
        host: Some(SECRETARY.into()),
        recorder: Some(RECORDER.into()),
        agenda: kind.agenda_template().into(),
        minutes,
        decisions,
        ..MeetingInput::default()
    }
}

fn day(month: YearMonth, d: u32) -> NaiveDate {
    month
        .first_day()
        .with_day(d)
        .unwrap_or_else(|| month.last_day())
}

pub(super) fn load(tx: &Transaction<'_>, org: OrgId, now: DateTime<Local>) -> Result<()> {
    let today = now.date_naive();
    let demo = Demo {
        tx,
        org,
        now,
        today,
    };
    let this = YearMonth::of(today);
    let first = YearMonth::new(today.year() - 2, 1)?;
    let (g1, g2) = (demo.group("第一党小组")?, demo.group("第二党小组")?);
    let mut month = first;
    while month <= this {
        let ago = month.months_through(this) - 1;
        let n = (month.month() - 1) as usize;
        let current = ago == 0;
        // 支委会, 3rd of each month; two months missed.
        if ![8, 15].contains(&ago) {
            let topic = WORK[n];
            demo.meeting(
                input(MeetingKind::Committee, topic, day(month, 3), month),
                true,
            )?;
        }
        // 主题党日, 5th; one month missed; this month's record is still a draft.
        if ago != 20 {
            let topic = STUDY[n];
            let (item, owner) = ITEMS[n % ITEMS.len()];
            let items = vec![ItemInput {
                item: item.into(),
                owner: Some(demo.member(owner)?),
            }];
            let theme = MeetingInput {
                topic: format!("{}月主题党日：{topic}", month.month()),
                day_contents: vec![
                    DayContent::Study,
                    DayContent::OrgLife,
                    DayContent::Deliberation,
                    DayContent::Volunteering,
                ],
                items,
                ..input(MeetingKind::ThemeDay, topic, day(month, 5), month)
            };
            if let Some(id) = demo.meeting(theme, !current)? {
                if !current {
                    let item = meetings::detail(tx, id)?.items[0].id;
                    let done = day(month, 25).min(today);
                    details::add_progress(
                        tx,
                        item,
                        Some(done),
                        "已落实：党员带头完成，群众满意。",
                        now,
                    )?;
                }
            }
        }
        // 党小组会, 12th and 13th; the second group missed three months.
        for (group, d, missed, leader) in [
            (g1, 12, [5, 99, 99], "赵永刚"),
            (g2, 13, [2, 11, 17], "孙桂兰"),
        ] {
            if !missed.contains(&ago) {
                let m = MeetingInput {
                    group_id: Some(group),
                    host: Some(leader.into()),
                    ..input(
                        MeetingKind::Group,
                        STUDY[(n + 3) % STUDY.len()],
                        day(month, d),
                        month,
                    )
                };
                demo.meeting(m, true)?;
            }
        }
        // 党课, the 20th of each quarter's middle month; one quarter missed.
        if month.month() % 3 == 2 && ago != 12 {
            let lecture = MeetingInput {
                lecturer: Some(SECRETARY.into()),
                lecture_title: Some(STUDY[(n + 6) % STUDY.len()].into()),
                ..input(
                    MeetingKind::Lecture,
                    &format!("专题党课：{}", STUDY[(n + 6) % STUDY.len()]),
                    day(month, 20),
                    month,
                )
            };
            demo.meeting(lecture, true)?;
        }
        // 支部党员大会, the 25th of each quarter's last month; one quarter missed.
        if month.month() % 3 == 0 && !(16..=18).contains(&ago) {
            let topic = format!(
                "{}年第{}季度党员大会：{}",
                month.year(),
                month.month() / 3,
                WORK[n]
            );
            demo.meeting(
                input(MeetingKind::GeneralMeeting, &topic, day(month, 25), month),
                true,
            )?;
        }
        // 组织生活会 and 民主评议 at the end of each past year.
        if month.month() == 12 {
            let topic = format!("{}年度组织生活会", month.year());
            demo.meeting(
                input(MeetingKind::LifeMeeting, &topic, day(month, 28), month),
                true,
            )?;
            let topic = format!("{}年度民主评议党员", month.year());
            demo.meeting(
                input(MeetingKind::Appraisal, &topic, day(month, 29), month),
                true,
            )?;
        }
        month = month.next();
    }
    talks(&demo)?;
    votes(&demo)
}

/// The 书记 talks with each member early each year (this year he is half way).
fn talks(demo: &Demo<'_, '_>) -> Result<()> {
    let secretary = demo.member(SECRETARY)?;
    for year in [demo.today.year() - 1, demo.today.year()] {
        let when = NaiveDate::from_ymd_opt(year, 2, 18).unwrap_or(demo.today);
        let roll = members::on_roll(demo.tx, demo.org, when)?;
        let others: Vec<_> = roll.iter().filter(|m| m.member_id != secretary).collect();
        let take = if year == demo.today.year() {
            others.len() / 2
        } else {
            others.len()
        };
        for (i, other) in others.into_iter().take(take).enumerate() {
            let date = when + chrono::Duration::days(i as i64);
            let talk = MeetingInput {
                participants: vec![secretary, other.member_id],
                place: Some(
                    if i % 2 == 0 {
                        "党群服务中心"
                    } else {
                        "党员家中"
                    }
                    .into(),
                ),
                ..input(
                    MeetingKind::Talk,
                    &format!("与{}同志谈心谈话", other.name),
                    date,
                    YearMonth::of(date),
                )
            };
            demo.meeting(talk, true)?;
        }
    }
    Ok(())
}

/// The 支部大会 votes behind the demo histories: admitting 高丽娟 and 田宇
/// as 预备党员 and confirming 何春燕, each on the date the history gives.
fn votes(demo: &Demo<'_, '_>) -> Result<()> {
    for (months, subject) in [
        (15u32, "何春燕同志预备党员转为正式党员"),
        (11, "接收高丽娟同志为中共预备党员"),
        (5, "接收田宇同志为中共预备党员"),
    ] {
        let date = demo
            .today
            .checked_sub_months(Months::new(months))
            .unwrap_or(demo.today);
        let month = YearMonth::of(date);
        let m = MeetingInput {
            decisions: format!("{subject}，报镇党委审批。"),
            ..input(
                MeetingKind::GeneralMeeting,
                &format!("讨论{subject}"),
                date,
                month,
            )
        };
        let Some(id) = demo.meeting(m, false)? else {
            continue;
        };
        let counts = meetings::attendance(demo.tx, id)?;
        let vote = VoteInput {
            subject: subject.into(),
            kind: VoteKind::Membership,
            method: "无记名投票".into(),
            yes: counts.voting_present,
            no: 0,
            abstain: 0,
            written_yes: 0,
            written_no: 0,
            written_abstain: 0,
        };
        meetings::add_vote(demo.tx, id, &vote, demo.now)?;
        meetings::finalise(demo.tx, id, demo.now)?;
    }
    Ok(())
}
