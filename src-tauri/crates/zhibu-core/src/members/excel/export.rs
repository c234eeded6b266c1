//! The roster laid out for export in the import's own columns, so an export
//! re-imports cleanly.

use chrono::NaiveDate;

use super::cells::date_to_serial;
use super::{Cell, Field};
use crate::members::roster::RosterRow;

/// The export layout: one title row, one header row, then a row per member.
pub const EXPORT_FIELDS: &[Field] = &[
    Field::Name,
    Field::Sex,
    Field::Ethnicity,
    Field::BirthDate,
    Field::IdNumber,
    Field::Education,
    Field::Category,
    Field::WorkUnit,
    Field::Phone,
    Field::Residence,
    Field::HouseholdReg,
    Field::JoinedOn,
    Field::FullOn,
    Field::Standing,
    Field::Group,
    Field::PartyPost,
    Field::MigrantWorker,
    Field::NewStratum,
    Field::Note,
];

/// The roster rows as cells in `EXPORT_FIELDS` order (with 序号 first).
pub fn export_rows(rows: &[RosterRow]) -> Vec<Vec<Cell>> {
    let text = |t: &Option<String>| t.clone().map(Cell::Text).unwrap_or(Cell::Empty);
    let date = |d: Option<NaiveDate>| {
        d.map(|d| Cell::Date(date_to_serial(d)))
            .unwrap_or(Cell::Empty)
    };
    let mut out = Vec::new();
    for (n, r) in rows.iter().enumerate() {
        let mut cells = vec![Cell::Number((n + 1) as f64)];
        for f in EXPORT_FIELDS {
            cells.push(match f {
                Field::Name => Cell::Text(r.name.clone()),
                Field::Sex => Cell::Text(r.sex.label().into()),
                Field::Ethnicity => Cell::Text(r.ethnicity.clone()),
                Field::BirthDate => date(Some(r.birth_date)),
                Field::IdNumber => Cell::Text(r.id_number.clone()),
                Field::Education => text(&r.education),
                Field::Category => text(&r.category),
                Field::WorkUnit => text(&r.work_unit),
                Field::Phone => text(&r.phone),
                Field::Residence => text(&r.residence),
                Field::HouseholdReg => text(&r.household_reg),
                Field::JoinedOn => date(r.joined_on),
                Field::FullOn => date(r.full_on),
                Field::Standing => r
                    .standing
                    .map(|s| Cell::Text(s.label().into()))
                    .unwrap_or(Cell::Empty),
                Field::Group => text(&r.group_name),
                Field::PartyPost => text(&r.party_post),
                Field::MigrantWorker => {
                    Cell::Text(if r.is_migrant_worker { "是" } else { "否" }.into())
                }
                Field::NewStratum => text(&r.new_social_stratum),
                Field::Note => text(&r.note),
            });
        }
        out.push(cells);
    }
    out
}
