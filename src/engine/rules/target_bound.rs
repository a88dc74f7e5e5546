//! PL202: a value must keep its target in the years the plan judges it: a
//! bound every year, a target to reach from its target year on, an
//! annual-average rate on its average in the plan's final year.

use super::trajectory::{computed, counted, relate_averaged, with_plan_target};
use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::model::code::Code;
use crate::model::plan::verdict::Method;
use crate::model::plan::{Attribute, IndicatorKind, TargetIs};

pub const PL202: CodeInfo = CodeInfo {
    code: Code::PL202,
    summary: "a value is on the wrong side of its target in a year the plan judges it: a bound (森林覆盖率 41.68, 失业率 5) every year, a target to reach from its target year, an annual-average rate (8.5以上) on its average in the final year",
    why: "a floor or ceiling the plan says to hold (保持…, …以内, a target at or worse than its baseline) holds every year; a target to reach is missed when its year comes and the value has not reached it; a 年均 target is an average over the period, so one slow year is no breach but a low average at the end is. 左右 is a band as wide as the rule entry's `band`, wherever the plan writes it (I22: 17.5万人左右 in the text, 17.5 in the table); 超过 is strict. It is the verdict `status` shows (rules.md, \"One judgement\"): a figure in error (PL207) is judged by nothing",
    example: "indicators:\n  - id: I15\n    value: 41.5\n",
    fix: "check the figure; if it is right, the breach must be reported to the plan office (for binding indicators only its register can except it)",
    zh: ChineseTexts {
        summary: "在规划评判的年份，数值落在目标值的不利一侧：底线或上限（森林覆盖率 41.68、失业率 5）每年评判，须达到的目标从目标年起评判，年均增长目标（8.5以上）在规划期最后一年按年均值评判。",
        why: "规划要求守住的底线或上限（保持……、……以内、目标值不优于基期值）每年都要守住；须达到的目标到了目标年仍未达到，即为未完成；年均目标是整个规划期的平均，一年偏慢不算未完成，到期末平均仍偏低才算。“左右”是一个区间，宽度由规则条目的 `band` 确定，规划无论在哪里写了“左右”都如此（I22：正文“17.5万人左右”，表中 17.5）；“超过”不含等于。这与 `status` 显示的是同一评价（rules.md“同一评价”）：有误的数值（PL207）不予评价。",
        example: "indicators:\n  - id: I15\n    value: 41.5   # 森林覆盖率的目标值 41.68 须每年守住\n",
        fix: "核实数据；数据无误的，须向规划主管部门报告未达标情况（约束性指标只有规划主管部门的决定登记簿才能豁免）。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(period) = ctx.period() else { return };
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(target)) = (&e.value, ctx.plan.target_of(ind)) else {
            continue;
        };
        if ind.kind == IndicatorKind::Qualitative {
            continue;
        }
        // The one judgement: the year's figure missed what the plan asks of
        // the year (a figure in error is judged by nothing).
        let Some(verdict) = ctx
            .verdict(e, ind)
            .filter(|j| j.met_in(period) == Some(false))
        else {
            continue;
        };
        let binding = ind.attribute == Attribute::Binding;
        let msg = if verdict.method == Method::AnnualRate {
            let (Some(average), Some((_, ref earlier))) = (
                verdict.average,
                super::trajectory::average_through(ctx, ind, v.value),
            ) else {
                continue;
            };
            let d = ctx
                .finding(
                    v.span,
                    IndicatorMsg::AverageBreach {
                        ind: ind.into(),
                        average: computed(ctx, ind, average),
                        first: ctx.plan.header.period.start,
                        period,
                        target_text: ind.target_text.clone(),
                        missing: verdict.gaps.clone(),
                        binding,
                    },
                )
                .target(&ind.id)
                .node_path(format!("{}/value", e.pointer()));
            let d = relate_averaged(d, ind, &counted(earlier, verdict));
            // The target is a yearly average over the period: no year in the label.
            let note = Note::PlanTarget {
                text: ind.target_text.clone(),
            };
            out.push(with_plan_target(d, ctx, ind, note));
            continue;
        } else {
            IndicatorMsg::TargetBreach {
                ind: ind.into(),
                value: v.value,
                period,
                target: target.value,
                target_text: ind.target_text.clone(),
                comparison: ind.comparison,
                band: target.band_limits(),
                binding,
            }
        };
        let d = ctx
            .finding(v.span, msg)
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        // A target to reach is the target of its year; a bound, of every year.
        let text = ind.target_text.clone();
        let note = match ind.target_is {
            TargetIs::Path => Note::PlanTargetFor {
                text,
                year: ind.target_year,
            },
            TargetIs::Bound => Note::PlanTarget { text },
        };
        out.push(with_plan_target(d, ctx, ind, note));
    }
}
