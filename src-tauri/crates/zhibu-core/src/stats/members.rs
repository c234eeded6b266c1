//! 党员队伍: who was on the roll on the cut-off day, by the bands, and who
//! joined and left during the period — all from `state::derive` on each
//! member's history, as the roster draws it.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::bands::StatsSettings;
use crate::error::Result;
use crate::ids::OrgId;
use crate::members::rules::age_on;
use crate::members::state::{self, Standing};
use crate::members::{roster, EventKind, Sex};

/// A band and how many fall in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Count {
    pub label: String,
    pub count: u32,
}

/// One age band of the pyramid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgeRow {
    pub label: String,
    pub male: u32,
    pub female: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MemberFigures {
    /// On the roll on the cut-off day (停止党籍 included, as the roster lists them).
    pub total: u32,
    pub full: u32,
    pub probationary: u32,
    pub male: u32,
    pub female: u32,
    pub han: u32,
    pub minority: u32,
    /// 大专及以上 (the setting's 学历).
    pub college: u32,
    /// The setting's young age or younger (35岁及以下).
    pub young: u32,
    pub flowing: u32,
    pub lost: u32,
    pub suspended: u32,
    pub age: Vec<AgeRow>,
    /// 正式党员 by 党龄, then 预备党员 (no 党龄 yet) in a row of their own.
    pub party_age: Vec<Count>,
    pub education: Vec<Count>,
    pub categories: Vec<Count>,
    /// Came onto the roll during the period, by way (接收预备党员, 转入).
    pub joined: Vec<Count>,
    /// Left the roll during the period, by way (转出, 去世, 出党 …).
    pub left: Vec<Count>,
}

/// The 学历 in the order the member form offers them; others follow as written.
pub const EDUCATION_LEVELS: [&str; 7] = [
    "研究生",
    "大学本科",
    "大专",
    "中专",
    "高中",
    "初中",
    "小学及以下",
];
const NO_EDUCATION: &str = "未填写";
const PROBATIONARY_ROW: &str = "预备党员（党龄从转正算起）";

/// Adds one to the band `label`, keeping the bands in first-seen order.
fn bump(list: &mut Vec<Count>, label: &str) {
    match list.iter_mut().find(|c| c.label == label) {
        Some(c) => c.count += 1,
        None => list.push(Count {
            label: label.to_string(),
            count: 1,
        }),
    }
}

fn zeroed(labels: impl IntoIterator<Item = String>) -> Vec<Count> {
    labels
        .into_iter()
        .map(|label| Count { label, count: 0 })
        .collect()
}

/// How a roll event is named in the figures: 出党 by its way when recorded.
fn way_of(kind: EventKind, subkind: Option<&str>) -> String {
    match (kind, subkind) {
        (EventKind::Admitted, _) => "接收预备党员".into(),
        (EventKind::LeftParty, Some(how)) => format!("出党（{how}）"),
        (k, _) => k.label().into(),
    }
}

pub fn figures(
    conn: &Connection,
    org: OrgId,
    first: NaiveDate,
    until: NaiveDate,
    bands: &StatsSettings,
) -> Result<MemberFigures> {
    let mut f = MemberFigures {
        total: 0,
        full: 0,
        probationary: 0,
        male: 0,
        female: 0,
        han: 0,
        minority: 0,
        college: 0,
        young: 0,
        flowing: 0,
        lost: 0,
        suspended: 0,
        age: bands
            .age_labels()
            .into_iter()
            .map(|label| AgeRow {
                label,
                male: 0,
                female: 0,
            })
            .collect(),
        party_age: zeroed(bands.party_age_labels()),
        education: zeroed(EDUCATION_LEVELS.iter().map(|e| e.to_string())),
        categories: zeroed(bands.categories.iter().map(|b| b.label.clone())),
        joined: Vec::new(),
        left: Vec::new(),
    };
    for (member, events) in roster::histories(conn, org)? {
        for e in state::effective(&events) {
            if e.org_id != Some(org) || e.date < first || e.date > until {
                continue;
            }
            match e.kind.roll_effect() {
                Some(true) => bump(&mut f.joined, &way_of(e.kind, e.subkind.as_deref())),
                Some(false) => bump(&mut f.left, &way_of(e.kind, e.subkind.as_deref())),
                None => {}
            }
        }
        let s = state::derive(&events, org, until);
        if !s.on_roll {
            continue;
        }
        let p = &member.profile;
        f.total += 1;
        let male = p.sex == Sex::Male;
        if male {
            f.male += 1;
        } else {
            f.female += 1;
        }
        if p.ethnicity.trim() == "汉族" {
            f.han += 1;
        } else {
            f.minority += 1;
        }
        let age = u32::try_from(age_on(p.birth_date, until)).unwrap_or(0);
        let row = &mut f.age[bands.age_band(age)];
        if male {
            row.male += 1;
        } else {
            row.female += 1;
        }
        if age <= bands.young_age {
            f.young += 1;
        }
        if s.standing == Some(Standing::Full) {
            f.full += 1;
            let years = state::party_years(s.full_on, p.party_age_adjust_months, until)
                .and_then(|y| u32::try_from(y).ok())
                .unwrap_or(0);
            f.party_age[bands.party_age_band(years)].count += 1;
        } else {
            f.probationary += 1;
            bump(&mut f.party_age, PROBATIONARY_ROW);
        }
        let education = p
            .education
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty());
        bump(&mut f.education, education.unwrap_or(NO_EDUCATION));
        if bands.is_college(education) {
            f.college += 1;
        }
        bump(&mut f.categories, bands.category_of(p.category.as_deref()));
        f.flowing += u32::from(s.flowing());
        f.lost += u32::from(s.lost());
        f.suspended += u32::from(s.suspended());
    }
    Ok(f)
}
