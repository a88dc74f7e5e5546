//! PL201: a binding level indicator must not move in its worse direction.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::Diagnostic;
use crate::messages::{IndicatorMsg, Note};
use crate::numeric;

pub const PL201: CodeInfo = CodeInfo {
    code: "PL201",
    name: "binding-regression",
    severity: "error",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &["tolerance"],
    summary: "a binding indicator of kind `level` moved in its worse direction against its previous value by more than the rule's tolerance",
    why: "约束性 indicators are commitments the district must keep: the plan's environmental figures (air quality, forest cover, green space) may not regress from one year to the next",
    example: "# progress/2022/eco-env.yaml has I14 value 97.5\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
    fix: "if the figure is wrong, correct it; if it is right, the regression must be explained to the plan office, which may approve a suppression with `approved_by: 区发展和改革局`",
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let tolerance = ctx.rule.entry.params.tolerance.unwrap_or(0.0);
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(period)) = (&e.value, ctx.period()) else {
            continue;
        };
        let Some(prev) = ctx.previous(ind) else {
            continue;
        };
        let worse = numeric::worsening(ind.direction, prev.value, v.value);
        if !numeric::exceeds(worse, tolerance) {
            continue;
        }
        let d = ctx
            .finding(
                v.span,
                IndicatorMsg::Regression {
                    ind: ind.into(),
                    direction: ind.direction,
                    prev: prev.shown(),
                    value: v.value,
                    period,
                    approver: ctx
                        .plan
                        .header
                        .approvers
                        .first()
                        .cloned()
                        .unwrap_or_default(),
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        let label = Note::PreviousValue {
            value: prev.value,
            unit: ind.unit.clone(),
            year: prev.year,
        };
        out.push(prev.relate(d, label));
    }
}
