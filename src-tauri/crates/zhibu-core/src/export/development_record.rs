//! What a person's printed 发展党员 record holds: the timeline, and for each
//! step the documents its rule expects with whether each is filed (and
//! scanned), plus any others filed with it.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::development::{self, steps, PersonDetail, PersonId};
use crate::error::Result;
use crate::org;

pub struct DevelopmentRecord {
    pub branch: String,
    pub detail: PersonDetail,
    /// Beside `detail.steps`, one list per step.
    pub documents: Vec<Vec<FiledDocument>>,
}

pub struct FiledDocument {
    pub name: String,
    pub filed: bool,
    pub scanned: bool,
}

/// 东坡村党支部吴思远发展党员记录.pdf
pub fn file_name(branch: &str, name: &str) -> String {
    format!("{branch}{name}发展党员记录.pdf")
}

pub fn file_name_of(conn: &Connection, person: PersonId, today: NaiveDate) -> Result<String> {
    let branch = org::get(conn, development::org_of(conn, person)?)?.name;
    let d = development::detail(conn, person, today)?;
    Ok(file_name(&branch, &d.summary.name))
}

pub fn gather(conn: &Connection, person: PersonId, today: NaiveDate) -> Result<DevelopmentRecord> {
    let branch = org::get(conn, development::org_of(conn, person)?)?.name;
    let detail = development::detail(conn, person, today)?;
    let documents = detail
        .steps
        .iter()
        .map(|s| {
            let expected = steps::def(s.step)
                .map(|def| def.documents)
                .unwrap_or_default();
            let mut list: Vec<FiledDocument> = expected
                .iter()
                .map(|name| {
                    let filed = s.documents.iter().find(|f| f.name == *name);
                    FiledDocument {
                        name: name.to_string(),
                        filed: filed.is_some(),
                        scanned: filed.is_some_and(|f| f.file_name.is_some()),
                    }
                })
                .collect();
            list.extend(
                s.documents
                    .iter()
                    .filter(|f| !expected.contains(&f.name.as_str()))
                    .map(|f| FiledDocument {
                        name: f.name.clone(),
                        filed: true,
                        scanned: false,
                    }),
            );
            list
        })
        .collect();
    Ok(DevelopmentRecord {
        branch,
        detail,
        documents,
    })
}
