//! The Markdown summary appended to `$GITHUB_STEP_SUMMARY`: counts per
//! department and per rule, and the binding indicators met and missed.

use super::RunInfo;
use crate::diagnostics::diagnostic::Severity;
use crate::diagnostics::messages::{Lang, Text};
use crate::model::code::{Code, Property};
use crate::model::plan::Attribute;
use crate::model::plan::Plans;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(info: &RunInfo<'_>, plans: &Plans, lang: Lang) -> String {
    let o = info.outcome;
    let mut out = String::from("## plan-lint\n\n");
    let _ = writeln!(out, "{}\n", Text::StepCounts(o.counts()).text(lang));
    let live = || o.diagnostics.iter().filter(|d| !d.suppressed);
    let mut by_dept: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in live() {
        let dept = o
            .reports
            .get(&d.location.path)
            .map_or_else(|| Text::StepOtherFiles.text(lang), |r| r.department.clone());
        let e = by_dept.entry(dept).or_default();
        match d.severity {
            Severity::Error => e.0 += 1,
            Severity::Warning => e.1 += 1,
        }
    }
    if !by_dept.is_empty() {
        let _ = writeln!(
            out,
            "{}\n|---|---:|---:|",
            Text::StepDepartmentHeader.text(lang)
        );
        for (dept, (e, w)) in &by_dept {
            let _ = writeln!(out, "| {dept} | {e} | {w} |");
        }
        out.push('\n');
        let mut by_rule: BTreeMap<Code, usize> = BTreeMap::new();
        for d in live() {
            *by_rule.entry(d.code).or_default() += 1;
        }
        let _ = writeln!(out, "{}\n|---|---:|", Text::StepRuleHeader.text(lang));
        for (code, n) in &by_rule {
            let name = code.name();
            let _ = writeln!(out, "| {code} {name} | {n} |");
        }
        out.push('\n');
    }
    let mut rows = String::new();
    // (plan, indicator) pairs some linted report states: made once, not
    // searched for every indicator (a large run has both in the tens of thousands).
    let reported: std::collections::HashSet<(&str, &str)> = (o.reports.values())
        .flat_map(|r| r.indicators.iter().map(|i| (r.plan.as_str(), i.as_str())))
        .collect();
    for plan in &plans.0 {
        for ind in plan
            .indicators
            .iter()
            .filter(|i| i.attribute == Attribute::Binding)
        {
            if !reported.contains(&(plan.id(), ind.id.as_str())) {
                continue;
            }
            let missed: Vec<Code> = live()
                .filter(|d| {
                    d.severity == Severity::Error
                        && d.code.has(Property::BindingMiss)
                        && d.target.as_deref() == Some(&ind.id)
                })
                .map(|d| d.code)
                .collect();
            let state = if missed.is_empty() {
                Text::Met
            } else {
                Text::Missed {
                    codes: missed.iter().map(|c| c.to_string()).collect(),
                }
            }
            .text(lang);
            let _ = writeln!(
                rows,
                "| {} {} | {} | {state} |",
                ind.id, ind.name, ind.target_text
            );
        }
    }
    if !rows.is_empty() {
        let _ = writeln!(out, "{}\n|---|---|---|", Text::StepBindingHeader.text(lang));
        out.push_str(&rows);
    }
    out
}
