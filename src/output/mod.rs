//! What a run prints: the findings' reporters, the status views, explain texts. Imports the layers below.

pub mod explain;
pub mod findings;
pub mod status;
pub mod workbook;
