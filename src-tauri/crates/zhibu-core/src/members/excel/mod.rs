//! The roster as a sheet of cells, both ways: reading the 花名册 a clerk
//! already keeps (title rows, merged or two-row headers, the date forms people
//! type, ID numbers Excel mangled) and laying the roster out for export in the
//! same columns, so that an export re-imports cleanly.
//!
//! Files are read and written elsewhere (zhibu-report); this module sees only
//! cells, so every rule here is tested without a file.

use crate::labels::label_enum;

/// One cell as a spreadsheet reader gives it (defined with the tables, a
/// leaf every area may use).
pub use crate::table::Cell;

label_enum! {
    /// A roster column the import understands; the labels are the export's headers.
    pub enum Field {
        Name = "姓名",
        Sex = "性别",
        Ethnicity = "民族",
        BirthDate = "出生日期",
        IdNumber = "公民身份号码",
        Education = "学历",
        Category = "人员类别",
        WorkUnit = "工作单位及职务",
        Phone = "联系电话",
        Residence = "现居住地",
        HouseholdReg = "户籍所在地",
        JoinedOn = "入党日期",
        FullOn = "转正日期",
        Standing = "党员类别",
        Group = "党小组",
        PartyPost = "党内职务",
        MigrantWorker = "是否农民工",
        NewStratum = "新社会阶层",
        Note = "备注",
    }
    what: "列名"
}

mod cells;
mod columns;
mod export;
mod import;

pub use cells::{column_letter, date_to_serial, parse_date, parse_id_number, serial_to_date};
pub use columns::{detect_columns, field_for_header, Column, ColumnMap};
pub use export::{export_rows, EXPORT_FIELDS};
pub use import::{import, preview, ImportPreview, ImportReport, PreviewRow, Problem, RowAction};
