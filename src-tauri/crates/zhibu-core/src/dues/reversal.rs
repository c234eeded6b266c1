//! 冲正: a payment or a remittance entered wrongly is never edited; a new
//! row with the opposite amount cancels it. What every 冲正 must satisfy is
//! checked here once, for both books.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::text;

/// The row a 冲正 would cancel, as far as the checks need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Original {
    /// This row is itself a 冲正.
    pub is_reversal: bool,
    /// A 冲正 of this row exists already.
    pub reversed: bool,
}

/// Checks a 冲正 of `what` ("收款", "上缴记录") dated `on`: a reason in the
/// clerk's words, a date not after `today`, an original that is neither a
/// 冲正 itself nor already cancelled. Returns the cleaned reason.
pub(crate) fn check(
    what: &str,
    original: Original,
    on: NaiveDate,
    today: NaiveDate,
    reason: &str,
) -> Result<String> {
    let reason = text::paragraphs("冲正原因", reason)?;
    if reason.is_empty() {
        return Err(Error::Validation(
            "冲正必须写明原因（如“金额记错，应为30元”）".into(),
        ));
    }
    if on > today {
        return Err(Error::Validation("冲正日期不能晚于今天".into()));
    }
    if original.is_reversal {
        return Err(Error::Conflict(format!(
            "这是一笔冲正记录，不能再冲正；如需要，请重新登记正确的{what}"
        )));
    }
    if original.reversed {
        return Err(Error::Conflict(format!("这笔{what}已经冲正过了")));
    }
    Ok(reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn a_reversal_needs_a_reason_a_past_date_and_an_uncancelled_original() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let tomorrow = today.succ_opt().expect("date");
        let plain = Original {
            is_reversal: false,
            reversed: false,
        };
        let table = [
            (plain, today, "金额记错", None),
            (
                plain,
                today,
                " \u{3000} ",
                Some((ErrorKind::Validation, "写明原因")),
            ),
            (
                plain,
                tomorrow,
                "金额记错",
                Some((ErrorKind::Validation, "不能晚于今天")),
            ),
            (
                Original {
                    is_reversal: true,
                    ..plain
                },
                today,
                "再冲",
                Some((ErrorKind::Conflict, "不能再冲正")),
            ),
            (
                Original {
                    reversed: true,
                    ..plain
                },
                today,
                "再冲",
                Some((ErrorKind::Conflict, "已经冲正过了")),
            ),
        ];
        for (original, on, reason, want) in table {
            let got = check("上缴记录", original, on, today, reason);
            match (got, want) {
                (Ok(r), None) => assert_eq!(r, reason),
                (Err(e), Some((kind, needle))) => {
                    assert!(e.kind() == kind && e.to_string().contains(needle), "{e}")
                }
                (got, want) => panic!("{original:?} {on} {reason:?}: {got:?}, wanted {want:?}"),
            }
        }
    }
}
