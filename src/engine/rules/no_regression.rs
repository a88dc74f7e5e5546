//! PL201: a binding level indicator must not move in its worse direction.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::model::code::Code;
use crate::model::numeric;

pub const PL201: CodeInfo = CodeInfo {
    code: Code::PL201,
    summary: "a binding indicator of kind `level` moved in its worse direction against its previous value by more than the rule's tolerance",
    why: "约束性 indicators are commitments the district must keep: the plan's environmental figures may not regress from one year to the next. Where the plan's own binding target lies at or below the baseline (森林覆盖率 41.75 → 41.68), the plan permits movement down to that floor: the rule entry for such targets sets the severity of a fall that stays above it, and a fall across it is PL202",
    example: "# progress/2022/eco-env.yaml has I14 value 97.5\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
    fix: "if the figure is wrong, correct it; if it is right, explain the fall in `note` and send the plan office its source: only a suppression decision in its register (decisions/) excepts it, a report's own `approved_by` grants nothing",
    zh: ChineseTexts {
        summary: "约束性指标中的水平类指标（按当年数值考核，如空气质量优良率、森林覆盖率）较上期向不利方向变化，且幅度超过规则的容差。",
        why: "约束性指标是全区必须兑现的承诺：规划中的生态环境指标不得逐年倒退。规划自身的约束性目标值不高于基期值的（森林覆盖率 41.75 → 41.68），规划允许下降到这条底线为止：对这类目标，仍在底线以上的下降按相应规则条目规定的级别报告，跌破底线的则是 PL202。",
        example: "# progress/2022/eco-env.yaml 中 I14 为 97.5\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
        fix: "数据有误的，请改正；数据无误的，在 `note` 中说明下降原因，并把数据来源报送规划主管部门：只有规划主管部门在决定登记簿（decisions/）中登记的豁免决定才能豁免，报告中自己写的 `approved_by` 不起作用。",
    },
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
        // A fall across a target in force is a breach of the plan: PL202
        // reports it. What this code judges is the movement on the right
        // side of the target (rules.md, "No regression, as the plan allows it").
        let target = ctx.plan.target_of(ind);
        if ind.judged_in(period) && target.is_some_and(|t| !t.met_by(v.value)) {
            continue;
        }
        // A bound the plan sets at or below the baseline is a floor it
        // permits movement down to: the message says so.
        let floor = target
            .filter(|_| ind.target_is == crate::model::plan::TargetIs::Bound)
            .map(|t| t.value);
        let d = ctx
            .finding(
                v.span,
                IndicatorMsg::Regression {
                    ind: ind.into(),
                    direction: ind.direction,
                    prev: prev.shown(),
                    value: v.value,
                    period,
                    approver: ctx.approver(),
                    floor,
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
