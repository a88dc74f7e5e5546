//! The kinds of document plan-lint reads, each with its schema.

/// The documents plan-lint validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Report,
    PlanHeader,
    Catalog,
    Rules,
    Config,
    /// A file of the plan office's decisions register (trust.md).
    Decisions,
}
