//! The dues area's SQL, and only that, one file per table group: base rows
//! (`dues_bases`), payments with the months they pay (`dues_payments`,
//! `dues_allocations`), remittances (`dues_remittances`), closed months
//! (`dues_closed_months`), and the few facts the books read from the roster
//! and the development records. Plain values in, plain structs out; the
//! rules (`rules.rs`) and the use cases beside them decide what is written.

pub(super) mod bases;
pub(super) mod closed;
pub(super) mod payments;
pub(super) mod people;
pub(super) mod remittances;
