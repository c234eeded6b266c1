//! The PDF 台账 as a reader sees them: rendered to PNG (pdftoppm) and read
//! back as text (pdftotext), from the demo branch and from records full of
//! characters that would be markup if they were ever evaluated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use chrono::{Local, NaiveDate, TimeZone};
use zhibu_core::export::Document;
use zhibu_core::meetings::{self, attachments, MeetingInput, MeetingKind};
use zhibu_core::org::OrgId;
use zhibu_core::{demo, Store};
use zhibu_report::pdf;

#[path = "../benches/support/book.rs"]
mod book;
use book::book;

/// Any other document as the app makes it (none of them reads photos).
fn make(conn: &rusqlite::Connection, doc: &Document) -> zhibu_core::Result<pdf::Job> {
    let model = zhibu_core::export::gather(conn, Path::new("."), doc, today())?;
    Ok(pdf::job(&model, today()))
}

fn now() -> chrono::DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("valid time")
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// The PDF's text, with line breaks and spaces taken out (a long topic
/// wraps inside its table cell).
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    squeeze(&String::from_utf8_lossy(&out.stdout))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Renders pages to PNG under target/pdf-pages/<name>-N.png for a person to
/// look at, and returns them.
fn pages_png(pdf: &Path, name: &str, last: u32) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/pdf-pages");
    std::fs::create_dir_all(&dir).expect("pages dir");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", &last.to_string()])
        .arg(pdf)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (Debian poppler-utils) must be installed");
    assert!(status.success());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{name}-")) && n.ends_with(".png"))
        })
        .collect();
    pages.sort();
    pages
}

fn demo_store(dir: &Path) -> (Store, OrgId) {
    let mut store = Store::open_in_dir(dir).expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    (store, org)
}

#[test]
fn the_demo_year_prints_every_meeting_and_everyone_who_attended() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, org) = demo_store(dir.path());
    let list = meetings::list(store.conn(), org, 2026).expect("list");
    assert!(list.len() > 10, "the demo has a year of meetings");
    // One record with a photo of its sign-in sheet.
    let photo = dir.path().join("签到表.png");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../assets/icons/icon.png"
        ),
        &photo,
    )
    .expect("photo");
    store
        .with_tx(|tx| {
            attachments::add(
                tx,
                dir.path(),
                list[0].id,
                &photo,
                "签到表（本人签字）",
                now(),
            )
        })
        .expect("attach");

    // A 党员大会 at which 潘志明, away and out of touch, is left out of 应到
    // with the 镇党委's consent: the minutes say so, with the consent.
    let general = store
        .with_tx(|tx| {
            meetings::create(
                tx,
                org,
                &meetings::MeetingInput {
                    kind: Some(meetings::MeetingKind::GeneralMeeting),
                    topic: "讨论年度党员民主评议工作".into(),
                    date: Some(today()),
                    ..meetings::MeetingInput::default()
                },
                now(),
            )
        })
        .expect("meeting");
    let pan = meetings::detail(store.conn(), general)
        .expect("detail")
        .people
        .into_iter()
        .find(|p| p.name == "潘志明")
        .expect("潘志明")
        .member_id;
    store
        .with_tx(|tx| {
            meetings::set_presence(
                tx,
                general,
                pan,
                meetings::Presence::Absent,
                Some("失去联系"),
            )?;
            meetings::set_exclusion(
                tx,
                general,
                pan,
                Some(&meetings::Exclusion {
                    reason: "外出半年以上未转组织关系".into(),
                    consent: "柳河镇党委2026年11月20日同意".into(),
                }),
            )
        })
        .expect("excluded");
    let list = meetings::list(store.conn(), org, 2026).expect("list");

    let job = book(store.conn(), dir.path(), org, 2026, &[], today()).expect("book");
    let rendered = pdf::render(&job, &AtomicBool::new(false)).expect("render");
    assert!(rendered.missing.is_empty(), "{:?}", rendered.missing);
    assert!(
        rendered.pages > list.len(),
        "a cover, contents and a page per meeting"
    );
    let out = dir.path().join("东坡村党支部2026年组织生活记录.pdf");
    let saved = pdf::save(rendered, &out).expect("save");
    assert_eq!(saved.bytes, std::fs::metadata(&out).expect("file").len());

    let text = text_of(&out);
    assert!(text.contains("东坡村党支部"));
    assert!(text.contains("2026年度组织生活记录"));
    assert!(text.contains("目录"));
    // Contents and headings say a record's kind once (issue 20): the demo's
    // 党课 topics start "专题党课：", its 党员大会 ones "第N季度党员大会".
    for twice in ["党课：专题党课", "支部党员大会：2026年第"] {
        assert!(!text.contains(twice), "{twice} in the book");
    }
    assert!(
        text.contains(&format!("第2页共{}页", saved.pages)),
        "the footer counts every page"
    );
    assert!(!text.contains("第1页"), "the cover has no page number");
    assert!(text.contains("签到表（本人签字）"));
    assert!(
        text.contains("不计应到")
            && text.contains(&squeeze(
                "潘志明（外出半年以上未转组织关系；柳河镇党委2026年11月20日同意）"
            )),
        "the exclusion and its consent are printed"
    );
    for m in &list {
        let detail = meetings::detail(store.conn(), m.id).expect("detail");
        if m.kind != MeetingKind::Talk {
            let attended: Vec<&str> = detail
                .people
                .iter()
                .filter(|p| p.presence == meetings::Presence::Present && p.excluded.is_none())
                .map(|p| p.name.as_str())
                .collect();
            // The 出席 row: pdftotext may read neighbouring cells between its
            // label and its names, but the names come out together.
            assert!(
                text.contains(&squeeze(&attended.join("、"))),
                "{} {}: the names of those who attended are printed",
                m.date,
                m.topic
            );
        }
        assert!(text.contains(&squeeze(&m.topic)), "topic {}", m.topic);
        // Each 议定事项 with its 责任人.
        for i in &detail.items {
            let line = match &i.owner_name {
                Some(owner) => format!("{}（责任人：{owner}）", i.item),
                None => i.item.clone(),
            };
            assert!(text.contains(&squeeze(&line)), "{line}");
        }
        for person in &detail.people {
            assert!(
                text.contains(&person.name),
                "{} at {}",
                person.name,
                m.topic
            );
        }
    }
    // The whole book too, for a person to page through.
    let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/pdf-pages");
    std::fs::create_dir_all(&keep).expect("pages dir");
    std::fs::copy(&out, keep.join("minutes-demo.pdf")).expect("keep the book");
    let pages = pages_png(&out, "minutes-demo", 4);
    assert_eq!(pages.len(), 4);
    for page in &pages {
        assert!(
            std::fs::metadata(page).expect("png").len() > 2_000,
            "{} is blank",
            page.display()
        );
    }
}

const MARKUP: &str = "#set page(width: 1cm) *不加粗* _不斜体_ $x^2$ @引用 [方括号] \\反斜杠 <标签> = 不是标题 `代码` // 不是注释 /* 也不是 */ ~ #{ 1 + 1 } 'single' \"double\"";

#[test]
fn markup_characters_the_clerk_typed_print_literally() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_dir(dir.path()).expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let input = MeetingInput {
        kind: Some(MeetingKind::Committee),
        topic: "研究 #strong[党建] 工作 = 主题".into(),
        date: NaiveDate::from_ymd_opt(2019, 3, 5),
        host: Some("王建国 *".into()),
        recorder: Some("刘芳 $".into()),
        agenda: "一、#lorem(5)\n二、[议程]".into(),
        minutes: format!("{MARKUP}\n第二段：{MARKUP}"),
        decisions: "<决议> @全体".into(),
        ..MeetingInput::default()
    };
    store
        .with_tx(|tx| meetings::create(tx, org, &input, now()))
        .expect("create");
    let job = book(
        store.conn(),
        dir.path(),
        org,
        2019,
        &[MeetingKind::Committee],
        today(),
    )
    .expect("book");
    let rendered = pdf::render(&job, &AtomicBool::new(false)).expect("render");
    let out = dir.path().join("markup.pdf");
    pdf::save(rendered, &out).expect("save");
    let text = text_of(&out);
    for typed in [
        MARKUP,
        "研究 #strong[党建] 工作 = 主题",
        "王建国 *",
        "刘芳 $",
        "一、#lorem(5)",
        "二、[议程]",
        "<决议> @全体",
    ] {
        assert!(
            text.contains(&squeeze(typed)),
            "{typed:?} not printed as typed in {text}"
        );
    }
    assert!(!text.contains("Loremipsum"), "#lorem was evaluated");
    pages_png(&out, "minutes-markup", 3);
}

#[test]
fn a_character_no_font_draws_is_named_with_its_meeting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_dir(dir.path()).expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let input = MeetingInput {
        kind: Some(MeetingKind::Committee),
        topic: "研究工作".into(),
        date: NaiveDate::from_ymd_opt(2025, 6, 1),
        // A private-use character: no font anywhere draws it.
        minutes: "会上\u{F0001}发言".into(),
        ..MeetingInput::default()
    };
    store
        .with_tx(|tx| meetings::create(tx, org, &input, now()))
        .expect("create");
    let job = book(store.conn(), dir.path(), org, 2025, &[], today()).expect("book");
    let rendered = pdf::render(&job, &AtomicBool::new(false)).expect("render");
    assert_eq!(rendered.missing.len(), 1, "{:?}", rendered.missing);
    assert_eq!(rendered.missing[0].chars, "\u{F0001}");
    assert_eq!(
        rendered.missing[0].place,
        "2025年6月1日 支部委员会“研究工作”的会议记录"
    );
}

#[test]
fn a_year_with_nothing_recorded_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let err = book(store.conn(), dir.path(), org, 2019, &[], today())
        .expect_err("no book for an empty year");
    assert!(err.to_string().contains("2019年还没有会议记录"), "{err}");
    let err = book(
        store.conn(),
        dir.path(),
        org,
        2019,
        &[MeetingKind::Talk],
        today(),
    )
    .expect_err("no book of talks");
    assert!(
        err.to_string().contains("2019年还没有谈心谈话的记录"),
        "{err}"
    );
}

#[test]
fn a_cancelled_export_stops_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let job = book(store.conn(), dir.path(), org, 2026, &[], today()).expect("book");
    let err = pdf::render(&job, &AtomicBool::new(true)).expect_err("cancelled");
    assert!(matches!(err, zhibu_report::Error::Cancelled), "{err}");
}

/// Renders `job` to `name`.pdf under `dir` and returns its text and page count.
fn print(dir: &Path, job: &pdf::Job, name: &str) -> (String, usize) {
    let rendered = pdf::render(job, &AtomicBool::new(false)).expect("render");
    assert!(rendered.missing.is_empty(), "{:?}", rendered.missing);
    let pages = rendered.pages;
    let out = dir.join(format!("{name}.pdf"));
    pdf::save(rendered, &out).expect("save");
    let shots = pages_png(&out, name, 2);
    assert!(!shots.is_empty());
    (text_of(&out), pages)
}

#[test]
fn the_printed_roster_lists_everyone_on_the_roll_with_their_id_number() {
    use zhibu_core::members::roster::{roster, RosterQuery};
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let query = RosterQuery::default();
    let r = roster(store.conn(), org, &query, today()).expect("roster");
    let job = make(
        store.conn(),
        &Document::Roster {
            org,
            query: query.clone(),
            mask: false,
        },
    )
    .expect("roster pdf");
    let (text, pages) = print(dir.path(), &job, "roster-demo");
    assert_eq!(pages, 1, "18 members fit one landscape page");
    assert!(text.contains("东坡村党支部党员花名册"));
    assert!(text.contains(&format!(
        "截至2026年11月22日，在册党员{}人，其中正式党员{}人、预备党员{}人",
        r.counts.total, r.counts.full, r.counts.probationary
    )));
    for row in &r.rows {
        assert!(text.contains(&row.name), "{}", row.name);
        assert!(text.contains(&row.id_number), "{}'s ID number", row.name);
    }
    assert!(text.contains("第1页共1页"));

    // A filter that matches nobody is refused, not printed empty.
    let nobody = RosterQuery {
        text: Some("查无此人".into()),
        ..RosterQuery::default()
    };
    let err = make(
        store.conn(),
        &Document::Roster {
            org,
            query: nobody.clone(),
            mask: false,
        },
    )
    .expect_err("refused");
    assert!(err.to_string().contains("没有符合条件的党员"), "{err}");

    // The copy to post hides the middle of every ID number and phone, and says so.
    let posted = make(
        store.conn(),
        &Document::Roster {
            org,
            query: query.clone(),
            mask: true,
        },
    )
    .expect("masked roster pdf");
    let (text, _) = print(dir.path(), &posted, "roster-masked");
    assert!(text.contains("张贴用"), "{text}");
    for row in &r.rows {
        assert!(text.contains(&row.name), "{}", row.name);
        assert!(
            !text.contains(&row.id_number),
            "{}'s full ID number",
            row.name
        );
        assert!(
            text.contains(&zhibu_core::text::mask_id_number(&row.id_number)),
            "{}'s masked ID number",
            row.name
        );
        if let Some(phone) = &row.phone {
            assert!(!text.contains(phone.as_str()), "{}'s full phone", row.name);
        }
    }
}

#[test]
fn the_dues_register_prints_every_member_and_the_year_total() {
    use zhibu_core::dues::export::tables;
    use zhibu_report::pdf::tables::cell_text;
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let sheets = tables(store.conn(), org, 2026, today()).expect("tables");
    let register = &sheets[0];
    let job = make(store.conn(), &Document::Dues { org, year: 2026 }).expect("dues pdf");
    let (text, _) = print(dir.path(), &job, "dues-demo");
    assert!(text.contains("东坡村党支部2026年党费收缴登记表（截至11月）"));
    assert!(
        !text.contains("公示"),
        "the notice is a document of its own, not in the register's file"
    );
    for row in &register.rows[..register.rows.len() - 1] {
        let name = cell_text(&row[1]);
        assert!(text.contains(name.as_str()), "{name} on the register");
    }
    // The 合计 row: the year's 实交 as the spreadsheet has it.
    let total = register.rows.last().expect("total row");
    assert_eq!(cell_text(&total[1]), "合计");
    let paid = cell_text(total.last().expect("实交合计"));
    assert!(
        paid.contains('.') && text.contains(&paid),
        "实交合计 {paid}"
    );

    let err = make(store.conn(), &Document::Dues { org, year: 2019 }).expect_err("refused");
    assert!(
        err.to_string().contains("2019年没有应交党费的党员"),
        "{err}"
    );
}

/// The 公示表 as it is posted (issue 20): its own file, the 公示期 under the
/// title, every member, a 合计 row that adds up, and the committee's seal.
#[test]
fn the_dues_notice_is_posted_with_its_period_totals_and_seal() {
    use zhibu_core::dues::export::tables;
    use zhibu_report::pdf::tables::cell_text;
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let notice = tables(store.conn(), org, 2026, today())
        .expect("tables")
        .into_iter()
        .find(|t| t.sheet == "收缴公示表")
        .expect("notice table");
    let posted = Document::DuesNotice {
        org,
        year: 2026,
        from: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        to: NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"),
    };
    let job = make(store.conn(), &posted).expect("notice pdf");
    let (text, _) = print(dir.path(), &job, "dues-notice-demo");
    assert!(text.contains("东坡村党支部2026年党费收缴情况公示（截至11月）"));
    assert!(
        text.contains("公示期：2026年12月1日至2026年12月7日"),
        "{text}"
    );
    assert!(text.contains("中共东坡村支部委员会（盖章）"), "{text}");
    assert!(
        !text.contains("收缴登记表"),
        "the register is not in the posted file"
    );
    let (members, total) = notice.rows.split_at(notice.rows.len() - 1);
    for row in members {
        let name = cell_text(&row[1]);
        assert!(text.contains(name.as_str()), "{name} on the notice");
    }
    assert_eq!(cell_text(&total[0][1]), "合计");
    for column in [4, 5, 7] {
        let figure = cell_text(&total[0][column]);
        assert!(
            text.contains(&figure),
            "合计 {} {figure}",
            notice.header[column]
        );
    }

    // A 公示期 that ends before it starts, or runs for months, is refused.
    for (from, to, says) in [
        ((2026, 12, 7), (2026, 12, 1), "早于开始日期"),
        ((2026, 12, 1), (2027, 2, 1), "超过31天"),
    ] {
        let d = |(y, m, day): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let err = make(
            store.conn(),
            &Document::DuesNotice {
                org,
                year: 2026,
                from: d(from),
                to: d(to),
            },
        )
        .expect_err("refused");
        assert!(err.to_string().contains(says), "{err}");
    }
}

#[test]
fn a_sign_in_sheet_lists_who_is_expected_with_a_blank_to_sign() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let general = meetings::list(store.conn(), org, 2026)
        .expect("list")
        .into_iter()
        .rfind(|m| m.kind == MeetingKind::GeneralMeeting)
        .expect("a 支部党员大会");
    let detail = meetings::detail(store.conn(), general.id).expect("detail");
    let job = make(
        store.conn(),
        &Document::Signin {
            meeting: general.id,
        },
    )
    .expect("sign-in pdf");
    let (text, pages) = print(dir.path(), &job, "signin-demo");
    assert_eq!(pages, 1);
    assert!(text.contains("东坡村党支部党员大会签到表"), "no 支部支部");
    assert!(text.contains(&squeeze(&general.topic)));
    assert!(text.contains(&format!("应到人数{}人", detail.people.len())));
    for p in &detail.people {
        assert!(text.contains(&p.name), "{}", p.name);
    }
    let probationary = detail.people.iter().filter(|p| !p.can_vote).count();
    assert!(probationary > 0, "the demo has 预备党员");
    assert_eq!(text.matches("预备党员（无表决权）").count(), probationary);
    assert!(text.contains("主持人（签字）"));
    assert_eq!(
        zhibu_core::export::file_name(
            store.conn(),
            &Document::Signin {
                meeting: general.id
            },
            today()
        )
        .expect("name"),
        format!(
            "东坡村党支部党员大会签到表（{}）.pdf",
            zhibu_core::members::rules::ymd(general.date)
        )
    );

    let err = make(store.conn(), &Document::Signin { meeting: 999_999 }).expect_err("refused");
    assert!(err.to_string().contains("找不到这次会议"), "{err}");
}

#[test]
fn a_development_record_prints_every_step_with_its_date_and_documents() {
    use zhibu_core::development;
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let sun = development::list(store.conn(), org, today())
        .expect("list")
        .into_iter()
        .find(|p| p.name == "孙磊")
        .expect("the demo's extended 预备党员");
    let d = development::detail(store.conn(), sun.id, today()).expect("detail");
    let job = make(store.conn(), &Document::Development { person: sun.id }).expect("record pdf");
    let (text, _) = print(dir.path(), &job, "development-demo");
    assert!(text.contains("孙磊发展党员记录"));
    assert!(text.contains("当前阶段：预备党员"));
    assert!(text.contains(&d.profile.id_number));
    for s in &d.steps {
        assert!(text.contains(&squeeze(&s.name)), "step {}", s.name);
        assert!(
            text.contains(&s.date.format("%Y.%m.%d").to_string()),
            "{} date",
            s.name
        );
        for p in &s.people {
            assert!(text.contains(&p.name), "{} at {}", p.name, s.name);
        }
        for doc in &s.documents {
            assert!(text.contains(&squeeze(&doc.name)), "{}", doc.name);
        }
    }
    assert!(text.contains("延长预备期12个月"));
    assert!(text.contains("下一步："));
}

#[test]
fn the_appraisal_sheets_print_a_page_per_member_with_their_year() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let sheets =
        zhibu_core::stats::member_sheets(store.conn(), org, 2026, today()).expect("sheets");
    let doc = Document::MemberSheets { org, year: 2026 };
    let job = make(store.conn(), &doc).expect("sheets pdf");
    let (text, pages) = print(dir.path(), &job, "member-sheets-demo");
    assert_eq!(pages, sheets.len(), "one page per member");
    assert!(text.contains("东坡村党支部2026年度民主评议党员个人情况表"));
    for s in &sheets {
        assert!(text.contains(&s.name), "{}", s.name);
    }
    // A member's missed meetings print with the reason given.
    let missed = sheets
        .iter()
        .flat_map(|s| s.kinds.iter().flat_map(|k| k.missed.iter()))
        .find(|m| m.reason.is_some())
        .expect("the demo has absences with reasons");
    let reason = missed.reason.clone().unwrap_or_default();
    assert!(text.contains(&squeeze(&reason)), "{reason}");
    assert_eq!(text.matches("支部评议意见").count(), sheets.len());
    // The 议定事项 a member owned print on their page, with how each was carried out.
    assert_eq!(text.matches("承担议定事项").count(), sheets.len());
    let owner = sheets
        .iter()
        .find(|s| s.items.len() > 1)
        .expect("the demo's committee members own items");
    for i in &owner.items {
        assert!(
            text.contains(&squeeze(&i.item)),
            "{}: {}",
            owner.name,
            i.item
        );
    }
    assert!(text.contains("已落实：党员带头完成，群众满意。"));
    assert_eq!(
        zhibu_core::export::file_name(store.conn(), &doc, today()).expect("name"),
        "东坡村党支部2026年度民主评议党员个人情况表.pdf"
    );
    // A year before anyone here was a member is refused in words.
    let err = make(store.conn(), &Document::MemberSheets { org, year: 1921 }).expect_err("refused");
    assert!(err.to_string().contains("无法生成民主评议表"), "{err}");
}

#[test]
fn the_statistics_print_the_tables_of_the_spreadsheet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, org) = demo_store(dir.path());
    let query = zhibu_core::stats::StatsQuery {
        from: 2024,
        to: 2026,
        half: false,
    };
    let s = zhibu_core::stats::stats(store.conn(), org, query, today()).expect("stats");
    let doc = Document::Stats { org, query };
    let job = make(store.conn(), &doc).expect("stats pdf");
    let (text, pages) = print(dir.path(), &job, "stats-demo");
    let tables = zhibu_core::stats::tables(&s, "东坡村党支部");
    assert!(pages >= tables.len(), "each table starts a page: {pages}");
    for t in &tables {
        assert!(text.contains(&squeeze(&t.title)), "{}", t.title);
    }
    for sentence in &s.report {
        assert!(text.contains(&squeeze(sentence)), "{sentence}");
    }
    assert!(text.contains("统计期间：2024年1月1日至2026年11月22日"));
    assert!(text.contains("制表人"));
    assert_eq!(
        zhibu_core::export::file_name(store.conn(), &doc, today()).expect("name"),
        "东坡村党支部2024—2026年党建工作统计.pdf"
    );
}
