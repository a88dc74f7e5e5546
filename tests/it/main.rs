//! The integration tests, as one test binary: each former `tests/X.rs` is the
//! module `X` here, so the library and its dependencies are linked once
//! instead of once per file (docs/architecture.md, "Tests", gives the figures).
//!
//! Run one module with `cargo test --test it MODULE::`, e.g.
//! `cargo test --test it status_chromium::`.
//!
//! Snapshots (insta) live in tests/it/snapshots/, named `it__MODULE__NAME.snap`.
//! Proptest keeps failing seeds in tests/proptest-regressions/MODULE.txt: it
//! looks for them beside the folder that holds this main.rs.

mod common;
#[path = "../../examples/generate/repo.rs"]
mod repo;

mod arithmetic;
mod catalog;
mod clerk_trial;
mod cli;
mod completeness;
mod config;
mod docs;
mod fast_schema;
mod fast_yaml;
mod figures;
mod focus;
mod generate;
mod hostile;
mod init;
mod judgement;
mod lang;
mod layers;
mod mutations;
mod neovim;
mod output_rule;
mod plan_draft;
mod plan_verify;
mod plans;
mod plausibility;
mod provenance;
mod pull_request;
mod record;
mod rule_fixtures;
mod sarif;
mod scaffold;
mod server;
mod status;
mod status_chromium;
mod status_xlsx;
mod workbook;
mod yaml_ls;
