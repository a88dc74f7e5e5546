//! The plan and the report as types, and the contract's codes: what is judged, not how. Imports only syntax.

pub mod code;
pub mod document;
pub mod numeric;
pub mod plan;
pub mod report;
