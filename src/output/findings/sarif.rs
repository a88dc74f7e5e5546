//! `--format sarif`: SARIF 2.1.0 for code scanning. Regions count Unicode
//! code points (`columnKind: unicodeCodePoints`), as plan-lint's columns do.

use super::RunInfo;
use crate::diagnostics::diagnostic::{BaselineState, Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Lang, Text};
use crate::engine::rules::registry::CODES;
use crate::output::explain::frame::Frame;
use serde_json::{json, Value};

fn physical(loc: &Location) -> Value {
    let mut v = json!({"artifactLocation": {"uri": loc.path}});
    // A workbook's cell: the row is the region (the cell is named in the message).
    if let Some(c) = &loc.cell {
        v["region"] = json!({"startLine": c.line, "endLine": c.line});
        return v;
    }
    if let (Some(((l, c), (el, ec))), Some(span)) = (loc.line_col(), loc.span) {
        v["region"] = json!({
            "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec,
            "byteOffset": span.start(), "byteLength": span.len(),
        });
    }
    v
}

/// `填报.xlsx › 指标!F7（I06 …）: ` before a workbook finding's message.
fn at_cell(loc: &Location, lang: Lang) -> String {
    match &loc.cell {
        Some(c) => format!(
            "{}: ",
            Text::CellPlace {
                path: loc.path.clone(),
                sheet: c.sheet.clone(),
                cell: c.cell.clone(),
                row: c.row.clone(),
            }
            .text(lang)
        ),
        None => String::new(),
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn result(d: &Diagnostic, lang: Lang) -> Value {
    let rule_index = CODES.iter().position(|c| c.code == d.code).unwrap_or(0);
    let texts = d.texts(lang);
    let mut r = json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": format!("{}{}\n{}{}", at_cell(&d.location, lang), texts.message, Text::HelpPrefix.text(lang), texts.help)},
        "locations": [{"physicalLocation": physical(&d.location)}],
        "partialFingerprints": {"planLint/v1": d.fingerprint()},
    });
    if !d.related.is_empty() {
        r["relatedLocations"] = Value::Array(
            d.related
                .iter()
                .enumerate()
                .map(|(i, rel)| json!({"id": i + 1, "physicalLocation": physical(&rel.location), "message": {"text": rel.note.text(lang)}}))
                .collect(),
        );
    }
    if d.suppressed {
        let justification = d.justification.clone().unwrap_or_default();
        r["suppressions"] = match &d.decision {
            // Recorded outside the report: the plan office's register.
            Some(id) => json!([{
                "kind": "external",
                "status": "accepted",
                "justification": format!("{id}: {justification}"),
                "properties": {"decision": id},
            }]),
            // The department's confirmation of the figure on the entry (PL211).
            None if d.confirmed => json!([{
                "kind": "inSource",
                "status": "accepted",
                "justification": justification,
                "properties": {"confirmed": true},
            }]),
            None => json!([{
                "kind": "inSource",
                "status": "accepted",
                "justification": justification,
            }]),
        };
    }
    if let Some(state) = d.baseline_state {
        r["baselineState"] = json!(match state {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
        });
    }
    r
}

/// The log; results' messages and the rule descriptions (the rule docs, as
/// `plan-lint explain` gives them) are in `lang`.
pub fn render(info: &RunInfo<'_>, lang: Lang) -> String {
    let rules: Vec<Value> = CODES
        .iter()
        .map(|c| {
            let default_level = if c.code.severity() == "warning" {
                "warning"
            } else {
                "error"
            };
            let t = c.text(lang);
            json!({
                "id": c.code,
                "name": c.code.name(),
                "shortDescription": {"text": t.summary},
                "fullDescription": {"text": t.why},
                "help": {
                    "text": Frame::RuleHelpText(c).text(lang),
                    "markdown": Frame::RuleHelpMarkdown(c).text(lang),
                },
                "defaultConfiguration": {"level": default_level},
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "plan-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "properties": {"plans": info.plans.iter().map(|(id, sha)| json!({"id": id, "sha256": sha})).collect::<Vec<_>>()},
            "results": info.outcome.diagnostics.iter().map(|d| result(d, lang)).collect::<Vec<_>>(),
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
