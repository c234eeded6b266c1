//! The development area's SQL, and only that, one file per table group: the
//! people in development (`dev_people`), their steps with the people each
//! names (`dev_steps`, `dev_step_people`) and the documents of each step
//! (`dev_documents`). Plain values in, plain structs out; the rules
//! (`rules/`) and the use cases beside them decide what is written.

pub(super) mod documents;
pub(super) mod people;
pub(super) mod steps;
