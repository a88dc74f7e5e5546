//! PL203: a path indicator must keep up with the linear path from its
//! baseline to its target; an annual growth rate's compound average over
//! the years reported so far must reach its target.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::engine::history::Fact;
use crate::model::code::Code;
use crate::model::plan::judgement::{self, Average};
use crate::model::plan::verdict::{Method, Verdict};
use crate::model::plan::{Direction, Indicator};

pub const PL203: CodeInfo = CodeInfo {
    code: Code::PL203,
    summary: "a target judged by its pace — a path from its baseline to its target, a total built from 0, an annual growth rate's compound average over the years counted — is behind for its year by more than the rule's `margin`, a share of the path: of the planned change (target − baseline), of the target, of the target rate. It is the verdict `status` shows as 滞后预期",
    why: "the plan office evaluates each year whether a target is still reachable (滞后预期); falling behind the path early is the warning that comes in time. One yardstick serves `check` and `status` (rules.md, \"One judgement\"): a margin in the indicator's unit would be 5% of one path and 83% of another",
    example: "# I14: baseline 96.48 (2020), target 98 (2025): the path expects 97.39 in 2023\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
    fix: "nothing to correct if the figure is right: the warning tells the department and the plan office the target needs more effort; explain the measures in `note`",
    zh: ChineseTexts {
        summary: "按进度评判的目标（从基期值到目标值的路径、从 0 起累计的总量、年均增长类指标截至目前各年的复合年均增速）在本年落后于进度，且超过规则的 `margin`——路径的一个比例：目标值与基期值之差、目标值或目标增速的比例。这正是 `status` 中显示为“滞后预期”的评价。",
        why: "规划主管部门每年都要评估目标是否仍能实现（滞后预期）；早一点发现落后于进度，提醒才来得及。`check` 与 `status` 使用同一把尺子（rules.md“同一评价”）：按指标自身单位给的偏差，对一条路径是 5%，对另一条却是 83%。",
        example: "# I14：基期值 96.48（2020年），目标值 98（2025年），按进度2023年应达 97.39\nperiod: 2023\nindicators:\n  - id: I14\n    value: 96.9\n",
        fix: "数据无误的，无需改正：这条警告提醒部门和规划主管部门，该目标需要加大力度；请在 `note` 中说明采取的措施。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let plan = ctx.plan;
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(target), Some(period)) = (&e.value, ind.target, ctx.period()) else {
            continue;
        };
        // The one judgement: behind the path by more than the band, before
        // the target year (from it on the target itself is judged, PL202).
        let Some(verdict) = ctx.verdict(e, ind).filter(|j| j.behind_pace(ind)) else {
            continue;
        };
        let oriented = |gap: f64| match ind.direction {
            Direction::HigherIsBetter => gap,
            Direction::LowerIsBetter => -gap,
        };
        if verdict.method == Method::AnnualRate {
            let (Some(avg), Some((_, ref earlier))) =
                (verdict.average, average_through(ctx, ind, v.value))
            else {
                continue;
            };
            let d = ctx
                .finding(
                    v.span,
                    IndicatorMsg::BehindRate {
                        ind: ind.into(),
                        average: computed(ctx, ind, avg),
                        first: plan.header.period.start,
                        period,
                        target,
                        gap: computed(ctx, ind, oriented(avg - target)),
                        value: v.value,
                        missing: verdict.gaps.clone(),
                    },
                )
                .target(&ind.id)
                .node_path(format!("{}/value", e.pointer()));
            let d = relate_averaged(d, ind, &counted(earlier, verdict));
            // The target is a yearly average over the period, not a
            // figure for its last year: no year in the label.
            let note = Note::PlanTarget {
                text: ind.target_text.clone(),
            };
            out.push(with_plan_target(d, ctx, ind, note));
            continue;
        }
        // A path from the baseline, or a total built from 0 at the plan's start.
        let (baseline, baseline_year) = match verdict.method {
            Method::Path => (
                ind.baseline.unwrap_or(0.0),
                plan.header.period.baseline_year,
            ),
            _ => (0.0, plan.header.period.start - 1),
        };
        let Some(expected) = verdict.expected else {
            continue;
        };
        let d = ctx
            .finding(
                v.span,
                IndicatorMsg::BehindPath {
                    ind: ind.into(),
                    value: v.value,
                    period,
                    baseline,
                    baseline_year,
                    target,
                    target_year: ind.target_year,
                    expected: computed(ctx, ind, expected),
                    gap: computed(ctx, ind, oriented(v.value - expected)),
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

/// The earlier years' rates the verdict counted: a year in error is not.
pub(super) fn counted<'a>(earlier: &[Fact<'a, f64>], verdict: &Verdict) -> Vec<Fact<'a, f64>> {
    (earlier.iter())
        .filter(|f| !verdict.in_error.contains(&f.period))
        .copied()
        .collect()
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
