//! Real files: a messy workbook with merged title and header cells and an ID
//! number stored as a number, and the roster exported and read back.

use chrono::{Local, TimeZone};
use rust_xlsxwriter::{Format, Workbook};
use zhibu_core::members::excel::{self, Cell};
use zhibu_core::members::{roster, RosterQuery};
use zhibu_core::{demo, idcard, Store};
use zhibu_report::xlsx;

fn now() -> chrono::DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("valid time")
}

#[test]
fn a_workbook_with_merged_headers_is_read_cell_for_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("花名册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .merge_range(0, 0, 0, 6, "某村党支部党员花名册", &plain)
        .expect("title");
    sheet.merge_range(1, 0, 2, 0, "序号", &plain).expect("seq");
    sheet.merge_range(1, 1, 2, 1, "姓名", &plain).expect("name");
    sheet
        .merge_range(1, 2, 1, 3, "身份信息", &plain)
        .expect("group title");
    sheet.write(2, 2, "身份证号").expect("id");
    sheet.write(2, 3, "性别").expect("sex");
    sheet
        .merge_range(1, 4, 1, 5, "党籍信息", &plain)
        .expect("group title");
    sheet.write(2, 4, "入党时间").expect("joined");
    sheet.write(2, 5, "转正时间").expect("full");
    let id = idcard::compose(
        "370782",
        chrono::NaiveDate::from_ymd_opt(1980, 1, 2).expect("d"),
        11,
    );
    sheet.write(3, 0, 1).expect("n");
    sheet.write(3, 1, "张三").expect("n");
    sheet.write(3, 2, id.as_str()).expect("id");
    sheet.write(3, 3, "男").expect("sex");
    sheet.write(3, 4, "2005.7.1").expect("j");
    sheet.write(3, 5, "2006.7.1").expect("f");
    sheet.write(4, 0, 2).expect("n");
    sheet.write(4, 1, "李四").expect("n");
    sheet
        .write(4, 2, 3.707_821_980_010_2e17)
        .expect("mangled id");
    sheet.write(4, 4, "2005.7.1").expect("j");
    book.save(&path).expect("save");

    let grid = xlsx::read_sheet(&path, None).expect("read");
    assert_eq!(grid[0][0], Cell::Text("某村党支部党员花名册".into()));
    let store = Store::open_in_memory().expect("store");
    let preview =
        excel::preview(store.conn(), 1, &grid, None, now().date_naive()).expect("preview");
    assert_eq!(preview.map.header_row, 2);
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.rows[0].name, "张三");
    assert_eq!(preview.problems.len(), 1);
    assert_eq!(preview.problems[0].row, 5);
    assert!(
        preview.problems[0].message.contains("文本"),
        "{:?}",
        preview.problems[0]
    );
}

#[test]
fn the_exported_roster_reads_back_into_the_same_roster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("导出.xlsx");
    let mut a = Store::open_in_memory().expect("store");
    let org = demo::load(&mut a, now()).expect("demo");
    let today = now().date_naive();
    let rows = roster::roster(a.conn(), org, &RosterQuery::default(), today)
        .expect("roster")
        .rows;
    xlsx::write_roster(&path, "东坡村党支部党员花名册", &excel::export_rows(&rows)).expect("write");
    assert!(
        !dir.path().join("导出.xlsx.part").exists(),
        "no temporary file left"
    );

    let grid = xlsx::read_sheet(&path, None).expect("read");
    let mut b = Store::open_in_memory().expect("store");
    let org_b = demo::load(&mut b, now()).expect("demo");
    // Re-importing into the branch it came from updates all 18, adds none.
    let report = b
        .with_tx(|tx| excel::import(tx, org_b, &grid, None, now()))
        .expect("import");
    assert_eq!((report.added, report.updated), (0, 18));
    let after = roster::roster(b.conn(), org_b, &RosterQuery::default(), today)
        .expect("roster")
        .rows;
    assert_eq!(after, rows);
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("假的.xlsx");
    std::fs::write(&path, "not a workbook").expect("write");
    let e = xlsx::read_sheet(&path, None).expect_err("not xlsx");
    assert!(e.to_string().contains(".xlsx 或 .xls"), "{e}");
}

#[test]
fn an_old_xls_roster_is_read_and_imported() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/花名册.xls");
    let grid = xlsx::read_sheet(&path, None).expect("read .xls");
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let preview =
        excel::preview(store.conn(), org, &grid, None, now().date_naive()).expect("preview");
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(preview.map.header_row, 3);
    let names: Vec<&str> = preview.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["刘长福", "陈玉兰"]);
    // A real date cell and a typed date both arrive as dates.
    assert_eq!(
        preview.rows[0].joined_on,
        chrono::NaiveDate::from_ymd_opt(1988, 7, 1)
    );
    assert_eq!(
        preview.rows[1].joined_on,
        chrono::NaiveDate::from_ymd_opt(2001, 6, 28)
    );
    let report = store
        .with_tx(|tx| excel::import(tx, org, &grid, None, now()))
        .expect("import");
    assert_eq!(report.added, 2);
}

/// A small roster in a sheet whose used range ends at XFD1048576 because
/// someone formatted a whole row and column: the old reader asked for
/// ~512 GB and the process aborted.
#[test]
fn a_sheet_formatted_to_its_last_cell_reads_as_what_it_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("花名册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let id = idcard::compose(
        "370782",
        chrono::NaiveDate::from_ymd_opt(1980, 1, 2).expect("d"),
        11,
    );
    for (col, text) in ["姓名", "性别", "公民身份号码", "入党日期"]
        .iter()
        .enumerate()
    {
        sheet.write(0, col as u16, *text).expect("header");
    }
    sheet.write(1, 0, "张三").expect("name");
    sheet.write(1, 1, "男").expect("sex");
    sheet.write(1, 2, id.as_str()).expect("id");
    sheet.write(1, 3, "2005.7.1").expect("joined");
    let yellow = Format::new().set_background_color(rust_xlsxwriter::Color::Yellow);
    sheet
        .write_blank(1_048_575, 16_383, &yellow)
        .expect("last cell");
    book.save(&path).expect("save");
    assert!(std::fs::metadata(&path).expect("meta").len() < 20_000);

    let grid = xlsx::read_sheet(&path, None).expect("read without allocating the used range");
    assert_eq!(grid.len(), 2, "rows end at the last one with content");
    assert_eq!(grid[1][0], Cell::Text("张三".into()));
}

#[test]
fn text_beyond_the_row_limit_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("大表.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "姓名").expect("header");
    sheet.write(xlsx::MAX_ROWS, 0, "某某").expect("far row");
    sheet
        .write(0, xlsx::MAX_COLUMNS as u16 + 5, "备注")
        .expect("far column");
    book.save(&path).expect("save");
    let e = xlsx::read_sheet(&path, None).expect_err("too large");
    let text = e.to_string();
    assert!(text.contains("删除多余的空行和空列"), "{text}");
    let e: zhibu_core::Error = e.into();
    assert_eq!(e.kind(), zhibu_core::ErrorKind::Validation);
}

/// A 花名册 typed with an input method in full-width mode: ID numbers and
/// dates in 全角 digits import and are stored as plain ASCII.
#[test]
fn a_roster_typed_in_full_width_imports_as_ascii() {
    let wide = zhibu_core::text::widen;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("全角花名册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in [
        "姓名",
        "性别",
        "公民身份号码",
        "出生日期",
        "入党日期",
        "转正日期",
        "联系电话",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(0, col as u16, *text).expect("header");
    }
    let birth = chrono::NaiveDate::from_ymd_opt(1975, 3, 12).expect("d");
    let id = idcard::compose("370782", birth, 24);
    sheet.write(1, 0, "赵\u{3000}敏").expect("name");
    sheet.write(1, 1, "女").expect("sex");
    sheet.write(1, 2, wide(&id).as_str()).expect("id");
    sheet.write(1, 3, "１９７５年３月１２日").expect("birth");
    sheet
        .write(1, 4, wide("2001.7.1").as_str())
        .expect("joined");
    sheet.write(1, 5, wide("2002.7.1").as_str()).expect("full");
    sheet
        .write(1, 6, wide("139 1234 5678").as_str())
        .expect("phone");
    book.save(&path).expect("save");

    let grid = xlsx::read_sheet(&path, None).expect("read");
    let mut store = Store::open_in_memory().expect("store");
    let org = demo::load(&mut store, now()).expect("demo");
    let preview =
        excel::preview(store.conn(), org, &grid, None, now().date_naive()).expect("preview");
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let report = store
        .with_tx(|tx| excel::import(tx, org, &grid, None, now()))
        .expect("import");
    assert_eq!(report.added, 1);
    let rows = roster::roster(
        store.conn(),
        org,
        &RosterQuery::default(),
        now().date_naive(),
    )
    .expect("roster")
    .rows;
    let added = rows.iter().find(|r| r.name == "赵 敏").expect("imported");
    assert_eq!(added.id_number, id);
    assert_eq!(added.phone.as_deref(), Some("13912345678"));
}

#[test]
fn a_table_of_one_column_is_written_with_its_title() {
    // The 年度统计's 写入汇报 sheet: one column of sentences. Excel refuses a
    // title "merged" over a single cell, which once failed the whole export.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("汇报.xlsx");
    let table = zhibu_core::table::Table {
        sheet: "写入汇报".into(),
        title: "东坡村党支部2026年党建工作统计".into(),
        header: vec!["内容".into()],
        rows: vec![vec![Cell::Text("全年召开支部党员大会4次。".into())]],
        widths: vec![120.0],
        frozen_columns: 0,
        total_rows: 0,
    };
    xlsx::write_tables(&file, &[table]).expect("written");
    let grid = xlsx::read_sheet(&file, None).expect("read back");
    assert_eq!(
        grid[0][0],
        Cell::Text("东坡村党支部2026年党建工作统计".into())
    );
    assert_eq!(grid[2][0], Cell::Text("全年召开支部党员大会4次。".into()));
}
