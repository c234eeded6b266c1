//! The meetings area's SQL, and only that, one file per table group: the
//! record itself (`meetings`), who was expected and came
//! (`meeting_attendance`), votes and 补充说明, the parts beyond the text
//! (guests, 议定事项 and their 落实情况), attachments, and the search over
//! them. Plain values in, plain structs out; what may be written is decided
//! by the use cases above.

pub(super) mod attachments;
pub(super) mod attendance;
pub(super) mod details;
pub(super) mod record;
pub(super) mod search;
pub(super) mod votes;
