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
    summary: "a value is outside the range the catalog gives the indicator (a share of a whole: 0..100; a count: ≥ 0), narrowed by the rule entry's `greater_than`/`at_most` (a growth rate: above −100 and at most the entry's ceiling), or not a finite number",
    why: "a share above 100% or a negative count is a typing error (976 for 97.6), and so is a growth rate of −100% or less, or an amount written where its growth rate belongs (45000 for 城镇居民人均可支配收入's 8%): each would distort every comparison after it",
    example: "indicators:\n  - id: I14\n    value: 976\n",
    fix: "check the decimal point and the unit: a share is written in percent (97.6), a count in the plan's unit",
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let params = &ctx.rule.entry.params;
    for (e, ind) in ctx.indicators() {
        let Some(v) = &e.value else { continue };
        let [lo, hi] = ind.range;
        // The rule entry may narrow the catalog's range: a growth rate is
        // above -100 (exclusive) and below what no real growth reaches.
        let (lo, min_exclusive) = match (lo, params.greater_than) {
            (Some(l), Some(g)) if numeric::compare(l, g) == Ordering::Greater => (Some(l), false),
            (_, Some(g)) => (Some(g), true),
            (l, None) => (l, false),
        };
        let hi = match (hi, params.at_most) {
            (Some(h), Some(m)) => Some(h.min(m)),
            (h, m) => h.or(m),
        };
        let below = lo.is_some_and(|lo| match numeric::compare(v.value, lo) {
            Ordering::Less => true,
            Ordering::Equal => min_exclusive,
            Ordering::Greater => false,
        });
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
                    min_exclusive,
                    max: hi,
                    rate: ind.kind == crate::plan::IndicatorKind::AnnualRate,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer())),
        );
    }
}
