//! The demo branch: a village branch such as a clerk really keeps, dated
//! relative to `today` so that it always shows three years of history, a
//! 预备党员 about to be due for 转正 and a committee close to 换届.

use chrono::{DateTime, Local, Months, NaiveDate};

use crate::error::Result;
use crate::idcard;
use crate::members::{self, EventKind, NewEvent, NewMember, Sex};
use crate::org::{
    self, CommitteeMemberInput, NewBranch, OrgId, OrgKind, OrgLevel, PartyGroupInput, Position,
};
use crate::store::Store;

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

struct Person {
    name: &'static str,
    sex: Sex,
    birth: NaiveDate,
    group: &'static str,
    category: &'static str,
    education: &'static str,
    work: &'static str,
    post: Option<&'static str>,
    history: Vec<NewEvent>,
}

fn ev(kind: EventKind, date: NaiveDate) -> NewEvent {
    NewEvent {
        kind,
        subkind: None,
        date,
        in_branch: true,
        other_org: None,
        reason: None,
        doc_no: None,
    }
}

/// 入党 on `joined` in this branch and 转正 one year later (党章 第七条).
fn joined_here(joined: NaiveDate) -> Vec<NewEvent> {
    let full = joined.checked_add_months(Months::new(12)).unwrap_or(joined);
    vec![
        ev(EventKind::Admitted, joined),
        ev(EventKind::Confirmed, full),
    ]
}

fn people(today: NaiveDate) -> Vec<Person> {
    use Sex::{Female, Male};
    let p = |name,
             sex,
             birth,
             group,
             category,
             education,
             work,
             post: Option<&'static str>,
             history| Person {
        name,
        sex,
        birth,
        group,
        category,
        education,
        work,
        post,
        history,
    };
    let g1 = "第一党小组";
    let g2 = "第二党小组";
    let farmer = "农牧渔民";

    let transfer_in = months_before(today, 26);
    let mut huang = vec![
        NewEvent {
            in_branch: false,
            ..ev(EventKind::Admitted, date(2008, 6, 12))
        },
        NewEvent {
            in_branch: false,
            ..ev(EventKind::Confirmed, date(2009, 6, 12))
        },
    ];
    huang.push(NewEvent {
        other_org: Some("青石镇西岭村党支部".into()),
        reason: Some("回村居住，组织关系转入".into()),
        doc_no: Some("青组转字〔".to_string() + &transfer_in.format("%Y").to_string() + "〕17号"),
        ..ev(EventKind::TransferIn, transfer_in)
    });

    let mut ma = joined_here(date(2012, 11, 20));
    ma.push(NewEvent {
        other_org: Some("广东省东莞市长安镇（务工）".into()),
        reason: Some("外出务工，已持《流动党员活动证》".into()),
        ..ev(EventKind::FlowOut, months_before(today, 8))
    });

    let mut qian = joined_here(date(1960, 5, 4));
    qian.push(NewEvent {
        reason: Some("因病去世".into()),
        ..ev(EventKind::Died, months_before(today, 27))
    });

    let mut han = joined_here(date(2014, 6, 25));
    han.push(NewEvent {
        other_org: Some("城关街道阳光社区党支部".into()),
        reason: Some("在县城购房定居".into()),
        doc_no: Some(
            "柳组转字〔".to_string() + &months_before(today, 14).format("%Y").to_string() + "〕5号",
        ),
        ..ev(EventKind::TransferOut, months_before(today, 14))
    });

    let he_joined = months_before(today, 27);

    vec![
        p(
            "王建国",
            Male,
            date(1968, 3, 15),
            g1,
            farmer,
            "高中",
            "东坡村党支部书记、村委会主任",
            Some("党支部书记"),
            joined_here(date(1992, 7, 1)),
        ),
        p(
            "李秀英",
            Female,
            date(1972, 9, 8),
            g2,
            farmer,
            "高中",
            "东坡村党支部副书记",
            Some("党支部副书记"),
            joined_here(date(1998, 6, 20)),
        ),
        p(
            "张志强",
            Male,
            date(1980, 11, 23),
            g1,
            farmer,
            "大专",
            "东坡村会计",
            Some("组织委员"),
            joined_here(date(2005, 5, 18)),
        ),
        p(
            "刘芳",
            Female,
            date(1986, 4, 2),
            g2,
            "其他",
            "大专",
            "东坡村文书",
            Some("宣传委员"),
            joined_here(date(2010, 6, 28)),
        ),
        p(
            "陈德福",
            Male,
            date(1958, 12, 10),
            g1,
            farmer,
            "初中",
            "东坡村监委会主任",
            Some("纪检委员"),
            joined_here(date(1985, 10, 12)),
        ),
        p(
            "赵永刚",
            Male,
            date(1975, 7, 19),
            g1,
            farmer,
            "初中",
            "东坡村村委会委员",
            Some("第一党小组组长"),
            joined_here(date(2001, 7, 1)),
        ),
        p(
            "孙桂兰",
            Female,
            date(1963, 1, 26),
            g2,
            farmer,
            "初中",
            "务农",
            Some("第二党小组组长"),
            joined_here(date(1990, 3, 8)),
        ),
        p(
            "周晓燕",
            Female,
            date(1990, 10, 5),
            g2,
            farmer,
            "大学本科",
            "东坡村村委会委员、妇联主席",
            None,
            joined_here(date(2015, 6, 30)),
        ),
        p(
            "吴长顺",
            Male,
            date(1945, 5, 4),
            g1,
            farmer,
            "小学",
            "务农（老党员）",
            None,
            joined_here(date(1970, 7, 1)),
        ),
        p(
            "郑玉梅",
            Female,
            date(1955, 8, 17),
            g2,
            farmer,
            "小学",
            "务农",
            None,
            joined_here(date(1982, 6, 15)),
        ),
        p(
            "马俊杰",
            Male,
            date(1988, 2, 14),
            g1,
            "工人",
            "高中",
            "外出务工",
            None,
            ma,
        ),
        p(
            "黄海波",
            Male,
            date(1983, 6, 30),
            g1,
            "专业技术人员",
            "大学本科",
            "东坡村卫生室医生",
            None,
            huang,
        ),
        p(
            "高丽娟",
            Female,
            date(1994, 3, 22),
            g2,
            farmer,
            "大专",
            "东坡村后备干部",
            None,
            vec![ev(EventKind::Admitted, months_before(today, 11))],
        ),
        p(
            "田宇",
            Male,
            date(1997, 12, 9),
            g1,
            farmer,
            "大学本科",
            "返乡创业（果蔬合作社）",
            None,
            vec![ev(EventKind::Admitted, months_before(today, 5))],
        ),
        p(
            "冯国庆",
            Male,
            date(1950, 10, 1),
            g1,
            farmer,
            "初中",
            "务农",
            None,
            joined_here(date(1976, 4, 10)),
        ),
        p(
            "何春燕",
            Female,
            date(1979, 4, 16),
            g2,
            farmer,
            "高中",
            "东坡村妇女小组长",
            None,
            joined_here(he_joined),
        ),
        p(
            "钱福生",
            Male,
            date(1938, 1, 20),
            g1,
            farmer,
            "小学",
            "务农（老党员）",
            None,
            qian,
        ),
        p(
            "韩磊",
            Male,
            date(1991, 8, 8),
            g2,
            "工人",
            "大专",
            "县城务工",
            None,
            han,
        ),
    ]
}

fn demo_branch(today: NaiveDate) -> NewBranch {
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

/// Creates the demo branch with its members and history in one transaction.
pub fn load(store: &mut Store, now: DateTime<Local>) -> Result<OrgId> {
    let today = now.date_naive();
    store.with_tx(|tx| {
        let org_id = org::create_branch(tx, &demo_branch(today), now)?;
        for (i, person) in people(today).into_iter().enumerate() {
            let sequence = 100 + 2 * i as u16 + u16::from(person.sex == Sex::Male);
            let member = NewMember {
                name: person.name.into(),
                sex: person.sex,
                ethnicity: "汉族".into(),
                birth_date: person.birth,
                id_number: idcard::compose(AREA, person.birth, sequence),
                education: Some(person.education.into()),
                category: Some(person.category.into()),
                work_unit: Some(person.work.into()),
                phone: Some(format!("139{:04}{:04}", 536 + i, 2000 + 37 * i)),
                residence: Some(format!("柳河镇东坡村{}组", 1 + i % 6)),
                group_name: Some(person.group.into()),
                party_post: person.post.map(Into::into),
                is_migrant_worker: person.name == "马俊杰",
                note: None,
            };
            members::insert_with_history(tx, org_id, &member, &person.history, now)?;
        }
        Ok(org_id)
    })
}
