//! PL207: a value must be plausible for what it measures.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::IndicatorMsg;
use crate::model::code::Code;
use crate::model::numeric;
use std::cmp::Ordering;

pub const PL207: CodeInfo = CodeInfo {
    code: Code::PL207,
    summary: "a value is outside the range the catalog gives the indicator (a share of a whole: 0..100; a count: ≥ 0), narrowed by the rule entry's `greater_than`/`at_most` (a growth rate: above −100 and at most the entry's ceiling), or not a finite number",
    why: "a share above 100% or a negative count is a typing error (976 for 97.6), and so is a growth rate of −100% or less, or an amount written where its growth rate belongs (45000 for 城镇居民人均可支配收入's 8%): each would distort every comparison after it. A share below 1% where the plan's figures are 10% or more is likely a fraction (0.978 for 97.8%): a warning, since it may be true",
    example: "indicators:\n  - id: I14\n    value: 976\n",
    fix: "check the decimal point and the unit: a share is written in percent (97.6), a count in the plan's unit",
    zh: ChineseTexts {
        summary: "数值超出目录给该指标的范围（占比：0—100；数量：不小于 0），并可由规则条目进一步收窄（增速：须大于 −100，且不超过该条目规定的上限），或者不是有限的数字。",
        why: "占比超过 100% 或数量为负，是录入错误（97.6 写成了 976）；增速不大于 −100%，或在该填增速的地方填了金额（城镇居民人均可支配收入的目标是增长 8%，却填了 45000），也是录入错误：这些错误会扭曲之后的每一次比较。规划数值在 10% 以上的占比却填了不到 1%，很可能写成了小数（97.8% 写成 0.978）：只作警告，因为也可能属实。",
        example: "indicators:\n  - id: I14\n    value: 976   # 应为 97.6\n",
        fix: "检查小数点和单位：占比按百分数填写（97.6），数量按规划的单位填写。",
    },
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
            // A share of a whole written as a fraction (0.978 for 97.8%):
            // in range, so only a warning, with the figure it likely means.
            if looks_like_fraction(ind, v.value) {
                let mut d = ctx
                    .finding(
                        v.span,
                        IndicatorMsg::LooksLikeFraction {
                            ind: ind.into(),
                            value: v.value,
                        },
                    )
                    .target(&ind.id)
                    .node_path(format!("{}/value", e.pointer()));
                d.severity = crate::diagnostics::diagnostic::Severity::Warning;
                out.push(d);
            }
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
                    rate: ind.kind == crate::model::plan::IndicatorKind::AnnualRate,
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer())),
        );
    }
}

/// Whether a share of a whole (unit %, range 0..100) whose plan figures
/// are 10% or more is written as a fraction below 1.
fn looks_like_fraction(ind: &crate::model::plan::Indicator, v: f64) -> bool {
    let share = ind.unit == "%" && ind.range == [Some(0.0), Some(100.0)];
    let large = ind.target.or(ind.baseline).is_some_and(|t| t >= 10.0);
    share && large && v > 0.0 && v < 1.0
}
