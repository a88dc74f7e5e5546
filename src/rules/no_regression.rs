//! PL201: a binding level indicator must not move in its worse direction.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::Diagnostic;
use crate::messages::{indicator, val};
use crate::numeric;
use crate::plan::Direction;

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
        let verb = match ind.direction {
            Direction::HigherIsBetter => "fell",
            Direction::LowerIsBetter => "rose",
        };
        let d = ctx
            .finding(
                v.span,
                format!(
                    "{} {verb} from {} {} to {} in {period}; binding indicators must not regress",
                    indicator(&ind.name, &ind.id),
                    val(prev.value, &ind.unit),
                    prev.when(),
                    val(v.value, &ind.unit),
                ),
                format!(
                    "check the figure against its source; if it is right, explain the fall in `note` and ask the plan office for an approved suppression (rule: PL201, target: {}, approved_by: {})",
                    ind.id,
                    ctx.plan.header.approvers.first().map_or("", String::as_str)
                ),
            )
            .label(format!("{} in {period}", val(v.value, &ind.unit)))
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        let label = format!(
            "previous value {} ({})",
            val(prev.value, &ind.unit),
            prev.year
        );
        out.push(prev.relate(d, label));
    }
}
