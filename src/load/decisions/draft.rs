//! `plan-lint decisions draft`: the migration from version 1, where reports
//! carried their own approvals. It reads the accepted reports under the data
//! root and writes the register entries their `approved_by` suppressions,
//! `revision` blocks and `requirement` figures imply, for the plan office to
//! review and merge. Nothing it writes is in force until the office merges
//! it into decisions/: a department cannot use it to approve itself.

use crate::model::plan::Plans;
use crate::syntax::yaml::{self, format_number, Limits, Node};
use std::collections::BTreeSet;
use std::fmt::Write;

/// One report's identity and the node it was read from.
struct Read {
    path: String,
    plan: String,
    department: String,
    period: i32,
    submitted: String,
    node: Node,
}

/// The reports as a check reads them, each as its YAML tree: a report's
/// own approvals are fields the typed report no longer keeps.
fn read_reports(work: &crate::load::workspace::Workspace) -> Vec<Read> {
    let mut out = Vec::new();
    for report in work.reports() {
        let Ok(node) = yaml::load(
            report.source.body(),
            report.source.bom_len(),
            Limits::default(),
        ) else {
            continue;
        };
        let path = report.source.path.clone();
        let text_of = |k: &str| node.get(k).and_then(Node::as_str).map(str::to_string);
        let (Some(department), Some(period)) = (
            text_of("department"),
            node.get("period").and_then(Node::as_f64),
        ) else {
            continue;
        };
        out.push(Read {
            path,
            plan: text_of("plan").unwrap_or_default(),
            department,
            period: period as i32,
            submitted: node
                .get("submitted")
                .map(|n| match n.as_str() {
                    Some(s) => s.to_string(),
                    None => n.to_json().to_string(),
                })
                .unwrap_or_default(),
            node,
        });
    }
    out
}

/// A YAML scalar for a text: quoted (JSON strings are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

fn number(v: f64) -> String {
    format_number(v, v.fract() == 0.0)
}

/// The fields every approval a report claims for itself drafts alike: its
/// reason, its approver and the date to review.
fn approval(out: &mut String, reason: &str, approved_by: &str, submitted: &str) {
    let _ = writeln!(out, "    reason: {}", quoted(reason));
    let _ = writeln!(out, "    approved_by: {}", quoted(approved_by));
    let _ = writeln!(
        out,
        "    date: {submitted}   # REVIEW: the date of the approval"
    );
}

/// The register file the reports under the data root imply, as YAML text.
pub fn draft(work: &crate::load::workspace::Workspace, plans: &Plans) -> String {
    let reports = read_reports(work);
    let mut out = String::from(
        "# Drafted by `plan-lint decisions draft` from the reports' own approvals, revisions and\n\
         # requirements (contract version 1). Nothing here is in force until the plan office has\n\
         # reviewed every entry and merged this file into decisions/ (trust.md).\n\
         version: 1\n\
         decisions:\n",
    );
    let mut ids = BTreeSet::new();
    let mut unique = |id: String| {
        let mut candidate = id.clone();
        let mut n = 2;
        while !ids.insert(candidate.clone()) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        candidate
    };
    let mut requirements: BTreeSet<(String, String, i32)> = BTreeSet::new();
    let mut count = 0;
    for r in &reports {
        let plan = plans.get(&r.plan);
        let approver_ok = |name: &str| plan.is_some_and(|p| super::is_approver(p, name));
        let default_approver = plan
            .and_then(|p| p.header.approvers.first().cloned())
            .unwrap_or_default();
        let figure = |id: &str| {
            (r.node
                .get("indicators")
                .and_then(Node::as_seq)
                .unwrap_or(&[]))
            .iter()
            .find(|e| e.get("id").and_then(Node::as_str) == Some(id))
            .and_then(|e| e.get("value"))
            .and_then(Node::as_f64)
        };
        // Suppressions the report says the office approved.
        let suppressions = r
            .node
            .get("suppressions")
            .and_then(Node::as_seq)
            .unwrap_or(&[]);
        for s in suppressions {
            let text = |k: &str| s.get(k).and_then(Node::as_str).map(str::to_string);
            let (Some(rule), Some(target), Some(approved_by)) =
                (text("rule"), text("target"), text("approved_by"))
            else {
                continue;
            };
            let id = unique(format!("D{}-{}-{rule}-{target}", r.period, r.department));
            let _ = writeln!(
                out,
                "  # from {} (suppressions), approved_by as the report says",
                r.path
            );
            if !approver_ok(&approved_by) {
                let _ = writeln!(
                    out,
                    "  # REVIEW: {approved_by} is not an approver of this plan"
                );
            }
            let _ = writeln!(out, "  - id: {id}");
            let _ = writeln!(out, "    kind: suppression");
            let _ = writeln!(out, "    department: {}", r.department);
            let _ = writeln!(out, "    period: {}", r.period);
            let _ = writeln!(out, "    rule: {rule}");
            let _ = writeln!(out, "    target: {target}");
            if let Some(v) = figure(&target) {
                let _ = writeln!(out, "    value: {}   # the figure in the report", number(v));
            }
            approval(
                &mut out,
                &text("reason").unwrap_or_default(),
                &approved_by,
                &r.submitted,
            );
            count += 1;
        }
        // A revision block: version 1 let it change the whole report.
        if let Some(rev) = r.node.get("revision") {
            let text = |k: &str| rev.get(k).and_then(Node::as_str).map(str::to_string);
            let approved_by = text("approved_by").unwrap_or(default_approver.clone());
            let id = unique(format!("V{}-{}", r.period, r.department));
            let _ = writeln!(out, "  # from {} (revision)", r.path);
            let _ = writeln!(
                out,
                "  # REVIEW: keep only the entries the revision changed, each with the figure approved"
            );
            if !approver_ok(&approved_by) {
                let _ = writeln!(
                    out,
                    "  # REVIEW: {approved_by} is not an approver of this plan"
                );
            }
            let _ = writeln!(out, "  - id: {id}");
            let _ = writeln!(out, "    kind: revision");
            let _ = writeln!(out, "    department: {}", r.department);
            let _ = writeln!(out, "    period: {}", r.period);
            let _ = writeln!(out, "    entries:");
            let list = |k: &str| r.node.get(k).and_then(Node::as_seq).unwrap_or(&[]);
            let mut listed = 0;
            for e in list("indicators") {
                if let (Some(id), Some(v)) = (
                    e.get("id").and_then(Node::as_str),
                    e.get("value").and_then(Node::as_f64),
                ) {
                    let _ = writeln!(out, "      - {{target: {id}, value: {}}}", number(v));
                    listed += 1;
                }
            }
            for e in list("projects") {
                let text = |k: &str| e.get(k).and_then(Node::as_str);
                if let (Some(id), Some(status), Some(progress)) = (
                    text("id"),
                    text("status"),
                    e.get("progress").and_then(Node::as_f64),
                ) {
                    let _ = writeln!(
                        out,
                        "      - {{target: {id}, status: {status}, progress: {}}}",
                        number(progress)
                    );
                    listed += 1;
                }
            }
            if listed == 0 {
                let _ = writeln!(
                    out,
                    "      []   # REVIEW: the report has no entry with a figure; list the entries the revision changed"
                );
            }
            approval(
                &mut out,
                &text("reason").unwrap_or_default(),
                &approved_by,
                &r.submitted,
            );
            count += 1;
        }
        // Requirements the report cites, one per indicator and period.
        let indicators = r
            .node
            .get("indicators")
            .and_then(Node::as_seq)
            .unwrap_or(&[]);
        for e in indicators {
            let Some(id) = e.get("id").and_then(Node::as_str) else {
                continue;
            };
            let Some(req) = e.get("requirement") else {
                continue;
            };
            let (Some(value), Some(source)) = (
                req.get("value").and_then(Node::as_f64),
                req.get("source").and_then(Node::as_str),
            ) else {
                continue;
            };
            if !requirements.insert((r.plan.clone(), id.to_string(), r.period)) {
                let _ = writeln!(
                    out,
                    "  # REVIEW: {} also gives a requirement for {id} in {}: {} ({source})",
                    r.path,
                    r.period,
                    number(value)
                );
                continue;
            }
            let did = unique(format!("R{}-{id}", r.period));
            let _ = writeln!(
                out,
                "  # from {} (requirement): check the figure against the document",
                r.path
            );
            let _ = writeln!(out, "  - id: {did}");
            let _ = writeln!(out, "    kind: requirement");
            let _ = writeln!(out, "    target: {id}");
            let _ = writeln!(out, "    period: {}", r.period);
            let _ = writeln!(out, "    value: {}", number(value));
            let _ = writeln!(out, "    source: {}", quoted(source));
            let _ = writeln!(out, "    approved_by: {}", quoted(&default_approver));
            let _ = writeln!(
                out,
                "    date: {}   # REVIEW: the date the office recorded it",
                r.submitted
            );
            count += 1;
        }
    }
    if count == 0 {
        out = out.replace("decisions:\n", "decisions: []\n");
    }
    out
}
