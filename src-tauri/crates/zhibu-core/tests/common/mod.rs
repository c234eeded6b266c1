//! The fixed clock and date helper every core test uses.
#![allow(dead_code)]

use chrono::{DateTime, Local, NaiveDate, TimeZone};
use zhibu_core::idcard;
use zhibu_core::members::{MemberProfile, NewMember, Sex};

/// The tests' "now": 2026-11-22 09:30 local time.
pub fn now() -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("valid time")
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// A valid profile: the ID number made from `birth` and `seq` (odd: a man).
pub fn profile(name: &str, birth: NaiveDate, seq: u16) -> MemberProfile {
    MemberProfile {
        name: name.into(),
        sex: if seq % 2 == 1 { Sex::Male } else { Sex::Female },
        ethnicity: "汉族".into(),
        birth_date: birth,
        id_number: idcard::compose("370782", birth, seq),
        education: Some("高中".into()),
        category: Some("农牧渔民".into()),
        work_unit: None,
        phone: Some("13905361234".into()),
        residence: None,
        household_reg: None,
        group_id: None,
        party_post: None,
        is_migrant_worker: false,
        new_social_stratum: None,
        party_age_adjust_months: 0,
        note: None,
    }
}

pub fn new_member(p: MemberProfile, joined: NaiveDate, full: Option<NaiveDate>) -> NewMember {
    NewMember {
        profile: p,
        joined_on: joined,
        full_on: full,
        transferred_in_on: None,
        transferred_from: None,
    }
}
