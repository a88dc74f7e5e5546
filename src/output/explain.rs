//! `plan-lint rules`, `plan-lint explain CODE` and `docs/rules.md` (and
//! `docs/rules.zh-CN.md`): the texts that live with each check, in the run's
//! language, and where the loaded plans apply them.

use crate::diagnostics::messages::Lang;
use crate::engine::rules::registry::{self, CODES};
use crate::engine::rules::CodeInfo;
use crate::model::plan::Plan;
use crate::model::plan::Plans;
use frame::{Column, Frame as X};

pub mod frame;
use std::fmt::Write;

/// The columns a terminal gives a text: two for Chinese characters and
/// full-width forms, one otherwise.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}' => 2,
            _ => 1,
        })
        .sum()
}

/// One line of `plan-lint rules`: each cell padded to its column's width.
fn table_row(cells: [&str; 6]) -> String {
    const WIDTHS: [usize; 5] = [7, 26, 8, 13, 40];
    let mut out = String::new();
    for (cell, w) in cells.iter().zip(WIDTHS) {
        out.push_str(cell);
        out.push_str(&" ".repeat(w.saturating_sub(width(cell)) + 1));
    }
    out.push_str(cells[5]);
    out.push('\n');
    out
}

/// One line per rule entry of every loaded plan, then the fixed codes.
pub fn rules_table(plans: &Plans, lang: Lang) -> String {
    let column = |c| X::Column(c).text(lang);
    let mut out = table_row([
        &column(Column::Code),
        &column(Column::Name),
        &column(Column::Severity),
        &column(Column::Suppressible),
        &column(Column::Selector),
        &column(Column::Plan),
    ]);
    for info in CODES {
        if info.code.plan_rule() {
            for plan in &plans.0 {
                for r in plan.rules_for(info.code) {
                    out.push_str(&table_row([
                        info.code.as_str(),
                        info.code.name(),
                        &X::Severity(r.entry.severity).text(lang),
                        &X::Suppressible(r.entry.suppressible).text(lang),
                        &X::Selector(r.entry.select.clone()).text(lang),
                        plan.id(),
                    ]));
                }
            }
        } else {
            out.push_str(&table_row([
                info.code.as_str(),
                info.code.name(),
                info.text(lang).severity,
                &X::Suppressible(false).text(lang),
                &X::FixedSelector.text(lang),
                &X::AllPlans.text(lang),
            ]));
        }
    }
    out
}

fn where_applied(plan: &Plan, info: &CodeInfo, lang: Lang) -> String {
    let mut out = String::new();
    for r in plan.rules_for(info.code) {
        let e = &r.entry;
        let applied = X::Applied {
            severity: e.severity,
            selector: e.select.clone(),
            suppressible: e.suppressible,
            passage: e.passage.passage.clone(),
            line: e.passage.line,
        };
        let _ = write!(out, "  - {}", applied.text(lang));
        let has_params = serde_json::to_value(&e.params)
            .is_ok_and(|v| v.as_object().is_some_and(|o| !o.is_empty()));
        if has_params {
            out.push_str(&X::Params(e.params.clone()).text(lang));
        }
        out.push('\n');
        if let Some(t) = &e.passage.text {
            let _ = writeln!(out, "    「{t}」");
        }
    }
    out
}

/// The explain text of one code, in `lang`.
pub fn explain(plans: &Plans, code: &str, lang: Lang) -> Option<String> {
    let info = registry::info(&code.to_ascii_uppercase())?;
    let text = info.text(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", X::Title(info).text(lang));
    let _ = writeln!(out, "{}\n  {}\n", X::WhatItChecks.text(lang), text.summary);
    let _ = writeln!(out, "{}\n  {}\n", X::Why.text(lang), text.why);
    let _ = writeln!(out, "{}", X::Example.text(lang));
    for l in text.example.lines() {
        let _ = writeln!(out, "  {l}");
    }
    let _ = writeln!(out, "\n{}\n  {}\n", X::HowToFix.text(lang), text.fix);
    if info.code.plan_rule() {
        for plan in &plans.0 {
            let applied = where_applied(plan, info, lang);
            let heading = X::WherePlanApplies {
                plan: plan.id().to_string(),
            };
            let _ = writeln!(out, "{}", heading.text(lang));
            if applied.is_empty() {
                let nowhere = X::NowhereInPlan {
                    code: info.code.as_str(),
                };
                let _ = writeln!(out, "  {}", nowhere.text(lang));
            } else {
                out.push_str(&applied);
            }
        }
    } else {
        let _ = writeln!(out, "{}", X::FixedEverywhere.text(lang));
    }
    Some(out)
}

/// A text as one sentence of the generated docs: `**Why.** … .` in English,
/// `**为什么**：…。` in Chinese.
fn doc_sentence(heading: X, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}.", heading.text(lang), text.trim_end_matches('.')),
        Lang::Zh => format!("{}{}。", heading.text(lang), text.trim_end_matches('。')),
    }
}

/// `docs/rules.md` (English) or `docs/rules.zh-CN.md` (Chinese), generated
/// from the explain texts and the built-in plan's rule entries.
pub fn rules_markdown(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", X::DocTitle.text(lang));
    let _ = writeln!(out, "{}\n", X::DocGenerated.text(lang));
    let _ = writeln!(out, "{}", X::DocTableHead.text(lang));
    for info in CODES {
        let text = info.text(lang);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            info.code,
            info.code.name(),
            text.severity,
            text.summary
        );
    }
    for info in CODES {
        let text = info.text(lang);
        let _ = writeln!(out, "\n## {} {}\n", info.code, info.code.name());
        let _ = writeln!(
            out,
            "{}\n",
            doc_sentence(X::DocFiresWhen, text.summary, lang)
        );
        let _ = writeln!(out, "{}\n", doc_sentence(X::DocWhy, text.why, lang));
        let _ = writeln!(
            out,
            "{}\n\n```yaml\n{}```\n",
            X::DocExample.text(lang),
            ensure_newline(text.example)
        );
        let _ = writeln!(out, "{}\n", doc_sentence(X::DocFix, text.fix, lang));
        if info.code.plan_rule() {
            let applied = where_applied(plan, info, lang);
            let _ = writeln!(out, "{}\n", X::DocWhereBuiltin.text(lang));
            if applied.is_empty() {
                let _ = writeln!(out, "{}", X::DocNowhere.text(lang));
            } else {
                out.push_str(&applied);
            }
        } else {
            let _ = writeln!(out, "{}", X::DocFixed.text(lang));
        }
    }
    out
}

fn ensure_newline(s: &str) -> String {
    if s.ends_with('\n') {
        s.to_string()
    } else {
        format!("{s}\n")
    }
}
