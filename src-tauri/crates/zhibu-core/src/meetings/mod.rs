//! 三会一课 and organisational life. So far: the rules that decide whether a
//! vote taken at a meeting was valid and whether it passed.

pub mod votes;
