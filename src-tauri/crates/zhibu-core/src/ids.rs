//! The ids every area passes around, in a leaf module so that no area has
//! to import another just to name a row of it.

/// A party organisation (a branch, or the committee above it).
pub type OrgId = i64;
