//! Judging: history, the check kinds of the rules, the run of a check and its outcome. Imports the layers below.

pub mod check;
pub mod draft;
pub mod history;
pub mod judge;
pub mod rules;
pub mod verify;
