//! PL204, PL205, PL210: a qualitative target ("控制在市要求以内", "达到省要求")
//! is met against the city or province requirement for the year, which the
//! report must state and cite, and one cited document gives one figure.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{IndicatorMsg, Note};
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
        let no_value = req.and_then(|r| r.value.as_ref()).is_none();
        let no_source = req.and_then(|r| r.source.as_ref()).is_none();
        if !no_value && !no_source {
            continue;
        }
        // Point at what is there: the requirement block, else the indicator's id.
        let span = req.map_or(e.id.span, |r| r.span);
        out.push(
            ctx.finding(
                span,
                IndicatorMsg::RequirementMissing {
                    ind: ind.into(),
                    target_text: ind.target_text.clone(),
                    value: no_value,
                    source: no_source,
                    block: req.is_some(),
                },
            )
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
                IndicatorMsg::RequirementNotMet {
                    ind: ind.into(),
                    value: v.value,
                    period,
                    required: rv.value,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()))
            .related(Location::at(&ctx.report.source, rv.span), Note::Requirement),
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
            .requirement_citations(ctx.plan, ind, &rs.value)
            .find(|f| {
                f.path() != ctx.report.source.path
                    && numeric::compare(f.value, rv.value) != std::cmp::Ordering::Equal
            });
        let Some(other) = other else { continue };
        out.push(
            ctx.finding(
                rv.span,
                IndicatorMsg::RequirementInconsistent {
                    ind: ind.into(),
                    source: rs.value.trim().to_string(),
                    value: rv.value,
                    other_period: other.period,
                    other_value: other.value,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/requirement/value", e.pointer()))
            .related(
                other.location(),
                Note::OtherCitation {
                    value: other.value,
                    unit: ind.unit.clone(),
                    year: other.period,
                },
            ),
        );
    }
}
