//! PL204, PL205, PL210: a relative target ("控制在市要求以内", "达到省要求",
//! and any target the catalog judges against an outside figure) is met
//! against the requirement the plan office records for the year in its
//! decisions register (trust.md). A department cannot set its own bar: the
//! report's own `requirement` block is at most a copy, and must agree.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::{Diagnostic, Location};
use crate::diagnostics::messages::{IndicatorMsg, Note};
use crate::model::code::Code;
use crate::model::numeric;

pub const PL204: CodeInfo = CodeInfo {
    code: Code::PL204,
    summary: "a relative target (序号 17–19 市/省要求, and targets the catalog judges against an outside figure) has no requirement on record for the period in the plan office's decisions register; a target dated 到2025年 (T080–T082) asks for none before its year",
    why: "\"达到省要求\" can only be judged against the figure the province set for the year; a figure the department writes itself would let it set its own bar, so only the plan office's register (trust.md) records it",
    example: "indicators:\n  - id: I18\n    value: 2.4\n    requirement: {value: -10, source: 自定}   # grants nothing\n# and decisions/ has no requirement for I18 in this period\n",
    fix: "send the plan office the document that set the year's figure; it records a `kind: requirement` decision in decisions/ (then update the branch)",
    zh: ChineseTexts {
        summary: "相对目标（专栏2-1 序号17—19 的市、省要求，以及目录中与外部数据比较的目标）在规划主管部门的决定登记簿中没有本年度的要求；标明“到2025年”的目标（T080—T082）在目标年之前不要求登记。",
        why: "“达到省要求”只能对照省里为当年定的数值来评判；部门自己写的数值等于自己给自己定标准，所以只有规划主管部门的决定登记簿才能登记它。",
        example: "indicators:\n  - id: I18\n    value: 2.4\n    requirement: {value: -10, source: 自定}   # 不起作用\n# 决定登记簿 decisions/ 中也没有 I18 本年度的要求\n",
        fix: "把确定当年要求的文件报送规划主管部门，由其在 decisions/ 中登记要求决定（`kind: requirement`），然后更新你的分支。",
    },
    check: Some(check_missing),
};

pub const PL205: CodeInfo = CodeInfo {
    code: Code::PL205,
    summary: "the value does not meet the requirement on record in the decisions register, by the catalog's comparison for the target (for 17–19 the value is this year's reduction in percent, met when value ≥ the requirement); before a dated target's year (T080–T082, 到2025年) a requirement on record is judged as a warning only. It is the verdict `status` shows as 滞后预期 or 未完成",
    why: "a relative target is met only when the district's figure meets the city's or province's figure for the year by the target's comparison: a reduction at least the required one (序号17-19), a growth strictly above the city's average (高于), a rank at most the one counted as 前列 or 靠前",
    example: "# decisions/2023.yaml: {id: R2023-I18, kind: requirement, target: I18, period: 2023, value: 2.0, ...}\nindicators:\n  - id: I18\n    value: 1.8\n",
    fix: "check the figure against its source; if it is right the target was missed, which only a suppression decision of the plan office accepts",
    zh: ChineseTexts {
        summary: "数值未达到决定登记簿为本年度登记的要求（按目录中该目标的比较方式；序号17—19 填的是本年度的降低率，单位为 %，不低于要求即为达到）；标明“到2025年”的目标（T080—T082）在目标年之前对照已登记的要求只作警告。这正是 `status` 中显示为“滞后预期”或“未完成”的评价。",
        why: "相对目标只有在全区数值按该目标的比较方式达到市或省当年的数值时才算完成：降低率不低于要求（序号17—19），增速高于全市平均（“高于”不含等于），排名不低于算作“前列”或“靠前”的名次。",
        example: "# decisions/2023.yaml 中登记：{id: R2023-I18, kind: requirement, target: I18, period: 2023, value: 2.0, ...}\nindicators:\n  - id: I18\n    value: 1.8   # 低于要求的 2.0\n",
        fix: "对照来源核实数据；数据无误的，则目标未完成，只有规划主管部门的豁免决定可以认可。",
    },
    check: Some(check_met),
};

pub const PL210: CodeInfo = CodeInfo {
    code: Code::PL210,
    summary: "a report's `requirement.value` differs from the requirement the decisions register records for that indicator and period",
    why: "one requirement judges the target: a different figure in the report is a copying error or an attempt to set the bar, and either misleads the reader",
    example: "# decisions/: R2023-I18 requires 2.0 for 2023\nindicators:\n  - id: I18\n    value: 2.4\n    requirement: {value: 1.5, source: 黔环发〔2023〕12号}\n",
    fix: "write the register's figure, or remove `requirement:` from the entry",
    zh: ChineseTexts {
        summary: "报告中 `requirement` 下的 `value` 与决定登记簿为该指标、该年度登记的要求不一致。",
        why: "评判目标的要求只有一个：报告里写的不同数值，要么是抄错了，要么是想自定标准，两者都会误导读者。",
        example: "# decisions/ 中 R2023-I18 要求2023年为 2.0\nindicators:\n  - id: I18\n    value: 2.4\n    requirement: {value: 1.5, source: 黔环发〔2023〕12号}\n",
        fix: "照登记簿的数值填写，或从该指标中删去 `requirement:`。",
    },
    check: Some(check_consistent),
};

/// The requirement on record for an entry's indicator and the report's period.
fn on_record<'a>(
    ctx: &RuleCtx<'a>,
    ind: &crate::model::plan::Indicator,
) -> Option<&'a crate::load::decisions::Decision> {
    ctx.register
        .requirement(ctx.plan.id(), &ind.id, ctx.period()?)
}

/// The place of a register decision, labelled with what it records.
fn decision_note(d: &crate::load::decisions::Decision, unit: &str) -> (Location, Note) {
    (
        d.location(Some("value")),
        Note::Decision {
            id: d.id.clone(),
            value: d.value,
            unit: unit.to_string(),
        },
    )
}

fn check_missing(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(period) = ctx.period() else { return };
    for (e, ind) in ctx.indicators() {
        // A dated relative target (到2025年) asks for nothing before its year.
        if e.value.is_none() || on_record(ctx, ind).is_some() || !ind.judged_in(period) {
            continue;
        }
        // Point at the report's own requirement, which grants nothing, else the figure.
        let span = e
            .requirement()
            .map_or(e.value.as_ref().map_or(e.id.span, |v| v.span), |r| r.span);
        let pointer = match e.requirement() {
            Some(_) => format!("{}/requirement", e.pointer()),
            None => format!("{}/value", e.pointer()),
        };
        out.push(
            ctx.finding(
                span,
                IndicatorMsg::RequirementMissing {
                    ind: ind.into(),
                    target_text: ind.target_text.clone(),
                    period,
                    approvers: ctx.plan.header.approvers.clone(),
                },
            )
            .target(&ind.id)
            .node_path(pointer),
        );
    }
}

fn check_met(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let (Some(v), Some(d), Some(period)) = (&e.value, on_record(ctx, ind), ctx.period()) else {
            continue;
        };
        let Some(required) = d.value else { continue };
        // The one judgement: the year's requirement missed (a figure in
        // error is judged by nothing).
        if ctx.verdict(e, ind).and_then(|j| j.met_in(period)) != Some(false) {
            continue;
        }
        let (l, note) = decision_note(d, &ind.unit);
        let mut finding = ctx
            .finding(
                v.span,
                IndicatorMsg::RequirementNotMet {
                    ind: ind.into(),
                    value: v.value,
                    period,
                    required,
                    comparison: ind.comparison,
                    decision: d.id.clone(),
                    document: d.document.clone().unwrap_or_default(),
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()))
            .related(l, note);
        // Before a dated target's year a requirement on record is judged as
        // a warning only (rules.md, "One judgement": T080–T082).
        if !ind.judged_in(period) {
            finding.severity = crate::diagnostics::diagnostic::Severity::Warning;
        }
        out.push(finding);
    }
}

fn check_consistent(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(rv) = e.requirement().and_then(|r| r.value.as_ref()) else {
            continue;
        };
        let (Some(d), Some(period)) = (on_record(ctx, ind), ctx.period()) else {
            continue;
        };
        let Some(required) = d.value else { continue };
        if numeric::compare(rv.value, required) == std::cmp::Ordering::Equal {
            continue;
        }
        let (l, note) = decision_note(d, &ind.unit);
        out.push(
            ctx.finding(
                rv.span,
                IndicatorMsg::RequirementInconsistent {
                    ind: ind.into(),
                    period,
                    value: rv.value,
                    required,
                    decision: d.id.clone(),
                },
            )
            .target(&ind.id)
            .node_path(format!("{}/requirement/value", e.pointer()))
            .related(l, note),
        );
    }
}
