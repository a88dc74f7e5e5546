//! PL207: a value must be plausible for what it measures.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{IndicatorMsg, PlausibleMsg};
use crate::model::code::Code;
use crate::model::numeric;
use crate::model::plan::plausibility;
use std::cmp::Ordering;

pub const PL207: CodeInfo = CodeInfo {
    code: Code::PL207,
    summary: "a value is outside the range the catalog gives the indicator (a share of a whole: 0..100; a count: ≥ 0; a rank: 1..the number of units ranked; a per-capita or per-area figure: the physical range the catalog argues), narrowed by the rule entry's `greater_than`/`at_most` (a growth rate: above −100 and at most the entry's ceiling); a count or rank (the unit's `whole` in the rule files) that is not a whole number; or not a finite number. Where exactly one unit factor explains an out-of-range figure it is PL212 instead",
    why: "a share above 100% or a negative count is a typing error (976 for 97.6), and so is a growth rate of −100% or less, an amount written where its growth rate belongs (45000 for 城镇居民人均可支配收入's 8%), 2.5 incidents or a rank of 20 among the city's 13 units: each would distort every comparison after it. A share written as a fraction (0.978 for 97.8%) is PL212",
    example: "indicators:\n  - id: T073\n    value: 2.5\n",
    fix: "check the decimal point and the unit: a share is written in percent (97.6), a count as the whole number counted, in the plan's unit",
    zh: ChineseTexts {
        summary: "数值超出目录给该指标的范围（占比：0—100；数量：不小于 0；名次：1 至参与排名的单位数；人均或地均数值：目录论证的实际可能范围），并可由规则条目进一步收窄（增速：须大于 −100，且不超过该条目规定的上限）；按个数计的数量或名次（规则文件中该单位的 `whole`）不是整数；或者不是有限的数字。超出范围而恰好只有一个单位换算倍数能解释的，报 PL212。",
        why: "占比超过 100% 或数量为负，是录入错误（97.6 写成了 976）；增速不大于 −100%，在该填增速的地方填了金额（城镇居民人均可支配收入的目标是增长 8%，却填了 45000），事件数为 2.5 起，或在全市 13 个单位中排第 20 名，也是录入错误：这些错误会扭曲之后的每一次比较。把占比写成小数（97.8% 写成 0.978）报 PL212。",
        example: "indicators:\n  - id: T073\n    value: 2.5   # 事件数应为整数\n",
        fix: "检查小数点和单位：占比按百分数填写（97.6），数量按实际数出的整数、以规划的单位填写。",
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
            // A count or a rank is a whole number (the unit's `whole` in the
            // rule files, or the catalog entry's).
            if ctx.plan.plausibility(ind).whole && !plausibility::is_whole(v.value) {
                out.push(ctx.on_value(
                    e,
                    ind,
                    v.span,
                    PlausibleMsg::NotWhole {
                        ind: ind.into(),
                        value: v.value,
                    },
                ));
            }
            continue;
        }
        out.push(ctx.on_value(
            e,
            ind,
            v.span,
            IndicatorMsg::Implausible {
                ind: ind.into(),
                value: v.value,
                min: lo,
                min_exclusive,
                max: hi,
                rate: ind.kind == crate::model::plan::IndicatorKind::AnnualRate,
            },
        ));
    }
}
