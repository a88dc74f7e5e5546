//! Reporters: one per output format, each consuming the same [`Diagnostic`]s.
//!
//! [`Diagnostic`]: crate::diagnostics::diagnostic::Diagnostic

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use crate::engine::check::Outcome;

/// What every reporter needs besides the diagnostics.
pub struct RunInfo<'a> {
    pub outcome: &'a Outcome,
    /// (plan id, sha256) of every loaded plan.
    pub plans: Vec<(String, String)>,
    /// The revision the record was compared with and its merge-base commit
    /// (`--base REV`, or `base` in plan-lint.toml).
    pub base: Option<(String, String)>,
}
