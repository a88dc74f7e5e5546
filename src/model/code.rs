//! Every code plan-lint emits (rules.md's catalog): the stable identifiers of the
//! contract, and what the contract says of each — its name, severity, subject, whether a
//! plan's rule files decide where it applies, and the parameters such a rule entry must
//! give. Each code's explain texts and check live with its rule (`rules/`), whose registry
//! (`rules::registry`) joins them to these by code.
//!
//! A code is never written as a bare string outside this file: a finding, a rule entry or
//! a decision names a [`Code`]; the files plan-lint reads are parsed into one
//! ([`Code::parse`]) and the outputs print it ([`Code::as_str`]).

use serde::{Deserialize, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a code is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    File,
    Indicator,
    Project,
    Suppression,
    History,
}

/// A code of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    PL001,
    PL002,
    PL003,
    PL004,
    PL005,
    PL006,
    PL101,
    PL102,
    PL103,
    PL104,
    PL105,
    PL106,
    PL107,
    PL108,
    PL109,
    PL110,
    PL201,
    PL202,
    PL203,
    PL204,
    PL205,
    PL206,
    PL207,
    PL208,
    PL209,
    PL210,
    PL211,
    PL212,
    PL213,
    PL301,
    PL302,
    PL303,
    PL304,
    PL305,
    PL306,
    PL401,
    PL402,
    PL403,
    PL501,
    PL502,
    PL503,
    PL601,
    PL602,
    PL603,
    PL604,
    PL605,
    PL606,
}

/// What the contract says of a code.
#[derive(Debug)]
pub struct Meta {
    pub code: Code,
    pub text: &'static str,
    pub name: &'static str,
    /// The contract's severity; a plan's rule entry may set another.
    pub severity: &'static str,
    pub subject: Subject,
    /// Whether a plan's rule files decide where it applies (PL2xx, PL3xx).
    pub plan_rule: bool,
    pub required_params: &'static [&'static str],
}

/// Every code, in code order.
pub static ALL: &[Meta] = &[
    Meta { code: Code::PL001, text: "PL001", name: "yaml-syntax", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL002, text: "PL002", name: "schema", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL003, text: "PL003", name: "unknown-plan", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL004, text: "PL004", name: "bad-plan", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL005, text: "PL005", name: "bad-config", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL006, text: "PL006", name: "register-outdated", severity: "warning", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL101, text: "PL101", name: "unknown-indicator", severity: "error", subject: Subject::Indicator, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL102, text: "PL102", name: "unknown-project", severity: "error", subject: Subject::Project, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL103, text: "PL103", name: "duplicate-entry", severity: "error", subject: Subject::Indicator, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL104, text: "PL104", name: "unit-mismatch", severity: "error", subject: Subject::Indicator, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL105, text: "PL105", name: "not-responsible", severity: "error", subject: Subject::Indicator, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL106, text: "PL106", name: "bad-period", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL107, text: "PL107", name: "duplicate-report", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL108, text: "PL108", name: "path-mismatch", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL109, text: "PL109", name: "unknown-department", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL110, text: "PL110", name: "unread-report-file", severity: "warning", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL201, text: "PL201", name: "binding-regression", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &["tolerance"] },
    Meta { code: Code::PL202, text: "PL202", name: "target-breach", severity: "error for binding, warning otherwise", subject: Subject::Indicator, plan_rule: true, required_params: &["band"] },
    Meta { code: Code::PL203, text: "PL203", name: "off-trajectory", severity: "warning", subject: Subject::Indicator, plan_rule: true, required_params: &["margin"] },
    Meta { code: Code::PL204, text: "PL204", name: "requirement-missing", severity: "error for binding, warning otherwise", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL205, text: "PL205", name: "requirement-not-met", severity: "error for binding, warning otherwise", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL206, text: "PL206", name: "cumulative-decrease", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL207, text: "PL207", name: "implausible-value", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL208, text: "PL208", name: "missing-indicator", severity: "error for binding, warning otherwise", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL209, text: "PL209", name: "binding-pending", severity: "warning; error once `expected_by` has passed or lies after 31 December of the year after the period", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL210, text: "PL210", name: "requirement-inconsistent", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL211, text: "PL211", name: "implausible-change", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL212, text: "PL212", name: "unit-slip", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL213, text: "PL213", name: "inconsistent-figures", severity: "error", subject: Subject::Indicator, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL301, text: "PL301", name: "bad-status-transition", severity: "error", subject: Subject::Project, plan_rule: true, required_params: &["transitions"] },
    Meta { code: Code::PL302, text: "PL302", name: "progress-decrease", severity: "error", subject: Subject::Project, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL303, text: "PL303", name: "completion-evidence", severity: "error", subject: Subject::Project, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL304, text: "PL304", name: "date-order", severity: "error", subject: Subject::Project, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL305, text: "PL305", name: "investment-overrun", severity: "warning", subject: Subject::Project, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL306, text: "PL306", name: "missing-project", severity: "warning", subject: Subject::Project, plan_rule: true, required_params: &[] },
    Meta { code: Code::PL401, text: "PL401", name: "history-rewritten", severity: "error", subject: Subject::History, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL402, text: "PL402", name: "history-deleted", severity: "error", subject: Subject::History, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL403, text: "PL403", name: "rules-changed", severity: "warning", subject: Subject::History, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL501, text: "PL501", name: "bad-suppression", severity: "error", subject: Subject::Suppression, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL502, text: "PL502", name: "expired-suppression", severity: "error", subject: Subject::Suppression, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL503, text: "PL503", name: "unused-suppression", severity: "warning", subject: Subject::Suppression, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL601, text: "PL601", name: "citation-mismatch", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL602, text: "PL602", name: "table-row", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL603, text: "PL603", name: "unaccounted", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL604, text: "PL604", name: "accounting-mismatch", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL605, text: "PL605", name: "catalog-inconsistent", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
    Meta { code: Code::PL606, text: "PL606", name: "review-pending", severity: "error", subject: Subject::File, plan_rule: false, required_params: &[] },
];

/// What the contract says of the code a text names ("PL201"), if it has it.
pub fn meta_of(text: &str) -> Option<&'static Meta> {
    Code::parse(text).map(Code::meta)
}

impl Code {
    /// The code as the contract writes it: "PL201".
    pub fn as_str(self) -> &'static str {
        self.meta().text
    }
    /// The code a text names ("PL201"), if the contract has it.
    pub fn parse(text: &str) -> Option<Code> {
        ALL.iter().find(|m| m.text == text).map(|m| m.code)
    }
    pub fn meta(self) -> &'static Meta {
        &ALL[self as usize]
    }
    pub fn name(self) -> &'static str {
        self.meta().name
    }
    pub fn severity(self) -> &'static str {
        self.meta().severity
    }
    pub fn subject(self) -> Subject {
        self.meta().subject
    }
    pub fn plan_rule(self) -> bool {
        self.meta().plan_rule
    }
    pub fn required_params(self) -> &'static [&'static str] {
        self.meta().required_params
    }
    /// The codes of data validity (rules.md version 3, "One judgement"): a
    /// figure carrying an unresolved finding of one of these is in error
    /// (数据有误), never met or on track. PL002 and PL104 count only on a
    /// figure (a finding whose node is an entry's `value`), PL211 only
    /// unconfirmed (a confirmed one is suppressed): see
    /// `Diagnostic::is_data_validity`.
    pub const DATA_VALIDITY: &'static [Code] = &[
        Code::PL002,
        Code::PL104,
        Code::PL207,
        Code::PL211,
        Code::PL212,
        Code::PL213,
    ];
    /// Whether a code is one of [`Code::DATA_VALIDITY`].
    pub fn is_data_validity(self) -> bool {
        Code::DATA_VALIDITY.contains(&self)
    }
    /// The codes a report's own `suppressions:` cannot touch (PL501): a
    /// department cannot excuse its own figures' plausibility or its own
    /// filing outside its responsibilities; only the register's decision can.
    pub const NOT_BY_REPORT: &'static [Code] =
        &[Code::PL105, Code::PL211, Code::PL212, Code::PL213];
    /// The value findings a unit slip (PL212) on an entry folds into itself:
    /// they are caused by the slip and say nothing of the meant figure.
    pub const FOLDED_BY_SLIP: &'static [Code] = &[
        Code::PL201,
        Code::PL202,
        Code::PL203,
        Code::PL207,
        Code::PL211,
    ];
    /// Every code, in code order.
    pub fn all() -> impl Iterator<Item = Code> {
        ALL.iter().map(|m| m.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order_and_each_text_is_its_name() {
        for (i, m) in ALL.iter().enumerate() {
            assert_eq!(m.code as usize, i);
            assert_eq!(format!("{:?}", m.code), m.text);
            assert_eq!(Code::parse(m.text), Some(m.code));
        }
        assert_eq!(Code::parse("PL999"), None);
    }
}
