//! PL207: a value must be plausible for what it measures.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::Diagnostic;
use crate::messages::IndicatorMsg;
use crate::numeric;
use std::cmp::Ordering;

pub const PL207: CodeInfo = CodeInfo {
    code: "PL207",
    name: "implausible-value",
    severity: "error",
    subject: Subject::Indicator,
    plan_rule: true,
    required_params: &[],
    summary: "a value is outside the range the catalog gives the indicator (a share of a whole: 0..100; a growth rate: any finite number; a count: ≥ 0), or not a finite number",
    why: "a share above 100% or a negative count is a typing error (976 for 97.6), and would distort every comparison after it",
    example: "indicators:\n  - id: I14\n    value: 976\n",
    fix: "check the decimal point and the unit: a share is written in percent (97.6), a count in the plan's unit",
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(v) = &e.value else { continue };
        let [lo, hi] = ind.range;
        let below = lo.is_some_and(|lo| numeric::compare(v.value, lo) == Ordering::Less);
        let above = hi.is_some_and(|hi| numeric::compare(v.value, hi) == Ordering::Greater);
        if !below && !above {
            continue;
        }
        out.push(
            ctx.finding(
                v.span,
                IndicatorMsg::Implausible {
                    ind: ind.into(),
                    value: v.value,
                    min: lo,
                    max: hi,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer())),
        );
    }
}
