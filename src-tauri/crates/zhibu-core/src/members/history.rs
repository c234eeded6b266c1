//! Recording a change of a member's status: each kind of change is allowed
//! only from the states it makes sense in, and history stays in date order.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::Transaction;

use super::rules::ymd;
use super::state::{self, Standing};
use super::storage;
use super::{append_event, roster, EventKind, MemberId, NewEvent};

use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::labels::label_enum;

label_enum! {
    /// The ways of leaving the Party that 出党 records (domain-rules §2).
    pub enum LeavingKind {
        Removed = "除名",
        Expelled = "开除党籍",
        Lapsed = "自行脱党除名",
        Resigned = "退党",
    }
    what: "出党方式"
}

use super::reminders::{self, CLAUSE_LOST};
use super::rules::{
    self, DisciplinePeriod, CLAUSE_DISCIPLINE, CLAUSE_FULL_DATE, CLAUSE_PROBATION,
    CLAUSE_VOTE_SUSPENDED,
};
use crate::month::add_months;

fn needs(text: &Option<String>, what: &str) -> Result<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .ok_or_else(|| Error::Validation(format!("请填写{what}")))
}

/// Appends `event` to a member's history after checking it against their
/// state on that day. Returns the member's branch.
pub fn record(
    tx: &Transaction<'_>,
    member: MemberId,
    event: &NewEvent,
    now: DateTime<Local>,
) -> Result<OrgId> {
    let org = storage::org_of(tx, member)?
        .ok_or_else(|| Error::NotFound("找不到这名党员的记录，请刷新后重试".into()))?;
    let history = roster::events_of(tx, member)?;
    let today = now.date_naive();
    if event.date > today {
        return Err(Error::Validation(format!(
            "变动日期{}晚于今天，请核对",
            ymd(event.date)
        )));
    }
    if event.kind == EventKind::Correction {
        let follow = check_correction(tx, member, &history, event, today)?;
        let correction = NewEvent {
            in_branch: true,
            ..event.clone()
        };
        append_event(tx, org, member, &correction, now)?;
        // The 转正 one year after a corrected 入党 moves with it, checked
        // like any correction against the history as it now stands.
        if let Some(follow) = follow {
            let history = roster::events_of(tx, member)?;
            check_correction(tx, member, &history, &follow, today)?;
            append_event(tx, org, member, &follow, now)?;
        }
        return Ok(org);
    }
    let history = state::effective(&history);
    if let Some(last) = history.last() {
        if event.date < last.date {
            return Err(Error::Validation(format!(
                "变动日期{}早于该党员最近一次变动（{}，{}）。党员变动记录按时间顺序登记，请核对日期",
                ymd(event.date),
                last.kind,
                ymd(last.date)
            )));
        }
    }
    let s = state::derive(&history, org, event.date);
    let refuse = |why: &str| Err(Error::Rule(format!("不能登记“{}”：{why}", event.kind)));
    let mut e = event.clone();
    e.in_branch = true;
    match event.kind {
        EventKind::Admitted => {
            return refuse("接收预备党员请在“发展党员”中办理，或在登记党员时填写入党日期");
        }
        EventKind::TransferOut => {
            if !s.on_roll {
                return refuse("该党员当时不在本支部名册上");
            }
            e.other_org = Some(needs(&event.other_org, "转往的党组织")?);
        }
        EventKind::TransferIn => {
            if s.on_roll {
                return refuse("该党员已在本支部名册上");
            }
            if s.joined_on.is_none() {
                return refuse("没有入党记录");
            }
            e.other_org = Some(needs(&event.other_org, "转出的党组织")?);
        }
        EventKind::FlowOut => {
            if !s.on_roll || s.flowing() {
                return refuse("该党员不在名册上，或已登记为外出流动");
            }
            e.other_org = Some(needs(&event.other_org, "外出去向（地点或单位）")?);
        }
        EventKind::FlowBack => {
            if !s.flowing() {
                return refuse("该党员没有外出流动的记录");
            }
        }
        EventKind::LostContact => {
            if !s.on_roll || s.lost() {
                return refuse("该党员不在名册上，或已登记为失联");
            }
        }
        EventKind::Reconnected => {
            if !s.lost() {
                return refuse("该党员没有失联的记录");
            }
            if s.suspended() {
                return refuse(
                    "该党员已停止党籍；取得联系后，经上级党组织研究决定，请登记“恢复党籍”",
                );
            }
        }
        EventKind::ProbationExtended => {
            if !s.on_roll || s.standing != Some(Standing::Probationary) {
                return refuse("只有本支部的预备党员才能延长预备期");
            }
            if history
                .iter()
                .any(|h| h.kind == EventKind::ProbationExtended)
            {
                return refuse(&format!("预备期只能延长一次。依据：{CLAUSE_PROBATION}"));
            }
            let end = s.probation_ends.unwrap_or(event.date);
            let until = event
                .until
                .ok_or_else(|| Error::Validation("请填写延长后的预备期截止日期".into()))?;
            let (min, max) = rules::extension_window(end);
            if until < min || until > max {
                return refuse(&format!(
                    "延长预备期最短半年、最长一年：原预备期{}期满，延长后的截止日期应在{}至{}之间。依据：{CLAUSE_PROBATION}",
                    ymd(end),
                    ymd(min),
                    ymd(max)
                ));
            }
        }
        EventKind::Confirmed => {
            if !s.on_roll || s.standing != Some(Standing::Probationary) {
                return refuse("只有本支部的预备党员才能转正");
            }
            if let Some(end) = s.probation_ends {
                if event.date != end {
                    return refuse(&format!(
                        "转正日期是预备期满之日，即{}（党龄从这一天算起），请把变动日期改为这一天。依据：{CLAUSE_FULL_DATE}",
                        ymd(end)
                    ));
                }
            }
        }
        EventKind::ProbationCancelled => {
            if !s.on_roll || s.standing != Some(Standing::Probationary) {
                return refuse("只有本支部的预备党员才能取消预备党员资格");
            }
        }
        EventKind::Died => {
            if !s.on_roll {
                return refuse("该党员当时不在本支部名册上");
            }
        }
        EventKind::LeftParty => {
            if !s.on_roll {
                return refuse("该党员当时不在本支部名册上");
            }
            let how = LeavingKind::parse(&needs(&event.subkind, "出党方式")?)?;
            e.subkind = Some(how.label().to_string());
        }
        EventKind::DisciplinaryProbation => {
            let period =
                DisciplinePeriod::parse(&needs(&event.subkind, "留党察看期限（一年或二年）")?)?;
            e.subkind = Some(period.label().to_string());
            match period {
                DisciplinePeriod::Extended => {
                    // The period now running is a one-year one, not yet extended.
                    let current = history
                        .iter()
                        .rev()
                        .find(|h| h.kind == EventKind::DisciplinaryProbation);
                    let extendable = s.disciplined
                        && current.and_then(|h| h.subkind.as_deref())
                            == Some(DisciplinePeriod::OneYear.label());
                    if !extendable {
                        return refuse(&format!(
                            "只有受留党察看一年处分、尚未延长的党员才能延长一年，留党察看最长不超过二年。依据：{CLAUSE_DISCIPLINE}"
                        ));
                    }
                }
                _ => {
                    if !s.on_roll || s.standing != Some(Standing::Full) || s.disciplined {
                        return refuse("只有本支部未受留党察看处分的正式党员才能登记该处分");
                    }
                }
            }
        }
        EventKind::RightsRestored => {
            if !s.disciplined {
                return refuse("该党员没有留党察看的记录");
            }
        }
        EventKind::MembershipSuspended => {
            if !s.on_roll || s.suspended() {
                return refuse("该党员不在本支部名册上，或已停止党籍");
            }
            match s.lost_since {
                None => {
                    return refuse(&format!(
                        "停止党籍只适用于失去联系的党员，请先登记“失联”。依据：{CLAUSE_LOST}"
                    ))
                }
                Some(since) if !reminders::months_passed(since, 6, event.date) => {
                    return refuse(&format!(
                        "该党员自{}失联，到{}满6个月，满6个月并经查找仍然没有取得联系的，才能停止党籍。依据：{CLAUSE_LOST}",
                        ymd(since),
                        ymd(add_months(since, 6))
                    ))
                }
                Some(_) => {}
            }
            e.reason = Some(needs(
                &event.reason,
                "查找情况（通过哪些方式查找、结果如何）",
            )?);
        }
        EventKind::MembershipRestored => {
            if !s.suspended() {
                return refuse("该党员没有停止党籍的记录");
            }
        }
        EventKind::VoteSuspended => {
            if !s.on_roll || s.vote_suspended {
                return refuse("该党员不在本支部名册上，或表决权已经中止");
            }
            e.reason = Some(needs(&event.reason, "原因（如：被依法留置、逮捕）").map_err(
                |_| {
                    Error::Validation(format!(
                        "请填写中止表决权的原因（如：被依法留置、逮捕）。依据：{CLAUSE_VOTE_SUSPENDED}"
                    ))
                },
            )?);
        }
        EventKind::VoteRestored => {
            if !s.vote_suspended {
                return refuse("该党员没有中止表决权的记录");
            }
        }
        EventKind::Correction => unreachable!("handled above"),
    }
    append_event(tx, org, member, &e, now)?;
    Ok(org)
}

/// A 更正 moves one earlier entry to another date. The entry must keep its
/// place between its neighbours (so every change stays valid where it was
/// checked), and corrected 入党/转正 dates must still satisfy 党章 第七条:
/// 转正 on the day the 预备期 ends. Correcting 入党 of a member who was not
/// extended therefore moves their 转正 too: that second correction is
/// returned for the caller to check and record in the same transaction.
fn check_correction(
    tx: &Transaction<'_>,
    member: MemberId,
    history: &[super::MemberEvent],
    event: &NewEvent,
    today: NaiveDate,
) -> Result<Option<NewEvent>> {
    let target_id = event
        .corrects
        .ok_or_else(|| Error::Validation("请选择要更正的记录".into()))?;
    needs(
        &event.reason,
        "更正原因（如：登记时日期填错，依据入党志愿书更正）",
    )?;
    let current = state::effective(history);
    let position = current
        .iter()
        .position(|e| e.id == target_id)
        .ok_or_else(|| {
            Error::Validation("要更正的记录不属于这名党员，或本身是一条更正，请重新选择".into())
        })?;
    let target = &current[position];
    if let Some(before) = position.checked_sub(1).map(|i| &current[i]) {
        if event.date < before.date {
            return Err(Error::Rule(format!(
                "更正后的日期{}早于前一条记录“{}”（{}）。请先更正前一条，或核对日期",
                ymd(event.date),
                before.kind,
                ymd(before.date)
            )));
        }
    }
    if let Some(after) = current.get(position + 1) {
        if event.date > after.date {
            return Err(Error::Rule(format!(
                "更正后的日期{}晚于后一条记录“{}”（{}）。请先更正后一条，或核对日期",
                ymd(event.date),
                after.kind,
                ymd(after.date)
            )));
        }
    }
    let moved = |kind: EventKind| {
        current.iter().find(|e| e.kind == kind).map(|e| {
            if e.id == target_id {
                event.date
            } else {
                e.date
            }
        })
    };
    let mut follow = None;
    if matches!(target.kind, EventKind::Admitted | EventKind::Confirmed) {
        if let Some(joined) = moved(EventKind::Admitted) {
            let birth = storage::birth_date(tx, member)?;
            let extended_until = current
                .iter()
                .find(|e| e.kind == EventKind::ProbationExtended)
                .and_then(|e| e.until);
            let mut full = moved(EventKind::Confirmed);
            let confirmed = current.iter().find(|e| e.kind == EventKind::Confirmed);
            if let (EventKind::Admitted, None, Some(c)) = (target.kind, extended_until, confirmed) {
                let end = rules::probation_end(joined, None);
                if c.date != end {
                    follow = Some(NewEvent {
                        reason: Some(format!(
                            "随“接收预备党员”日期更正：转正日期为预备期满之日{}",
                            ymd(end)
                        )),
                        corrects: Some(c.id),
                        ..NewEvent::new(EventKind::Correction, end)
                    });
                    full = Some(end);
                }
            }
            if let Some(until) = extended_until {
                let end = rules::probation_end(joined, None);
                let (min, max) = rules::extension_window(end);
                if until < min || until > max {
                    return Err(Error::Rule(format!(
                        "更正后预备期{}期满，而登记的延长预备期截止于{}，不在延长半年至一年（{}至{}）之内。请核对入党日期。依据：{CLAUSE_PROBATION}",
                        ymd(end),
                        ymd(until),
                        ymd(min),
                        ymd(max)
                    )));
                }
            }
            rules::check_party_dates(birth, joined, full, extended_until, today)?;
        }
    }
    Ok(follow)
}
