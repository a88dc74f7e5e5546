//! PL213: two figures the catalog declares to be the same measure differ.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::{Diagnostic, Location};
use crate::diagnostics::messages::{Note, PlausibleMsg};
use crate::model::code::Code;
use crate::model::numeric;
use std::cmp::Ordering;

pub const PL213: CodeInfo = CodeInfo {
    code: Code::PL213,
    summary: "an entry's figure differs from the figure of the same year of the indicator the catalog declares the same measure (`same_as`: T079 经济增速 is I01 地区生产总值增长 of the same year), in the same report or in the report of the department responsible for the other indicator; a pending counterpart gives no finding",
    why: "the plan office evaluates both targets on these figures: two figures for one measure mean one of them is wrong, and each target would be judged on a different truth",
    example: "indicators:\n  - id: I01\n    value: 8.6\n  - id: T079\n    value: 8.9\n",
    fix: "write the published figure in both places: correct the one that is not",
    zh: ChineseTexts {
        summary: "条目的数值与目录规定为同一口径（`same_as`：T079 经济增速即同一年的 I01 地区生产总值增长）的另一指标同一年的数值不一致，无论后者在同一份报告中，还是在负责该指标的部门的报告中；另一指标暂无数据（pending）时不报。",
        why: "规划主管部门据这两个数值评估两个目标：同一口径有两个数值，说明其中一个有误，两个目标就会按不同的“事实”评判。",
        example: "indicators:\n  - id: I01\n    value: 8.6\n  - id: T079\n    value: 8.9   # 应与 I01 相同\n",
        fix: "两处都填写公布的数值：改正不一致的那一处。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(period) = ctx.period() else { return };
    for (e, ind) in ctx.indicators() {
        let Some(other_id) = &ind.same_as else {
            continue;
        };
        let Some(v) = &e.value else { continue };
        let Some(other) = ctx.plan.indicator(other_id) else {
            continue;
        };
        // The counterpart in this report first, else the responsible department's.
        let here = (ctx.report.indicators.iter()).find(|x| *x.id.value == **other_id);
        let (other_value, at, other_report) = match here {
            Some(x) => match &x.value {
                Some(ov) => (ov.value, Location::at(&ctx.report.source, ov.span), None),
                None => continue,
            },
            None => match ctx.history.value_in(ctx.plan, other, period) {
                Some(f) => (f.value, f.location(), Some(f.path().to_string())),
                None => continue,
            },
        };
        if numeric::compare(v.value, other_value) == Ordering::Equal {
            continue;
        }
        let d = ctx
            .on_value(
                e,
                ind,
                v.span,
                PlausibleMsg::Inconsistent {
                    ind: ind.into(),
                    value: v.value,
                    other: other.into(),
                    other_value,
                    period,
                    other_report,
                },
            )
            .related(
                at,
                Note::SameMeasure {
                    id: other.id.clone(),
                },
            );
        out.push(d);
    }
}
