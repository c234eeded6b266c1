use chrono::TimeZone;

use super::*;
use crate::store::Store;

fn at(y: i32, m: u32, d: u32) -> DateTime<Local> {
    Local
        .with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("a local time")
}

fn demo(now: DateTime<Local>) -> (Store, OrgId) {
    let mut store = Store::open_in_memory().expect("open_in_memory");
    let org = crate::demo::load(&mut store, now).expect("load");
    (store, org)
}

fn titled<'a>(list: &'a Todo, words: &str) -> Vec<&'a TodoItem> {
    list.items
        .iter()
        .filter(|i| i.title.contains(words))
        .collect()
}

#[test]
fn the_demo_s_gaps_and_deadlines_are_on_the_list_most_pressing_first() {
    let now = at(2026, 11, 22);
    let (store, org) = demo(now);
    let list = todo(store.conn(), org, None, now).expect("todo");
    assert!(!list.items.is_empty());

    // The reminders about single members, each leading to the member.
    for name in ["马俊杰", "潘志明"] {
        let found = titled(&list, name);
        assert!(
            found
                .iter()
                .any(|i| i.area == Area::Members && matches!(i.target, Screen::Member { .. })),
            "{name}: {found:?}"
        );
    }
    // The committee close to 换届 (the demo is dated so), leading to 支部信息.
    assert!(
        titled(&list, "换届")
            .iter()
            .any(|i| i.target == Screen::Branch),
        "{:#?}",
        list.items
    );
    // The member outside both 党小组 (党章第八条).
    assert!(titled(&list, "孙磊").iter().any(|i| i.area == Area::Branch));

    // Each 发展党员 item is a deadline the development list gives, and only those.
    let deadlines = development::deadlines(store.conn(), org, now.date_naive(), AHEAD_DAYS)
        .expect("deadlines")
        .into_iter()
        .filter(|p| p.next.as_ref().is_some_and(|n| n.due.is_some()))
        .count();
    let dev = list
        .items
        .iter()
        .filter(|i| i.area == Area::Development)
        .count();
    assert_eq!(dev, deadlines);

    // Every period the calendar calls missing or due is there, with its clause.
    let cal =
        meetings::calendar::calendar(store.conn(), org, 2026, now.date_naive()).expect("calendar");
    let open = cal
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| matches!(c.status, CellStatus::Missing | CellStatus::Due))
        .count();
    let listed: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.key.starts_with("calendar/"))
        .collect();
    assert_eq!(listed.len(), open);
    assert!(listed
        .iter()
        .all(|i| i.clause.as_deref().is_some_and(|c| c.contains("条"))));

    // Overdue first, then what is due (soonest first), then notices.
    let rank: Vec<_> = list.items.iter().map(|i| i.urgency).collect();
    let mut sorted = rank.clone();
    sorted.sort();
    assert_eq!(rank, sorted);
    let due: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.urgency == Urgency::Due)
        .filter_map(|i| i.due)
        .collect();
    assert!(due.windows(2).all(|w| w[0] <= w[1]), "{due:?}");

    // The month at a glance: this month's meetings, and the 党费 day.
    assert!(list
        .meetings
        .iter()
        .all(|m| m.date.month() == 11 && m.date.year() == 2026));
    assert_eq!(list.dues_day.month(), 11);
    // Keys are unique: a snooze names one item.
    let mut keys: Vec<_> = list.items.iter().map(|i| &i.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), list.items.len());
}

#[test]
fn a_snoozed_item_stays_listed_greyed_with_its_reason_and_is_kept() {
    let now = at(2026, 11, 22);
    let (store, org) = demo(now);
    let conn = store.conn();
    let first = todo(conn, org, None, now).expect("todo").items[0].clone();

    let e = snooze(conn, org, None, &first.key, "  ", now).expect_err("refused");
    assert!(e.to_string().contains("暂缓的原因"), "{e}");
    let e = snooze(conn, org, None, "dues/1999-01", "已提醒", now).expect_err("refused");
    assert!(matches!(e, Error::NotFound(_)), "{e}");

    snooze(conn, org, None, &first.key, "已口头提醒，本人下周回村", now).expect("snooze");
    let list = todo(conn, org, None, now).expect("todo");
    let again = list
        .items
        .iter()
        .find(|i| i.key == first.key)
        .expect("still listed");
    assert_eq!(
        again.snoozed.as_ref().map(|s| s.reason.as_str()),
        Some("已口头提醒，本人下周回村")
    );
    // Put aside, it goes to the end of the list, not away.
    assert_eq!(list.items.last().map(|i| &i.key), Some(&first.key));
    let e = snooze(conn, org, None, &first.key, "再次", now).expect_err("refused");
    assert!(matches!(e, Error::Conflict(_)), "{e}");
}

#[test]
fn a_count_that_changes_daily_keeps_the_item_s_key() {
    assert_eq!(stable("距离换届还有45天"), stable("距离换届还有44天"));
    assert_ne!(stable("距离换届还有45天"), stable("任期已届满"));
    assert_eq!(stable("").len(), 16);
}

#[test]
fn a_branch_with_nothing_recorded_gets_its_first_steps_not_an_error() {
    let now = at(2026, 11, 22);
    let mut store = Store::open_in_memory().expect("open_in_memory");
    let mut branch = crate::demo::demo_branch(now.date_naive());
    branch.name = "西岭村党支部".into();
    let org = store
        .with_tx(|tx| org::create_branch(tx, &branch, now))
        .expect("create_branch");
    let list = todo(store.conn(), org, None, now).expect("todo");
    assert!(
        list.items.iter().all(|i| i.area != Area::Dues),
        "{:#?}",
        list.items
    );
    assert!(list.meetings.is_empty());
}

#[test]
fn a_probation_ending_within_30_days_is_due_and_after_its_end_overdue() {
    // 细则第三十二条: 预备期满, the branch discusses 转正 without delay.
    let loaded_on = at(2026, 11, 22);
    let (store, org) = demo(loaded_on);
    let conn = store.conn();
    let developed: HashSet<MemberId> = development::list(conn, org, loaded_on.date_naive())
        .expect("list")
        .into_iter()
        .filter_map(|p| p.member_id)
        .collect();
    let loaded = members::roster::load(conn, org, loaded_on.date_naive()).expect("load");
    let probationers: Vec<_> = loaded
        .iter()
        .filter(|(m, s)| s.on_roll && s.probation_ends.is_some() && !developed.contains(&m.id))
        .map(|(m, s)| (m.id, s.probation_ends.expect("a 预备期")))
        .collect();
    assert!(
        !probationers.is_empty(),
        "the demo has 预备党员 on the roster"
    );
    for (id, ends) in probationers {
        let key = format!("probation/{id}/{ends}");
        let on = |d: NaiveDate| {
            let now = Local
                .from_local_datetime(&d.and_hms_opt(9, 0, 0).expect("time"))
                .single()
                .expect("a local time");
            todo(conn, org, None, now).expect("todo")
        };
        let find = |list: &Todo| list.items.iter().find(|i| i.key == key).cloned();
        let before = ends - chrono::Days::new(31);
        assert!(find(&on(before)).is_none(), "{key} 31 days ahead");
        let soon = find(&on(ends - chrono::Days::new(30))).expect("30 days ahead");
        assert_eq!(soon.urgency, Urgency::Due);
        assert_eq!(soon.due, Some(ends));
        assert!(soon
            .clause
            .as_deref()
            .is_some_and(|c| c.contains("第三十二条")));
        assert_eq!(soon.target, Screen::Member { member: id });
        let late = find(&on(ends + chrono::Days::new(3))).expect("after the end");
        assert_eq!(late.urgency, Urgency::Overdue);
        assert!(
            late.title.contains("已届满，还没有登记转正"),
            "{}",
            late.title
        );
    }
}

#[test]
fn an_item_without_progress_names_its_owner_and_leads_to_its_record() {
    let now = at(2026, 11, 22);
    let (mut store, org) = demo(now);
    // The demo's November 主题党日 is a draft; once final, its item waits for 落实情况.
    let november = meetings::list(store.conn(), org, 2026)
        .expect("list")
        .into_iter()
        .find(|m| m.kind == meetings::MeetingKind::ThemeDay && m.date.month() == 11)
        .expect("the November 主题党日");
    store
        .with_tx(|tx| meetings::finalise(tx, november.id, now))
        .expect("finalise");
    let item = meetings::detail(store.conn(), november.id)
        .expect("detail")
        .items[0]
        .clone();
    let owner = item.owner_name.clone().expect("the demo names an owner");
    let later = now + chrono::Duration::days(ITEM_DAYS);
    let list = todo(store.conn(), org, None, later).expect("todo");
    let found = titled(&list, &item.item);
    assert_eq!(found.len(), 1, "{:#?}", list.items);
    assert!(
        found[0].title.contains(&format!("责任人{owner}，")),
        "{}",
        found[0].title
    );
    assert_eq!(
        found[0].target,
        Screen::Meeting {
            meeting: november.id
        }
    );
    // Not before its time: a week after the meeting it is not yet a reminder.
    let early = todo(store.conn(), org, None, now).expect("todo");
    assert!(titled(&early, &item.item).is_empty());
}
