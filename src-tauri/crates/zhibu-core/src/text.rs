//! Text as a clerk types it, made safe once at the edge of every use case.
//!
//! A Chinese input method in full-width mode produces `１１０１０５…Ｘ` for an
//! ID number and `　` (U+3000) for a space; text pasted from Word or a web
//! page brings no-break and zero-width spaces; a file name or a cell may
//! carry control characters. The rest of the core may then assume that a
//! number-like field is plain ASCII (so byte slicing is character slicing)
//! and that no stored text holds an invisible character.

use crate::error::{Error, Result};

/// Full-width ASCII forms (U+FF01–U+FF5E) become their ASCII twins, and the
/// ideographic space becomes a plain space. Everything else is left as is.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The inverse of [`fold_width`] for printable ASCII: `text` as an input
/// method in full-width (全角) mode types it. Tests type with it.
pub fn widen(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_graphic() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else if c == ' ' {
                '\u{3000}'
            } else {
                c
            }
        })
        .collect()
}

/// Spaces a clerk cannot see and would not mean: no-break, zero-width, BOM.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_zero_width(c)
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A control character (NUL, escape, bidi overrides …) named for a message.
fn forbidden(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFF9}'..='\u{FFFB}')
}

fn refuse_controls(field: &str, text: &str, multiline: bool) -> Result<()> {
    if let Some((pos, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| forbidden(c, multiline))
    {
        return Err(Error::Validation(format!(
            "{field}的第{}个字符是看不见的控制字符（U+{:04X}），可能是从别处复制时带进来的。请删除后重新输入",
            pos + 1,
            c as u32
        )));
    }
    Ok(())
}

fn trim_blank(text: &str) -> &str {
    text.trim_matches(is_blank)
}

/// One line of free text (a name, a place, a note): the ideographic space
/// and other odd spaces become plain ones, the ends are trimmed, control
/// characters are refused with a message naming the field. May be empty.
pub fn line(field: &str, text: &str) -> Result<String> {
    let folded: String = text
        .chars()
        .filter(|c| !is_zero_width(*c))
        .map(|c| if is_blank(c) { ' ' } else { c })
        .collect();
    refuse_controls(field, &folded, false)?;
    Ok(trim_blank(&folded).to_string())
}

/// A line that must not be empty, and not longer than `max` characters.
pub fn required_line(field: &str, text: &str, max: usize) -> Result<String> {
    let v = line(field, text)?;
    if v.is_empty() {
        return Err(Error::Validation(format!("请填写{field}")));
    }
    limit(field, &v, max)?;
    Ok(v)
}

/// Optional free text: `None` when it is empty after cleaning.
pub fn optional_line(field: &str, text: &Option<String>) -> Result<Option<String>> {
    match text {
        None => Ok(None),
        Some(t) => Ok(Some(line(field, t)?).filter(|t| !t.is_empty())),
    }
}

/// Paragraphs (minutes, reasons): line breaks and tabs are kept, `\r\n`
/// becomes `\n`, the whole is trimmed, other control characters refused.
pub fn paragraphs(field: &str, text: &str) -> Result<String> {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let folded: String = unified.chars().filter(|c| !is_zero_width(*c)).collect();
    refuse_controls(field, &folded, true)?;
    Ok(trim_blank(&folded).to_string())
}

/// A field that is a number or a code (ID number, phone, amount, date):
/// full-width forms folded to ASCII and every space removed, so the result
/// can be checked character by character as ASCII.
pub fn number_like(text: &str) -> String {
    fold_width(text).chars().filter(|c| !is_blank(*c)).collect()
}

/// Refuses text longer than `max` characters, saying by how much.
pub fn limit(field: &str, text: &str, max: usize) -> Result<()> {
    let n = text.chars().count();
    if n > max {
        return Err(Error::Validation(format!(
            "{field}太长（{n}个字），请控制在{max}个字以内"
        )));
    }
    Ok(())
}

/// The first `n` characters of `text` (never splits a character).
pub fn prefix(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// An integer a command received, refused unless it is within `min..=max`.
/// `text` with all but its first `head` and last `tail` characters shown
/// as `*` (counted in characters, never bytes); all `*` when it is too short
/// to keep both ends and still hide something.
pub fn mask_middle(text: &str, head: usize, tail: usize) -> String {
    let n = text.chars().count();
    if n <= head + tail {
        return "*".repeat(n);
    }
    text.chars()
        .enumerate()
        .map(|(i, c)| if i < head || i >= n - tail { c } else { '*' })
        .collect()
}

/// A 公民身份号码 for a printout that is posted: 110105********1234 (the
/// area and the last four, the birth date hidden).
pub fn mask_id_number(id: &str) -> String {
    mask_middle(id, 6, 4)
}

/// A phone number for a printout that is posted: 138****5678; a short
/// number keeps only its last two digits.
pub fn mask_phone(phone: &str) -> String {
    if phone.chars().count() > 7 {
        mask_middle(phone, 3, 4)
    } else {
        mask_middle(phone, 0, 2)
    }
}

pub fn in_range<T>(field: &str, value: T, min: T, max: T) -> Result<T>
where
    T: PartialOrd + std::fmt::Display + Copy,
{
    if value < min || value > max {
        return Err(Error::Validation(format!(
            "{field}应在{min}到{max}之间，现在是{value}，请重新填写"
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_width_forms_fold_to_ascii() {
        assert_eq!(fold_width("１１０１０５Ｘ"), "110105X");
        assert_eq!(fold_width("１３９　１２３４"), "139 1234");
        assert_eq!(fold_width("王建国"), "王建国");
        assert_eq!(
            number_like(" １３９　１２３４\u{00A0}５６７８ "),
            "13912345678"
        );
    }

    #[test]
    fn lines_are_trimmed_and_controls_refused() {
        assert_eq!(
            line("地点", "\u{3000}村委会\u{200B}会议室 \u{00A0}").expect("ok"),
            "村委会会议室"
        );
        assert_eq!(line("地点", "a\r\nb").expect("ok"), "a  b");
        let e = line("地点", "村委\u{0}会").expect_err("NUL");
        assert!(e.to_string().contains("地点的第3个字符"), "{e}");
        let e = line("备注", "abc\u{202E}def").expect_err("bidi override");
        assert!(e.to_string().contains("U+202E"), "{e}");
        assert_eq!(optional_line("备注", &Some("　".into())).expect("ok"), None);
        assert!(required_line("姓名", " ", 30).is_err());
        assert!(required_line("姓名", &"王".repeat(31), 30)
            .expect_err("long")
            .to_string()
            .contains("31个字"));
    }

    #[test]
    fn paragraphs_keep_their_breaks() {
        assert_eq!(
            paragraphs("会议记录", "\r\n一、学习\r\n二、讨论\t发言\n").expect("ok"),
            "一、学习\n二、讨论\t发言"
        );
        assert!(paragraphs("会议记录", "a\u{7}b").is_err());
    }

    #[test]
    fn prefix_counts_characters() {
        assert_eq!(prefix("２０２６年１１月", 4), "２０２６");
        assert_eq!(prefix("ab", 5), "ab");
    }

    #[test]
    fn ranges_name_the_bounds() {
        assert_eq!(in_range("年份", 2026, 1921, 2100).expect("ok"), 2026);
        let e = in_range("天数", 100_000_i64, 1, 366).expect_err("too many");
        assert!(e.to_string().contains("1到366"), "{e}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_never_keeps_a_control(s in any::<String>(), n in 0usize..40) {
            if let Ok(v) = line("字段", &s) {
                prop_assert!(!v.chars().any(|c| forbidden(c, false)));
                prop_assert_eq!(v.trim_matches(is_blank), v.as_str());
            }
            if let Ok(v) = paragraphs("字段", &s) {
                prop_assert!(!v.contains('\r'));
            }
            let ascii: String = s.chars().filter(|c| c.is_ascii() && !c.is_ascii_control()).collect();
            prop_assert_eq!(fold_width(&widen(&ascii)), ascii.clone());
            let num = number_like(&s);
            let wide = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c);
            prop_assert!(!num.chars().any(wide), "full-width left in {:?}", num);
            prop_assert!(prefix(&s, n).chars().count() <= n);
        }
    }
}
