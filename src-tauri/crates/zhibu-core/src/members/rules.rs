//! Pure checks of a member record (issue: roster validation). Every message
//! names the field and says what to fix; rule-based ones cite the clause.

use chrono::{Datelike, NaiveDate};

use super::Sex;
use crate::error::{Error, Result};
use crate::idcard;
use crate::month::add_months;
use crate::text;

pub const CLAUSE_AGE: &str = "《中国共产党章程》第一条：年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子……可以申请加入中国共产党";
pub const CLAUSE_PROBATION: &str =
    "《中国共产党章程》第七条：预备党员的预备期为一年……延长预备期，但不能超过一年";
/// Why 转正日期 is the day the 预备期 ends and no other.
pub const CLAUSE_FULL_DATE: &str =
    "《中国共产党章程》第七条：预备党员的预备期为一年……党员的党龄，从预备期满转为正式党员之日算起";

/// 留党察看: its periods and what follows them. The article number differs
/// between editions of the 条例, so it is cited by name and content.
pub const CLAUSE_DISCIPLINE: &str = "《中国共产党纪律处分条例》：留党察看处分，分为留党察看一年、留党察看二年。对于受到留党察看处分一年的党员，期满后仍不符合恢复党员权利条件的，应当延长一年留党察看期限。留党察看期限最长不得超过二年……留党察看期间，确有悔改表现的，期满后恢复其党员权利";
/// 中止表决权.
pub const CLAUSE_VOTE_SUSPENDED: &str = "《中国共产党基层组织选举工作条例》第五条：党员被依法留置、逮捕的，党组织应当按照管理权限中止其表决权、选举权和被选举权";

crate::labels::label_enum! {
    /// The period a 留党察看 is given for, or its one extension.
    pub enum DisciplinePeriod {
        OneYear = "一年",
        TwoYears = "二年",
        Extended = "延长一年",
    }
    what: "留党察看期限"
}

/// The day a 留党察看 recorded on `date` with `period` ends. An extension
/// adds a year to the period it extends (`current_end`). A record without a
/// period, from before periods were kept, is taken at the longest, two years.
pub fn discipline_end(
    date: NaiveDate,
    current_end: Option<NaiveDate>,
    period: Option<&str>,
) -> NaiveDate {
    match period.and_then(|p| DisciplinePeriod::parse(p).ok()) {
        Some(DisciplinePeriod::OneYear) => add_months(date, 12),
        Some(DisciplinePeriod::Extended) => add_months(current_end.unwrap_or(date), 12),
        Some(DisciplinePeriod::TwoYears) | None => add_months(date, 24),
    }
}

/// A date as clerks write it in messages: 2026年11月22日.
pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// The day someone born on `birth` turns eighteen (党章第一条, 细则第五条).
pub(crate) fn eighteenth_birthday(birth: NaiveDate) -> NaiveDate {
    add_months(birth, 18 * 12)
}

/// The identity fields must agree with the 公民身份号码 (GB 11643-1999).
pub fn check_identity(id_number: &str, birth_date: NaiveDate, sex: Sex) -> Result<String> {
    let id = idcard::normalise(id_number);
    let info = idcard::parse(&id)?;
    if info.birth_date != birth_date {
        return Err(Error::Validation(format!(
            "出生日期{}与公民身份号码第7至14位（{}）不一致，请核对出生日期或身份证号",
            ymd(birth_date),
            ymd(info.birth_date)
        )));
    }
    let id_sex = if info.male { Sex::Male } else { Sex::Female };
    if id_sex != sex {
        return Err(Error::Validation(format!(
            "性别“{sex}”与公民身份号码第17位（奇数为男、偶数为女，此号码为{id_sex}）不一致，请核对"
        )));
    }
    Ok(id)
}

/// The day the 预备期 ends: one year after 入党 (党章第七条), or the end the
/// branch set when it extended it.
pub fn probation_end(joined_on: NaiveDate, extended_until: Option<NaiveDate>) -> NaiveDate {
    extended_until.unwrap_or_else(|| add_months(joined_on, 12))
}

/// The earliest and latest end of a 预备期 that ended on `end` and was then
/// extended: 延长 "不能少于半年，最长不超过一年" (细则第三十二条; 党章第七条).
pub fn extension_window(end: NaiveDate) -> (NaiveDate, NaiveDate) {
    (add_months(end, 6), add_months(end, 12))
}

/// 入党日期 (the 支部大会 that admitted them) and 转正日期: 18 or older at
/// joining, nothing in the future, and 转正 on the very day the 预备期 ended
/// — one year after 入党, or the extended end when `extended_until` is
/// given. 党龄 counts from 转正 (党章第七条), so typing the 党委审批 date
/// instead, the commonest slip, would shift it.
pub fn check_party_dates(
    birth_date: NaiveDate,
    joined_on: NaiveDate,
    full_on: Option<NaiveDate>,
    extended_until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<()> {
    if joined_on > today {
        return Err(Error::Validation(format!(
            "入党日期{}晚于今天，请填写支部大会通过其为预备党员的日期",
            ymd(joined_on)
        )));
    }
    let eighteen = eighteenth_birthday(birth_date);
    if joined_on < eighteen {
        return Err(Error::Rule(format!(
            "入党日期{}时未满十八周岁（{}年满十八周岁），请核对入党日期或出生日期。依据：{CLAUSE_AGE}",
            ymd(joined_on),
            ymd(eighteen)
        )));
    }
    let Some(full) = full_on else {
        return Ok(());
    };
    if full > today {
        return Err(Error::Validation(format!(
            "转正日期{}晚于今天，请填写预备期满、经批准转正的日期",
            ymd(full)
        )));
    }
    let expected = probation_end(joined_on, extended_until);
    if full == expected {
        return Ok(());
    }
    Err(Error::Rule(match extended_until {
        None => format!(
            "转正日期应为{}（预备期满之日：入党日期{}起满一年），填的是{}。党龄从转正之日算起，不是党委审批的日期。\
             如延长过预备期，请不填转正日期、先按预备党员登记，再在该党员的“登记变动”中登记延长预备期和转正。依据：{CLAUSE_FULL_DATE}",
            ymd(expected),
            ymd(joined_on),
            ymd(full)
        ),
        Some(_) => format!(
            "转正日期应为{}（延长后的预备期满之日），填的是{}。依据：{CLAUSE_FULL_DATE}",
            ymd(expected),
            ymd(full)
        ),
    }))
}

/// 手机号码 (11 digits from 13–19) or a landline with its area code.
pub fn check_phone(phone: &str) -> Result<String> {
    // Full-width digits and dashes from an input method are the same number
    // (number_like folds －; an em dash is what some keyboards give instead).
    let p = text::number_like(phone).replace('—', "-");
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let mobile = p.len() == 11 && p.starts_with('1') && digits(&p) && p.as_bytes()[1] >= b'3';
    let landline = {
        let plain = p.replace('-', "");
        p.starts_with('0')
            && digits(&plain)
            && (10..=12).contains(&plain.len())
            && p.matches('-').count() <= 1
    };
    if mobile || landline {
        Ok(p)
    } else {
        Err(Error::Validation(format!(
            "联系电话“{}”格式不对：手机号码应为11位数字（如13912345678），固定电话请带区号（如0536-1234567）",
            phone.trim()
        )))
    }
}

/// Age in whole years on `date`.
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> i32 {
    let mut age = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }
    const TODAY: (i32, u32, u32) = (2026, 11, 22);
    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn identity_must_match_the_id_number() {
        let id = idcard::compose("370782", d(1990, 5, 6), 123); // odd: male
        assert!(check_identity(&id, d(1990, 5, 6), Sex::Male).is_ok());
        let e = check_identity(&id, d(1990, 5, 7), Sex::Male).expect_err("birth");
        assert!(e.to_string().contains("第7至14位"), "{e}");
        let e = check_identity(&id, d(1990, 5, 6), Sex::Female).expect_err("sex");
        assert!(e.to_string().contains("第17位"), "{e}");
        // Lower-case x is accepted and normalised.
        let x = "11010519491231002x";
        assert_eq!(
            check_identity(x, d(1949, 12, 31), Sex::Female).expect("ok"),
            "11010519491231002X"
        );
        // So is a full-width number typed with a Chinese input method.
        assert_eq!(
            check_identity(
                "１１０１０５１９４９１２３１００２Ｘ",
                d(1949, 12, 31),
                Sex::Female
            )
            .expect("full-width"),
            "11010519491231002X"
        );
    }

    #[test]
    fn party_dates_table() {
        // 党章 第一条 (18 at joining) and 第七条 (预备期 one year; 党龄 from the
        // day it ends, which is the 转正日期 — or the extended end).
        let birth = d(1990, 5, 6);
        type Row = (
            NaiveDate,
            Option<NaiveDate>,
            Option<NaiveDate>,
            Option<&'static str>,
        );
        let table: [Row; 11] = [
            (d(2008, 5, 6), None, None, None), // 18th birthday: allowed
            (d(2008, 5, 5), None, None, Some("未满十八周岁")), // a day short
            (d(2015, 7, 1), Some(d(2016, 7, 1)), None, None), // exactly one year
            (
                d(2015, 7, 1),
                Some(d(2016, 6, 30)),
                None,
                Some("转正日期应为2016年7月1日"),
            ),
            // The 党委审批 date a few weeks later: the commonest slip.
            (
                d(2015, 7, 1),
                Some(d(2016, 7, 20)),
                None,
                Some("如延长过预备期"),
            ),
            (
                d(2015, 7, 1),
                Some(d(2017, 7, 1)),
                None,
                Some("转正日期应为2016年7月1日"),
            ),
            // Extended to 2017-01-01: that day and no other.
            (
                d(2015, 7, 1),
                Some(d(2017, 1, 1)),
                Some(d(2017, 1, 1)),
                None,
            ),
            (
                d(2015, 7, 1),
                Some(d(2016, 7, 1)),
                Some(d(2017, 1, 1)),
                Some("延长后的预备期满之日"),
            ),
            // A 29 February joining ends on 28 February the next year.
            (d(2016, 2, 29), Some(d(2017, 2, 28)), None, None),
            (d(2027, 1, 1), None, None, Some("晚于今天")),
            (d(2026, 1, 1), Some(d(2027, 1, 1)), None, Some("晚于今天")),
        ];
        for (joined, full, until, want) in table {
            let got = check_party_dates(birth, joined, full, until, today());
            match want {
                None => assert!(got.is_ok(), "{joined} {full:?}: {got:?}"),
                Some(needle) => {
                    let e = got.expect_err(needle);
                    assert!(e.to_string().contains(needle), "{joined} {full:?}: {e}");
                }
            }
        }
    }

    #[test]
    fn phone_formats() {
        for ok in [
            "13912345678",
            "139 1234 5678",
            "0536-1234567",
            "01012345678",
            "１３９１２３４５６７８",
            "０５３６－１２３４５６７",
        ] {
            assert!(check_phone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "1391234567",
            "12912345678",
            "139123456789",
            "phone",
            "0536--123",
        ] {
            let e = check_phone(bad).expect_err(bad);
            assert!(e.to_string().contains("11位数字"), "{e}");
        }
    }

    #[test]
    fn age_counts_whole_years() {
        assert_eq!(age_on(d(1990, 11, 22), today()), 36);
        assert_eq!(age_on(d(1990, 11, 23), today()), 35);
    }
}
