//! `status --format json`: the [`Status`] model as one document
//! (schema: `plan-lint schema status`, `schemas/status.schema.json`).

use super::Status;

pub fn render(status: &Status) -> String {
    let mut s = serde_json::to_string_pretty(status).unwrap_or_default();
    s.push('\n');
    s
}
