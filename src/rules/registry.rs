//! Every code plan-lint emits, in code order. The codes are the contract:
//! a code never changes meaning once released.

use super::*;

/// PL004 and PL005 describe plan-lint's own inputs (plan, rule and config files).
pub const PL004: CodeInfo = CodeInfo {
    code: "PL004",
    name: "bad-plan",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "a plan's catalog or rule file, or a file of the plan office's decisions register, does not load or is inconsistent: a duplicate id, an unknown department, a rule entry with an unknown code, a selector that selects nothing, a missing parameter or file; in the register, an unknown plan, department, rule or target, an approver who is not the plan's, a non-suppressible rule, a suppression of a figure without the figure",
    why: "the rules must be the plan, and an exception must be the plan office's: a rule that silently selects nothing would pass every report, and a decision nobody may take must not relax a verdict",
    example: "rules:\n  - code: PL201\n    select: {ids: [I99]}\n    severity: error\n    suppressible: true\n    passage: {line: 92, passage: 专栏2-1}\n",
    fix: "correct the file at the place shown; `plan-lint schema plan`, `plan-lint schema rules` and `plan-lint schema decisions` describe the files",
    check: None,
};
pub const PL005: CodeInfo = CodeInfo {
    code: "PL005",
    name: "bad-config",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "plan-lint.toml is not valid: a TOML syntax error, an unknown key, a wrong value, a severity override of a rule that may not be changed",
    why: "a typo in the configuration must not silently change what is checked",
    example: "data-root = \"progress\"   # the key is data_root\n",
    fix: "correct the key or value at the place shown; `plan-lint schema config` describes the file",
    check: None,
};

/// Every code, in code order.
pub static CODES: &[&CodeInfo] = &[
    &parse::PL001,
    &parse::PL002,
    &reference::PL003,
    &PL004,
    &PL005,
    &reference::PL101,
    &reference::PL102,
    &reference::PL103,
    &reference::PL104,
    &reference::PL105,
    &reference::PL106,
    &reference::PL107,
    &reference::PL108,
    &reference::PL109,
    &reference::PL110,
    &no_regression::PL201,
    &target_bound::PL202,
    &trajectory::PL203,
    &requirement::PL204,
    &requirement::PL205,
    &cumulative::PL206,
    &range::PL207,
    &coverage::PL208,
    &coverage::PL209,
    &requirement::PL210,
    &status_transition::PL301,
    &progress::PL302,
    &completion::PL303,
    &date_order::PL304,
    &overrun::PL305,
    &coverage::PL306,
    &history_integrity::PL401,
    &history_integrity::PL402,
    &history_integrity::PL403,
    &suppression::PL501,
    &suppression::PL502,
    &suppression::PL503,
];

pub fn info(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().copied().find(|c| c.code == code)
}
