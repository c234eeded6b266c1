//! The roster in and out of spreadsheets, on cells: messy real-world sheets,
//! all-or-nothing imports, re-imports that do not duplicate, and exports that
//! re-import to the same roster.

mod common;

use chrono::NaiveDate;
use common::*;
use proptest::prelude::*;
use zhibu_core::members::excel::{self, Cell, Field};
use zhibu_core::members::{self, roster, MemberProfile, NewMember, RosterQuery, RosterRow, Sex};
use zhibu_core::org::{self, NewBranch, OrgKind, OrgLevel, PartyGroupInput};
use zhibu_core::{idcard, ErrorKind, Store};

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn branch(store: &mut Store) -> i64 {
    store
        .with_tx(|tx| {
            org::create_branch(
                tx,
                &NewBranch {
                    name: "东坡村党支部".into(),
                    kind: OrgKind::Rural,
                    higher_name: "柳河镇党委".into(),
                    higher_level: OrgLevel::Committee,
                    top_name: None,
                    term_start: None,
                    term_years: None,
                    committee: vec![],
                    groups: vec![
                        PartyGroupInput {
                            name: "第一党小组".into(),
                            leader_name: None,
                        },
                        PartyGroupInput {
                            name: "第二党小组".into(),
                            leader_name: None,
                        },
                    ],
                },
                now(),
            )
        })
        .expect("branch")
}

#[test]
fn dates_in_the_forms_clerks_type() {
    let table: &[(Cell, Option<NaiveDate>)] = &[
        (t("1985-03-12"), Some(d(1985, 3, 12))),
        (t("1985/3/12"), Some(d(1985, 3, 12))),
        (t("1985.3.12"), Some(d(1985, 3, 12))),
        (t("1985年3月12日"), Some(d(1985, 3, 12))),
        (t("19850312"), Some(d(1985, 3, 12))),
        (t("198503"), Some(d(1985, 3, 1))),
        (t("1985.03"), Some(d(1985, 3, 1))),
        (t("1985年3月"), Some(d(1985, 3, 1))),
        (t("\u{3000}1985-03-12 "), Some(d(1985, 3, 12))),
        (Cell::Date(31118.0), Some(d(1985, 3, 12))),
        (Cell::Number(31118.0), Some(d(1985, 3, 12))),
        (Cell::Empty, None),
    ];
    for (cell, want) in table {
        assert_eq!(excel::parse_date(cell).expect("parses"), *want, "{cell:?}");
    }
    for bad in ["1985-13-01", "三月", "85.3.12", "1985-02-30"] {
        let e = excel::parse_date(&t(bad)).expect_err(bad);
        assert!(e.contains("不是能识别的日期"), "{e}");
    }
}

#[test]
fn id_numbers_excel_turned_into_numbers_are_caught() {
    for cell in [
        Cell::Number(1.101_051_949_123_1e17),
        t("1.10105E+17"),
        t("1.10105e+17"),
    ] {
        let e = excel::parse_id_number(&cell).expect_err("mangled");
        assert!(e.contains("1.1E+17") && e.contains("文本"), "{e}");
    }
    assert_eq!(
        excel::parse_id_number(&t(" 11010519491231002x ")).expect("ok"),
        Some("11010519491231002X".into())
    );
}

/// A sheet as clerks keep them: a title, a unit line, a header split over two
/// rows under merged group titles, mixed date forms, a footer.
fn messy_sheet(bad_row: bool) -> Vec<Vec<Cell>> {
    let id1 = idcard::compose("370782", d(1968, 3, 15), 101);
    let id2 = idcard::compose("370782", d(1972, 9, 8), 102);
    let id3 = idcard::compose("370782", d(1994, 3, 22), 104);
    let id3_cell = if bad_row {
        Cell::Number(3.707_821_994_032_2e17)
    } else {
        t(&id3)
    };
    vec![
        vec![
            t("东坡村党支部党员花名册"),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ],
        vec![
            t("填报单位：东坡村党支部"),
            Cell::Empty,
            Cell::Empty,
            t("2026年11月"),
        ],
        vec![
            t("序号"),
            t("姓 名"),
            t("性别"),
            t("基本信息"),
            Cell::Empty,
            Cell::Empty,
            t("党籍信息"),
            Cell::Empty,
            Cell::Empty,
            t("联系电话"),
        ],
        vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            t("出生年月"),
            t("民族"),
            t("身份证号码"),
            t("入党时间"),
            t("转正时间"),
            t("所在党小组"),
            Cell::Empty,
        ],
        vec![
            Cell::Number(1.0),
            t("王建国"),
            t("男"),
            t("1968.03"),
            t("汉族"),
            t(&id1),
            t("1992年7月1日"),
            t("1993.7.1"),
            t("第一党小组"),
            t("13905362000"),
        ],
        vec![
            Cell::Number(2.0),
            t("李秀英\u{3000}"),
            t("女"),
            t("1972/9/8"),
            t("汉族"),
            t(&id2),
            Cell::Date(35966.0),
            Cell::Date(36331.0),
            t("第二党小组"),
            Cell::Empty,
        ],
        vec![
            Cell::Number(3.0),
            t("高丽娟"),
            t("女"),
            t("199403"),
            t("汉族"),
            id3_cell,
            t("2025-12-22"),
            Cell::Empty,
            t("第二党小组"),
            t("13905362444"),
        ],
        vec![t("制表人：刘芳"), Cell::Empty],
    ]
}

#[test]
fn a_messy_sheet_is_read_and_one_bad_row_blocks_the_whole_import() {
    let mut store = Store::open_in_memory().expect("store");
    let org = branch(&mut store);
    let grid = messy_sheet(true);
    let map = excel::detect_columns(&grid).expect("header found");
    assert_eq!(map.header_row, 3);
    let field_at = |col: usize| map.columns[col].field;
    assert_eq!(field_at(1), Some(Field::Name));
    assert_eq!(field_at(3), Some(Field::BirthDate));
    assert_eq!(field_at(5), Some(Field::IdNumber));
    assert_eq!(field_at(6), Some(Field::JoinedOn));
    assert_eq!(field_at(8), Some(Field::Group));
    assert_eq!(field_at(9), Some(Field::Phone));
    assert_eq!(
        map.columns[0].header, "序号",
        "a vertically merged header is still shown"
    );
    assert_eq!(map.columns[0].field, None);

    let preview =
        excel::preview(store.conn(), org, &grid, None, now().date_naive()).expect("preview");
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.problems.len(), 1, "{:?}", preview.problems);
    let p = &preview.problems[0];
    assert_eq!(p.row, 7);
    assert!(p.column.starts_with('F'), "{}", p.column);
    assert!(p.message.contains("1.1E+17"), "{}", p.message);

    let err = store
        .with_tx(|tx| excel::import(tx, org, &grid, None, now()))
        .expect_err("blocked");
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.to_string().contains("没有导入任何数据"), "{err}");
    assert!(members::on_roll(store.conn(), org, now().date_naive())
        .expect("roll")
        .is_empty());

    // Fixed, everything goes in; importing the same file again adds no one.
    let fixed = messy_sheet(false);
    let report = store
        .with_tx(|tx| excel::import(tx, org, &fixed, None, now()))
        .expect("import");
    assert_eq!((report.added, report.updated), (3, 0));
    let again = store
        .with_tx(|tx| excel::import(tx, org, &fixed, None, now()))
        .expect("re-import");
    assert_eq!((again.added, again.updated), (0, 3));
    let r = roster::roster(
        store.conn(),
        org,
        &RosterQuery::default(),
        now().date_naive(),
    )
    .expect("roster");
    assert_eq!(
        (r.counts.total, r.counts.full, r.counts.probationary),
        (3, 2, 1)
    );
    let li = r.rows.iter().find(|row| {
        row.id_number
            .ends_with(&idcard::compose("370782", d(1972, 9, 8), 102)[14..])
    });
    let li = li.expect("李秀英");
    assert_eq!(li.name, "李秀英");
    assert_eq!(li.joined_on, Some(d(1998, 6, 20)));
    assert_eq!(li.group_name.as_deref(), Some("第二党小组"));
}

#[test]
fn re_importing_a_sheet_with_fewer_columns_keeps_what_it_does_not_mention() {
    let mut store = Store::open_in_memory().expect("store");
    let org = zhibu_core::demo::load(&mut store, now()).expect("demo");
    let today = now().date_naive();
    let before = roster::roster(store.conn(), org, &RosterQuery::default(), today)
        .expect("roster")
        .rows;
    let wang = before.iter().find(|r| r.name == "王建国").expect("王建国");
    let grid = vec![
        vec![
            t("姓名"),
            t("身份证号"),
            t("入党时间"),
            t("转正时间"),
            t("联系电话"),
        ],
        vec![
            t("王建国"),
            t(&wang.id_number),
            t("1992.7.1"),
            t("1993.7.1"),
            t("13800000000"),
        ],
    ];
    let report = store
        .with_tx(|tx| excel::import(tx, org, &grid, None, now()))
        .expect("import");
    assert_eq!((report.added, report.updated), (0, 1));
    let after = roster::roster(store.conn(), org, &RosterQuery::default(), today)
        .expect("roster")
        .rows;
    let wang_after = after.iter().find(|r| r.name == "王建国").expect("王建国");
    assert_eq!(wang_after.phone.as_deref(), Some("13800000000"));
    assert_eq!(
        wang_after.group_name, wang.group_name,
        "no 党小组 column: group kept"
    );
    assert_eq!(wang_after.work_unit, wang.work_unit, "no 单位 column: kept");
}

#[test]
fn a_sheet_without_a_header_is_explained() {
    let grid = vec![vec![t("随便写的"), t("表格")], vec![Cell::Number(1.0)]];
    let e = excel::detect_columns(&grid).expect_err("no header");
    assert!(e.to_string().contains("没有找到表头"), "{e}");
}

fn sheet_of(rows: &[RosterRow]) -> Vec<Vec<Cell>> {
    let mut grid = vec![vec![t("党员花名册")]];
    let mut header = vec![t("序号")];
    header.extend(excel::EXPORT_FIELDS.iter().map(|f| t(f.label())));
    grid.push(header);
    grid.extend(excel::export_rows(rows));
    grid
}

fn comparable(mut rows: Vec<RosterRow>) -> Vec<RosterRow> {
    for r in &mut rows {
        r.id = 0;
        r.group_id = None;
    }
    rows.sort_by(|a, b| a.id_number.cmp(&b.id_number));
    rows
}

const NAMES: &[&str] = &["王建国", "欧阳晓峰", "李芳", "张伟", "赵丽娟", "孙长顺"];
const TEXTS: &[&str] = &["", "务农", "东坡村会计", "柳河镇东坡村3组", "高中", "其他"];

prop_compose! {
    fn member()(
        name in 0..NAMES.len(),
        birth_days in 0i64..20_000,
        seq in 1u16..999,
        joined_after in 18i64 * 366..40 * 365,
        full in any::<bool>(),
        texts in proptest::collection::vec(0..TEXTS.len(), 6),
        group in 0usize..3,
        migrant in any::<bool>(),
    ) -> (MemberProfile, NaiveDate, Option<NaiveDate>, usize) {
        let birth = d(1940, 1, 1) + chrono::Duration::days(birth_days);
        let id_number = idcard::compose("370782", birth, seq);
        let text = |i: usize| Some(TEXTS[texts[i]].to_string()).filter(|s| !s.is_empty());
        let joined = (birth + chrono::Duration::days(joined_after)).min(d(2025, 11, 1));
        // 转正 is the day the 预备期 ends: one year after 入党 (党章第七条).
        let full = full
            .then(|| joined.checked_add_months(chrono::Months::new(12)).expect("d"))
            .filter(|f| *f <= d(2026, 11, 22));
        let profile = MemberProfile {
            name: NAMES[name].into(),
            sex: if seq % 2 == 1 { Sex::Male } else { Sex::Female },
            ethnicity: if texts[0] % 2 == 0 { "汉族".into() } else { "回族".into() },
            birth_date: birth,
            id_number,
            education: text(1),
            category: text(2),
            work_unit: text(3),
            phone: if texts[4] % 2 == 0 { Some("13905361234".into()) } else { None },
            residence: text(5),
            household_reg: text(0),
            group_id: None,
            party_post: text(2),
            is_migrant_worker: migrant,
            new_social_stratum: None,
            party_age_adjust_months: 0,
            note: text(4),
        };
        (profile, joined, full, group)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Export → import into an empty branch gives the same roster, field by field.
    #[test]
    fn export_then_import_round_trips(people in proptest::collection::vec(member(), 1..8)) {
        let mut a = Store::open_in_memory().expect("store");
        let org_a = branch(&mut a);
        let groups: Vec<i64> = {
            let mut stmt = a.conn().prepare("SELECT id FROM party_groups ORDER BY id").expect("stmt");
            stmt.query_map([], |r| r.get(0)).expect("q").collect::<Result<_, _>>().expect("ids")
        };
        let mut seen = std::collections::HashSet::new();
        for (mut profile, joined, full, group) in people {
            if !seen.insert(profile.id_number.clone()) {
                continue;
            }
            profile.group_id = groups.get(group).copied();
            let input = NewMember { profile, joined_on: joined, full_on: full, transferred_in_on: None, transferred_from: None };
            a.with_tx(|tx| members::add_member(tx, org_a, &input, now())).expect("add");
        }
        let today = now().date_naive();
        let before = roster::roster(a.conn(), org_a, &RosterQuery::default(), today).expect("roster").rows;
        let grid = sheet_of(&before);

        let mut b = Store::open_in_memory().expect("store");
        let org_b = branch(&mut b);
        let report = b.with_tx(|tx| excel::import(tx, org_b, &grid, None, now())).expect("import");
        prop_assert_eq!(report.added as usize, before.len());
        let after = roster::roster(b.conn(), org_b, &RosterQuery::default(), today).expect("roster").rows;
        prop_assert_eq!(comparable(before), comparable(after));
    }

    /// Whatever the cells hold, reading a sheet never panics.
    #[test]
    fn preview_never_panics(rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..12), 0..12)) {
        let store = Store::open_in_memory().expect("store");
        let _ = excel::preview(store.conn(), 1, &rows, None, now().date_naive());
    }
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        any::<f64>().prop_map(Cell::Number),
        any::<f64>().prop_map(Cell::Date),
        any::<bool>().prop_map(Cell::Bool),
        "\\PC{0,12}".prop_map(Cell::Text),
        proptest::sample::select(vec![
            "姓名",
            "身份证号",
            "入党日期",
            "转正日期",
            "1985.3.12",
            "第一党小组",
            "正式党员"
        ])
        .prop_map(|s| Cell::Text(s.into())),
    ]
}
