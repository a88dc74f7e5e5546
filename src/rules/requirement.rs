//! PL204, PL205, PL210: a qualitative target ("控制在市要求以内", "达到省要求")
//! is met against the city or province requirement for the year, which the
//! report must state and cite, and one cited document gives one figure.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{indicator, q, val};
use crate::numeric;

pub const PL204: CodeInfo = CodeInfo {
    code: "PL204",
    name: "requirement-missing",
    severity: "error",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &[],
    summary: "a qualitative target (序号 17–19) is reported without `requirement.value` and `requirement.source`",
    why: "\"达到省要求\" can only be judged against the figure the province set for the year, and only if the document that set it is cited",
    example: "indicators:\n  - id: I18\n    value: 2.4\n",
    fix: "add `requirement: {value: <the required reduction, %>, source: <the document, e.g. 黔环发〔2023〕12号>}`",
    check: Some(check_missing),
};

pub const PL205: CodeInfo = CodeInfo {
    code: "PL205",
    name: "requirement-not-met",
    severity: "error",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &[],
    summary: "the value does not meet the stated requirement: for 17–19 the value is this year's reduction in percent, met when value ≥ requirement.value",
    why: "the binding qualitative targets are met only when the district's reduction reaches what the city or province required",
    example: "indicators:\n  - id: I18\n    value: 1.8\n    requirement: {value: 2.0, source: 黔环发〔2023〕12号}\n",
    fix: "check the figure and the requirement; if both are right the target was missed, which only the plan office may accept (approved suppression)",
    check: Some(check_met),
};

pub const PL210: CodeInfo = CodeInfo {
    code: "PL210",
    name: "requirement-inconsistent",
    severity: "error",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &[],
    summary: "two reports cite the same `requirement.source` for the same indicator with different values",
    why: "one document sets one figure: two different values under one citation mean one of them was copied wrongly",
    example: "# 2022: requirement {value: 2.0, source: 黔环发〔2023〕12号}\n# 2023: requirement {value: 2.5, source: 黔环发〔2023〕12号}\n",
    fix: "check the cited document and correct the value, or cite the document that sets this year's figure",
    check: Some(check_consistent),
};

fn check_missing(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        if e.value.is_none() {
            continue;
        }
        let req = e.requirement.as_ref();
        let missing: Vec<&str> = [
            (
                "requirement.value",
                req.and_then(|r| r.value.as_ref()).is_none(),
            ),
            (
                "requirement.source",
                req.and_then(|r| r.source.as_ref()).is_none(),
            ),
        ]
        .into_iter()
        .filter_map(|(n, m)| m.then_some(n))
        .collect();
        if missing.is_empty() {
            continue;
        }
        // Point at what is there: the requirement block, else the indicator's id.
        let span = req.map_or(e.id.span, |r| r.span);
        let help = match (missing.len(), req.is_some()) {
            (2, false) => "add `requirement:` with `value` (the figure the city or province required for this year) and `source` (the document that set it)".to_string(),
            _ if missing == ["requirement.source"] => "add `source:` under `requirement:`: the document that set the required figure (e.g. 黔环发〔2023〕12号)".to_string(),
            _ if missing == ["requirement.value"] => "add `value:` under `requirement:`: the figure the cited document requires for this year, in percent".to_string(),
            _ => "give `requirement:` both `value` (the required figure) and `source` (the document that set it)".to_string(),
        };
        let label = format!("{} missing", missing.join(" and "));
        out.push(
            ctx.finding(
                span,
                format!(
                    "{} has the qualitative target {} but the report lacks {}",
                    indicator(&ind.name, &ind.id),
                    q(&ind.target_text),
                    missing.join(" and ")
                ),
                help,
            )
            .label(label)
            .target(&ind.id)
            .node_path(format!("{}/requirement", e.pointer())),
        );
    }
}

fn check_met(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(rv), Some(period)) = (
            &e.value,
            e.requirement.as_ref().and_then(|r| r.value.as_ref()),
            ctx.period(),
        ) else {
            continue;
        };
        if numeric::meets(crate::plan::Comparison::AtLeast, v.value, rv.value) {
            continue;
        }
        out.push(
            ctx.finding(
                v.span,
                format!(
                    "{} is {} in {period}, short of the required {}",
                    indicator(&ind.name, &ind.id),
                    val(v.value, &ind.unit),
                    val(rv.value, &ind.unit)
                ),
                "check the figure and the cited requirement; if both are right the target was missed, and only the plan office may accept that".into(),
            )
            .label(format!("below {}", val(rv.value, &ind.unit)))
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()))
            .related(Location::at(&ctx.report.source, rv.span), "the requirement"),
        );
    }
}

fn check_consistent(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(req) = &e.requirement else { continue };
        let (Some(rv), Some(rs)) = (&req.value, &req.source) else {
            continue;
        };
        let other = ctx
            .history
            .requirement_citations(ctx.plan.id(), &ind.id, &rs.value)
            .iter()
            .find(|f| {
                f.location.path != ctx.report.source.path
                    && numeric::compare(f.value, rv.value) != std::cmp::Ordering::Equal
            });
        let Some(other) = other else { continue };
        out.push(
            ctx.finding(
                rv.span,
                format!(
                    "{} cites {} with the value {}, but the report for {} cites it with {}",
                    indicator(&ind.name, &ind.id),
                    q(rs.value.trim()),
                    val(rv.value, &ind.unit),
                    other.period,
                    val(other.value, &ind.unit)
                ),
                "check the cited document: correct the value, or cite the document that sets this year's requirement".into(),
            )
            .label("differs from the other citation")
            .target(&ind.id)
            .node_path(format!("{}/requirement/value", e.pointer()))
            .related(
                other.location.clone(),
                format!("{} in the {} report", val(other.value, &ind.unit), other.period),
            ),
        );
    }
}
