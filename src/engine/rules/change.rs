//! PL211: an implausible change from the previous figure (a soft edit,
//! which the department corrects or, on an expected indicator, confirms).

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Note, PlausibleMsg};
use crate::model::code::Code;
use crate::model::plan::plausibility;
use crate::model::plan::Attribute;

pub const PL211: CodeInfo = CodeInfo {
    code: Code::PL211,
    summary: "a figure in range differs from the same department's previous accepted figure for the indicator (or from the baseline, where it is a level at the baseline year) by more than the indicator's plausible change: a ratio for amounts, percentage points for shares and rates, a difference for counts and ranks, the year's increment for cumulative totals (the catalog's `plausible`, or the unit's `plausibility:` in the rule files). On an expected indicator `confirmed: {value, reason}` on the entry, repeating exactly this figure, resolves it (listed, not counted); on a binding indicator only a suppression decision in the register does",
    why: "a figure that jumps beyond anything the series does is most often a typing or unit error, sometimes a real change: survey editing's soft edit asks the respondent to correct it or to confirm it with a reason, so that the plan office evaluates the plan on figures someone has looked at",
    example: "indicators:\n  - id: T073\n    value: 3000   # 2022: 0\n",
    fix: "correct the figure (the help offers the reading a slipped unit gives, where one fits); if it is right, on an expected indicator add `confirmed: {value: <the figure>, reason: <why, with the source>}` to the entry; on a binding indicator ask the plan office for a suppression decision for that figure",
    zh: ChineseTexts {
        summary: "数值在范围之内，但与本部门上一年已接受的该指标数值（或基期值，若基期值为基期年的时点值）相比，变动超出该指标的合理幅度：金额按倍数，占比和增速按百分点，数量和名次按差值，累计数按当年增量（目录条目的 `plausible`，或规则文件中按单位的 `plausibility:`）。预期性指标可在条目下写 `confirmed: {value, reason}`，value 须与所填数值完全相同，即视为已核实（列出但不计数）；约束性指标只能由决定登记簿中的豁免决定解决。",
        why: "远超该序列正常变动的数值多半是录入或单位错误，偶尔是真实变化：按统计调查的软性校验做法，由填报人员改正或说明理由予以核实，使规划主管部门据以评估的数值都经过人工核对。",
        example: "indicators:\n  - id: T073\n    value: 3000   # 2022年为 0\n",
        fix: "改正数值（单位填错时帮助信息会给出换算后的数值）；如数值无误，预期性指标请在条目下添加 `confirmed: {value: <该数值>, reason: <原因及来源>}`，约束性指标请规划主管部门针对该数值登记豁免决定。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(v) = &e.value else { continue };
        let p = ctx.plan.plausibility(ind);
        let Some(change) = p.change else { continue };
        // A figure impossible as written is PL207's or PL212's.
        let possible =
            |x: f64| plausibility::possible(ind, &p, x) && ctx.plan.in_plausible_range(ind, x);
        if !possible(v.value) {
            continue;
        }
        let Some(prev) = ctx.previous(ind) else {
            continue;
        };
        // A previous figure impossible as written (its year's PL207 or
        // PL212) is in error: no yardstick for this year's change.
        if !possible(prev.value) {
            continue;
        }
        let years = ctx.period().unwrap_or_default() - prev.year;
        if change.within(prev.value, v.value, ind.target, years) {
            continue;
        }
        let text = e.value_text(&ctx.report.source).unwrap_or_default();
        let previous = Some((prev.value, years));
        let mut readings = plausibility::readings(ind, &p, text, v.value, previous);
        let reading = (readings.len() == 1).then(|| readings.remove(0).text);
        let binding = ind.attribute == Attribute::Binding;
        let confirmed = e.confirms_figure();
        let confirmed_other = (e.confirmed())
            .and_then(|c| c.value.as_ref())
            .map(|c| c.value)
            .filter(|c| crate::model::numeric::compare(*c, v.value) != std::cmp::Ordering::Equal);
        let mut d = ctx.on_value(
            e,
            ind,
            v.span,
            PlausibleMsg::ImplausibleChange {
                ind: ind.into(),
                value: v.value,
                prev: prev.shown(),
                change,
                reading,
                binding,
                approver: ctx.approver(),
                confirmed_other,
            },
        );
        if let (false, Some(reason)) = (binding, confirmed) {
            d.suppressed = true;
            d.confirmed = true;
            d.justification = Some(reason.to_string());
        } else if let (false, None, Some((at, line))) =
            (binding, e.confirmed(), confirm_at(ctx, v.span))
        {
            // The editor offers to confirm it: the entry's `confirmed` for
            // this figure, with the reason left for the clerk to write.
            let figure = crate::diagnostics::messages::num(v.value);
            let text = format!("\n{line}confirmed: {{value: {figure}, reason: }}");
            let title = crate::diagnostics::messages::ServerText::FixConfirm { value: figure };
            d = d.fix(at, text, title);
        }
        let label = Note::PreviousValue {
            value: prev.value,
            unit: ind.unit.clone(),
            year: prev.year,
        };
        out.push(prev.relate(d, label));
    }
}

/// Where a `confirmed:` line goes for a figure written as `value: X` on a
/// line of its own: the end of that line, with the line's indentation. None
/// for a figure in a flow mapping (`{id: T073, value: 3000}`).
fn confirm_at(
    ctx: &RuleCtx<'_>,
    value: crate::syntax::yaml::Span,
) -> Option<(crate::syntax::yaml::Span, String)> {
    let text = ctx.report.source.text();
    let start = text
        .get(..value.start())?
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let head = text.get(start..value.start())?;
    let indent = &head[..head.len() - head.trim_start().len()];
    if head.trim_start().trim_end() != "value:" || indent.is_empty() {
        return None;
    }
    // The end of the line (of the text, on its last line).
    let rest = text.get(value.end()..)?;
    let end = rest
        .find(['\n', '\r'])
        .map_or(text.len(), |i| value.end() + i);
    let end = crate::syntax::yaml::Span::new(end, end);
    Some((end, indent.to_string()))
}
