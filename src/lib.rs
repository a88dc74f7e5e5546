//! plan-lint: a compliance checker for development-plan progress reports.
//!
//! The binary is a thin shell over [`cli::run`]; every seam names one crate:
//! [`yaml`] (saphyr-parser), [`schema`] (jsonschema), [`report`]ers (miette, JSON).

pub mod catalog_view;
pub mod check;
pub mod cli;
pub mod code;
pub mod config;
pub mod decisions;
pub mod diagnostic;
pub mod explain;
pub mod fast_schema;
pub mod fixture_test;
pub mod git;
pub mod history;
pub mod init;
pub mod messages;
pub mod numeric;
pub mod paths;
pub mod plan;
pub mod pull_request;
pub mod report;
pub mod report_fmt;
pub mod rules;
pub mod schema;
pub mod server;
pub mod source;
pub mod status;
pub mod suggest;
pub mod yaml;

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
