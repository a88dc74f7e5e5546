//! PL501–PL503: the plan office's suppression decisions (trust.md) cover
//! the findings they match; a report's own suppressions must give a reason,
//! name a known rule and target, not be about a binding indicator (only the
//! register suppresses those), not be expired, and match a finding. A
//! suppressed finding is still listed, marked suppressed.

use super::{registry, ChineseTexts, CodeInfo};
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Note, SuppressionMsg};
use crate::load::decisions::{within_approved, DecisionKind, Register};
use crate::model::code::Code;
use crate::model::plan::{Attribute, Plan};
use crate::model::report::{Report, Suppression};

pub const PL501: CodeInfo = CodeInfo {
    code: Code::PL501,
    summary: "a report's suppression without a reason, with an unknown rule code or target, for a rule the plan marks non-suppressible, or for a finding on a binding indicator (only a decision in the plan office's register suppresses those; `approved_by` in a report grants nothing)",
    why: "a suppression is an exception to the plan: it must say why, and a department cannot grant itself an exception on a binding indicator — the plan office's register, which departments cannot write, is the only place such an exception comes from",
    example: "suppressions:\n  - rule: PL201\n    target: I14\n    reason: 沙尘天气\n    approved_by: 区发展和改革局   # grants nothing\n",
    fix: "give a reason, a known rule and target; for a binding indicator remove the entry and ask the plan office to record a suppression decision in decisions/ (then update the branch)",
    zh: ChineseTexts {
        summary: "报告中的豁免没有写理由、规则代码或目标不存在、所豁免的规则被规划标为不可豁免，或针对的是约束性指标的问题（这些只有规划主管部门决定登记簿中的决定才能豁免；报告中的 `approved_by` 不起作用）。",
        why: "豁免是规划的例外：必须说明理由；部门也不能给自己的约束性指标开例外——部门无权写入的规划主管部门决定登记簿，是这类例外唯一的来源。",
        example: "suppressions:\n  - rule: PL201\n    target: I14\n    reason: 沙尘天气\n    approved_by: 区发展和改革局   # 不起作用\n",
        fix: "写明理由，使用存在的规则和目标；针对约束性指标的，请删除该条目，并请规划主管部门在 decisions/ 中登记豁免决定（然后更新你的分支）。",
    },
    check: None,
};
pub const PL502: CodeInfo = CodeInfo {
    code: Code::PL502,
    summary: "a suppression's `until` is before the report's `submitted` date",
    why: "an exception granted for a time must not carry over into later reports unnoticed",
    example: "submitted: 2025-01-15\nsuppressions:\n  - {rule: PL203, target: I01, reason: 疫情影响, until: 2024-12-31}\n",
    fix: "remove the suppression, or ask for it to be renewed with a new `until`",
    zh: ChineseTexts {
        summary: "豁免的 `until`（有效期）早于报告的报送日期 `submitted`。",
        why: "有期限的例外，不能不知不觉地延续到以后的报告中。",
        example: "submitted: 2025-01-15\nsuppressions:\n  - {rule: PL203, target: I01, reason: 疫情影响, until: 2024-12-31}   # 已过期\n",
        fix: "删除该豁免，或申请延期并填写新的 `until`。",
    },
    check: None,
};
pub const PL503: CodeInfo = CodeInfo {
    code: Code::PL503,
    summary: "a report's suppression matches no finding, or (in a full check) a decision of the register matches nothing",
    why: "a stale exception hides the next real finding for the same rule and target",
    example: "suppressions:\n  - {rule: PL203, target: I02, reason: 疫情影响}\n# and I02 is on its path\n",
    fix: "remove the suppression (a decision: the plan office removes it from the register, or corrects its department, period, rule, target or figure)",
    zh: ChineseTexts {
        summary: "报告中的豁免没有对应任何问题，或（全面检查时）决定登记簿中的某项决定没有对应任何内容。",
        why: "用不上的例外，会掩盖同一规则、同一目标下一次真正的问题。",
        example: "suppressions:\n  - {rule: PL203, target: I02, reason: 疫情影响}\n# 而 I02 符合进度，没有问题可豁免\n",
        fix: "删除该豁免（如是登记簿中的决定：由规划主管部门从登记簿中删除，或改正其部门、年度、规则、目标或数值）。",
    },
    check: None,
};

/// Applies the register's suppressions, then validates the report's own
/// suppressions and marks the findings they cover. A finding whose target
/// is a binding indicator is suppressed only by a decision (trust.md).
pub fn apply(
    plan: &Plan,
    report: &Report,
    register: &Register,
    findings: &mut [Diagnostic],
    out: &mut Vec<Diagnostic>,
) {
    apply_decisions(plan, report, register, findings);
    let src = &report.source;
    for s in &report.suppressions {
        let at =
            |span: Option<crate::syntax::yaml::Span>| Location::at(src, span.unwrap_or(s.span));
        let pointer = format!("/suppressions/{}", s.index);
        let bad = |loc: Location, msg: SuppressionMsg| {
            Diagnostic::new(Code::PL501, Severity::Error, loc, msg).node_path(pointer.clone())
        };
        let (Some(rule), Some(target)) = (&s.rule, &s.target) else {
            continue;
        };
        if s.reason.as_ref().is_none_or(|r| r.value.trim().is_empty()) {
            out.push(bad(
                at(s.reason.as_ref().map(|r| r.span)),
                SuppressionMsg::NoReason {
                    rule: rule.value.clone(),
                    target: target.value.clone(),
                },
            ));
            continue;
        }
        let Some(info) = registry::info(&rule.value) else {
            out.push(bad(
                at(Some(rule.span)),
                SuppressionMsg::UnknownRule {
                    rule: rule.value.clone(),
                    suggestion: crate::syntax::suggest::closest(
                        &rule.value,
                        registry::CODES.iter().map(|c| c.code.as_str()),
                    )
                    .map(str::to_string),
                },
            ));
            continue;
        };
        let ind = plan.indicator(&target.value);
        // Whether a decision of the register already covers the finding: a
        // report's own entry for it is then ignored, so reports accepted
        // under version 1 stay green once the office records their exceptions.
        let decided = findings.iter().any(|f| {
            f.code == info.code
                && f.target.as_deref() == Some(target.value.as_str())
                && f.decision.is_some()
        });
        if info.code.has(crate::model::code::Property::NotByReport)
            && (ind.is_some() || info.code == Code::PL105)
        {
            // Only the register excuses these.
            if !decided {
                out.push(bad(
                    at(Some(rule.span)),
                    SuppressionMsg::NotByReport {
                        code: info.code.to_string(),
                        name: info.code.name().to_string(),
                        target: target.value.clone(),
                        approvers: plan.header.approvers.clone(),
                    },
                ));
            }
            continue;
        }
        if ind.is_none() && plan.project(&target.value).is_none() {
            out.push(bad(
                at(Some(target.span)),
                SuppressionMsg::UnknownTarget {
                    target: target.value.clone(),
                },
            ));
            continue;
        }
        if ind.is_some_and(|i| i.attribute == Attribute::Binding) {
            // Only the register relaxes a binding verdict.
            if !decided {
                out.push(bad(
                    at(Some(rule.span)),
                    SuppressionMsg::BindingInReport {
                        code: info.code.to_string(),
                        target: target.value.clone(),
                        approved_by: s.approved_by.as_ref().map(|a| a.value.clone()),
                        approvers: plan.header.approvers.clone(),
                    },
                ));
            }
            continue;
        }
        let entries: Vec<_> = plan.rules_for(info.code).collect();
        let suppressible = info.code.plan_rule()
            && !entries.is_empty()
            && entries.iter().all(|r| r.entry.suppressible);
        if !suppressible {
            let mut d = bad(
                at(Some(rule.span)),
                SuppressionMsg::NotSuppressible {
                    code: info.code.to_string(),
                    name: info.code.name().to_string(),
                    plan_rule: info.code.plan_rule(),
                },
            );
            if let Some(l) = entries
                .iter()
                .find(|r| !r.entry.suppressible)
                .and_then(|r| plan.rule_location(r, Some("suppressible")))
            {
                d = d.related(l, Note::NonSuppressible);
            }
            out.push(d);
            continue;
        }
        if let (Some(until), Some(sub)) = (&s.until, &report.submitted) {
            if until.value < sub.value {
                out.push(
                    Diagnostic::new(
                        Code::PL502,
                        Severity::Error,
                        at(Some(until.span)),
                        SuppressionMsg::Expired {
                            code: info.code.to_string(),
                            target: target.value.clone(),
                            until: until.value.to_string(),
                            submitted: sub.value.to_string(),
                        },
                    )
                    .node_path(format!("{pointer}/until")),
                );
                continue;
            }
        }
        let reason = s
            .reason
            .as_ref()
            .map(|r| r.value.clone())
            .unwrap_or_default();
        if !mark(findings, info.code, &target.value, &reason) {
            out.push(unused(s, src, info.code, &target.value, pointer));
        }
    }
}

/// Marks the findings the register's suppressions cover: same plan,
/// department, period, rule and target, and, for a finding about a figure,
/// a figure no worse than the one approved.
fn apply_decisions(plan: &Plan, report: &Report, register: &Register, findings: &mut [Diagnostic]) {
    if register.is_empty() {
        return;
    }
    let (Some(department), Some(period)) = (report.department(), report.period()) else {
        return;
    };
    let decisions: Vec<_> = (register.of_report(plan.id(), department, period))
        .filter(|d| d.kind == DecisionKind::Suppression)
        .collect();
    for d in decisions {
        let (Some(rule), Some(target)) = (&d.rule, &d.target) else {
            continue;
        };
        let code = Code::parse(rule);
        let covered = match (d.value, plan.indicator(target)) {
            (Some(approved), Some(ind)) => {
                let figure = (report.indicators.iter())
                    .find(|e| *e.id.value == **target)
                    .and_then(|e| e.value.as_ref());
                figure.is_some_and(|f| {
                    // A figure's validity is approved for that figure only
                    // (rules.md version 3: PL211, PL212, PL213 …); a verdict
                    // for any figure no worse.
                    if code.is_some_and(Code::is_data_validity) {
                        crate::model::numeric::compare(f.value, approved)
                            == std::cmp::Ordering::Equal
                    } else {
                        within_approved(
                            f.value,
                            approved,
                            ind.direction == crate::model::plan::Direction::HigherIsBetter,
                        )
                    }
                })
            }
            _ => true,
        };
        if !covered {
            continue;
        }
        for f in findings.iter_mut().filter(|f| {
            !f.suppressed
                && f.code.as_str() == rule.as_str()
                && f.target.as_deref() == Some(target.as_str())
        }) {
            f.suppressed = true;
            f.decision = Some(d.id.clone());
            f.justification = d.reason.clone();
        }
    }
}

fn mark(findings: &mut [Diagnostic], code: Code, target: &str, reason: &str) -> bool {
    let mut used = false;
    for f in findings
        .iter_mut()
        .filter(|f| !f.suppressed && f.code == code && f.target.as_deref() == Some(target))
    {
        f.suppressed = true;
        f.justification = Some(reason.to_string());
        used = true;
    }
    used
}

fn unused(
    s: &Suppression,
    src: &crate::syntax::source::Source,
    code: Code,
    target: &str,
    pointer: String,
) -> Diagnostic {
    Diagnostic::new(
        Code::PL503,
        Severity::Warning,
        Location::at(src, s.span),
        SuppressionMsg::Unused {
            code: code.to_string(),
            target: target.to_string(),
        },
    )
    .node_path(pointer)
}
