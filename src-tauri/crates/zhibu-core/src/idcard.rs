//! 公民身份号码 (GB 11643-1999): the 18-character citizen ID number, its
//! MOD 11-2 check digit, and the birth date and sex it encodes.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::text;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character (GB 11643-1999 §5, ISO 7064 MOD 11-2) for the first 17 digits.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.is_ascii() {
        return None;
    }
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    Some(CHECK_CHARS[(sum % 11) as usize])
}

/// Builds a valid number from an area code, a birth date and a 3-digit
/// sequence (odd for men, even for women).
pub fn compose(area: &str, birth: NaiveDate, sequence: u16) -> String {
    let first17 = format!("{area}{}{:03}", birth.format("%Y%m%d"), sequence % 1000);
    let check = check_char(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

/// What a valid number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdInfo {
    pub birth_date: NaiveDate,
    pub male: bool,
}

/// The number as it is stored: full-width digits and `Ｘ` from an input
/// method folded to ASCII, spaces removed, a lower-case `x` made upper-case.
pub fn normalise(number: &str) -> String {
    text::number_like(number).to_uppercase()
}

/// Checks format, birth date and check digit; the message names the fix.
/// Accepts what [`normalise`] accepts (full-width digits, spaces).
pub fn parse(number: &str) -> Result<IdInfo> {
    let n = normalise(number);
    let count = n.chars().count();
    if count != 18 {
        return Err(Error::Validation(format!(
            "公民身份号码应为18位，现在是{count}位，请核对后重新输入"
        )));
    }
    if let Some((pos, c)) = n
        .chars()
        .enumerate()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 17 && c == 'X')))
    {
        let what = if pos == 17 {
            "第18位只能是数字或X"
        } else {
            "前17位只能是数字"
        };
        return Err(Error::Validation(format!(
            "公民身份号码{what}，第{}位是“{c}”，请核对后重新输入",
            pos + 1
        )));
    }
    // Every character is now ASCII, so byte ranges are character ranges.
    let birth = NaiveDate::parse_from_str(&n[6..14], "%Y%m%d").map_err(|_| {
        Error::Validation(format!(
            "公民身份号码第7至14位“{}”不是有效的出生日期，请核对后重新输入",
            &n[6..14]
        ))
    })?;
    let expected = check_char(&n[..17]).unwrap_or('0');
    let actual = n.chars().nth(17).unwrap_or(' ');
    if actual != expected {
        return Err(Error::Validation(format!(
            "公民身份号码第18位校验码应为{expected}，现在是{actual}，请核对后重新输入"
        )));
    }
    let sequence_digit = n[16..17].parse::<u32>().unwrap_or(0);
    Ok(IdInfo {
        birth_date: birth,
        male: sequence_digit % 2 == 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn check_digit_table() {
        // GB 11643-1999's worked example (weighted sum mod 11 = 2 → X), and
        // the two edge remainders: 0 → 1 and 1 → 0.
        let cases = [
            ("11010519491231002", 'X'),
            ("11010119900307001", '1'),
            ("11010119900307007", '0'),
            ("44052418800101001", '4'),
        ];
        for (first17, want) in cases {
            assert_eq!(check_char(first17), Some(want), "{first17}");
        }
    }

    #[test]
    fn compose_round_trips_through_parse() {
        let id = compose("370782", d(1968, 2, 29), 123);
        let info = parse(&id).expect("composed number is valid");
        assert_eq!(info.birth_date, d(1968, 2, 29));
        assert!(info.male);
        let id = compose("370782", d(1990, 12, 31), 124);
        assert!(!parse(&id).expect("valid").male);
    }

    #[test]
    fn wrong_check_digit_names_the_right_one() {
        let err = parse("110105194912310021").expect_err("wrong check digit");
        assert!(err.to_string().contains("第18位校验码应为X"), "{err}");
    }

    #[test]
    fn bad_length_and_bad_date_are_explained() {
        assert!(parse("11010519491231002")
            .expect_err("17 chars")
            .to_string()
            .contains("18位"));
        let e = parse(&compose("110105", d(2000, 1, 1), 1).replacen("20000101", "20001301", 1))
            .expect_err("month 13");
        assert!(e.to_string().contains("出生日期"), "{e}");
    }

    #[test]
    fn input_method_full_width_is_accepted_and_other_characters_named() {
        // 全角 digits and Ｘ, as a Chinese input method types them.
        let info = parse("１１０１０５１９４９１２３１００２Ｘ").expect("full-width is fine");
        assert_eq!(info.birth_date, d(1949, 12, 31));
        assert_eq!(
            normalise(" １１０１０５ １９４９１２３１００２ｘ"),
            "11010519491231002X"
        );
        let e = parse("1101051949123100中X").expect_err("a Chinese character");
        assert!(e.to_string().contains("第17位是“中”"), "{e}");
        let e = parse("11010519491231002中").expect_err("last place");
        assert!(e.to_string().contains("第18位只能是数字或X"), "{e}");
        let e = parse("X10105194912310020").expect_err("X first");
        assert!(e.to_string().contains("第1位是“X”"), "{e}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn any_text_gives_a_value_or_an_error(s in "\\PC{0,40}|[0-9０-９XxＸ　 ]{15,20}") {
            let _ = parse(&s);
            let _ = normalise(&s);
        }

        #[test]
        fn a_valid_number_survives_widening(y in 1930i32..2008, doy in 0u32..365, seq in 0u16..1000) {
            let birth = NaiveDate::from_yo_opt(y, doy + 1).unwrap_or(d(y, 1, 1));
            let id = compose("370782", birth, seq);
            let wide: String = id.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect();
            proptest::prop_assert_eq!(parse(&wide).expect("widened").birth_date, birth);
            proptest::prop_assert_eq!(normalise(&wide), id);
        }
    }
}
