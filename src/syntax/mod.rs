//! Text and places in it: YAML with spans, sources and paths, and the closest-name suggestions. Imports nothing of the crate.

pub mod paths;
pub mod source;
pub mod suggest;
/// YAML loading with source spans: the YAML layer, its own crate
/// (crates/plan-lint-yaml), re-exported so that the rest of plan-lint names it
/// as `syntax::yaml` and the syntax layer stays the one place that names it.
/// The crate needs nothing of plan-lint; it is the seam that names
/// saphyr-parser, and it is fuzzed and differential-tested alone.
pub use plan_lint_yaml as yaml;
