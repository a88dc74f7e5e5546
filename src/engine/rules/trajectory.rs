//! PL203: a path indicator must keep up with the linear path from its
//! baseline to its target; an annual growth rate's compound average over
//! the years reported so far must reach its target.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::engine::history::Fact;
use crate::model::code::Code;
use crate::model::numeric;
use crate::model::plan::judgement::{self, Average};
use crate::model::plan::{Direction, Indicator, IndicatorKind};

pub const PL203: CodeInfo = CodeInfo {
    code: Code::PL203,
    summary: "a path indicator is behind the linear path from baseline to target for its year by more than the rule's margin, or an annual-rate indicator's compound average over the years reported so far is below its target",
    why: "the plan office evaluates each year whether a target is still reachable (滞后预期); falling behind the path early is the warning that comes in time",
    example: "# I14: baseline 96.48 (2020), target 98 (2025): the path expects 97.39 in 2023\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
    fix: "nothing to correct if the figure is right: the warning tells the department and the plan office the target needs more effort; explain the measures in `note`",
    zh: ChineseTexts {
        summary: "须达到目标的指标落后于从基期值到目标值的线性进度，且超过规则允许的偏差；或年均增长类指标截至目前各年的复合年均增速低于目标。",
        why: "规划主管部门每年都要评估目标是否仍能实现（滞后预期）；早一点发现落后于进度，提醒才来得及。",
        example: "# I14：基期值 96.48（2020年），目标值 98（2025年），按进度2023年应达 97.39\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
        fix: "数据无误的，无需改正：这条警告提醒部门和规划主管部门，该目标需要加大力度；请在 `note` 中说明采取的措施。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let margin = ctx.rule.entry.params.margin.unwrap_or(0.0);
    let plan = ctx.plan;
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(target), Some(period)) = (&e.value, ind.target, ctx.period()) else {
            continue;
        };
        // From the target year on the target is judged, not the pace (PL202).
        if period >= ind.target_year {
            continue;
        }
        if ind.kind == IndicatorKind::AnnualRate {
            let Some((average, earlier)) = average_through(ctx, ind, v.value) else {
                continue;
            };
            let avg = average.value;
            let gap = match ind.direction {
                Direction::HigherIsBetter => avg - target,
                Direction::LowerIsBetter => target - avg,
            };
            if !numeric::exceeds(-gap, margin) {
                continue;
            }
            let d = ctx
                .finding(
                    v.span,
                    IndicatorMsg::BehindRate {
                        ind: ind.into(),
                        average: computed(ctx, ind, avg),
                        first: plan.header.period.start,
                        period,
                        target,
                        gap: computed(ctx, ind, gap),
                        value: v.value,
                        missing: average.missing,
                    },
                )
                .target(&ind.id)
                .node_path(format!("{}/value", e.pointer()));
            let d = relate_averaged(d, ind, &earlier);
            // The target is a yearly average over the period, not a
            // figure for its last year: no year in the label.
            let note = Note::PlanTarget {
                text: ind.target_text.clone(),
            };
            out.push(with_plan_target(d, ctx, ind, note));
            continue;
        }
        if !ind.has_trajectory() {
            continue;
        }
        let Some(baseline) = ind.baseline else {
            continue;
        };
        let expected = numeric::linear_path(
            baseline,
            plan.header.period.baseline_year,
            target,
            ind.target_year,
            period,
        );
        let gap = match ind.direction {
            Direction::HigherIsBetter => v.value - expected,
            Direction::LowerIsBetter => expected - v.value,
        };
        if !numeric::exceeds(-gap, margin) {
            continue;
        }
        let d = ctx
            .finding(
                v.span,
                IndicatorMsg::BehindPath {
                    ind: ind.into(),
                    value: v.value,
                    period,
                    baseline,
                    baseline_year: plan.header.period.baseline_year,
                    target,
                    target_year: ind.target_year,
                    expected: computed(ctx, ind, expected),
                    gap: computed(ctx, ind, gap),
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        let note = Note::PlanTargetFor {
            text: ind.target_text.clone(),
            year: ind.target_year,
        };
        out.push(with_plan_target(d, ctx, ind, note));
    }
}

/// The plan's target the figure falls behind, where the plan states it.
pub(super) fn with_plan_target(
    d: Diagnostic,
    ctx: &RuleCtx<'_>,
    ind: &Indicator,
    note: Note,
) -> Diagnostic {
    match ctx.plan.indicator_location(&ind.id, Some("target")) {
        Some(l) => d.related(l, note),
        None => d,
    }
}

/// A computed figure (an average, a path value, a gap) as a person writes
/// it: rounded to the precision the plan's rule files state for its unit.
pub(super) fn computed(ctx: &RuleCtx<'_>, ind: &Indicator, v: f64) -> f64 {
    crate::model::plan::plausibility::round_to(v, ctx.plan.plausibility(ind).precision)
}

/// The compound average of an annual rate over the plan years through the
/// report's period, this report's rate included, and the earlier years'
/// rates where their reports state them.
pub fn average_through<'a>(
    ctx: &RuleCtx<'a>,
    ind: &'a Indicator,
    value: f64,
) -> Option<(Average, Vec<Fact<'a, f64>>)> {
    let plan = ctx.plan;
    let period = ctx.period()?;
    let mut earlier = ctx.history.values_through(plan, ind, period - 1);
    earlier.retain(|f| plan.in_period(f.period));
    let series: Vec<(i32, f64)> = (earlier.iter().map(|f| (f.period, f.value)))
        .chain(std::iter::once((period, value)))
        .collect();
    let average = judgement::annual_average(&series, plan.header.period.start, period)?;
    Some((average, earlier))
}

/// Each earlier year's rate, where its report states it, related to a
/// finding on the average: the average is theirs as much as this year's.
pub(super) fn relate_averaged(
    mut d: Diagnostic,
    ind: &Indicator,
    earlier: &[Fact<'_, f64>],
) -> Diagnostic {
    for f in earlier {
        d = d.related(
            f.location(),
            Note::AveragedRate {
                value: f.value,
                unit: ind.unit.clone(),
                year: f.period,
            },
        );
    }
    d
}
