//! Money is integer 分 (fen) everywhere in the program. This module is the
//! one place that turns 分 into the 元 text a clerk reads and parses the 元
//! a clerk types, without ever going through floating point.

use crate::error::{Error, Result};

/// 7650 → "76.50"; -300 → "-3.00".
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The largest sum the program accepts in one field: 1亿元.
pub const MAX_FEN: i64 = 10_000_000_000;

/// An amount in 分 a command received: never negative, at most [`MAX_FEN`],
/// so sums and differences of amounts never overflow.
pub fn check_fen(field: &str, fen: i64) -> Result<i64> {
    if !(0..=MAX_FEN).contains(&fen) {
        return Err(Error::Validation(format!(
            "{field}应在0到1亿元之间，请核对（现在是{}元）",
            yuan(fen)
        )));
    }
    Ok(fen)
}

/// Parses an amount in 元 as a clerk types it: "5100", "5100.5", "5,100.00",
/// "¥30", "30元", full-width digits. At most two decimals; never negative.
pub fn parse_yuan(text: &str) -> Result<i64> {
    let bad = || {
        Error::Validation(format!(
            "金额“{}”格式不对，请写成 5100 或 5100.50（单位：元，最多两位小数）",
            text.trim()
        ))
    };
    // Full-width forms (digits, ．，) as the one text module folds them.
    let cleaned: String = crate::text::fold_width(text.trim())
        .chars()
        .map(|c| if c == '。' { '.' } else { c })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥'))
        .collect();
    let cleaned = cleaned.strip_suffix('元').unwrap_or(&cleaned);
    let (whole, frac) = cleaned.split_once('.').unwrap_or((cleaned, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || (!frac.is_empty() && !digits(frac)) || whole.len() > 11 {
        return Err(bad());
    }
    if frac.len() > 2 {
        return Err(Error::Validation(format!(
            "金额“{}”的小数超过两位（分以下），请写到分为止，例如 3000.01",
            text.trim()
        )));
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac_fen: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    let fen = whole * 100 + frac_fen;
    if fen > MAX_FEN {
        return Err(Error::Validation(format!(
            "金额“{}”超过1亿元，请核对是否多写了位数",
            text.trim()
        )));
    }
    Ok(fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_fen_as_yuan() {
        for (fen, text) in [
            (0, "0.00"),
            (20, "0.20"),
            (7650, "76.50"),
            (300001, "3000.01"),
            (-300, "-3.00"),
        ] {
            assert_eq!(yuan(fen), text);
        }
    }

    #[test]
    fn parses_what_clerks_type() {
        for (text, fen) in [
            ("5100", 510000),
            ("5100.5", 510050),
            ("3000.01", 300001),
            (" 5,100.00 ", 510000),
            ("￥30元", 3000),
            ("０.２", 20),
            ("0.2", 20),
        ] {
            assert_eq!(parse_yuan(text).expect(text), fen, "{text}");
        }
        for bad in ["", "abc", "-5", "1.234", "1e3", ".5", "999999999999"] {
            assert!(parse_yuan(bad).is_err(), "{bad}");
        }
        assert!(parse_yuan("1.234")
            .expect_err("3 decimals")
            .to_string()
            .contains("两位"));
    }
}
