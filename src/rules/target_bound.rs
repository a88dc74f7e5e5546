//! PL202: a value must be on the right side of a target that is a bound.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::Diagnostic;
use crate::messages::{IndicatorMsg, Note};
use crate::numeric;
use crate::plan::{BaselineKind, IndicatorKind, TargetIs};

pub const PL202: CodeInfo = CodeInfo {
    code: "PL202",
    name: "target-breach",
    severity: "error for binding, warning otherwise",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &[],
    summary: "a value is on the wrong side of a bound: a floor such as 森林覆盖率 41.68, a ceiling such as 失业率 5, a growth rate such as 8.5以上",
    why: "a bound holds every year of the plan, not only in 2025: a year below a floor is a breach of the plan in that year (a cumulative total, and a target with no baseline, is judged from its target year)",
    example: "indicators:\n  - id: I15\n    value: 41.5\n",
    fix: "check the figure; if it is right, the breach must be reported to the plan office (for binding indicators a suppression needs its approval)",
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(target), Some(period)) = (&e.value, ind.target, ctx.period()) else {
            continue;
        };
        if ind.target_is != TargetIs::Bound || numeric::meets(ind.comparison, v.value, target) {
            continue;
        }
        // A total over the plan period, or a target with no baseline to draw a
        // path from, is judged from its target year on.
        let judged_at_target_year =
            ind.kind == IndicatorKind::Cumulative || ind.baseline_kind == BaselineKind::None;
        if judged_at_target_year && period < ind.target_year {
            continue;
        }
        let mut d = ctx
            .finding(
                v.span,
                IndicatorMsg::TargetBreach {
                    ind: ind.into(),
                    value: v.value,
                    period,
                    target,
                    target_text: ind.target_text.clone(),
                    comparison: ind.comparison,
                    binding: ind.attribute == crate::plan::Attribute::Binding,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        if let Some(l) = ctx.plan.indicator_location(&ind.id, Some("target")) {
            d = d.related(
                l,
                Note::PlanTarget {
                    text: ind.target_text.clone(),
                },
            );
        }
        out.push(d);
    }
}
