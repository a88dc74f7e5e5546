//! PL208, PL209, PL306: a department reports every indicator and project it
//! is responsible for; `pending` counts as reported, but a pending binding
//! indicator is flagged.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::{Diagnostic, Location};
use crate::diagnostics::messages::{IndicatorMsg, Note, ProjectMsg, ServerText};
use crate::model::code::Code;
use crate::model::report::Report;
use crate::syntax::yaml::Span;

pub const PL208: CodeInfo = CodeInfo {
    code: Code::PL208,
    summary: "a department omits an indicator it is responsible for (`pending` counts as reported)",
    why: "the plan office's evaluation needs every indicator every year; a silent gap looks like a figure nobody wanted to show",
    example: "department: eco-env\nindicators:\n  - id: I14\n    value: 97.6\n# I15..I20 missing\n",
    fix: "add the indicator with its `value`, or with `pending: {reason, expected_by}` when the figure is not yet published (`plan-lint init` writes every entry the department owes)",
    zh: ChineseTexts {
        summary: "部门漏报了由本部门负责的指标（填报为待报 `pending` 也算已报）。",
        why: "规划主管部门每年评估都需要每个指标的数据；不声不响的空缺，看起来就像有人不愿公布的数据。",
        example: "department: eco-env\nindicators:\n  - id: I14\n    value: 97.6\n# 漏报 I15 至 I20\n",
        fix: "添加该指标并填写 `value`；数据尚未公布的，填写 `pending:` 并写明 `reason`（原因）和 `expected_by`（预计公布日期）。`plan-lint init` 会写出本部门应报的每一项。",
    },
    check: Some(check_indicators),
};

pub const PL209: CodeInfo = CodeInfo {
    code: Code::PL209,
    summary: "a binding indicator is reported as `pending`: a warning while `expected_by` lies ahead, an error once it has passed (`--today`) or when it lies after 31 December of the year after the period",
    why: "a binding indicator cannot be judged until its figure arrives; `expected_by` is a promise, and a figure that cannot arrive in time for the next report is not pending but missing",
    example: "indicators:\n  - id: I16\n    pending: {reason: 统计年鉴尚未发布, expected_by: 2024-06-30}\n",
    fix: "submit the figure as soon as it is published (by `expected_by`), replacing `pending` with `value`",
    zh: ChineseTexts {
        summary: "约束性指标填报为待报（`pending`）：`expected_by` 未到时为警告；已过（以 `--today` 为准），或晚于报告年度次年12月31日时为错误。",
        why: "约束性指标在数据到来之前无法评判；`expected_by` 是一个承诺，赶不上下一期报告的数据不是待报，而是缺报。",
        example: "indicators:\n  - id: I16\n    pending: {reason: 统计年鉴尚未发布, expected_by: 2024-06-30}\n",
        fix: "数据一公布（不晚于 `expected_by`）就补报，用 `value` 替换 `pending`。",
    },
    check: Some(check_pending),
};

pub const PL306: CodeInfo = CodeInfo {
    code: Code::PL306,
    summary: "a department omits a project it is responsible for",
    why: "the key-project ledger (重点项目跟踪台账) needs each project's status every year, including projects not yet started",
    example: "department: water\nprojects: []\n",
    fix: "add the project with its status and progress (`planned`, progress 0, if nothing has started)",
    zh: ChineseTexts {
        summary: "部门漏报了由本部门负责的项目。",
        why: "重点项目跟踪台账每年都需要每个项目的状态，包括尚未开工的项目。",
        example: "department: water\nprojects: []   # 本部门负责的项目一个也没报\n",
        fix: "添加该项目，并填写状态和形象进度（尚未开工的填 `status: planned`、`progress: 0`）。",
    },
    check: Some(check_projects),
};

/// Whether the report's list section is written under a misspelt key.
fn misspelt(ctx: &RuleCtx<'_>, section: &str) -> bool {
    let key = match section {
        "indicators" => ctx.report.indicators_key,
        _ => ctx.report.projects_key,
    };
    key.is_none() && ctx.report.misspelt_sections.contains(&section)
}

/// Where a missing entry would be added: the list's key, else the department field.
fn list_location(ctx: &RuleCtx<'_>, key: Option<Span>) -> Location {
    let r = ctx.report;
    match key.or(r.department.as_ref().map(|d| d.span)) {
        Some(s) => Location::at(&r.source, s),
        None => Location::file_start(&r.source),
    }
}

/// Where and what to insert to add `entry` (lines indented as a list item
/// at column 0) as the first item of the block list under `key`: its items'
/// indentation, else two spaces more than the key. None for a list written
/// in flow style (`indicators: [...]`) or a report without the key.
fn list_insertion(report: &Report, key: Option<Span>, entry: &str) -> Option<(Span, String)> {
    let src = &report.source;
    let key = key?;
    let text = src.text();
    let (line, column) = src.line_col(key.start());
    let (_, line_end) = src.line_span(line);
    let rest = text.get(key.end()..line_end)?.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let key_indent = column.saturating_sub(1);
    let next = (line + 1..)
        .map(|l| (l, src.line_span(l)))
        .take_while(|(_, (start, _))| *start < text.len())
        .map(|(_, (s, e))| &text[s..e])
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let indent = match next {
        Some(l) if l.trim_start().starts_with('-') => l.len() - l.trim_start().len(),
        _ => key_indent + 2,
    };
    let pad = " ".repeat(indent);
    let mut out: String = entry.lines().map(|l| format!("{pad}{l}\n")).collect();
    let at = src.line_start(line + 1);
    let at = if at >= text.len() && !text.ends_with(['\n', '\r']) {
        out.insert(0, '\n');
        text.len()
    } else {
        at
    };
    Some((Span::new(at, at), out))
}

fn check_indicators(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(dept) = ctx.report.department() else {
        return;
    };
    // A misspelt `indicators:` is one cause: PL002 says it, once.
    if misspelt(ctx, "indicators") {
        return;
    }
    let (Some(period), Some(_)) = (ctx.period(), ctx.plan.department(dept)) else {
        return;
    };
    for &i in ctx.plan.responsibilities_in(dept, period).0.iter() {
        let ind = &ctx.plan.indicators[i];
        if !ctx.owns_indicator(i) || ctx.reports_indicator(i) {
            continue;
        }
        let loc = list_location(ctx, ctx.report.indicators_key);
        let mut d = Diagnostic::new(
            Code::PL208,
            ctx.severity(),
            loc,
            IndicatorMsg::Missing {
                ind: ind.into(),
                department: dept.to_string(),
                period,
            },
        )
        .target(&ind.id)
        .node_path(format!("/indicators/{}", ind.id));
        let entry = format!("- id: {}\n  value: \n", ind.id);
        if let Some((at, text)) = list_insertion(ctx.report, ctx.report.indicators_key, &entry) {
            d = d.fix(
                at,
                text,
                ServerText::FixAddIndicator {
                    id: ind.id.clone(),
                    name: ind.name.clone(),
                },
            );
        }
        if let Some(l) = ctx.plan.indicator_location(&ind.id, Some("department")) {
            d = d.related(
                l,
                Note::PlanResponsible {
                    department: dept.to_string(),
                    id: ind.id.clone(),
                },
            );
        }
        out.push(d);
    }
}

/// A pending binding figure is a promise: a warning while `expected_by`
/// lies ahead, an error once it has passed (`--today`), or when it lies
/// after 31 December of the year after the period, too late for the next
/// report (trust.md, "Pending values run out").
fn check_pending(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(p) = e.pending() else { continue };
        let latest = ctx
            .period()
            .and_then(|y| jiff::civil::Date::new(i16::try_from(y + 1).ok()?, 12, 31).ok());
        let due = p.expected_by.as_ref();
        let (span, msg, overdue) = match (due, latest) {
            (Some(d), _) if d.value < ctx.today => (
                d.span,
                IndicatorMsg::PendingExpired {
                    ind: ind.into(),
                    expected_by: d.value.to_string(),
                    today: ctx.today.to_string(),
                },
                true,
            ),
            (Some(d), Some(latest)) if d.value > latest => (
                d.span,
                IndicatorMsg::PendingTooLate {
                    ind: ind.into(),
                    expected_by: d.value.to_string(),
                    period: ctx.period().unwrap_or_default(),
                    latest: latest.to_string(),
                },
                true,
            ),
            _ => (
                p.span,
                IndicatorMsg::BindingPending { ind: ind.into() },
                false,
            ),
        };
        let mut d = ctx.finding(span, msg).target(&ind.id);
        if overdue {
            d.severity = crate::diagnostics::diagnostic::Severity::Error;
            d = d.node_path(format!("{}/pending/expected_by", e.pointer()));
        } else {
            d = d.node_path(format!("{}/pending", e.pointer()));
        }
        out.push(d);
    }
}

fn check_projects(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(dept) = ctx.report.department() else {
        return;
    };
    if misspelt(ctx, "projects") {
        return;
    }
    let (Some(period), Some(_)) = (ctx.period(), ctx.plan.department(dept)) else {
        return;
    };
    for &i in ctx.plan.responsibilities_in(dept, period).1.iter() {
        let p = &ctx.plan.projects[i];
        if !ctx.owns_project(i) || ctx.reports_project(i) {
            continue;
        }
        let loc = list_location(ctx, ctx.report.projects_key);
        let mut d = Diagnostic::new(
            Code::PL306,
            ctx.severity(),
            loc,
            ProjectMsg::Missing {
                project: p.into(),
                department: dept.to_string(),
                period,
            },
        )
        .target(&p.id)
        .node_path(format!("/projects/{}", p.id));
        let entry = format!("- id: {}\n  status: \n  progress: \n", p.id);
        if let Some((at, text)) = list_insertion(ctx.report, ctx.report.projects_key, &entry) {
            d = d.fix(
                at,
                text,
                ServerText::FixAddProject {
                    id: p.id.clone(),
                    name: p.name.clone(),
                },
            );
        }
        if let Some(l) = ctx.plan.project_location(&p.id, Some("department")) {
            d = d.related(
                l,
                Note::PlanResponsible {
                    department: dept.to_string(),
                    id: p.id.clone(),
                },
            );
        }
        out.push(d);
    }
}
