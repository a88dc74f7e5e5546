//! `--format json`: one stable document (schema: `plan-lint schema output`).

use super::RunInfo;
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::Lang;
use serde_json::{json, Value};

fn position(loc: &Location) -> (Value, Value, Value, Value, Value, Value) {
    // A workbook's cell: its row is the line; the converted YAML's columns mean nothing to the clerk.
    if let Some(c) = &loc.cell {
        let n = Value::Null;
        return (
            json!(c.line),
            n.clone(),
            json!(c.line),
            n.clone(),
            n.clone(),
            n,
        );
    }
    match (loc.line_col(), loc.span) {
        (Some(((l, c), (el, ec))), Some(span)) => (
            json!(l),
            json!(c),
            json!(el),
            json!(ec),
            json!(span.start()),
            json!(span.len()),
        ),
        _ => (
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
        ),
    }
}

pub fn diagnostic(d: &Diagnostic, lang: Lang) -> Value {
    let (line, column, end_line, end_column, offset, length) = position(&d.location);
    let texts = d.texts(lang);
    let mut v = json!({
        "code": d.code,
        "severity": d.severity.as_str(),
        "message": texts.message,
        "help": texts.help,
        "file": d.location.path,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "offset": offset, "length": length,
        "target": d.target,
        "suppressed": d.suppressed,
        "fingerprint": d.fingerprint(),
        "related": d.related.iter().map(|r| {
            let (line, column, ..) = position(&r.location);
            json!({"file": r.location.path, "line": line, "column": column, "message": r.note.text(lang)})
        }).collect::<Vec<_>>(),
    });
    if let Some(c) = &d.location.cell {
        v["sheet"] = json!(c.sheet);
        v["cell"] = json!(c.cell);
        if let Some(row) = &c.row {
            v["row"] = json!(row);
        }
    }
    if let Some(id) = &d.decision {
        v["decision"] = json!(id);
    }
    if d.confirmed {
        v["confirmed"] = json!(true);
        v["justification"] = json!(d.justification);
    }
    if let Some(state) = d.baseline_state {
        v["baseline_state"] = json!(state);
    }
    v
}

/// The document; only the `message` and `help` texts depend on `lang`.
pub fn render(info: &RunInfo<'_>, lang: Lang) -> String {
    let o = info.outcome;
    let mut doc = json!({
        "version": 1,
        "tool": {"name": "plan-lint", "version": env!("CARGO_PKG_VERSION")},
        "plans": info.plans.iter().map(|(id, sha)| json!({"id": id, "sha256": sha})).collect::<Vec<_>>(),
        "summary": {
            "files": o.files,
            "errors": o.count(Severity::Error),
            "warnings": o.count(Severity::Warning),
            "suppressed": o.suppressed(),
        },
        "diagnostics": o.diagnostics.iter().map(|d| diagnostic(d, lang)).collect::<Vec<_>>(),
    });
    if let Some((rev, commit)) = &info.base {
        doc["base"] = json!({"ref": rev, "commit": commit});
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
