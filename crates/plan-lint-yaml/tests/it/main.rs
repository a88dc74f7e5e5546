//! The YAML layer's integration tests, as one test binary like plan-lint's
//! (tests/it/): run one module with `cargo test -p plan-lint-yaml --test it
//! MODULE::`. Proptest keeps failing seeds in tests/proptest-regressions/MODULE.txt.

mod agree;
mod fast_yaml;
