//! PL206: a cumulative total since the plan began never falls.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::model::code::Code;
use crate::model::numeric;

pub const PL206: CodeInfo = CodeInfo {
    code: Code::PL206,
    summary: "a cumulative indicator (e.g. 累计城镇新增就业人数) is lower than its previous value",
    why: "a total since 2021 can only grow: a lower figure means this year's figure was reported instead of the running total, or a year was lost",
    example: "# 2022: I22 value 7.1 (万人, total since 2021)\nperiod: 2023\nindicators:\n  - id: I22\n    value: 3.6\n",
    fix: "report the running total since the plan's first year, not this year's figure alone",
    zh: ChineseTexts {
        summary: "累计类指标（如累计城镇新增就业人数）低于上期数值。",
        why: "自2021年以来的累计数只增不减：数值变小，说明填的是当年数而不是累计数，或者漏了某一年。",
        example: "# 2022年：I22 为 7.1（万人，2021年以来累计）\nperiod: 2023\nindicators:\n  - id: I22\n    value: 3.6   # 填成了当年数\n",
        fix: "填报自规划期第一年以来的累计数，而不是当年数。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(period)) = (&e.value, ctx.period()) else {
            continue;
        };
        let Some(prev) = ctx.previous(ind) else {
            continue;
        };
        if numeric::compare(v.value, prev.value) != std::cmp::Ordering::Less {
            continue;
        }
        let d = ctx
            .finding(
                v.span,
                IndicatorMsg::CumulativeDecrease {
                    ind: ind.into(),
                    prev: prev.shown(),
                    value: v.value,
                    period,
                    start: ctx.plan.header.period.start,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()));
        let label = Note::PreviousTotal {
            value: prev.value,
            unit: ind.unit.clone(),
            year: prev.year,
        };
        out.push(prev.relate(d, label));
    }
}
