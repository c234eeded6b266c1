//! The demo branch's 发展党员 work: someone at every stage, walked through
//! the same use case the clerk uses, so every date obeys the 细则 — a new
//! applicant still waiting for the talk, 积极分子 under review, a 发展对象
//! about to go to the 支委会, an acceptance whose approval is overdue, and a
//! 预备党员 whose 预备期 was extended (who is on the roster because of it).

use chrono::{DateTime, Days, Local, Months, NaiveDate};
use rusqlite::Transaction;

use super::{date, AREA};
use crate::development::{self, Decision, NewApplicant, StepInput};
use crate::error::Result;
use crate::idcard;
use crate::meetings::votes::VoteKind;
use crate::meetings::{self, MeetingInput, MeetingKind, Presence, VoteInput};
use crate::members::{roster, MemberId, MemberProfile, Sex};
use crate::org::OrgId;

struct Demo<'a, 'c> {
    tx: &'a Transaction<'c>,
    org: OrgId,
    now: DateTime<Local>,
    today: NaiveDate,
}

impl Demo<'_, '_> {
    fn ago(&self, months: u32, plus_days: u64) -> NaiveDate {
        self.today
            .checked_sub_months(Months::new(months))
            .unwrap_or(self.today)
            + Days::new(plus_days)
    }

    fn member(&self, name: &str) -> Result<MemberId> {
        let (m, _) = roster::histories(self.tx, self.org)?
            .into_iter()
            .find(|(m, _)| m.name == name)
            .ok_or_else(|| crate::Error::NotFound(format!("演示数据中没有{name}")))?;
        Ok(m.id)
    }

    fn applicant(
        &self,
        name: &str,
        sex: Sex,
        birth: NaiveDate,
        seq: u16,
        applied: NaiveDate,
    ) -> Result<i64> {
        let profile = MemberProfile {
            name: name.into(),
            sex,
            ethnicity: "汉族".into(),
            birth_date: birth,
            id_number: idcard::compose(AREA, birth, seq),
            education: Some("高中".into()),
            category: Some("农牧渔民".into()),
            work_unit: Some("东坡村".into()),
            phone: None,
            residence: Some("柳河镇东坡村".into()),
            household_reg: Some("山东省诸城市柳河镇东坡村".into()),
            group_id: None,
            party_post: None,
            is_migrant_worker: false,
            new_social_stratum: None,
            party_age_adjust_months: 0,
            note: None,
        };
        development::add_applicant(
            self.tx,
            self.org,
            &NewApplicant {
                profile,
                applied_on: applied,
                note: None,
            },
            self.now,
        )
    }

    fn step(&self, person: i64, input: StepInput) -> Result<()> {
        let documents = crate::development::steps::def(input.step)
            .map(|d| d.documents.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default();
        development::record_step(self.tx, person, &StepInput { documents, ..input }, self.now)?;
        Ok(())
    }

    fn on(&self, person: i64, step: u8, day: NaiveDate) -> Result<()> {
        // 确定发展对象 and the 预审 follow a 公示 of the ten days before
        // (at least six working days, the branch asks for five).
        let publicity = development::rules::PUBLICITY_STEPS
            .contains(&step)
            .then(|| (day - Days::new(10), day - Days::new(1)));
        self.step(
            person,
            StepInput {
                step,
                date: Some(day),
                publicity_from: publicity.map(|p| p.0),
                publicity_to: publicity.map(|p| p.1),
                ..StepInput::default()
            },
        )
    }

    fn with(&self, person: i64, step: u8, day: NaiveDate, people: &[&str]) -> Result<()> {
        let people = people
            .iter()
            .map(|n| self.member(n))
            .collect::<Result<Vec<_>>>()?;
        self.step(
            person,
            StepInput {
                step,
                date: Some(day),
                people,
                ..StepInput::default()
            },
        )
    }

    /// A finalised 支部党员大会 on `day`, everyone present voting for `subject`.
    fn general_meeting(&self, day: NaiveDate, subject: &str) -> Result<i64> {
        let id = meetings::create(
            self.tx,
            self.org,
            &MeetingInput {
                kind: Some(MeetingKind::GeneralMeeting),
                topic: format!("讨论{subject}"),
                date: Some(day),
                place: Some("东坡村党群服务中心".into()),
                host: Some("王建国".into()),
                recorder: Some("刘芳".into()),
                agenda: "一、介绍人介绍情况\n二、支部委员会报告审查情况\n三、与会党员讨论\n四、无记名投票表决".into(),
                minutes: format!("入党介绍人介绍了考察情况，支部委员会报告了审查意见，与会党员逐一发表意见。经无记名投票表决，{subject}。"),
                decisions: format!("{subject}，报柳河镇党委审批。"),
                ..MeetingInput::default()
            },
            self.now,
        )?;
        // The 流动党员 working in 东莞 since eight months ago is on leave, as
        // at every meeting of the demo since he went.
        if day >= self.ago(8, 0) {
            let away = meetings::detail(self.tx, id)?
                .people
                .into_iter()
                .find(|p| p.name == "马俊杰");
            if let Some(p) = away {
                meetings::set_presence(
                    self.tx,
                    id,
                    p.member_id,
                    Presence::Leave,
                    Some("外出务工（持流动党员活动证，在广东东莞）"),
                )?;
            }
        }
        let present = meetings::attendance(self.tx, id)?.voting_present;
        meetings::add_vote(
            self.tx,
            id,
            &VoteInput {
                subject: subject.into(),
                kind: VoteKind::Membership,
                method: "无记名投票".into(),
                yes: present,
                no: 0,
                abstain: 0,
                written_yes: 0,
                written_no: 0,
                written_abstain: 0,
            },
            self.now,
        )?;
        meetings::finalise(self.tx, id, self.now)?;
        Ok(meetings::detail(self.tx, id)?.votes[0].id)
    }

    /// Step 15: the 支部大会 on `day` votes to accept the person.
    fn accepted(&self, person: i64, name: &str, day: NaiveDate) -> Result<()> {
        let vote = self.general_meeting(day, &format!("同意接收{name}同志为中共预备党员"))?;
        self.step(
            person,
            StepInput {
                step: 15,
                vote_id: Some(vote),
                ..StepInput::default()
            },
        )
    }

    /// Steps 1–6 from an application `months` ago: talk, 积极分子 three
    /// months later, a review every half year until `until` months ago.
    #[allow(clippy::too_many_arguments)]
    fn activist(
        &self,
        name: &str,
        sex: Sex,
        birth: NaiveDate,
        seq: u16,
        months: u32,
        until: u32,
    ) -> Result<i64> {
        let p = self.applicant(name, sex, birth, seq, self.ago(months, 0))?;
        self.with(p, 2, self.ago(months, 14), &["李秀英"])?;
        let since = months - 3;
        self.on(p, 3, self.ago(since, 0))?;
        self.on(p, 4, self.ago(since, 7))?;
        self.with(p, 5, self.ago(since, 10), &["刘芳"])?;
        let mut review = since;
        while review >= until + 6 {
            review -= 6;
            self.on(p, 6, self.ago(review, 0))?;
        }
        Ok(p)
    }

    /// Steps 7–14 for an activist of over a year: 发展对象 `months` ago,
    /// with a 思想汇报 each quarter after that until `reports_until` months ago.
    fn candidate(&self, p: i64, months: u32, upto: u8, reports_until: u32) -> Result<()> {
        self.on(p, 7, self.ago(months, 0))?;
        self.on(p, 8, self.ago(months, 6))?;
        self.with(p, 9, self.ago(months, 10), &["王建国", "张志强"])?;
        if upto >= 10 {
            self.on(p, 10, self.ago(months - 1, 0))?;
        }
        if upto >= 11 {
            self.step(
                p,
                StepInput {
                    step: 11,
                    date: Some(self.ago(months - 2, 0)),
                    training_days: Some(3),
                    training_hours: Some(24),
                    note: Some("诸城市委党校发展对象培训班".into()),
                    ..StepInput::default()
                },
            )?;
        }
        for (step, back) in [(12u8, 3u32), (13, 4), (14, 5)] {
            if upto >= step {
                self.on(p, step, self.ago(months - back, 0))?;
            }
        }
        let mut report = months;
        while report > reports_until + 3 {
            report -= 3;
            self.on(p, 6, self.ago(report, 10))?;
        }
        Ok(())
    }
}

pub(super) fn load(tx: &Transaction<'_>, org: OrgId, now: DateTime<Local>) -> Result<()> {
    let demo = Demo {
        tx,
        org,
        now,
        today: now.date_naive(),
    };
    // 入党申请人: applied three weeks ago; the talk is due within the month.
    demo.applicant(
        "李晓红",
        Sex::Female,
        date(2002, 5, 18),
        302,
        demo.ago(0, 0) - Days::new(20),
    )?;
    // 入党申请人, talked to: 积极分子 when the 支委会 next meets.
    let wang = demo.applicant("王磊", Sex::Male, date(1999, 8, 3), 303, demo.ago(4, 0))?;
    demo.with(wang, 2, demo.ago(4, 12), &["王建国"])?;
    // 入党积极分子 for eight months, reviewed once.
    demo.activist("张倩", Sex::Female, date(1997, 2, 11), 304, 11, 0)?;
    // 入党积极分子 for twenty months: ready to become a 发展对象.
    demo.activist("陈浩", Sex::Male, date(1995, 10, 26), 305, 23, 0)?;
    // 发展对象: sponsors, 政审 and training done; next the 支委会 审查.
    let liu = demo.activist("刘洋", Sex::Male, date(1993, 6, 9), 307, 32, 12)?;
    demo.candidate(liu, 12, 11, 0)?;
    // Accepted by the 支部大会 four months ago; the 镇党委 has not approved
    // yet: the three months of 细则第二十四条 have passed.
    let zhao = demo.activist("赵敏", Sex::Female, date(1994, 12, 1), 306, 40, 13)?;
    demo.candidate(zhao, 13, 14, 0)?;
    demo.accepted(zhao, "赵敏", demo.ago(4, 0))?;
    demo.on(zhao, 16, demo.ago(4, 10))?;
    // 预备党员 accepted 21 months ago; at the 转正 discussion the branch
    // extended the 预备期 by a year (细则第三十二条: once, at most a year).
    let sun = demo.activist("孙磊", Sex::Male, date(1996, 3, 14), 309, 48, 29)?;
    demo.candidate(sun, 29, 14, 21)?;
    demo.accepted(sun, "孙磊", demo.ago(21, 0))?;
    demo.on(sun, 16, demo.ago(21, 8))?;
    demo.on(sun, 17, demo.ago(20, 0))?;
    demo.on(sun, 18, demo.ago(20, 3))?;
    demo.on(sun, 19, demo.ago(20, 5))?;
    demo.on(sun, 20, demo.ago(20, 5))?;
    demo.on(sun, 21, demo.ago(15, 0))?;
    demo.on(sun, 22, demo.ago(9, 0) - Days::new(10))?;
    let vote = demo.general_meeting(demo.ago(9, 2), "同意孙磊同志延长预备期一年")?;
    demo.step(
        sun,
        StepInput {
            step: 23,
            vote_id: Some(vote),
            decision: Some(Decision::Extend),
            extend_months: Some(12),
            note: Some("预备期内参加组织生活不够经常，需继续考察".into()),
            ..StepInput::default()
        },
    )?;
    demo.on(sun, 24, demo.ago(8, 0))?;
    Ok(())
}
