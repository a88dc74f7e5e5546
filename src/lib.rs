//! plan-lint: a compliance checker for development-plan progress reports.
//!
//! The binary is a thin shell over [`cli::run`]. The library is in layers, each a
//! top-level module that imports only the layers listed before it (a test,
//! tests/it/layers.rs, reads every `crate::` path and fails on one that points up):
//!
//! 1. [`syntax`]: YAML with spans (the YAML crate, crates/plan-lint-yaml, re-exported:
//!    the only place that names it, and it the only one that names saphyr-parser),
//!    sources, paths;
//! 2. [`model`]: the plan, the report and the contract's codes as types;
//! 3. [`diagnostics`]: the one diagnostic type and the message catalog;
//! 4. [`load`]: schemas (the only place that names jsonschema), configuration, plans,
//!    the decisions register and the reports under a data root;
//! 5. [`engine`]: history, the rules' check kinds, the run of a check;
//! 6. [`drivers`]: the pull-request mode (the only place that runs git);
//! 7. [`output`]: the findings' reporters (miette, JSON, SARIF, GitHub), status views, explain;
//! 8. [`commands`]: init, status, plan, server, test;
//! 9. [`cli`]: arguments (clap) and dispatch.

pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod drivers;
pub mod engine;
pub mod load;
pub mod model;
pub mod output;
pub mod syntax;

/// The hash map of lookups a check makes per report entry (catalog ids,
/// history keys): foldhash, several times faster than the standard SipHash
/// on short ids, randomly seeded. Never iterated, so its order cannot reach
/// the output.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Drops `value` on another thread: a structure of many small allocations
/// whose frees would hold up the output. A process that exits meanwhile
/// does not wait for them. If no thread can be started, drops it here.
pub(crate) fn free_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// How much memory a command is about to hold, for the binary's allocator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holding {
    /// Much, for a while (the whole record, a pull request's record, the
    /// language server): freed pages are given back soon. Every command
    /// starts so.
    Much,
    /// Little, or nothing more for long: a clerk's check of the files they
    /// name, or a status workbook being written on the way out. Pages are
    /// given back later, saving the time that costs (about 10 ms of 60 at
    /// 100,000 names in the data root; 20 ms of the workbook's 560).
    Little,
}

/// What the binary's allocator does for each [`Holding`] (main sets it, once).
static TUNE_ALLOCATOR: std::sync::OnceLock<fn(Holding)> = std::sync::OnceLock::new();

/// Sets what [`holding`] runs: main's tuning of its allocator.
pub fn tune_allocator_with(tune: fn(Holding)) {
    let _ = TUNE_ALLOCATOR.set(tune);
}

/// Says how much memory a command is about to hold (see [`Holding`]).
pub(crate) fn holding(how_much: Holding) {
    if let Some(tune) = TUNE_ALLOCATOR.get() {
        tune(how_much);
    }
}
