//! The demo branch: a village branch such as a clerk really keeps, dated
//! relative to `today` so that it always shows three years of history, a
//! 预备党员 about to be due for 转正 and a committee close to 换届.

use chrono::{DateTime, Local, Months, NaiveDate};

use crate::error::Result;
use crate::idcard;
use crate::members::{self, EventKind, MemberProfile, NewEvent, Sex};
use crate::org::{
    self, CommitteeMemberInput, NewBranch, OrgId, OrgKind, OrgLevel, PartyGroupInput, Position,
};
use crate::store::Store;

mod development;
mod dues;
mod meetings;
mod remove;
mod storage;

pub use remove::{remove, DemoRemoved, SAFETY};

pub const DEMO_BRANCH: &str = "东坡村党支部";
pub const DEMO_HIGHER: &str = "柳河镇党委";
/// 山东省潍坊市诸城市: a real county code, so the ID numbers look like the real thing.
const AREA: &str = "370782";

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// How a demo member's history goes, relative to `today` where it is recent.
#[derive(Clone, Copy)]
enum Story {
    /// Admitted in this branch on (y, m, d) and confirmed a year later.
    Joined(i32, u32, u32),
    /// Admitted here this many months ago and confirmed a year later.
    JoinedMonthsAgo(u32),
    /// Admitted this many months ago: still a 预备党员.
    Probationary(u32),
    /// Admitted elsewhere on (y, m, d), transferred in 26 months ago.
    TransferredIn(i32, u32, u32),
    /// Joined on (y, m, d), went to work far away eight months ago.
    FlowingOut(i32, u32, u32),
    /// Joined on (y, m, d), went away to work and lost contact nine months ago.
    Lost(i32, u32, u32),
    /// Joined on (y, m, d), died 27 months ago.
    Died(i32, u32, u32),
    /// Joined on (y, m, d), transferred out 14 months ago.
    TransferredOut(i32, u32, u32),
}

struct Person {
    name: &'static str,
    sex: Sex,
    birth: (i32, u32, u32),
    group: &'static str,
    category: &'static str,
    education: &'static str,
    work: &'static str,
    post: Option<&'static str>,
    story: Story,
}

const G1: &str = "第一党小组";
const G2: &str = "第二党小组";
const FARMER: &str = "农牧渔民";

#[rustfmt::skip]
const PEOPLE: &[Person] = {
    use Sex::{Female as F, Male as M};
    use Story::*;
    // Positional on purpose: one row per person reads like the roster.
    #[allow(clippy::too_many_arguments)]
    const fn p(name: &'static str, sex: Sex, birth: (i32, u32, u32), group: &'static str, category: &'static str,
               education: &'static str, work: &'static str, post: Option<&'static str>, story: Story) -> Person {
        Person { name, sex, birth, group, category, education, work, post, story }
    }
    &[
        p("王建国", M, (1968, 3, 15), G1, FARMER, "高中", "东坡村党支部书记、村委会主任", Some("党支部书记"), Joined(1992, 7, 1)),
        p("李秀英", F, (1972, 9, 8), G2, FARMER, "高中", "东坡村党支部副书记", Some("党支部副书记"), Joined(1998, 6, 20)),
        p("张志强", M, (1980, 11, 23), G1, FARMER, "大专", "东坡村会计", Some("组织委员"), Joined(2005, 5, 18)),
        p("刘芳", F, (1986, 4, 2), G2, "其他", "大专", "东坡村文书", Some("宣传委员"), Joined(2010, 6, 28)),
        p("陈德福", M, (1958, 12, 10), G1, FARMER, "初中", "东坡村监委会主任", Some("纪检委员"), Joined(1985, 10, 12)),
        p("赵永刚", M, (1975, 7, 19), G1, FARMER, "初中", "东坡村村委会委员", Some("第一党小组组长"), Joined(2001, 7, 1)),
        p("孙桂兰", F, (1963, 1, 26), G2, FARMER, "初中", "务农", Some("第二党小组组长"), Joined(1990, 3, 8)),
        p("周晓燕", F, (1990, 10, 5), G2, FARMER, "大学本科", "东坡村村委会委员、妇联主席", None, Joined(2015, 6, 30)),
        p("吴长顺", M, (1945, 5, 4), G1, FARMER, "小学", "务农（老党员）", None, Joined(1970, 7, 1)),
        p("郑玉梅", F, (1955, 8, 17), G2, FARMER, "小学", "务农", None, Joined(1982, 6, 15)),
        p("马俊杰", M, (1988, 2, 14), G1, "工人", "高中", "外出务工", None, FlowingOut(2012, 11, 20)),
        p("黄海波", M, (1983, 6, 30), G1, "专业技术人员", "大学本科", "东坡村卫生室医生", None, TransferredIn(2008, 6, 12)),
        p("潘志明", M, (1984, 9, 3), G2, "工人", "初中", "外出务工", None, Lost(2009, 7, 1)),
        p("高丽娟", F, (1994, 3, 22), G2, FARMER, "大专", "东坡村后备干部", None, Probationary(11)),
        p("田宇", M, (1997, 12, 9), G1, FARMER, "大学本科", "返乡创业（果蔬合作社）", None, Probationary(5)),
        p("冯国庆", M, (1950, 10, 1), G1, FARMER, "初中", "务农", None, Joined(1976, 4, 10)),
        p("何春燕", F, (1979, 4, 16), G2, FARMER, "高中", "东坡村妇女小组长", None, JoinedMonthsAgo(27)),
        p("钱福生", M, (1938, 1, 20), G1, FARMER, "小学", "务农（老党员）", None, Died(1960, 5, 4)),
        p("韩磊", M, (1991, 8, 8), G2, "工人", "大专", "县城务工", None, TransferredOut(2014, 6, 25)),
    ]
};

/// The demo branch's 党小组 named `name`.
fn group_id(conn: &rusqlite::Connection, org: OrgId, name: &str) -> Result<i64> {
    org::groups(conn, org)?
        .into_iter()
        .find(|g| g.name == name)
        .map(|g| g.id)
        .ok_or_else(|| crate::error::Error::Internal(format!("示例支部没有“{name}”")))
}

fn ev(kind: EventKind, date: NaiveDate) -> NewEvent {
    NewEvent::new(kind, date)
}

/// 入党 on `joined` in this branch and 转正 one year later (党章 第七条).
fn joined_here(joined: NaiveDate) -> Vec<NewEvent> {
    let full = joined.checked_add_months(Months::new(12)).unwrap_or(joined);
    vec![
        ev(EventKind::Admitted, joined),
        ev(EventKind::Confirmed, full),
    ]
}

/// A 转入/转出 document number of the year the transfer happened.
fn doc_no(prefix: &str, when: NaiveDate, number: u32) -> Option<String> {
    Some(format!("{prefix}〔{}〕{number}号", when.format("%Y")))
}

fn history(story: Story, today: NaiveDate) -> Vec<NewEvent> {
    let ymd = |y, m, d| date(y, m, d);
    match story {
        Story::Joined(y, m, d) => joined_here(ymd(y, m, d)),
        Story::JoinedMonthsAgo(n) => joined_here(months_before(today, n)),
        Story::Probationary(n) => vec![ev(EventKind::Admitted, months_before(today, n))],
        Story::TransferredIn(y, m, d) => {
            let joined = ymd(y, m, d);
            let arrived = months_before(today, 26);
            let mut events: Vec<NewEvent> = joined_here(joined)
                .into_iter()
                .map(|e| NewEvent {
                    in_branch: false,
                    ..e
                })
                .collect();
            events.push(NewEvent {
                other_org: Some("青石镇西岭村党支部".into()),
                reason: Some("回村居住，组织关系转入".into()),
                doc_no: doc_no("青组转字", arrived, 17),
                ..ev(EventKind::TransferIn, arrived)
            });
            events
        }
        Story::FlowingOut(y, m, d) => {
            let mut events = joined_here(ymd(y, m, d));
            events.push(NewEvent {
                other_org: Some("广东省东莞市长安镇（务工）".into()),
                reason: Some("外出务工，已持《流动党员活动证》".into()),
                ..ev(EventKind::FlowOut, months_before(today, 8))
            });
            events
        }
        Story::Lost(y, m, d) => {
            let mut events = joined_here(ymd(y, m, d));
            events.push(NewEvent {
                reason: Some("外出务工后手机停号，家属称已两年多没有音讯".into()),
                ..ev(EventKind::LostContact, months_before(today, 9))
            });
            events
        }
        Story::Died(y, m, d) => {
            let mut events = joined_here(ymd(y, m, d));
            events.push(NewEvent {
                reason: Some("因病去世".into()),
                ..ev(EventKind::Died, months_before(today, 27))
            });
            events
        }
        Story::TransferredOut(y, m, d) => {
            let mut events = joined_here(ymd(y, m, d));
            let left = months_before(today, 14);
            events.push(NewEvent {
                other_org: Some("城关街道阳光社区党支部".into()),
                reason: Some("在县城购房定居".into()),
                doc_no: doc_no("柳组转字", left, 5),
                ..ev(EventKind::TransferOut, left)
            });
            events
        }
    }
}

pub(crate) fn demo_branch(today: NaiveDate) -> NewBranch {
    // Elected four years and ten months ago: the five-year village term ends
    // in two months, so the 换届 reminder shows.
    let term_start = months_before(today, 58);
    let c = |name: &str, position| CommitteeMemberInput {
        name: name.into(),
        position,
    };
    NewBranch {
        name: DEMO_BRANCH.into(),
        kind: OrgKind::Rural,
        higher_name: DEMO_HIGHER.into(),
        higher_level: OrgLevel::Committee,
        top_name: None,
        term_start: Some(term_start),
        term_years: Some(5),
        committee: vec![
            c("王建国", Position::Secretary),
            c("李秀英", Position::DeputySecretary),
            c("张志强", Position::Organisation),
            c("刘芳", Position::Publicity),
            c("陈德福", Position::Discipline),
        ],
        groups: vec![
            PartyGroupInput {
                name: "第一党小组".into(),
                leader_name: Some("赵永刚".into()),
            },
            PartyGroupInput {
                name: "第二党小组".into(),
                leader_name: Some("孙桂兰".into()),
            },
        ],
    }
}

/// Creates the demo branch: members, their history, the people it is
/// developing, and three years of meeting records and 党费 (with the gaps a
/// real branch has).
pub fn load(store: &mut Store, now: DateTime<Local>) -> Result<OrgId> {
    let org = load_roster(store, now)?;
    // 发展党员 first: the 预备党员 it hands to the roster is then on the roll
    // of the meetings and owes dues like everyone else.
    store.with_tx(|tx| development::load(tx, org, now))?;
    store.with_tx(|tx| meetings::load(tx, org, now))?;
    store.with_tx(|tx| dues::load(tx, org, now))?;
    Ok(org)
}

/// The demo branch's members and history only (tests that build their own
/// meeting records start from this).
pub fn load_roster(store: &mut Store, now: DateTime<Local>) -> Result<OrgId> {
    let today = now.date_naive();
    store.with_tx(|tx| {
        let org_id = org::create_branch(tx, &demo_branch(today), now)?;
        org::mark_demo(tx, org_id)?;
        for (i, person) in PEOPLE.iter().enumerate() {
            let sequence = 100 + 2 * i as u16 + u16::from(person.sex == Sex::Male);
            let (y, m, d) = person.birth;
            let birth = date(y, m, d);
            let group_id = group_id(tx, org_id, person.group)?;
            let member = MemberProfile {
                name: person.name.into(),
                sex: person.sex,
                ethnicity: "汉族".into(),
                birth_date: birth,
                id_number: idcard::compose(AREA, birth, sequence),
                education: Some(person.education.into()),
                category: Some(person.category.into()),
                work_unit: Some(person.work.into()),
                phone: Some(format!("139{:04}{:04}", 536 + i, 2000 + 37 * i)),
                residence: Some(format!("柳河镇东坡村{}组", 1 + i % 6)),
                household_reg: Some("山东省诸城市柳河镇东坡村".into()),
                group_id: Some(group_id),
                party_post: person.post.map(Into::into),
                is_migrant_worker: person.name == "马俊杰",
                new_social_stratum: None,
                party_age_adjust_months: 0,
                note: None,
            };
            let events = history(person.story, today);
            members::insert_with_history(tx, org_id, &member, &events, now)?;
        }
        Ok(org_id)
    })
}
