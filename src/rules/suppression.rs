//! PL501–PL503: suppressions must give a reason, name a known rule and
//! target, be approved where the plan demands it, not be expired, and match
//! a finding. A suppressed finding is still listed, marked suppressed.

use super::{registry, CodeInfo, Subject};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::messages::{Note, SuppressionMsg};
use crate::plan::{Attribute, Plan};
use crate::report::{Report, Suppression};

pub const PL501: CodeInfo = CodeInfo {
    code: "PL501",
    name: "bad-suppression",
    severity: "error",
    subject: Subject::Suppression,
    plan_rule: false,
    required_params: &[],
    summary: "a suppression without a reason, with an unknown rule code or target, for a rule the plan marks non-suppressible, or for a binding-indicator rule without an approver's `approved_by`",
    why: "a suppression is an exception to the plan: it must say why, and for binding indicators only the plan office may grant it",
    example: "suppressions:\n  - rule: PL201\n    target: I14\n    reason: 沙尘天气\n",
    fix: "give a reason, a known rule and target, and for PL201/PL202/PL204/PL205 on binding indicators `approved_by: 区发展和改革局`",
    check: None,
};
pub const PL502: CodeInfo = CodeInfo {
    code: "PL502",
    name: "expired-suppression",
    severity: "error",
    subject: Subject::Suppression,
    plan_rule: false,
    required_params: &[],
    summary: "a suppression's `until` is before the report's `submitted` date",
    why: "an exception granted for a time must not carry over into later reports unnoticed",
    example: "submitted: 2025-01-15\nsuppressions:\n  - {rule: PL203, target: I01, reason: 疫情影响, until: 2024-12-31}\n",
    fix: "remove the suppression, or ask for it to be renewed with a new `until`",
    check: None,
};
pub const PL503: CodeInfo = CodeInfo {
    code: "PL503",
    name: "unused-suppression",
    severity: "warning",
    subject: Subject::Suppression,
    plan_rule: false,
    required_params: &[],
    summary: "a suppression matches no finding",
    why: "a stale exception hides the next real finding for the same rule and target",
    example: "suppressions:\n  - {rule: PL203, target: I02, reason: 疫情影响}\n# and I02 is on its path\n",
    fix: "remove the suppression",
    check: None,
};

/// The rules that protect binding indicators and need an approver to be suppressed.
const BINDING_RULES: [&str; 4] = ["PL201", "PL202", "PL204", "PL205"];

/// Validates the report's suppressions and marks the findings they cover.
pub fn apply(plan: &Plan, report: &Report, findings: &mut [Diagnostic], out: &mut Vec<Diagnostic>) {
    let src = &report.source;
    for s in &report.suppressions {
        let at = |span: Option<crate::yaml::Span>| Location::at(src, span.unwrap_or(s.span));
        let pointer = format!("/suppressions/{}", s.index);
        let bad = |loc: Location, msg: SuppressionMsg| {
            Diagnostic::new("PL501", Severity::Error, loc, msg).node_path(pointer.clone())
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
                    suggestion: crate::suggest::closest(
                        &rule.value,
                        registry::CODES.iter().map(|c| c.code),
                    )
                    .map(str::to_string),
                },
            ));
            continue;
        };
        let ind = plan.indicator(&target.value);
        if ind.is_none() && plan.project(&target.value).is_none() {
            out.push(bad(
                at(Some(target.span)),
                SuppressionMsg::UnknownTarget {
                    target: target.value.clone(),
                },
            ));
            continue;
        }
        let entries: Vec<_> = plan.rules_for(info.code).collect();
        let suppressible =
            info.plan_rule && !entries.is_empty() && entries.iter().all(|r| r.entry.suppressible);
        if !suppressible {
            let mut d = bad(
                at(Some(rule.span)),
                SuppressionMsg::NotSuppressible {
                    code: info.code.to_string(),
                    name: info.name.to_string(),
                    plan_rule: info.plan_rule,
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
        let needs_approval = BINDING_RULES.contains(&info.code)
            && ind.is_some_and(|i| i.attribute == Attribute::Binding);
        let approved = s
            .approved_by
            .as_ref()
            .is_some_and(|a| plan.header.approvers.iter().any(|x| *x == a.value.trim()));
        if needs_approval && !approved {
            out.push(bad(
                at(s.approved_by.as_ref().map(|a| a.span).or(Some(rule.span))),
                SuppressionMsg::NeedsApproval {
                    code: info.code.to_string(),
                    target: target.value.clone(),
                    approvers: plan.header.approvers.clone(),
                },
            ));
            continue;
        }
        if let (Some(until), Some(sub)) = (&s.until, &report.submitted) {
            if until.value < sub.value {
                out.push(
                    Diagnostic::new(
                        "PL502",
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

fn mark(findings: &mut [Diagnostic], code: &str, target: &str, reason: &str) -> bool {
    let mut used = false;
    for f in findings
        .iter_mut()
        .filter(|f| f.code == code && f.target.as_deref() == Some(target))
    {
        f.suppressed = true;
        f.justification = Some(reason.to_string());
        used = true;
    }
    used
}

fn unused(
    s: &Suppression,
    src: &crate::source::Source,
    code: &str,
    target: &str,
    pointer: String,
) -> Diagnostic {
    Diagnostic::new(
        "PL503",
        Severity::Warning,
        Location::at(src, s.span),
        SuppressionMsg::Unused {
            code: code.to_string(),
            target: target.to_string(),
        },
    )
    .node_path(pointer)
}
