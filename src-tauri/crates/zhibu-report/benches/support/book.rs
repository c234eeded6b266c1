//! The minutes book as the app makes it (gathered by core, laid out by
//! zhibu-report), shared by the PDF tests and the benchmark.

use std::path::Path;

use chrono::NaiveDate;
use zhibu_core::export::{gather, Document};
use zhibu_core::meetings::MeetingKind;
use zhibu_core::org::OrgId;
use zhibu_report::pdf;

pub fn book(
    conn: &rusqlite::Connection,
    data_dir: &Path,
    org: OrgId,
    year: i32,
    kinds: &[MeetingKind],
    today: NaiveDate,
) -> zhibu_core::Result<pdf::Job> {
    let doc = Document::Minutes {
        org,
        year,
        kinds: kinds.to_vec(),
    };
    Ok(pdf::job(&gather(conn, data_dir, &doc, today)?, today))
}
