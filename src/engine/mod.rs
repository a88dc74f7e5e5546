//! Judging: history, the check kinds of the rules, the run of a check and its outcome. Imports the layers below.

pub mod check;
pub mod history;
pub mod rules;
