//! Reading the inputs: the schemas, the configuration, the plans, the decisions register and the reports under a data root (one loader for every command). Imports the layers below.

pub mod config;
pub mod decisions;
pub mod fast_schema;
pub mod plan;
pub mod schema;
pub mod workbook;
pub mod workspace;
